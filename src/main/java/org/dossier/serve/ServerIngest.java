package org.dossier.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.pipeline.Accounts;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.pipeline.IngestProgress;
import org.dossier.pipeline.IngestSettings;

/**
 * Ingest of a folder on the server, run as a task with its progress, and the case's custody and
 * entities, over the API. Only an owner ingests, and only from inside the folder the server was
 * started to take from ({@code serve --ingest-from DIR}): a path that leaves it, by {@code ..} or
 * a link, is refused; a server started without it takes no ingest.
 */
final class ServerIngest {
  private final Workbench bench;
  private final Optional<Path> root;

  ServerIngest(Workbench bench, Optional<Path> root) {
    this.bench = bench;
    this.root = root;
  }

  void register(Javalin app) {
    app.post("/api/v1/cases/{case}/ingest", this::ingest);
    app.get("/api/v1/cases/{case}/custody", this::custody);
    app.get("/api/v1/cases/{case}/entities", this::entities);
  }

  List<String> routes() {
    return List.of("/api/v1/cases/{case}/ingest", "/api/v1/cases/{case}/custody", "/api/v1/cases/{case}/entities");
  }

  /** {@code {"path"}}: a folder or file under the server's ingest folder; answers the task (202). */
  private void ingest(Context ctx) throws IOException {
    Workbench.Served s = bench.served(ctx, Accounts.Role.OWNER);
    bench.checkChange(ctx);
    Path base = root.orElseThrow(() -> new Workbench.NotFound(
        "this server takes no ingest: start it with 'dossier serve --ingest-from DIR'"));
    JsonNode body;
    try {
      body = Api.JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new Workbench.BadRequest("the body is not JSON");
    }
    Path input = inside(base, body.path("path").asText(""));
    Ingest[] running = new Ingest[1];
    Tasks.Task task = bench.tasks().submit("ingest " + base.relativize(input), s.key(), () -> {
      Ingest ingest = new Ingest(s.folder(), IngestSettings.defaults(),
          w -> java.util.logging.Logger.getLogger(ServerIngest.class.getName()).warning("ingest into " + s.key() + ": " + w));
      running[0] = ingest;
      ingest.run(List.of(input));
    });
    task.progress = () -> {
      Ingest i = running[0];
      if (i == null) {
        return new Tasks.Progress(0, 0, 0, 0);
      }
      IngestProgress p = i.progress();
      return new Tasks.Progress(p.documentsDone(), Math.max(p.documentsQueued(), p.documentsDone()), p.problems(),
          p.elapsedSeconds());
    };
    ctx.status(HttpStatus.ACCEPTED).json(task.json());
  }

  /** The path a request names, if it is under the ingest folder once every link is followed. */
  static Path inside(Path base, String requested) throws IOException {
    if (requested.isBlank() || requested.indexOf('\0') >= 0) {
      throw new Workbench.BadRequest("name a folder or file under the server's ingest folder");
    }
    Path real;
    try {
      real = base.resolve(requested).normalize().toRealPath();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new Workbench.BadRequest("there is no '" + requested + "' under the server's ingest folder");
    }
    if (!real.startsWith(base.toRealPath()) || !Files.isReadable(real)) {
      throw new Workbench.BadRequest("there is no '" + requested + "' under the server's ingest folder");
    }
    return real;
  }

  /** The custody log's head as the store anchors it, and the documents by status. */
  private void custody(Context ctx) throws SQLException {
    Workbench.Served s = bench.served(ctx);
    var store = s.folder().store();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entries", store.setting(CaseFolder.CUSTODY_SEQ).map(Long::parseLong).orElse(0L));
    out.put("head", store.setting(CaseFolder.CUSTODY_HEAD).orElse(""));
    out.put("documents", store.documents().documentCount());
    out.put("verify", "dossier --case DIR custody verify re-reads the log and re-hashes every original");
    ctx.json(out);
  }

  /** The case's entities, most mentioned first: {@code ?type=person&limit=100}. */
  private void entities(Context ctx) throws SQLException {
    Workbench.Served s = bench.served(ctx);
    Optional<org.dossier.core.EntityType> type;
    try {
      type = Optional.ofNullable(ctx.queryParam("type")).filter(t -> !t.isEmpty()).map(org.dossier.core.EntityType::fromCode);
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest(e.getMessage());
    }
    ctx.json(org.dossier.views.CaseViews.entities(s.folder().store().entities().entities(type, Api.limit(ctx, 100, 1000))));
  }
}
