package org.dossier.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;
import org.dossier.report.Report.Part;

/**
 * The report's sections on facts: the disputes, largest first, each value with every document
 * that gives it and whom each attributes it to, every claim cited; then disagreements that have
 * no values to measure (names, statements, amounts in different currencies), agreements, and
 * what one source alone states.
 */
final class FactSections {
  /** Documents named per value outside the disputes, before "and N more". */
  private static final int NAMED = 3;

  private final Citations cite;
  private final DocumentLabels labels;

  FactSections(Citations cite, DocumentLabels labels) {
    this.cite = cite;
    this.labels = labels;
  }

  /**
   * Writes the sections on facts, each going over its facts as they stream: the disputes (ranked
   * holding their ids, then read back by id), the other disagreements, the agreements, the first {@code
   * singleLimit} facts stated by one source (and how many more, where {@code story}'s or the case's are listed).
   */
  void write(FindingStreams in, Optional<String> story, int singleLimit, Function<String, Report.Section> section)
      throws IOException {
    Report.Section disputes = section.apply("Disputes, largest first");
    Disputes.ranked(in, Optional.empty(), DISAGREE, d -> {
      disputes.sentence(dispute(d));
      disputes.sentence(explanation(d.fact()));
    });
    disputes.end();
    Report.Section other = section.apply("Other disagreements");
    in.facts(Optional.empty(), DISAGREE, f -> {
      if (Disputes.of(f).isEmpty()) { // a dispute is known again by itself
        other.sentence(summary(f, f.status().equals("conflict") ? ": sources conflict, giving " : ": sources give "));
        other.sentence(explanation(f));
      }
    });
    other.end();
    Report.Section agree = section.apply("Agreements");
    in.facts(Optional.empty(), List.of("agree"), f -> agree.sentence(summary(f, ": sources agree on ")));
    agree.end();
    Report.Section single = section.apply("Stated by one source only");
    long[] seen = {0};
    in.facts(Optional.empty(), List.of("single"), f -> {
      if (++seen[0] <= singleLimit) {
        single.sentence(summary(f, ": "));
      }
    });
    if (seen[0] > singleLimit) {
      single.note(List.of(new Part(more(seen[0] - singleLimit, "fact", "facts", "stated by one source only",
          "'dossier facts --status single" + story.map(s -> " --story " + s).orElse("") + "' lists them all"),
          List.of())));
    }
    single.end();
  }

  /**
   * What a section left out: "12 more facts stated by one source only are not listed here;
   * 'dossier facts --status single' lists them all." A reader is never left to think a capped
   * list is whole.
   *
   * @param listing where they all are
   */
  static String more(long count, String one, String many, String what, String listing) {
    return String.format(Locale.ROOT, "%,d more %s %s %s not listed here; %s.", count,
        count == 1 ? one : many, what, count == 1 ? "is" : "are", listing);
  }

  /** The statuses of facts whose sources disagree. */
  private static final List<String> DISAGREE = List.of("conflict", "divergent");

