package org.dossier.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.dossier.core.Document;

/**
 * A document's original as a picture: a PDF's page or an image, drawn on the server ({@link
 * Previews}) and sent as a PNG, so that the document page shows it without the browser reading
 * the leaked file.
 */
final class Pictures {
  private final Workbench bench;

  Pictures(Workbench bench) {
    this.bench = bench;
  }

  void register(Javalin app) {
    app.get("/cases/{case}/documents/{id}/pages/{page}", this::picture);
  }

  /** The picture's address, for the document page. */
  static String url(String caseKey, String id, int page) {
    return "/cases/" + caseKey + "/documents/" + id + "/pages/" + page;
  }

  private void picture(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Document d = Api.byId(s, ctx.pathParam("id"));
    int page;
    try {
      page = Integer.parseInt(ctx.pathParam("page"));
    } catch (NumberFormatException e) {
      throw new Workbench.BadRequest("a page is a number from 1");
    }
    Path file = s.folder().layout().original(d.id());
    if (!d.stored() || !Files.isRegularFile(file) || !Previews.draws(d.mediaType())) {
      throw new Workbench.NotFound("this document's original is not drawn: download it instead");
    }
    byte[] png = bench.draw(file, d.mediaType(), page);
    ctx.contentType("image/png");
    ctx.header("Content-Disposition", "inline; filename=\"page-" + page + ".png\"");
    ctx.result(png);
  }
}
