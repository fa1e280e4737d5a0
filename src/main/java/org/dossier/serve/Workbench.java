package org.dossier.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dossier.pipeline.CaseFolder;

/**
 * The workbench server over a set of cases, each under {@code /cases/{case}} (pages) and {@code
 * /api/v1/cases/{case}} (JSON), named by its folder's name. Reading is GET; the one change is a
 * judgement (POST), which carries the server's token and runs the stages it affects as a task.
 */
public final class Workbench implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Workbench.class.getName());

  /**
   * The policy every response carries: nothing inline, nothing from elsewhere, no framing; the
   * pages' one stylesheet and script come from this server.
   */
  static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Largest request body accepted (a judgement, or a batch of queries with its CSV file). */
  static final long MAX_REQUEST_BYTES = 1024 * 1024;

  /** One case being served. */
  public record Served(String key, CaseFolder folder) {}

  private final Map<String, Served> cases;
  private final Javalin app;
  private final Api api = new Api(this);
  private final Judgements judgements = new Judgements(this);
  private final SavedSearchPages saved = new SavedSearchPages(this);
  private ServerIngest serverIngest = new ServerIngest(this, Optional.empty());
  private final Access access = new Access(this);
  private final String user;
  /** The token every change carries (a form field or the X-CSRF-Token header): a page of another site cannot know it. */
  private final String token = newToken();
  private final Tasks tasks = new Tasks();
  /** The child JVM that draws originals as pictures, started at the first one asked for. */
  private org.dossier.extract.Forked<Previews.Drawn> previews;
  private java.nio.file.Path previewScratch;
  /** The Host headers answered, set once the port is known (no request comes before). */
  private volatile Set<String> hosts = Set.of();

  private final RateLimit rate;
  /** The turns heavy pages take, so that searches never queue behind them. */
  private final Admission admission;

  private Workbench(Map<String, Served> cases, Javalin app, String user, RateLimit rate, Admission admission) {
    this.cases = cases;
    this.app = app;
    this.user = user;
    this.rate = rate;
    this.admission = admission;
  }

  private static String newToken() {
    byte[] b = new byte[24];
    new java.security.SecureRandom().nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /**
   * Opens the cases and starts serving them on {@code bind}:{@code port} (0 for any free port).
   *
   * @throws IllegalArgumentException when a folder is not a case
   */
  public static Workbench start(List<Path> caseDirs, String bind, int port) throws IOException {
    return start(caseDirs, bind, port, System.getProperty("user.name", "analyst"));
  }

  /** As {@link #start(List, String, int)}, with the name judgements made here are attributed to. */
  public static Workbench start(List<Path> caseDirs, String bind, int port, String user) throws IOException {
    return start(caseDirs, bind, port, user, loopback(bind) ? 0 : DEFAULT_RATE);
  }

  /** Requests per second per client when the server listens beyond this machine, unless set. */
  public static final double DEFAULT_RATE = 100;

  /** True for an address only this machine reaches. */
  public static boolean loopback(String bind) {
    return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
  }

  /**
   * As {@link #start(List, String, int, String)}, with at most {@code rate} requests per second
   * per client address (0 for no limit).
   */
  public static Workbench start(List<Path> caseDirs, String bind, int port, String user, double rate)
      throws IOException {
    return start(caseDirs, bind, port, user, rate, Optional.empty());
  }

  /**
   * As {@link #start(List, String, int, String, double)}; an owner of a case may ingest into it
   * what lies under {@code ingestFrom} ({@code POST /api/v1/cases/{case}/ingest}).
   */
  public static Workbench start(List<Path> caseDirs, String bind, int port, String user, double rate,
      Optional<Path> ingestFrom) throws IOException {
    return start(caseDirs, bind, port, user, rate, ingestFrom, Admission.defaults());
  }

  /**
   * As {@link #start(List, String, int, String, double, Optional)}; heavy pages and reads take
   * turns as {@code admission} says, after the searches (the default: {@link Admission#defaults()}).
   */
  public static Workbench start(List<Path> caseDirs, String bind, int port, String user, double rate,
      Optional<Path> ingestFrom, Admission admission) throws IOException {
    if (ingestFrom.isPresent() && !java.nio.file.Files.isDirectory(ingestFrom.get())) {
      throw new IllegalArgumentException("--ingest-from must be a folder: " + ingestFrom.get());
    }
    ReportFiles.code(); // the build the reports it makes are known by: this one, as it starts
    Map<String, Served> cases = new LinkedHashMap<>();
    try {
      for (Path dir : caseDirs) {
        if (!CaseFolder.exists(dir)) {
          throw new IllegalArgumentException("no case at " + dir.toAbsolutePath() + "; run 'dossier ingest' first");
        }
        String base = key(dir);
        String key = base;
        for (int k = 2; cases.containsKey(key); k++) {
          key = base + "-" + k;
        }
        cases.put(key, new Served(key, CaseFolder.open(dir, Clock.systemUTC())));
      }
      if (!loopback(bind)) {
        List<String> open = new ArrayList<>();
        for (Served s : cases.values()) {
          if (s.folder().store().users().count() == 0) {
            open.add(s.key());
          }
        }
        if (!open.isEmpty()) {
          throw new IllegalArgumentException("a case without users is served only on this machine (single-user mode, no"
              + " login), not on " + bind + ": add a user to " + String.join(", ", open) + " ('dossier --case DIR user add"
              + " NAME --role owner'), or serve on 127.0.0.1");
        }
      }
    } catch (java.sql.SQLException e) {
      cases.values().forEach(c -> c.folder().close());
      throw new IOException("a case's database failed: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      cases.values().forEach(c -> c.folder().close());
      throw e;
    }
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.jsonMapper(new io.javalin.json.JavalinJackson(Api.JSON, false));
      config.staticFiles.add(s -> {
        s.hostedPath = "/static";
        s.directory = "/org/dossier/serve/static";
        s.location = Location.CLASSPATH;
      });
    });
    Workbench w = new Workbench(cases, app, user, new RateLimit(rate), admission);
    w.serverIngest = new ServerIngest(w, ingestFrom.map(p -> p.toAbsolutePath().normalize()));
    w.routes();
    try {
      app.start(bind, port);
    } catch (RuntimeException e) {
      w.close();
      throw new IOException("the workbench could not listen on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
    w.hosts = allowedHosts(bind, app.port());
    w.cases.values().forEach(w::warm);
    return w;
  }

  /**
   * Makes the case's report page in the background, one case at a time, unless it is kept already
   * or the case is not up to date (bringing it up to date warms it after): the analyst's first visit
   * to the report of a large case does not wait the whole report's making (35 s at 32,000 articles).
   * A request meanwhile waits for it ({@link ReportFiles}); what cannot be made now is made then.
   */
  void warm(Served s) {
    try {
      warming.execute(() -> {
        try {
          // after the case's tasks (the update that asked for it is still open now): it is not made
          // beside a stage, and then only once the stages have nothing pending
          for (int waited = 0; !tasks.open(s.key()).isEmpty(); waited++) {
            if (waited >= WARM_WAIT_SECONDS) {
              return; // the next update asks again
            }
            Thread.sleep(1000);
          }
          if (!stale(s)) {
            Pages.reportPage(s, Optional.empty()).close();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the workbench is closing
        } catch (ReportFiles.FormedAgain e) {
          LOG.log(Level.FINE, "the report page of " + s.key() + " made ahead was formed again under: a visit makes it", e);
        } catch (IOException | RuntimeException e) {
          if (!warming.isShutdown()) {
            LOG.log(Level.WARNING, "making the report page of " + s.key() + " ahead failed: a visit makes it", e);
          }
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the workbench is closing: nothing is made ahead
    }
  }

  /** How long a page made ahead waits for the case's tasks to end before it is left to the next update's. */
  static final int WARM_WAIT_SECONDS = 600;

  /** Where report pages are made ahead ({@link #warm}): one thread, so a server of many cases makes one at a time. */
  private final java.util.concurrent.ExecutorService warming =
      java.util.concurrent.Executors.newSingleThreadExecutor(org.dossier.core.Daemons.named("dossier-report-ahead"));

  /** The Host headers a request may carry: the bound address, and loopback names when bound there. */
  static Set<String> allowedHosts(String bind, int port) {
    List<String> names = new ArrayList<>(List.of(bind));
    if (loopback(bind)) {
      names.addAll(List.of("127.0.0.1", "localhost", "[::1]"));
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
      out.add(n.toLowerCase(Locale.ROOT) + ":" + port);
    }
    return Set.copyOf(out);
  }

  /** A case's key in URLs: its folder's name in lower-case letters, digits and dashes. */
  static String key(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String k = (name == null ? "case" : name.toString()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return k.isEmpty() ? "case" : k;
  }

  private void routes() {
    app.before(this::guard);
    // after the guard, and a heavy read's access checked before it waits: a request refused there
    // never waits for a turn
    admission.register(app, this::mayRead);
    app.exception(NotFound.class, (e, ctx) -> problem(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
    app.exception(BadRequest.class, (e, ctx) -> problem(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    app.exception(Forbidden.class, (e, ctx) -> problem(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
    app.exception(Unauthorized.class, (e, ctx) -> {
      if (ctx.path().startsWith("/api/")) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"dossier\"");
        problem(ctx, HttpStatus.UNAUTHORIZED, e.getMessage());
      } else {
        ctx.redirect(e.login, HttpStatus.SEE_OTHER);
      }
    });
    app.exception(Judgements.Busy.class, (e, ctx) -> problem(ctx, HttpStatus.CONFLICT, e.getMessage()));
    app.exception(ReportFiles.FormedAgain.class, (e, ctx) -> problem(ctx, HttpStatus.CONFLICT, e.getMessage()));
    app.exception(TooMany.class, (e, ctx) -> problem(ctx, HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    app.exception(Admission.Overloaded.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds));
      problem(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.log(Level.WARNING, "request " + ctx.method() + " " + ctx.path() + " failed", e);
      problem(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the request failed; the case's dossier.log says why");
    });
    app.error(HttpStatus.NOT_FOUND, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        problem(ctx, HttpStatus.NOT_FOUND, "nothing here");
      }
    });
    access.register(app);
    api.register(app);
    new Pages(this).register(app);
    new AnalysisPages(this).register(app);
    new BatchSearch(this).register(app);
    judgements.register(app);
    saved.register(app);
    new Pictures(this).register(app);
    serverIngest.register(app);
  }

  /** Headers on every answer; a request for another host (DNS rebinding) or with a body it should not have is refused. */
  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    String host = Optional.ofNullable(ctx.header("Host")).orElse("").toLowerCase(Locale.ROOT);
    if (!rate.allow(ctx.ip())) {
      ctx.header("Retry-After", "1");
      throw new TooMany("too many requests from " + ctx.ip() + "; wait a second");
    }
    Set<String> allowed = hosts;
    if (!allowed.isEmpty() && !allowed.contains(host) && !allowed.contains("0.0.0.0") && !allowed.contains("::")) {
      throw new BadRequest("this server answers to " + allowed.stream().sorted().findFirst().orElse("its own address")
          + ", not to the host this request names");
    }
  }

  static void problem(Context ctx, HttpStatus status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      ctx.json(Map.of("error", message, "status", status.getCode()));
    } else {
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(Templates.render("error.jte", new Models.ErrorPage(status.getCode(), message)));
    }
  }

  /** A case's path: {@code /cases/KEY/...} or {@code /api/v1/cases/KEY/...}. */
  private static final java.util.regex.Pattern CASE_PATH = java.util.regex.Pattern.compile("/(?:api/v1/)?cases/([^/]+)(?:/.*)?");

  /**
   * Refuses at once (as the handler would) a request for a case's page or read whose caller may
   * not read the case, or for a case not served here; other paths pass.
   */
  private void mayRead(Context ctx) {
    java.util.regex.Matcher m = CASE_PATH.matcher(ctx.path());
    if (m.matches()) {
      authorized(ctx, m.group(1), org.dossier.pipeline.Accounts.Role.READER);
    }
  }

  /** The case the request's path names, if its caller may read it. */
  Served served(Context ctx) {
    return served(ctx, org.dossier.pipeline.Accounts.Role.READER);
  }

  /**
   * The case the request's path names, if its caller may do what {@code need} may (who it is goes
   * into the request's attributes, for {@link #userOf}, {@link #csrf} and {@link #checkChange}).
   */
  Served served(Context ctx, org.dossier.pipeline.Accounts.Role need) {
    return authorized(ctx, ctx.pathParam("case"), need);
  }

  /** The case {@code key}, if the request's caller may do what {@code need} may. */
  Served authorized(Context ctx, String key, org.dossier.pipeline.Accounts.Role need) {
    Served s = served(key);
    access.authorize(ctx, s, need);
    return s;
  }

  /** The cases the request's caller may read (all those without users, and those it has logged in to). */
  List<Served> readable(Context ctx) {
    return access.readable(ctx);
  }

  /** The keys of the cases served, in order. */
  public List<String> caseKeys() {
    return List.copyOf(cases.keySet());
  }

  /** The cases served in single-user mode (no users): no login. */
  public List<String> singleUserCases() {
    List<String> out = new ArrayList<>();
    for (Served s : cases.values()) {
      try {
        if (Access.open(s)) {
          out.add(s.key());
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot read the users of case " + s.key(), e);
      }
    }
    return out;
  }

  /** Who a request authorized by {@link #served(Context)} acts as: its user, or the server's in single-user mode. */
  String userOf(Context ctx) {
    String u = ctx.attribute(Access.USER);
    return u != null ? u : user;
  }

  /** The token the forms of this request's pages carry. */
  String csrf(Context ctx) {
    return access.csrf(ctx);
  }

  /**
   * Page {@code page} of a document's original (a PDF's page, or the image) as PNG bytes, drawn in
   * the child JVM.
   *
   * @throws NotFound with the reason when it cannot be drawn
   */
  byte[] draw(java.nio.file.Path original, String mediaType, int page) throws IOException {
    org.dossier.extract.Forked<Previews.Drawn> f;
    synchronized (this) {
      if (previews == null) {
        previewScratch = java.nio.file.Files.createTempDirectory("dossier-pictures");
        previews = Previews.forked(cases.values().iterator().next().folder().layout().log(), previewScratch);
      }
      f = previews;
    }
    java.nio.file.Path png = previewScratch.resolve(java.util.UUID.randomUUID() + ".png");
    Previews.Drawn drawn = f.call(new Previews.Request(original.toString(), mediaType, page, png.toString()));
    if (drawn.failed() != null) {
      java.nio.file.Files.deleteIfExists(png);
      throw new NotFound("page " + page + " cannot be drawn: " + drawn.failed());
    }
    return Previews.take(png);
  }

  /** The case served under {@code key}, if any; no access check. */
  Optional<Served> find(String key) {
    return Optional.ofNullable(cases.get(key));
  }

  /** The case a request names; no access check (for the login page and tests). */
  Served served(String key) {
    Served s = cases.get(key);
    if (s == null) {
      throw new NotFound("no case '" + key + "' is served here");
    }
    return s;
  }

  List<Served> cases() {
    return List.copyOf(cases.values());
  }

  /** Who the judgements made here are attributed to in single-user mode. */
  String user() {
    return user;
  }

  /** The token a change must carry (scripts send it as the X-CSRF-Token header). */
  public String token() {
    return token;
  }

  /**
   * Refuses a change without its token, or sent from a page of another origin. The token is the
   * session's for a logged-in user, the server's otherwise; a request with an API token (never
   * sent by a browser on its own) needs none.
   */
  void checkChange(Context ctx) {
    if ("bearer".equals(ctx.attribute(Access.HOW))) {
      return;
    }
    checkOrigin(ctx);
    String given = ctx.header("X-CSRF-Token");
    if (given == null) {
      given = ctx.formParam("csrf");
    }
    String expected = access.csrf(ctx);
    if (given == null || !java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new Forbidden("this change does not carry the workbench's token; reload the page and try again");
    }
  }

  /** Refuses a request sent from a page of another origin. */
  void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null")) {
      String host = origin.replaceFirst("^https?://", "").toLowerCase(Locale.ROOT);
      if (!hosts.contains(host)) {
        throw new Forbidden("a change sent from another site (" + origin + ") is refused");
      }
    }
  }

  Tasks tasks() {
    return tasks;
  }

  /**
   * Brings a case up to date in the background: the stages a judgement or new documents left
   * pending, then verify (which reads the facts), as the CLI's reading commands do.
   */
  Tasks.Task refresh(Served s) {
    return tasks.submit("update", s.key(), () -> {
      if (org.dossier.pipeline.Ingest.pending(s.folder())) {
        new org.dossier.pipeline.Ingest(s.folder(), org.dossier.pipeline.IngestSettings.defaults(),
            w -> LOG.warning("updating case " + s.key() + ": " + w)).run(List.of());
      }
      if (org.dossier.pipeline.Verifying.pending(s.folder())) {
        org.dossier.pipeline.Verifying.run(s.folder(), Double.parseDouble(org.dossier.pipeline.Verifying.THRESHOLD));
      }
      warm(s); // made ahead once this task is done and the case is up to date
    });
  }

  /** True when a stage is pending or a task is bringing the case up to date. */
  boolean stale(Served s) throws IOException {
    return !tasks.open(s.key()).isEmpty() || org.dossier.pipeline.Ingest.pending(s.folder())
        || org.dossier.pipeline.Verifying.pending(s.folder());
  }

  private final Map<String, org.dossier.core.DocumentIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The case's index, opened once and shared by every request (searches run at once on it and see
   * the latest commit within a second).
   */
  org.dossier.core.DocumentIndex index(Served s) throws IOException {
    try {
      return indexes.computeIfAbsent(s.key(), k -> {
        try {
          return s.folder().openIndexForReading();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Most values {@link #perLinkRun} keeps (per case and name); beyond, a value is read on every request. */
  static final int PER_RUN_VALUES = 256;

  /** Per case and name: the link run a value was read after, and the value. */
  private final Map<String, Object[]> perRun = new java.util.concurrent.ConcurrentHashMap<>();

  /** A value read from the case's findings. */
  @FunctionalInterface
  interface FindingsRead<T> {
    T read() throws java.sql.SQLException, IOException;
  }

  /**
   * A value read from the case's findings, read once per link run (the link stage writes its
   * findings and its setting in one transaction; the setting says which run they are from), not
   * on every page. The setting is read first, so a value is never older than the run it is kept
   * under; a newer one is read again on the next request.
   */
  @SuppressWarnings("unchecked")
  <T> T perLinkRun(Served s, String name, FindingsRead<T> read) throws IOException {
    try {
      String run = s.folder().store().setting(org.dossier.pipeline.Linking.SETTING).orElse("");
      String key = s.key() + "\n" + name;
      Object[] cached = perRun.get(key);
      if (cached != null && cached[0].equals(run)) {
        return (T) cached[1];
      }
      T value = read.read();
      if (cached != null || perRun.size() < PER_RUN_VALUES) {
        perRun.put(key, new Object[] {run, value});
      }
      return value;
    } catch (java.sql.SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** The case's document labels, read from its source rows once per link run. */
  org.dossier.report.DocumentLabels labels(Served s) throws IOException {
    return perLinkRun(s, "labels", () -> Pages.readLabels(s));
  }

  /** The API routes it answers. */
  List<String> apiRoutes() {
    List<String> all = new ArrayList<>(api.routes());
    all.addAll(judgements.routes());
    all.addAll(saved.routes());
    all.addAll(serverIngest.routes());
    return all;
  }

  /** How heavy pages and reads take turns here. */
  Admission admission() {
    return admission;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    tasks.close();
    warming.shutdownNow();
    try {
      // a page being made ahead reads the case: it ends (or fails, its file aside removed) before the case closes
      if (!warming.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warning("a report page made ahead did not end in 30 s; the cases close under it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (previews != null) {
        previews.close();
        try (var files = java.nio.file.Files.walk(previewScratch)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
          LOG.log(Level.FINE, "removing the pictures' scratch folder", e);
        }
      }
    }
    for (org.dossier.core.DocumentIndex i : indexes.values()) {
      try {
        i.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing an index", e);
      }
    }
    cases.values().forEach(c -> c.folder().close());
  }

  /** A thing the request names that does not exist. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  /** A change refused: no token, or from another site. */
  static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  /** A request to a case with users that proves none: a page goes to the login, the API answers 401. */
  static final class Unauthorized extends RuntimeException {
    final String login;

    Unauthorized(String message, String login) {
      super(message);
      this.login = login;
    }
  }

  /** A client over the rate limit. */
  static final class TooMany extends RuntimeException {
    TooMany(String message) {
      super(message);
    }
  }

  /** A request that cannot be answered as asked. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
