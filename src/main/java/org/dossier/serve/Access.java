package org.dossier.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dossier.pipeline.Accounts;
import org.dossier.pipeline.Accounts.Role;
import org.dossier.store.UserStore;

/**
 * Who may read and change a case. A case without users is served in single-user mode (every
 * visitor is the server's {@code --user}, an owner). A case with users asks for a session (a
 * login at {@code /login}, per case: the cookie {@code dossier_session}, HttpOnly and
 * SameSite=Strict, 12 hours) or an API token ({@code Authorization: Bearer}); a reader reads, an
 * editor and an owner also judge.
 */
final class Access {
  static final String COOKIE = "dossier_session";
  static final Duration SESSION_LIFE = Duration.ofHours(12);
  /** How long a failed login waits before it answers. */
  static final Duration FAILED_LOGIN_WAIT = Duration.ofSeconds(1);
  static final String WRONG = "wrong name or password";

  /** The request attributes {@link #authorize} sets: who, how, and the session. */
  static final String USER = "dossier.user";
  static final String HOW = "dossier.auth";
  static final String SESSION = "dossier.session";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A login: the user it is in each case it was made for, until it expires; its own change token. */
  record Session(Map<String, String> cases, Instant expires, String csrf) {}

  private final Workbench bench;
  /** By the SHA-256 of the session's id, so that finding one takes no time that depends on the id. */
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  Access(Workbench bench) {
    this.bench = bench;
  }

