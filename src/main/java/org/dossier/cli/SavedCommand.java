package org.dossier.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.core.DocumentIndex;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchResult;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.SavedSearchStore.Saved;
import org.dossier.views.SavedSearches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "saved",
    description = {
      "Lists your saved searches, each with how many documents it matches and how many of them were",
      "added since you last saw it (its alert). The same searches and alerts are in the workbench."
    },
    subcommands = {
      SavedCommand.AddCommand.class,
      SavedCommand.NewCommand.class,
      SavedCommand.SeenCommand.class,
      SavedCommand.DeleteCommand.class,
    })
final class SavedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;
  @Mixin Who who;

  /** Whose searches: the workbench's user name, or the system user's. */
  static final class Who {
    @Option(names = "--user", paramLabel = "NAME", description = "Whose saved searches (default: the system user).")
    String user = System.getProperty("user.name", "analyst");
  }

  @Override
  public Integer call() throws Exception {
    List<SavedSearches.Alert> alerts;
    try (CaseFolder folder = options.openExisting(); DocumentIndex index = folder.openIndexForReading()) {
      alerts = SavedSearches.alerts(folder, index, who.user);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      alerts.forEach(a -> rows.add(SavedSearches.json(a)));
      Json.print(out, Map.of("saved", rows));
      return 0;
    }
    if (alerts.isEmpty()) {
      out.println("No saved searches for " + who.user + ". Save one: dossier saved add NAME QUERY");
      return 0;
    }
    for (SavedSearches.Alert a : alerts) {
      out.printf(Locale.ROOT, "%-24s %6d match, %s%d new  %s%n", a.saved().name(), a.total(),
          a.more() ? "at least " : "", a.fresh(), a.saved().query());
    }
    if (alerts.stream().anyMatch(a -> a.fresh() > 0)) {
      out.println("\nSee the new ones: dossier saved new NAME.  Then: dossier saved seen NAME");
    }
    return 0;
  }

  static Saved find(CommandSpec spec, CaseFolder folder, String user, String name) throws Exception {
    return folder.store().savedSearches().byName(user, name.strip())
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "no saved search named '" + name + "' for " + user));
  }

  @Command(name = "add", description = "Saves a search under a name (replacing one of that name); its hits count as seen.")
  static final class AddCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "NAME", description = "Its name.") String name;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUERY", description = "The query, as 'search' takes it.") List<String> words;

    @Override
    public Integer call() throws Exception {
      Saved s;
      try (CaseFolder folder = options.openExisting(); DocumentIndex index = folder.openIndexForReading()) {
        s = SavedSearches.save(folder, index, who.user, name, String.join(" ", words), Instant.now(Clock.systemUTC()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getOut().println("Saved '" + s.name() + "': " + s.query());
      return 0;
    }
  }

  @Command(name = "new", description = "Shows the documents added since you last saw a saved search that match it.")
  static final class NewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "NAME", description = "The saved search.") String name;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Hits to show (default 20).") int limit;

    @Override
    public Integer call() throws Exception {
      if (limit < 1 || limit > org.dossier.core.SearchRequest.MAX_LIMIT) {
        throw new ParameterException(spec.commandLine(), "--limit must be between 1 and " + org.dossier.core.SearchRequest.MAX_LIMIT);
      }
      SearchResult r;
      try (CaseFolder folder = options.openExisting(); DocumentIndex index = folder.openIndexForReading()) {
        r = SavedSearches.fresh(folder, index, find(spec, folder, who.user, name), limit, 0);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (options.json) {
        Json.print(out, org.dossier.views.CaseViews.search(r));
        return 0;
      }
      out.printf(Locale.ROOT, "%d new document%s match%n", r.total(), r.total() == 1 ? "" : "s");
      int n = 0;
      for (SearchHit h : r.hits()) {
        out.printf(Locale.ROOT, "%3d. %s%n", ++n, h.name());
        for (String s : h.snippets()) {
          out.println("     " + Snippets.forTerminal(s));
        }
      }
      return 0;
    }
  }

  /** A command about one of the user's saved searches, by name. */
  abstract static class OneSaved implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "NAME", description = "The saved search.") String name;

    abstract void apply(CaseFolder folder, Saved saved) throws Exception;

    @Override
    public Integer call() throws Exception {
      try (CaseFolder folder = options.openExisting()) {
        apply(folder, find(spec, folder, who.user, name));
      }
      return 0;
    }
  }

  @Command(name = "seen", description = "Marks a saved search's hits seen: its alert starts again from now.")
  static final class SeenCommand extends OneSaved {
    @Override
    void apply(CaseFolder folder, Saved s) throws Exception {
      SavedSearches.seen(folder, who.user, s.id(), folder.store().documents().lastSeq(), Instant.now(Clock.systemUTC()));
    }
  }

  @Command(name = "delete", description = "Deletes a saved search.")
  static final class DeleteCommand extends OneSaved {
    @Override
    void apply(CaseFolder folder, Saved s) throws Exception {
      SavedSearches.delete(folder, who.user, s.id());
    }
  }
}
