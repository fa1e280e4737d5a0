package org.dossier.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.core.Document;
import org.dossier.core.Judgement;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Judging;
import org.dossier.views.CaseViews;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "mark",
    description = {
      "Records the analyst's judgement, attributed and logged in custody: a claim, an attribution or",
      "a propagation link marked wrong, a fact's status set by hand, a tag, star or note on a document,",
      "a document's outlet, headline, date or address set by hand, two names merged into one entity or",
      "split apart, or the undoing of an earlier judgement. Facts, the report and every later reading",
      "respect it."
    },
    subcommands = {
      MarkCommand.ClaimCommand.class,
      MarkCommand.AttributionCommand.class,
      MarkCommand.FactCommand.class,
      MarkCommand.DocumentCommand.class,
      MarkCommand.LinkCommand.class,
      MarkCommand.EntityCommand.class,
      MarkCommand.UndoCommand.class,
    })
final class MarkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to mark: claim, attribution, fact, document, link, entity or undo");
  }

  /** Options every judgement takes. */
  static final class Who {
    @Option(names = "--user", paramLabel = "NAME", description = "Who judges (default: the system user).")
    String user = System.getProperty("user.name", "analyst");

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why.")
    String reason = "";
  }

  /** Records {@code j} and says so. */
  static int record(CaseOptions options, CommandSpec spec, Judgement j) throws Exception {
    try (CaseFolder folder = options.openExisting()) {
      Judgement saved = Judging.record(folder, j);
      PrintWriter out = spec.commandLine().getOut();
      if (options.json) {
        Json.print(out, CaseViews.judgement(saved, saved.action() != Judgement.Action.UNDO));
      } else {
        out.printf(Locale.ROOT, "Judgement %d: %s %s%s%s%n", saved.seq(), saved.action().code(), saved.target(),
            saved.value().isEmpty() ? "" : " = " + saved.value(), saved.bearsOnFindings()
                ? " (the facts are formed again at the next reading)" : "");
      }
      return 0;
    }
  }

  static Document document(CaseOptions options, String ref) throws Exception {
    try (CaseFolder folder = options.openExisting()) {
      return CaseViews.resolve(folder.store().documents(), ref);
    }
  }

  /** A claim's quote in a document's text, and the mark that it is wrong. */
  static final class ClaimAt {
    @Parameters(index = "0", paramLabel = "DOC", description = "The document (name, path or id prefix).") String doc;
    @Parameters(index = "1", paramLabel = "START", description = "Where the claim's quote starts.") int start;
    @Parameters(index = "2", paramLabel = "END", description = "Where it ends.") int end;
    @Option(names = "--wrong", required = true, description = "It is wrong.") boolean wrong;

    /** Records the judgement that the claim (or its attribution) here is wrong. */
    int record(CommandSpec spec, CaseOptions options, Who who, boolean attribution) throws Exception {
      check(spec, start, end, who);
      org.dossier.core.DocumentId id = document(options, doc).id();
      return MarkCommand.record(options, spec, Judgement.of(Instant.now(Clock.systemUTC()), who.user,
          attribution ? Judgement.attribution(id, start, end) : Judgement.claim(id, start, end),
          Judgement.Action.WRONG, "", who.reason));
    }
  }

  @Command(name = "claim", description = "Marks the claim at START..END of a document's text wrong: it leaves the facts.")
  static final class ClaimCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Mixin ClaimAt at;

    @Override
    public Integer call() throws Exception {
      return at.record(spec, options, who, false);
    }
  }

  @Command(name = "attribution", description = "Marks who a claim is attributed to wrong: it is kept, attributed to no one.")
  static final class AttributionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Mixin ClaimAt at;

    @Override
    public Integer call() throws Exception {
      return at.record(spec, options, who, true);
    }
  }

  static void check(CommandSpec spec, int start, int end, Who who) {
    if (start < 0 || end <= start) {
      throw new ParameterException(spec.commandLine(), "START and END are offsets with 0 <= START < END");
    }
    if (who.reason.isBlank()) {
      throw new ParameterException(spec.commandLine(), "say why with --reason");
    }
  }

  @Command(name = "fact", description = "Sets a fact's status by hand (its key is in 'facts --json').")
  static final class FactCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "KEY", description = "The fact's key.") String key;
    @Option(names = "--status", required = true, paramLabel = "S", description = "agree, conflict, divergent or single.") String status;

    @Override
    public Integer call() throws Exception {
      if (!Judgement.FACT_STATUSES.contains(status)) {
        throw new ParameterException(spec.commandLine(), "--status must be agree, conflict, divergent or single; got " + status);
      }
      if (!key.matches("[0-9a-f]{16,64}")) {
        throw new ParameterException(spec.commandLine(), "a fact's key is hex digits, as 'facts --json' gives it");
      }
      return record(options, spec, Judgement.of(Instant.now(Clock.systemUTC()), who.user, Judgement.fact(key),
          Judgement.Action.STATUS, status, who.reason));
    }
  }

  @Command(name = "document", description = {"Tags, stars or annotates a document, or sets its outlet, headline, date or",
      "web address by hand (an empty value: it has none; 'undo' gives the stage's reading back)."})
  static final class DocumentCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "DOC", description = "The document (name, path or id prefix).") String doc;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
      @Option(names = "--tag", paramLabel = "TAG", description = "Adds a tag.") String tag;
      @Option(names = "--star", description = "Stars it.") boolean star;
      @Option(names = "--note", paramLabel = "TEXT", description = "Adds a note.") String note;
      @Option(names = "--outlet", paramLabel = "NAME", description = "Sets the outlet that published it.") String outlet;
      @Option(names = "--headline", paramLabel = "TEXT", description = "Sets its headline.") String headline;
      @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Sets its own date.") String date;
      @Option(names = "--address", paramLabel = "URL", description = "Sets its web address.") String address;
    }

    @Override
    public Integer call() throws Exception {
      String[][] fields = {{"outlet", what.outlet}, {"headline", what.headline}, {"date", what.date}, {"address", what.address}};
      for (String[] f : fields) {
        if (f[1] != null) {
          try {
            return record(options, spec, Judgement.of(Instant.now(Clock.systemUTC()), who.user,
                Judgement.field(document(options, doc).id(), f[0]), Judgement.Action.SET, f[1].strip(), who.reason));
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
          }
        }
      }
      Judgement.Action action = what.tag != null ? Judgement.Action.TAG : what.star ? Judgement.Action.STAR : Judgement.Action.NOTE;
      String value = what.tag != null ? what.tag.strip() : what.star ? "" : what.note.strip();
      return record(options, spec, Judgement.of(Instant.now(Clock.systemUTC()), who.user,
          Judgement.document(document(options, doc).id()), action, value, who.reason));
    }
  }

  @Command(name = "link", description = {"Marks a propagation link wrong: DOC does not copy, translate, rewrite or share a",
      "source with TO (a document of the case, or an outlet as 'sources' names it). The link stage",
      "then never draws it, and may find the document's true source."})
  static final class LinkCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "DOC", description = "The document (name, path or id prefix).") String doc;
    @Parameters(index = "1", paramLabel = "TO", description = "Its supposed source: a document, or an outlet's name.") String to;
    @Option(names = "--wrong", required = true, description = "It is wrong.") boolean wrong;

    @Override
    public Integer call() throws Exception {
      if (who.reason.isBlank()) {
        throw new ParameterException(spec.commandLine(), "say why with --reason");
      }
      String target;
      try (CaseFolder folder = options.openExisting()) {
        Document from = CaseViews.resolve(folder.store().documents(), doc);
        target = CaseViews.linkTarget(folder, from, to).orElseThrow(() -> new ParameterException(spec.commandLine(),
            "'sources' shows no link of " + from.name() + " to " + to + "; see 'dossier sources --json'"));
      }
      return record(options, spec, Judgement.of(Instant.now(Clock.systemUTC()), who.user, target,
          Judgement.Action.WRONG, "", who.reason));
    }
  }

  @Command(name = "entity", description = {"Merges two names of the case into one entity, or splits them apart: the",
      "resolver then never joins them, by any of its rules. Names as 'entities' lists them."})
  static final class EntityCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "TYPE", description = "person, organization, place, equipment, unit or other.") String type;
    @Parameters(index = "1", paramLabel = "NAME", description = "One name.") String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    How how;

    static final class How {
      @Option(names = "--merge", paramLabel = "OTHER", description = "The other name is the same entity.") String merge;
      @Option(names = "--split", paramLabel = "OTHER", description = "The other name is another entity.") String split;
    }

    @Override
    public Integer call() throws Exception {
      try {
        org.dossier.core.EntityType t = org.dossier.core.EntityType.fromCode(type);
        return record(options, spec, Judgement.of(Instant.now(Clock.systemUTC()), who.user, Judgement.entity(t, name),
            how.merge != null ? Judgement.Action.MERGE : Judgement.Action.SPLIT,
            (how.merge != null ? how.merge : how.split).strip(), who.reason));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Command(name = "undo", description = "Undoes a judgement by its number (see 'dossier judgements').")
  static final class UndoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Mixin Who who;
    @Parameters(index = "0", paramLabel = "N", description = "The judgement's number.") long seq;

    @Override
    public Integer call() throws Exception {
      Judgement undone;
      try (CaseFolder folder = options.openExisting()) {
        undone = folder.store().judgements().all().stream().filter(j -> j.seq() == seq).findFirst()
            .orElseThrow(() -> new ParameterException(spec.commandLine(), "there is no judgement " + seq));
      }
      return record(options, spec, Judgement.undo(Instant.now(Clock.systemUTC()), who.user, undone, who.reason));
    }
  }

  /** Lists the judgements. */
  @Command(name = "judgements", description = "Lists the analyst's judgements, in order, each with whether it is in force.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;

    @Override
    public Integer call() throws Exception {
      List<Map<String, Object>> rows;
      try (CaseFolder folder = options.openExisting()) {
        rows = CaseViews.judgements(folder.store().judgements().all());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (options.json) {
        Json.print(out, Map.of("judgements", rows));
        return 0;
      }
      if (rows.isEmpty()) {
        out.println("No judgements yet. Make one with 'dossier mark'.");
      }
      for (Map<String, Object> r : rows) {
        out.printf(Locale.ROOT, "%4s %s %-10s %s %s%s%s%s%n", r.get("seq"), r.get("at"), r.get("user"), r.get("action"),
            r.get("target"), String.valueOf(r.get("value")).isEmpty() ? "" : " = " + r.get("value"),
            String.valueOf(r.get("reason")).isEmpty() ? "" : "  (" + r.get("reason") + ")",
            Boolean.TRUE.equals(r.get("inForce")) || "undo".equals(r.get("action")) ? "" : "  [undone]");
      }
      return 0;
    }
  }
}