  void register(Javalin app) {
    app.get("/login", this::loginPage);
    app.post("/login", this::login);
    app.post("/logout", this::logout);
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** True when the case has no users, and is served in single-user mode. */
  static boolean open(Workbench.Served s) throws SQLException {
    return s.folder().store().users().count() == 0;
  }

  /**
   * Lets the request on to {@code s} if its caller may do what {@code need} may; records who the
   * caller is in the request's attributes.
   *
   * @throws Workbench.Unauthorized when the case has users and the request proves none
   * @throws Workbench.Forbidden when the caller's role does not allow it
   */
  void authorize(Context ctx, Workbench.Served s, Role need) {
    try {
      if (open(s)) {
        ctx.attribute(USER, bench.user());
        ctx.attribute(HOW, "single");
        return;
      }
      UserStore users = s.folder().store().users();
      String authorization = ctx.header("Authorization");
      UserStore.Account a;
      String how;
      if (authorization != null) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
          throw new Workbench.Unauthorized("send an API token as 'Authorization: Bearer TOKEN'", loginUrl(ctx, s));
        }
        a = Accounts.byToken(users, authorization.substring(7).strip()).orElseThrow(
            () -> new Workbench.Unauthorized("this token is not one of case " + s.key(), loginUrl(ctx, s)));
        how = "bearer";
      } else {
        Session session = session(ctx);
        String name = session == null ? null : session.cases().get(s.key());
        a = name == null ? null : users.user(name).orElse(null);
        if (a == null) {
          throw new Workbench.Unauthorized("log in to case " + s.key() + " first", loginUrl(ctx, s));
        }
        ctx.attribute(SESSION, session);
        how = "session";
      }
      Role role;
      try {
        role = Role.of(a.role());
      } catch (IllegalArgumentException e) {
        role = Role.READER;
      }
      if (!role.covers(need)) {
        throw new Workbench.Forbidden(a.name() + " is a " + role.code() + " of case " + s.key() + " and may not do this");
      }
      ctx.attribute(USER, a.name());
      ctx.attribute(HOW, how);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the users of case " + s.key() + ": " + e.getMessage(), e);
    }
  }

  /** True when the request may read {@code s} (without recording anything). */
  boolean mayRead(Context ctx, Workbench.Served s) {
    try {
      if (open(s)) {
        return true;
      }
      String authorization = ctx.header("Authorization");
      if (authorization != null) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            && Accounts.byToken(s.folder().store().users(), authorization.substring(7).strip()).isPresent();
      }
      Session session = session(ctx);
      String name = session == null ? null : session.cases().get(s.key());
      return name != null && s.folder().store().users().user(name).isPresent();
    } catch (SQLException e) {
      return false;
    }
  }

  /** The valid session the request's cookie names, or null. */
  Session session(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null || !id.matches("[0-9a-f]{64}")) {
      return null;
    }
    String key = Accounts.sha256(id);
    Session s = sessions.get(key);
    if (s != null && !s.expires().isAfter(Instant.now(Clock.systemUTC()))) {
      sessions.remove(key);
      return null;
    }
    return s;
  }

  /** The token a change must carry: the session's, for a request of a logged-in user. */
  String csrf(Context ctx) {
    Session s = ctx.attribute(SESSION);
    return s != null ? s.csrf() : bench.token();
  }

  static String loginUrl(Context ctx, Workbench.Served s) {
    String q = ctx.queryString();
    String back = ctx.method() == io.javalin.http.HandlerType.GET ? ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q)
        : "/cases/" + s.key();
    return "/login?case=" + s.key() + "&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  /** {@code back} when it is a page of case {@code key}, else the case's search page: never a redirect elsewhere. */
  static String within(String key, String back) {
    String home = "/cases/" + key;
    boolean local = back != null && (back.equals(home) || back.startsWith(home + "/") || back.startsWith(home + "?"));
    return local && !back.contains("//") && !back.contains("\\") ? back : home;
  }

  /**
   * A case key as the login page and form take it. The page answers alike for a case served here
   * and one that is not, and a login to one that is not fails as a wrong password does: neither
   * tells a visitor which cases exist.
   */
  private static String caseKey(String key) {
    if (key == null || !key.matches("[a-z0-9-]{1,64}")) {
      throw new Workbench.BadRequest("a case's key is lower-case letters, digits and dashes");
    }
    return key;
  }

  private void loginPage(Context ctx) {
    String key = caseKey(ctx.queryParam("case"));
    String back = within(key, ctx.queryParam("back"));
    Pages.html(ctx, "login.jte", new Models.LoginPage(key, back, bench.token(), "", ""));
  }

  private void login(Context ctx) throws SQLException, InterruptedException {
    bench.checkChange(ctx); // the server's token: no page of another site logs a visitor in
    String key = caseKey(ctx.formParam("case"));
    Optional<Workbench.Served> served = bench.find(key);
    String back = within(key, ctx.formParam("back"));
    if (served.isPresent() && open(served.get())) {
      ctx.redirect(back, HttpStatus.SEE_OTHER);
      return;
    }
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<UserStore.Account> a = served.isEmpty() ? Accounts.signIn(null, name, password)
        : Accounts.signIn(served.get().folder().store().users(), name, password);
    if (a.isEmpty()) {
      Thread.sleep(FAILED_LOGIN_WAIT.toMillis());
      ctx.status(HttpStatus.UNAUTHORIZED);
      Pages.html(ctx, "login.jte", new Models.LoginPage(key, back, bench.token(), name.matches("[a-z0-9._-]{0,64}")
          ? name : "", WRONG));
      return;
    }
    Workbench.Served s = served.get();
    // a new id at every login (an id known before it is worth nothing after), keeping the other cases' logins
    Session old = session(ctx);
    Map<String, String> cases = new HashMap<>(old == null ? Map.of() : old.cases());
    cases.put(s.key(), a.get().name());
    if (old != null) {
      sessions.remove(Accounts.sha256(ctx.cookie(COOKIE)));
    }
    forgetExpired();
    String id = random();
    sessions.put(Accounts.sha256(id), new Session(Map.copyOf(cases), Instant.now(Clock.systemUTC()).plus(SESSION_LIFE),
        random()));
    cookie(ctx, id, SESSION_LIFE.toSeconds());
    ctx.redirect(back, HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    bench.checkOrigin(ctx);
    String id = ctx.cookie(COOKIE);
    if (id != null && id.matches("[0-9a-f]{64}")) {
      sessions.remove(Accounts.sha256(id));
    }
    cookie(ctx, "", 0);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private static void cookie(Context ctx, String value, long maxAge) {
    ctx.header("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
        + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
  }

  private void forgetExpired() {
    Instant now = Instant.now(Clock.systemUTC());
    sessions.values().removeIf(x -> !x.expires().isAfter(now));
  }

  /** The cases this request may read. */
  List<Workbench.Served> readable(Context ctx) {
    List<Workbench.Served> out = new ArrayList<>();
    for (Workbench.Served s : bench.cases()) {
      if (mayRead(ctx, s)) {
        out.add(s);
      }
    }
    return out;
  }
}
