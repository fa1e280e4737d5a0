package org.dossier.analyze;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.EntityMention;
import org.dossier.core.Span;
import org.dossier.core.ValueMention;

/**
 * Analyses one document's text: chooses the annotators for its language, checks that each one's
 * requirements come before it, and reads the text in chunks of at most {@link #CHUNK}
 * characters cut at paragraph or sentence ends, so that any size is analysed in bounded memory.
 * Thread-safe; models load once and are shared.
 */
public final class DocumentAnalyzer {
  /** Characters analysed at a time. */
  public static final int CHUNK = 100_000;
  /** Mentions kept per document at most: beyond this a document is a table or a dump. */
  public static final int MAX_MENTIONS = 50_000;

  private static final Pattern TOP_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

  private final Gazetteer domain;
  private final Gazetteer places = Places.shared();

  public DocumentAnalyzer(Gazetteer domain) {
    this.domain = domain;
    for (String language : List.of("en", "ru", "zh", "und")) {
      check(pipeline(language));
    }
  }

  /** What happened to a document's analysis. */
  public record Result(Annotations annotations, int chunks, boolean truncated) {}

  /**
   * Analyses a text read from {@code text}.
   *
   * @param language ISO 639-1 code of the document's language, or {@code und}
   * @param documentDate the document's own date, if known; otherwise one written near the top is used
   */
  public Result analyze(Reader text, String language, Optional<LocalDate> documentDate) throws IOException {
    List<Annotator> pipeline = pipeline(language);
    List<EntityMention> entities = new ArrayList<>();
    List<ValueMention> values = new ArrayList<>();
    List<Attribution> attributions = new ArrayList<>();
    Optional<LocalDate> anchor = documentDate;
    char[] buf = new char[CHUNK];
    StringBuilder pending = new StringBuilder();
    int offset = 0;
    int chunks = 0;
    boolean truncated = false;
    boolean eof = false;
    while (!eof || pending.length() > 0) {
      while (!eof && pending.length() < CHUNK) {
        int n = text.read(buf, 0, CHUNK - pending.length());
        if (n < 0) {
          eof = true;
        } else {
          pending.append(buf, 0, n);
        }
      }
      int cut = eof ? pending.length() : cutPoint(pending);
      String chunk = pending.substring(0, cut);
      pending.delete(0, cut);
      if (chunks == 0 && anchor.isEmpty()) {
        anchor = topDate(chunk, language);
      }
      Draft draft = new Draft(chunk, language, anchor);
      for (Annotator a : pipeline) {
        a.annotate(draft);
      }
      int shift = offset;
      draft.entities().forEach(e -> entities.add(new EntityMention(e.span().shift(shift), e.text(), e.type(), e.canonical(), e.source())));
      draft.values().forEach(v -> values.add(new ValueMention(v.span().shift(shift), v.text(), v.value(), v.qualifier())));
      draft.attributions().forEach(a -> attributions.add(new Attribution(a.statement().shift(shift),
          a.source().shift(shift), a.sourceText(), a.kind(), a.via())));
      offset += cut;
      chunks++;
      if (entities.size() + values.size() + attributions.size() > MAX_MENTIONS) {
        truncated = true;
        break;
      }
    }
    boolean entitiesAnalysed = hasNameModel(language);
    return new Result(new Annotations(entities, values, attributions, anchor, entitiesAnalysed), chunks, truncated);
  }

  /** Analyses a text held in memory. */
  public Result analyze(String text, String language, Optional<LocalDate> documentDate) {
    try {
      return analyze(new java.io.StringReader(text), language, documentDate);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** True when a model or rules for names serve the language. */
  public static boolean hasNameModel(String language) {
    return Set.of("en", "ru", "uk", "be", "bg", "zh", "fr", "de", "es", "it", "pt", "nl").contains(language);
  }

  List<Annotator> pipeline(String language) {
    List<Annotator> p = new ArrayList<>();
    p.add(new SentenceSplitter());
    p.add(domain);
    switch (language) {
      case "en" -> {
        p.add(places);
        p.add(new EnglishNames());
      }
      case "ru", "uk", "be", "bg" -> {
        p.add(places);
        p.add(new RussianNames());
      }
      case "zh" -> {
        p.add(places);
        p.add(new ChineseNames());
      }
      case "fr", "de", "es", "it", "pt", "nl" -> {
        p.add(places);
        p.add(new LatinNames());
      }
      default -> {
        // no model for names: the text still gets equipment, values and attributions
      }
    }
    p.add(new ValueExtractor());
    if (hasNameModel(language)) {
      p.add(new CanonicalNames());
    }
    p.add(new Attributions());
    return p;
  }

  /** Checks that every annotator's requirements are produced before it. */
  static void check(List<Annotator> pipeline) {
    Set<Layer> have = EnumSet.noneOf(Layer.class);
    for (Annotator a : pipeline) {
      Set<Layer> missing = EnumSet.copyOf(a.requires());
      missing.removeAll(have);
      // names are optional for languages without a model: the layer is empty, not missing
      missing.remove(Layer.NAMES);
      if (!missing.isEmpty()) {
        throw new IllegalStateException(a.getClass().getSimpleName() + " needs " + missing
            + " but the pipeline so far only produces " + have);
      }
      have.addAll(a.produces());
    }
  }

  /** Where to end a chunk: the last blank line, else the last sentence end, else a space. */
  private static int cutPoint(StringBuilder s) {
    int limit = s.length();
    int para = s.lastIndexOf("\n\n");
    if (para > limit / 2) {
      return para + 2;
    }
    for (int i = limit - 1; i > limit / 2; i--) {
      char c = s.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == '。') && i + 1 < limit && Character.isWhitespace(s.charAt(i + 1))) {
        return i + 1;
      }
    }
    int space = s.lastIndexOf(" ");
    return space > limit / 2 ? space + 1 : limit;
  }

  /**
   * A full date written in the first lines (a byline, a dateline with a year, a timestamp), in
   * any language the date reader knows: "2018-10-05", "October 5, 2018", "jeudi 13 avril 2023",
   * "5 de octubre de 2018", "am 13. April 2023", "2023年4月13日".
   */
  static Optional<LocalDate> topDate(String text, String language) {
    String head = text.substring(0, Math.min(text.length(), 400));
    Matcher iso = TOP_DATE.matcher(head);
    int isoAt = iso.find() ? iso.start() : Integer.MAX_VALUE;
    for (Dates.Hit h : Dates.find(head, Optional.empty(), language)) {
      if (h.span().start() > isoAt) {
        break;
      }
      if (h.kind() == Dates.Kind.DATE && h.date().iso().length() == 10) {
        return Optional.of(LocalDate.parse(h.date().iso()));
      }
    }
    if (isoAt != Integer.MAX_VALUE) {
      try {
        return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3))));
      } catch (java.time.DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Only for tests: the annotators a language gets. */
  List<String> annotatorNames(String language) {
    return pipeline(language).stream().map(a -> a.getClass().getSimpleName()).toList();
  }

}
