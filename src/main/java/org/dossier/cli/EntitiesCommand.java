package org.dossier.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.core.EntityType;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.EntitySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "entities",
    description = {
      "Lists the people, organisations, places, equipment and units the case mentions, each with",
      "the other names it goes by (acronyms, spellings in other scripts, short forms) and the",
      "documents that mention it."
    })
final class EntitiesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--type", paramLabel = "T",
      description = "Only this type: person, organization, place, equipment, unit, other.")
  String type;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "At most N (default 200).")
  int limit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<EntityType> t = type == null ? Optional.empty() : Optional.of(EntityType.fromCode(type.toLowerCase(Locale.ROOT)));
    List<EntitySummary> entities;
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, spec.commandLine().getErr());
      entities = folder.store().entities().entities(t, limit);
    }
    if (options.json) {
      Json.print(out, org.dossier.views.CaseViews.entities(entities));
      return 0;
    }
    if (entities.isEmpty()) {
      out.println("No entities yet. Ingest documents first: dossier ingest PATH");
      return 0;
    }
    for (EntitySummary e : entities) {
      out.printf(Locale.ROOT, "%-13s %s  (%d mentions in %d documents)%n", e.type().code(), e.name(),
          e.mentions(), e.documents().size());
      if (!e.aliases().isEmpty()) {
        out.printf(Locale.ROOT, "              also: %s%n", String.join(", ", e.aliases()));
      }
    }
    return 0;
  }
}
