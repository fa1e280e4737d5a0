package org.dossier.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.CaseSettings;
import org.dossier.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    description = {
      "Creates a case and chooses its store, once: SQLite in the case folder (the default) or a schema",
      "of its own on a PostgreSQL server, which every later command on the case then uses. 'ingest'",
      "creates a SQLite case by itself; init is needed only for another store."
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--store", paramLabel = "URL",
      description = {"sqlite (the default), or postgresql://HOST:PORT/DB?user=NAME (or a jdbc:postgresql: URL;",
        "currentSchema=NAME to name the case's schema, else dossier_<case id>). The password comes",
        "from the environment variable " + StoreLocation.PASSWORD_VARIABLE + ", never from the URL."})
  String store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CaseSettings created = CaseFolder.create(options.caseDir(), Optional.ofNullable(store), Clock.systemUTC());
    String where = created.store() instanceof StoreLocation.Postgres ? "postgresql" : "sqlite";
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("case", options.caseDir().toAbsolutePath().normalize().toString());
      json.put("id", created.id());
      json.put("store", where);
      json.put("location", created.store().describe());
      Json.print(out, json);
    } else {
      out.printf(Locale.ROOT, "Created the case %s (id %s)%n", options.caseDir().toAbsolutePath().normalize(),
          created.id());
      out.printf(Locale.ROOT, "  store      %s: %s%n", where, created.store().describe());
      out.println("Next: dossier ingest PATH   (every command on this case uses this store)");
    }
    return 0;
  }
}
