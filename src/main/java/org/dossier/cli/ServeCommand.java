package org.dossier.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dossier.pipeline.CaseFolder;
import org.dossier.serve.Admission;
import org.dossier.serve.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description = {
      "Starts the workbench: web pages and a REST API (/api/v1, described at /api/openapi.json) over",
      "one or more cases (--case, the folders named, the cases in --cases), on this machine only",
      "unless --bind says otherwise. Stops with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cases", paramLabel = "DIR",
      description = "A folder of case folders: every case in it is served (besides --case).")
  Path casesDir;

  @Parameters(paramLabel = "CASE", arity = "0..*",
      description = "Case folders to serve (default: --case, or the cases in --cases).")
  List<Path> named = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (default 8080; 0 for any free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default 127.0.0.1: this machine only). A case without users"
          + " ('dossier user add') has no login: bind another address only when every case has users, or on a"
          + " network you trust.")
  String bind;

  @Option(names = "--user", paramLabel = "NAME", description = "Who the judgements made in the workbench are attributed to"
      + " (default: the system user).")
  String user = System.getProperty("user.name", "analyst");

  @Option(names = "--ingest-from", paramLabel = "DIR", description = {"A folder on this server whose files a case's owner",
      "may ingest from the API (POST /api/v1/cases/{case}/ingest), as a task with its progress."})
  java.nio.file.Path ingestFrom;

  @Option(names = "--rate", paramLabel = "N",
      description = "Requests per second per client address (default: no limit on this machine's address, "
          + "100 otherwise; 0 for none).")
  Double rate;

  @Option(names = "--heavy-at-once", paramLabel = "N",
      description = "Heavy pages and reads (a document, facts, the report, timeline, sources, coverage, entities,"
          + " downloads, batch search ...) served at once at most (default: half the cores, at least 1; 0 for no"
          + " limit). The others wait their turn in order, and one starts only while fewer searches than cores are"
          + " running; after 10 s of waiting it gets 503 with Retry-After. Searches never wait.")
  Integer heavyAtOnce;

  @Override
  public Integer call() throws Exception {
    if (rate != null && (rate < 0 || rate.isNaN())) {
      throw new ParameterException(spec.commandLine(), "--rate must be 0 or more, got " + rate);
    }
    if (heavyAtOnce != null && heavyAtOnce < 0) {
      throw new ParameterException(spec.commandLine(), "--heavy-at-once must be 0 or more, got " + heavyAtOnce);
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
    }
    List<Path> cases = new ArrayList<>();
    Path main = ((DossierCommand) spec.root().userObject()).caseDir;
    boolean explicit = spec.root().commandLine().getParseResult().hasMatchedOption("--case")
        || spec.commandLine().getParseResult().hasMatchedOption("--case");
    if (explicit || casesDir == null && named.isEmpty()) {
      cases.add(main);
    }
    cases.addAll(named);
    if (casesDir != null) {
      if (!Files.isDirectory(casesDir)) {
        throw new ParameterException(spec.commandLine(), "--cases " + casesDir + " is not a folder");
      }
      try (var dirs = Files.list(casesDir)) {
        dirs.filter(CaseFolder::exists).sorted().forEach(cases::add);
      }
    }
    if (cases.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no case to serve: --cases " + casesDir + " holds none");
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    double limit = rate != null ? rate : Workbench.loopback(bind) ? 0 : Workbench.DEFAULT_RATE;
    Admission admission = new Admission(heavyAtOnce != null ? heavyAtOnce : Admission.defaultAtOnce(), Admission.WAIT);
    try (Workbench w = Workbench.start(cases, bind, port, user, limit, java.util.Optional.ofNullable(ingestFrom),
        admission)) {
      LibraryLog.toCase(cases.get(0));
      String host = bind.contains(":") ? "[" + bind + "]" : bind;
      out.printf(java.util.Locale.ROOT, "Dossier workbench: http://%s:%d/  (%d case%s; API at /api/v1, described at /api/openapi.json)%n",
          host, w.port(), cases.size(), cases.size() == 1 ? "" : "s");
      out.println(admission.atOnce() == 0
          ? "Heavy pages and reads: no limit (--heavy-at-once 0); searches and pages share the cores as they come."
          : String.format(java.util.Locale.ROOT, "Heavy pages and reads: at most %d at once (--heavy-at-once), each"
              + " started while fewer than %d searches run, waiting up to %d s, then 503; searches never wait.",
              admission.atOnce(), admission.searchesFirst(), admission.maxWait().toSeconds()));
      List<String> open = w.singleUserCases();
      List<String> locked = new ArrayList<>();
      for (String k : w.caseKeys()) {
        if (!open.contains(k)) {
          locked.add(k);
        }
      }
      if (!locked.isEmpty()) {
        out.println("Login required (the case's users, 'dossier user add') for " + String.join(", ", locked)
            + "; scripts send 'Authorization: Bearer TOKEN' ('dossier user token').");
      }
      if (!open.isEmpty()) {
        out.println("Judgements made in " + String.join(", ", open) + " are attributed to '" + user + "'. Scripts send"
            + " changes with the header X-CSRF-Token: " + w.token());
        // only on loopback: a case without users is refused on any other address
        out.println("Single-user mode on this machine only, no login, for " + String.join(", ", open)
            + " (a case without users). Stop with Ctrl-C.");
      } else {
        out.println("Stop with Ctrl-C.");
      }
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dossier-serve-stop"));
      stopped.await();
    }
    return 0;
  }
}
