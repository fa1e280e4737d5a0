package org.dossier.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.link.StoredFindings;

/**
 * How the commands and the report name a document: by its outlet, headline and date when the
 * link stage read them, with its file name for finding it again ({@link #full}); shorter in
 * tables and running text ({@link #brief}: outlet or headline, and date). The file name alone
 * only when nothing else is known.
 */
public final class DocumentLabels {
  /** Longest headline in a full label, and in a brief one, before it is clipped at a word. */
  static final int HEADLINE = 40;
  static final int BRIEF_HEADLINE = 32;

  private final Map<String, StoredFindings.Source> sources = new HashMap<>();

  private DocumentLabels(List<StoredFindings.Source> sources) {
    sources.forEach(s -> this.sources.put(s.document(), s));
  }

  /** Labels from the stored sources (one per document of the case). */
  public static DocumentLabels of(List<StoredFindings.Source> sources) {
    return new DocumentLabels(sources);
  }

  /** No labels: every document by its file name. */
  public static DocumentLabels none() {
    return new DocumentLabels(List.of());
  }

  /**
   * {@code Harbour Ledger, "Tessaly to sell fast attack boats…", 2026-03-03
   * (press/2026-03-03_harbour-ledger.txt)}; the parts that are known, then the file name.
   */
  public String full(String document) {
    Optional<StoredFindings.Source> s = Optional.ofNullable(sources.get(document));
    List<String> parts = new ArrayList<>();
    s.flatMap(StoredFindings.Source::outlet).ifPresent(parts::add);
    s.flatMap(StoredFindings.Source::headline).map(h -> quoted(h, HEADLINE)).ifPresent(parts::add);
    if (parts.isEmpty()) {
      return s.flatMap(StoredFindings.Source::date).map(d -> document + ", " + d).orElse(document);
    }
    s.flatMap(StoredFindings.Source::date).ifPresent(d -> parts.add(d.toString()));
    return String.join(", ", parts) + " (" + document + ")";
  }

  /** {@code Harbour Ledger, 2026-03-03}: the outlet, else the headline (clipped), and the date. */
  public String brief(String document) {
    Optional<StoredFindings.Source> s = Optional.ofNullable(sources.get(document));
    Optional<String> name = s.flatMap(StoredFindings.Source::outlet)
        .or(() -> s.flatMap(StoredFindings.Source::headline).map(h -> quoted(h, BRIEF_HEADLINE)));
    Optional<String> date = s.flatMap(StoredFindings.Source::date).map(Object::toString);
    return name.orElse(document) + date.map(d -> ", " + d).orElse("");
  }

  /** True when the label says more than the file name, which then needs saying beside it. */
  public boolean known(String document) {
    StoredFindings.Source s = sources.get(document);
    return s != null && (s.outlet().isPresent() || s.headline().isPresent());
  }

  private static String quoted(String headline, int max) {
    return "\"" + Readable.clip(headline, max) + "\"";
  }
}
