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

  /** The cases the visitor may read; {@code hidden} others ask for a login; {@code session} when it has one, to log out. */
  public record IndexPage(List<CaseRow> cases, int hidden, boolean session) {}

  /** The login to a case: the page to go back to, the server's token, the name tried, and what went wrong. */
  public record LoginPage(String caseKey, String back, String csrf, String name, String error) {}

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

  /** What a form that records a judgement needs: the token, the page to come back to, the case. */
  public record Form(String caseKey, String csrf, String back) {
    public String action() {
      return "/cases/" + caseKey + "/judgements";
    }
  }

  /** A judgement as a page lists it; {@code undoable} when it is in force and not itself an undo. */
  public record JudgementRow(long seq, String at, String user, String action, String target, String url, String value,
      String reason, boolean inForce, boolean undoable) {}

  public record DocumentPage(String caseKey, String name, String id, String status, String reason, String mediaType,
      String language, long size, String download, List<PathRow> paths, Link parent, List<Link> children,
      List<Row> metadata, List<SignalRow> signals, List<Piece> text, boolean cut, boolean passage, Form form,
      String target, JudgementRow star, List<JudgementRow> tags, List<JudgementRow> notes, List<FamilyRow> family,
      List<FieldRow> fields, String kind, List<LinkRow> links, Picture picture) {}

  /**
   * The original drawn as a picture: page {@code page} of {@code pages} (0 when not known), with
   * the addresses of the pages before and after (empty when there is none); null when not drawn.
   */
  public record Picture(String url, int page, int pages, String previous, String next) {}

  /**
   * A document's outlet, headline, date or address as the link stage reads it, or as the analyst
   * set it ({@code judgement} the one in force, else null); {@code target} names it for a form.
   */
  public record FieldRow(String field, String value, JudgementRow judgement, String target, String inputType) {}

  /** A version of the same document: its role (draft, final, copy, unknown), similarity, and the diff against it. */
  public record FamilyRow(String role, String similarity, Link document, String diffUrl, boolean principal, boolean self) {}

  /** A line of a diff: {@code kind} is {@code removed} or {@code added}. */
  public record DiffLine(String kind, String text) {}

  public record DiffPage(String caseKey, Link a, Link b, List<String> onlyInA, List<String> onlyInB, List<DiffLine> lines) {}

  /** A claim of a fact; {@code target} and {@code attribution} name it for a judgement (empty when its document is unknown). */
  public record ClaimRow(String document, String label, String url, String quote, String value, String attributedTo,
      boolean press, String target, String attribution) {}

  public record FactRow(String id, String story, String subject, String property, String status, String explanation,
      String size, List<ClaimRow> claims, String target) {}

  /** {@code updating} while the case is being brought up to date after a judgement. */
  public record FactsPage(String caseKey, List<FactRow> disputes, long disputesTotal, List<FactRow> others,
      long othersTotal, int offset, String previous, String next, Form form, boolean updating) {}

  public record JudgementsPage(String caseKey, List<JudgementRow> judgements, Form form) {}

  public record StoryRow(String id, String title, List<Link> documents) {}

  /**
   * Where a list page stands: its rows {@code from} to {@code to} (counted from 1) of {@code total},
   * and the pages before and after it (empty at either end).
   */
  public record Pager(long from, long to, long total, String previous, String next) {}

  public record StoriesPage(String caseKey, List<StoryRow> stories, Pager pager) {}

  public record SignalsPage(String caseKey, List<SignalRow> signals, Pager pager) {}

  /** A citation: its footnote's number and the passage it opens. */
  public record Cite(int number, String url, String separator) {}

  public record ReportSentence(String text, List<Cite> cites) {}

  /** @param omitted sentences of the section the page leaves to the downloaded report */
  public record ReportSection(String title, List<ReportSentence> sentences, long omitted) {}

  public record Footnote(int number, String label, String quote, String note, String url) {}

  /** The report as a page; {@code preparing} while the case is brought up to date for it. */
  /** @param story {@code &story=ID} when the report is on one story, for its downloads; else empty */
  public record ReportPage(String caseKey, String title, List<ReportSection> sections, List<Footnote> footnotes,
      boolean preparing, String story) {}

  /** A claim as a link to its passage, labelled by its document. */
  public record Quote(String label, String quote, String url, String attributedTo) {}

  /** A dated event; {@code x} and {@code y} place it on the chart. */
  public record EventRow(String date, String what, String status, String fact, List<Quote> claims, List<String> alongside,
      int x, int y) {}

  /** A year on the chart's axis. */
  public record Tick(int x, String label) {}

  public record TimelinePage(String caseKey, List<EventRow> events, List<Tick> ticks, int width, int height, Pager pager) {}

  /** A document or an outside outlet on the sources graph. */
  public record Node(String id, String label, String title, String url, boolean inCase, int x, int y) {}

  /** Who copied, translated or rewrote whom, with the evidence. */
  public record Edge(int x1, int y1, int x2, int y2, String relation, String title) {}

  public record SourceRow(String document, String label, String url, String kind, String outlet, String date,
      List<LinkRow> links) {}

  /** A link to a source; {@code target} names it for the analyst's "wrong" form (empty: findings of an older run). */
  public record LinkRow(String relation, String to, String toUrl, List<Quote> evidence, String target) {}

  public record SourcesPage(String caseKey, List<Node> nodes, List<Edge> edges, List<SourceRow> rows, int width,
      int height, Form form, List<JudgementRow> wrongLinks, Pager pager) {}

  public record CoverageRow(Quote claim, String status, String value, List<Quote> evidence) {}

  public record CoveragePage(String caseKey, List<CoverageRow> rows, long supported, long contradicted, long notFound,
      Pager pager) {}

  /** An entity; {@code target} names it for the analyst's merge and split forms. */
  public record EntityRow(String name, String type, List<String> aliases, long mentions, int documents, String searchUrl,
      String target, List<Link> named) {}

  public record EntitiesPage(String caseKey, String type, List<String> types, List<EntityRow> entities, Form form,
      List<JudgementRow> judged) {}

  /** A saved search of the user: its counts now, and whether its new hits are shown ({@code open}). */
  public record SavedRow(long id, String name, String query, String url, long total, long fresh, boolean atLeast,
      String seenAt, String newUrl, boolean open) {}

  /** The user's saved searches; {@code fresh} the new hits of the one opened ({@code openName}). */
  public record SavedPage(String caseKey, String user, List<SavedRow> rows, String prefill, String openName,
      List<Hit> fresh, Form form) {}

  /** One query of a batch: its hits' count, the first documents, the query's own search page. */
  public record BatchRow(String query, long total, List<Link> top, String url, String error) {}

  public record BatchPage(String caseKey, String queries, List<BatchRow> rows, Form form, long matched) {}
}
