package org.dossier.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.dossier.link.StoredFindings;

/**
 * The report's footnotes: each passage a sentence rests on, numbered in the order first cited,
 * once however often it is cited, with its document's full label.
 */
final class Citations {
  /**
   * @param document the document's name (file path), where {@code start} and {@code end} point
   * @param label the document as the report names it: outlet, headline, date and file
   * @param note the sentence around the quote, or what the passage shows
   */
  record Footnote(int number, String document, String label, int start, int end, String quote, String note) {}

  private final Map<String, Footnote> footnotes = new LinkedHashMap<>();
  private final DocumentLabels labels;

  Citations(DocumentLabels labels) {
    this.labels = labels;
  }

  int claim(StoredFindings.Claim c) {
    return passage(c.document(), c.start(), c.end(), c.quote(), "", c.context());
  }

  int evidence(StoredFindings.Evidence e) {
    return passage(e.document(), e.start(), e.end(), e.quote(), e.note().orElse(""), "");
  }

  /** A passage; its context sentence, when it says more than the quote, is the footnote's note. */
  int passage(String document, int start, int end, String quote, String note, String context) {
    String key = document + "@" + start + "-" + end + "|" + (quote.isEmpty() ? note : "");
    Footnote f = footnotes.get(key);
    if (f == null) {
      String n = !context.isEmpty() && !context.equals(quote) ? "in: \u201c" + context + "\u201d" : note;
      f = new Footnote(footnotes.size() + 1, document, labels.full(document), start, end, quote, n);
      footnotes.put(key, f);
    }
    return f.number();
  }

  /** Every claim, cited. */
  List<Integer> claims(List<StoredFindings.Claim> claims) {
    return first(claims, this::claim, Integer.MAX_VALUE);
  }

  /** The first claims, until {@code max} distinct footnotes. */
  List<Integer> claims(List<StoredFindings.Claim> claims, int max) {
    return first(claims, this::claim, max);
  }

  /** The first passages of evidence, until {@code max} distinct footnotes. */
  List<Integer> evidence(List<StoredFindings.Evidence> evidence, int max) {
    return first(evidence, this::evidence, max);
  }

  private static <T> List<Integer> first(List<T> passages, ToIntFunction<T> cite, int max) {
    List<Integer> out = new ArrayList<>();
    for (T p : passages) {
      int n = cite.applyAsInt(p);
      if (!out.contains(n)) {
        out.add(n);
      }
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  List<Footnote> all() {
    return List.copyOf(footnotes.values());
  }
}