  private static String what(StoredFindings.Fact f) {
    String p = f.property();
    return (p.isEmpty() ? p : p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1)) + " of " + f.subject()
        + " (" + f.id() + ", story " + f.story() + ")";
  }

  /** "Number of X (F3, story S1): sources conflict, 8% apart — 26 in A[1]; and 24 in B[2] and C[3]." */
  private List<Part> dispute(Disputes.Dispute d) {
    StoredFindings.Fact f = d.fact();
    List<Part> parts = new ArrayList<>();
    String how = f.status().equals("conflict") ? "sources conflict" : "sources diverge (compatible only under their qualifiers)";
    parts.add(new Part(what(f) + ": " + how + ", " + d.size().words() + " \u2014 ", List.of()));
    Map<String, List<StoredFindings.Claim>> groups = byValue(f.claims());
    int i = 0;
    for (Map.Entry<String, List<StoredFindings.Claim>> g : groups.entrySet()) {
      String sep = i == 0 ? "" : i == groups.size() - 1 ? "; and " : "; ";
      parts.add(new Part(sep + g.getKey() + " in ", List.of()));
      Map<String, List<StoredFindings.Claim>> byDocument = byDocument(g.getValue());
      int j = 0;
      for (Map.Entry<String, List<StoredFindings.Claim>> doc : byDocument.entrySet()) {
        String dsep = j == 0 ? "" : j == byDocument.size() - 1 ? " and " : ", ";
        parts.add(new Part(dsep + labels.brief(doc.getKey()) + attributed(doc.getValue()), cite.claims(doc.getValue())));
        j++;
      }
      i++;
    }
    parts.add(new Part(".", List.of()));
    return parts;
  }

  /** "Date of X (F6, story S1): sources agree on 2024-04-17 in A[1] and 2024-04 in B[2], C[3] and 2 more[4]." */
  private List<Part> summary(StoredFindings.Fact f, String verb) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part(what(f) + verb, List.of()));
    Map<String, List<StoredFindings.Claim>> groups = byValue(f.claims());
    int i = 0;
    for (Map.Entry<String, List<StoredFindings.Claim>> g : groups.entrySet()) {
      String sep = i == 0 ? "" : i == groups.size() - 1 ? " and " : ", ";
      Map<String, List<StoredFindings.Claim>> byDocument = byDocument(g.getValue());
      List<String> named = new ArrayList<>();
      List<StoredFindings.Claim> cited = new ArrayList<>();
      for (Map.Entry<String, List<StoredFindings.Claim>> doc : byDocument.entrySet()) {
        if (named.size() < NAMED) {
          named.add(labels.brief(doc.getKey()) + attributed(doc.getValue()));
        }
        cited.addAll(doc.getValue());
      }
      int more = byDocument.size() - named.size();
      parts.add(new Part(sep + g.getKey() + " in " + String.join("; ", named) + (more > 0 ? " and " + more + " more" : ""),
          cite.claims(cited, 6)));
      i++;
    }
    parts.add(new Part(".", List.of()));
    return parts;
  }

  private List<Part> explanation(StoredFindings.Fact f) {
    return List.of(new Part(f.explanation(), cite.claims(f.claims(), 6)));
  }

  /**
   * The claims by their value as the report writes it; two values that read the same once
   * rounded (USD 1.23 million) are told apart by their exact figure.
   */
  static Map<String, List<StoredFindings.Claim>> byValue(List<StoredFindings.Claim> claims) {
    Map<String, Set<String>> normalized = new LinkedHashMap<>();
    for (StoredFindings.Claim c : claims) {
      normalized.computeIfAbsent(Readable.value(c.value()), k -> new LinkedHashSet<>()).add(c.value().normalized());
    }
    Map<String, List<StoredFindings.Claim>> out = new LinkedHashMap<>();
    for (StoredFindings.Claim c : claims) {
      String shown = Readable.value(c.value());
      if (normalized.get(shown).size() > 1) {
        shown += " (" + exact(c.value()) + ")";
      }
      out.computeIfAbsent(shown, k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  private static String exact(StoredFindings.Value v) {
    return v.number().map(n -> v.currency().map(c -> c + " ").orElse("") + Readable.grouped(n)).orElse(v.normalized());
  }

  private static Map<String, List<StoredFindings.Claim>> byDocument(List<StoredFindings.Claim> claims) {
    Map<String, List<StoredFindings.Claim>> out = new LinkedHashMap<>();
    claims.forEach(c -> out.computeIfAbsent(c.document(), k -> new ArrayList<>()).add(c));
    return out;
  }

  /** ", attributed to X" (and Y), for the claims of one document. */
  private static String attributed(List<StoredFindings.Claim> claims) {
    List<String> who = claims.stream().flatMap(c -> c.attributedTo().stream()).filter(s -> !s.isBlank()).distinct().toList();
    return who.isEmpty() ? "" : ", attributed to " + String.join(" and ", who);
  }
}
