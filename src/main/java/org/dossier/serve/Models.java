package org.dossier.serve;

import java.util.List;

/**
 * The pages' models: what each jte template renders, built by {@link Pages} from the case. Every
 * string here may come from a hostile document; the templates escape each by its HTML context.
 */
public final class Models {
  private Models() {}

  public record ErrorPage(int status, String message) {}

  public record CaseRow(String key, String url, long documents) {}

  public record IndexPage(List<CaseRow> cases) {}

  /** A piece of a snippet: text, and whether it matched the query. */
  public record Segment(String text, boolean hit) {}

  public record Hit(String name, String url, double score, List<List<Segment>> snippets) {}

  public record FacetValue(String value, long count, String url) {}

  public record Facet(String dimension, List<FacetValue> values) {}

  public record SearchPage(String caseKey, String query, String error, long total, int from, int to, List<Hit> hits,
      List<Facet> facets, String previous, String next) {}

  /**
   * A run of a document's text: {@code kind} is empty, {@code entity}, {@code value} or {@code
   * source} (from a fixed vocabulary, never from the document); {@code passage} marks the
   * passage a link asked for; {@code anchor} is set on its first run.
   */
  public record Piece(String text, String kind, String label, boolean passage, boolean anchor) {}

  public record Row(String name, String value) {}

  public record Link(String text, String url) {}

  public record PathRow(String name, String status, String reason) {}

  public record SignalRow(String severity, String kind, String document, String url, String explanation, String innocent) {}

  public record DocumentPage(String caseKey, String name, String id, String status, String reason, String mediaType,
      String language, long size, String download, List<PathRow> paths, Link parent, List<Link> children,
      List<Row> metadata, List<SignalRow> signals, List<Piece> text, boolean cut, boolean passage) {}

  public record ClaimRow(String document, String label, String url, String quote, String value, String attributedTo, boolean press) {}

  public record FactRow(String id, String story, String subject, String property, String status, String explanation,
      String size, List<ClaimRow> claims) {}

  public record FactsPage(String caseKey, List<FactRow> disputes, List<FactRow> others) {}

  public record StoryRow(String id, String title, List<Link> documents) {}

  public record StoriesPage(String caseKey, List<StoryRow> stories) {}

  public record SignalsPage(String caseKey, List<SignalRow> signals) {}
}
