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

  /** What a label says of a document: not its source's links and evidence, which a case's labels need not hold. */
  private record Label(Optional<String> outlet, Optional<String> headline, Optional<java.time.LocalDate> date) {}

  private final Map<String, Label> sources = new HashMap<>();

  private DocumentLabels() {}

  /** Labels from the stored sources (one per document of the case). */
  public static DocumentLabels of(List<StoredFindings.Source> sources) {
    DocumentLabels labels = new DocumentLabels();
    sources.forEach(labels::add);
    return labels;
  }

  /** Hands over stored source rows (JSON text) one at a time, as a store streams them. */
  public interface SourceRows<E extends Exception> {
    void forEach(java.util.function.Consumer<String> row) throws E;
  }

  /**
   * Labels of every document, from the source rows {@code rows} hands over, keeping only each
   * one's label: not every source's links and evidence at once, which on a large case outweigh
   * what a page or a command shows.
   *
   * @throws IllegalArgumentException when a row is not a source row this version reads
   */
  public static <E extends Exception> DocumentLabels read(SourceRows<E> rows) throws E {
    DocumentLabels labels = new DocumentLabels();
    rows.forEach(r -> labels.add(StoredFindings.source(StoredFindings.tree(r))));
    return labels;
  }

  /** No labels yet: every document by its file name until its source is {@link #add}ed. */
  public static DocumentLabels none() {
    return new DocumentLabels();
  }

  /** Labels the document of {@code source}, keeping only its outlet, headline and date. */
  public void add(StoredFindings.Source source) {
    sources.put(source.document(), new Label(source.outlet(), source.headline(), source.date()));
  }

  /** The document's date as the link stage read it. */
  public Optional<java.time.LocalDate> date(String document) {
    return Optional.ofNullable(sources.get(document)).flatMap(Label::date);
  }

  /**
   * {@code Harbour Ledger, "Tessaly to sell fast attack boats…", 2026-03-03
   * (press/2026-03-03_harbour-ledger.txt)}; the parts that are known, then the file name.
   */
  public String full(String document) {
    Optional<Label> s = Optional.ofNullable(sources.get(document));
    List<String> parts = new ArrayList<>();
    s.flatMap(Label::outlet).ifPresent(parts::add);
    s.flatMap(Label::headline).map(h -> quoted(h, HEADLINE)).ifPresent(parts::add);
    if (parts.isEmpty()) {
      return s.flatMap(Label::date).map(d -> document + ", " + d).orElse(document);
    }
    s.flatMap(Label::date).ifPresent(d -> parts.add(d.toString()));
    return String.join(", ", parts) + " (" + document + ")";
  }

  /** {@code Harbour Ledger, 2026-03-03}: the outlet, else the headline (clipped), and the date. */
  public String brief(String document) {
    Optional<Label> s = Optional.ofNullable(sources.get(document));
    Optional<String> name = s.flatMap(Label::outlet)
        .or(() -> s.flatMap(Label::headline).map(h -> quoted(h, BRIEF_HEADLINE)));
    Optional<String> date = s.flatMap(Label::date).map(Object::toString);
    return name.orElse(document) + date.map(d -> ", " + d).orElse("");
  }

  /** True when the label says more than the file name, which then needs saying beside it. */
  public boolean known(String document) {
    Label s = sources.get(document);
    return s != null && (s.outlet().isPresent() || s.headline().isPresent());
  }

  private static String quoted(String headline, int max) {
    return "\"" + Readable.clip(headline, max) + "\"";
  }
}
