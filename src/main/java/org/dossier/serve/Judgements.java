package org.dossier.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Judgement;
import org.dossier.pipeline.Accounts;
import org.dossier.pipeline.Judging;
import org.dossier.views.CaseViews;

/**
 * The analyst's judgements over HTTP: listed at {@code /api/v1/cases/{case}/judgements}, made by a
 * POST there (JSON) or from the pages' forms; a judgement the link stage reads starts a task that
 * brings the case up to date ({@code /api/v1/tasks/{id}}).
 */
final class Judgements {
  /** Longest note, tag or reason accepted. */
  static final int MAX_TEXT = 4_000;

  private final Workbench bench;

  Judgements(Workbench bench) {
    this.bench = bench;
  }

  private final List<String> routes = new java.util.ArrayList<>();

  void register(Javalin app) {
    app.get("/api/v1/cases/{case}/judgements", this::list);
    app.post("/api/v1/cases/{case}/judgements", this::postJson);
    app.post("/cases/{case}/judgements", this::postForm);
    app.get("/api/v1/tasks/{id}", this::task);
    routes.addAll(List.of("/api/v1/cases/{case}/judgements", "/api/v1/tasks/{id}"));
  }

  /** Its API routes, as registered above. */
  List<String> routes() {
    return List.copyOf(routes);
  }

  private void list(Context ctx) throws SQLException {
    Workbench.Served s = bench.served(ctx);
    ctx.json(Map.of("judgements", CaseViews.judgements(s.folder().store().judgements().all())));
  }

  private void task(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new Workbench.BadRequest("a task id is a number");
    }
    Tasks.Task t = bench.tasks().get(id).orElseThrow(() -> new Workbench.NotFound("no task " + id));
    bench.authorized(ctx, t.caseKey, Accounts.Role.READER); // a task is seen by those who may read its case
    ctx.json(t.json());
  }

  /** {@code {"target", "action", "value", "reason", "undoes"}}; answers the judgement and the task it started, if any. */
  private void postJson(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx, Accounts.Role.EDITOR);
    bench.checkChange(ctx);
    if (!Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")) {
      throw new Workbench.BadRequest("send the judgement as JSON (Content-Type: application/json)");
    }
    JsonNode body;
    try {
      body = Api.JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new Workbench.BadRequest("the body is not JSON");
    }
    Outcome o = judge(s, bench.userOf(ctx), text(body.path("target")), text(body.path("action")), text(body.path("value")),
        text(body.path("reason")), body.path("undoes").asLong(0));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("judgement", CaseViews.judgement(o.judgement(), o.judgement().action() != Judgement.Action.UNDO));
    out.put("task", o.task().map(Tasks.Task::json).orElse(null));
    ctx.status(HttpStatus.CREATED).json(out);
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "" : n.asText();
  }

  /** From a page's form: back to the page it came from. */
  private void postForm(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx, Accounts.Role.EDITOR);
    bench.checkChange(ctx);
    long undoes;
    try {
      undoes = Long.parseLong(Optional.ofNullable(ctx.formParam("undoes")).filter(x -> !x.isBlank()).orElse("0"));
    } catch (NumberFormatException e) {
      throw new Workbench.BadRequest("undoes is a judgement's number");
    }
    judge(s, bench.userOf(ctx), form(ctx, "target"), form(ctx, "action"), form(ctx, "value"), form(ctx, "reason"), undoes);
    // only back to a page of the same case: never a redirect elsewhere
    ctx.redirect(Access.within(s.key(), form(ctx, "back")), HttpStatus.SEE_OTHER);
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
  }

  private record Outcome(Judgement judgement, Optional<Tasks.Task> task) {}

  private Outcome judge(Workbench.Served s, String user, String target, String action, String value, String reason, long undoes)
      throws IOException, SQLException {
    if (value.length() > MAX_TEXT || reason.length() > MAX_TEXT) {
      throw new Workbench.BadRequest("a note, tag or reason holds at most " + MAX_TEXT + " characters");
    }
    Judgement j;
    try {
      Judgement.Action a = Judgement.Action.of(action);
      Instant now = Instant.now(Clock.systemUTC());
      if (a == Judgement.Action.UNDO) {
        Judgement undone = s.folder().store().judgements().about(target).stream().filter(x -> x.seq() == undoes)
            .findFirst().orElseThrow(() -> new Workbench.NotFound("no judgement " + undoes + " about " + target));
        j = Judgement.undo(now, user, undone, reason);
      } else {
        j = Judgement.of(now, user, target, a, value, reason);
      }
      j.document().ifPresent(id -> {
        try {
          if (s.folder().store().documents().document(id).isEmpty()) {
            throw new Workbench.NotFound("no document " + id.shortForm() + " in this case");
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest(e.getMessage());
    }
    Judgement saved;
    try {
      saved = Judging.record(s.folder(), j);
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest(e.getMessage());
    } catch (IllegalStateException e) {
      throw new Busy(e.getMessage());
    }
    boolean bears = saved.bearsOnFindings();
    return new Outcome(saved, bears ? Optional.of(bench.refresh(s)) : Optional.empty());
  }

  /** The case is being written by another process. */
  static final class Busy extends RuntimeException {
    Busy(String message) {
      super(message);
    }
  }
}
