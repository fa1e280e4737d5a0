package org.dossier.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchResult;
import org.dossier.pipeline.Accounts;
import org.dossier.serve.Models.Hit;
import org.dossier.serve.Models.SavedPage;
import org.dossier.serve.Models.SavedRow;
import org.dossier.serve.Models.Segment;
import org.dossier.store.SavedSearchStore.Saved;
import org.dossier.views.CaseViews;
import org.dossier.views.SavedSearches;

/**
 * Saved searches and their alerts in the workbench: each user's own, listed with how many
 * documents each matches and how many of them were added since the user last marked it seen;
 * the new ones shown on demand. Saving, marking seen and deleting are changes (token and origin
 * checked) that a reader of the case may make too: they are the user's own, not the case's.
 */
final class SavedSearchPages {
  private final Workbench bench;
  private final List<String> routes = new ArrayList<>();

  SavedSearchPages(Workbench bench) {
    this.bench = bench;
  }

  void register(Javalin app) {
    app.get("/cases/{case}/saved", this::page);
    app.post("/cases/{case}/saved", this::saveForm);
    app.post("/cases/{case}/saved/{id}/seen", ctx -> change(ctx, true));
    app.post("/cases/{case}/saved/{id}/delete", ctx -> change(ctx, false));
    app.get("/api/v1/cases/{case}/saved-searches", this::list);
    app.post("/api/v1/cases/{case}/saved-searches", this::saveJson);
    app.get("/api/v1/cases/{case}/saved-searches/{id}/new", this::freshJson);
    app.post("/api/v1/cases/{case}/saved-searches/{id}/seen", ctx -> changeJson(ctx, true));
    app.delete("/api/v1/cases/{case}/saved-searches/{id}", ctx -> changeJson(ctx, false));
    routes.addAll(List.of("/api/v1/cases/{case}/saved-searches", "/api/v1/cases/{case}/saved-searches/{id}/new",
        "/api/v1/cases/{case}/saved-searches/{id}/seen", "/api/v1/cases/{case}/saved-searches/{id}"));
  }

  /** Its API routes, as registered above. */
  List<String> routes() {
    return List.copyOf(routes);
  }

  private void page(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    String user = bench.userOf(ctx);
    long open = Api.number(ctx, "open", 0);
    List<SavedRow> rows = new ArrayList<>();
    List<Hit> fresh = new ArrayList<>();
    String openName = "";
    for (SavedSearches.Alert a : SavedSearches.alerts(s.folder(), bench.index(s), user)) {
      Saved v = a.saved();
      rows.add(new SavedRow(v.id(), v.name(), v.query(), Pages.searchUrl(s.key(), v.query(), 0), a.total(), a.fresh(),
          a.more(), v.seenAt().toString().substring(0, 16).replace('T', ' '),
          "/cases/" + s.key() + "/saved?open=" + v.id() + "#new", v.id() == open));
      if (v.id() == open) {
        openName = v.name();
        SearchResult r = SavedSearches.fresh(s.folder(), bench.index(s), v, 50, 0);
        for (SearchHit h : r.hits()) {
          List<List<Segment>> snippets = new ArrayList<>();
          h.snippets().forEach(x -> snippets.add(Pages.segments(x)));
          fresh.add(new Hit(h.name(), Pages.documentUrl(s.key(), h.id().sha256(), -1, -1), h.score(), snippets));
        }
      }
    }
    String prefill = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    Pages.html(ctx, "saved.jte", new SavedPage(s.key(), user, rows, prefill, openName, fresh, Pages.form(bench, ctx, s)));
  }

  private void saveForm(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    bench.checkChange(ctx);
    save(s, bench.userOf(ctx), form(ctx, "name"), form(ctx, "q"));
    ctx.redirect("/cases/" + s.key() + "/saved", HttpStatus.SEE_OTHER);
  }

  private void change(Context ctx, boolean seen) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    bench.checkChange(ctx);
    apply(s, bench.userOf(ctx), id(ctx), seen);
    ctx.redirect("/cases/" + s.key() + "/saved", HttpStatus.SEE_OTHER);
  }

  private void list(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (SavedSearches.Alert a : SavedSearches.alerts(s.folder(), bench.index(s), bench.userOf(ctx))) {
      out.add(SavedSearches.json(a));
    }
    ctx.json(Map.of("saved", out));
  }

  /** {@code {"name", "query"}}: answers the saved search with its counts. */
  private void saveJson(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    bench.checkChange(ctx);
    JsonNode body;
    try {
      body = Api.JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new Workbench.BadRequest("the body is not JSON");
    }
    Saved saved = save(s, bench.userOf(ctx), body.path("name").asText(""), body.path("query").asText(""));
    ctx.status(HttpStatus.CREATED).json(SavedSearches.json(SavedSearches.alert(s.folder(), bench.index(s), saved)));
  }

  private void freshJson(Context ctx) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    Saved saved = owned(s, bench.userOf(ctx), id(ctx));
    ctx.json(CaseViews.search(SavedSearches.fresh(s.folder(), bench.index(s), saved, Api.limit(ctx, 20, 100), Api.offset(ctx))));
  }

  private void changeJson(Context ctx, boolean seen) throws IOException, SQLException {
    Workbench.Served s = bench.served(ctx);
    bench.checkChange(ctx);
    apply(s, bench.userOf(ctx), id(ctx), seen);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id(ctx));
    out.put(seen ? "seen" : "deleted", true);
    ctx.json(out);
  }

  private Saved save(Workbench.Served s, String user, String name, String query) throws IOException, SQLException {
    try {
      return SavedSearches.save(s.folder(), bench.index(s), user, name, query, Instant.now(Clock.systemUTC()));
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest(e.getMessage());
    }
  }

  private void apply(Workbench.Served s, String user, long id, boolean seen) throws SQLException {
    owned(s, user, id);
    if (seen) {
      SavedSearches.seen(s.folder(), user, id, s.folder().store().documents().lastSeq(), Instant.now(Clock.systemUTC()));
    } else {
      SavedSearches.delete(s.folder(), user, id);
    }
  }

  /** The user's own saved search of this id: another user's is not found, as if it did not exist. */
  private static Saved owned(Workbench.Served s, String user, long id) throws SQLException {
    return s.folder().store().savedSearches().of(user).stream().filter(x -> x.id() == id).findFirst()
        .orElseThrow(() -> new Workbench.NotFound("you have no saved search " + id));
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new Workbench.BadRequest("a saved search's id is a number");
    }
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }
}
