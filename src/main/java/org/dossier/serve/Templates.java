package org.dossier.serve;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The workbench's pages: jte templates from {@code src/main/jte}, compiled at build time, HTML-escaped by context. */
final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Templates() {}

  /** The page {@code template} renders from {@code model}. */
  static String render(String template, Object model) {
    StringOutput out = new StringOutput();
    ENGINE.render(template, model, out);
    return out.toString();
  }
}
