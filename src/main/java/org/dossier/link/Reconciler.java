package org.dossier.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.dossier.core.DocumentId;

/**
 * Groups the claims of a story by what they are about (subject and property) and gives each
 * group a status. Values are compared after normalization ({@link Comparison}); a document that
 * itself gives several different values for one subject and property is read as speaking of
 * several things (two payments, two batches), so its values are not set against each other.
 */
final class Reconciler {
  private final Function<DocumentId, String> names;

  Reconciler(Function<DocumentId, String> names) {
    this.names = names;
  }

  /** A value as several claims give it. */
  private static final class Rep {
    final Claim first;
    final List<Claim> claims = new ArrayList<>();
    final Set<DocumentId> documents = new LinkedHashSet<>();

    Rep(Claim first) {
      this.first = first;
    }

    String label() {
      return "\"" + first.value().text() + "\"";
    }
  }

  /** The facts of one story, in the order of their keys. */
  List<Fact> facts(String story, List<Claim> claims, int firstId) {
    Map<String, List<Claim>> byKey = new TreeMap<>();
    for (Claim c : claims) {
      byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    }
    List<Fact> out = new ArrayList<>();
    for (List<Claim> group : byKey.values()) {
      for (List<Claim> part : split(group)) {
        out.add(fact("F" + (firstId + out.size()), story, part));
      }
    }
    return out;
  }

  /** One group, or several when one document gives values that do not agree. */
  private List<List<Claim>> split(List<Claim> group) {
    Map<DocumentId, List<Claim>> byDoc = new LinkedHashMap<>();
    for (Claim c : group) {
      byDoc.computeIfAbsent(c.document(), d -> new ArrayList<>()).add(c);
    }
    boolean several = false;
    for (List<Claim> own : byDoc.values()) {
      for (int i = 1; i < own.size() && !several; i++) {
        several = Comparison.compare(own.get(0), own.get(i)).verdict() != Comparison.Verdict.AGREE;
      }
    }
    if (!several) {
      return List.of(group);
    }
    // the values of documents that give several seed the groups; a claim joins the one it agrees
    // with; a document that gives one value about a specific thing (an event, an item) that
    // agrees with none is set against the largest group, since it speaks of the main one
    List<List<Claim>> clusters = new ArrayList<>();
    List<Claim> loners = new ArrayList<>();
    for (Claim c : group) {
      List<Claim> home = null;
      for (List<Claim> cl : clusters) {
        if (Comparison.compare(cl.get(0), c).verdict() == Comparison.Verdict.AGREE) {
          home = cl;
          break;
        }
      }
      boolean alone = byDoc.get(c.document()).stream()
          .allMatch(o -> Comparison.compare(o, c).verdict() == Comparison.Verdict.AGREE);
      if (home == null && alone && specific(c)) {
        loners.add(c);
        continue;
      }
      if (home == null) {
        home = new ArrayList<>();
        clusters.add(home);
      }
      home.add(c);
    }
    for (Claim c : loners) {
      List<Claim> home = null;
      for (List<Claim> cl : clusters) {
        if (Comparison.compare(cl.get(0), c).verdict() == Comparison.Verdict.AGREE) {
          home = cl;
          break;
        }
      }
      if (home == null) {
        home = clusters.stream().max(java.util.Comparator.comparingInt(cl -> (int) cl.stream().map(Claim::document).distinct().count()))
            .orElse(null);
      }
      if (home == null) {
        home = new ArrayList<>();
        clusters.add(home);
      }
      home.add(c);
    }
    return clusters;
  }

  /** A claim about one event or one named item, not about a kind of thing or an unnamed part. */
  private static boolean specific(Claim c) {
    return c.subjectKey().startsWith("event:") || c.subjectKey().startsWith("equipment:");
  }

  private Fact fact(String id, String story, List<Claim> claims) {
    Claim head = claims.get(0);
    List<Rep> reps = new ArrayList<>();
    for (Claim c : claims) {
      Rep home = null;
      for (Rep r : reps) {
        if (r.first.value().value().kind().equals(c.value().value().kind())
            && r.first.value().value().normalized().equals(c.value().value().normalized())
            && r.first.qualifier().map(q -> q.bound()).equals(c.qualifier().map(q -> q.bound()))) {
          home = r;
          break;
        }
      }
      if (home == null) {
        home = new Rep(c);
        reps.add(home);
      }
      home.claims.add(c);
      home.documents.add(c.document());
    }
    Set<DocumentId> documents = new LinkedHashSet<>();
    claims.forEach(c -> documents.add(c.document()));
    if (documents.size() == 1) {
      return new Fact(id, story, head.subject(), head.property(), "single",
          "Only " + names.apply(head.document()) + " states this.", claims);
    }
    List<String> conflicts = new ArrayList<>();
    List<String> divergences = new ArrayList<>();
    List<String> agreements = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      for (int j = i + 1; j < reps.size(); j++) {
        Rep a = reps.get(i);
        Rep b = reps.get(j);
        Comparison.Result r = Comparison.compare(a.first, b.first);
        String pair = a.label() + " (" + docs(a) + ") against " + b.label() + " (" + docs(b) + "): " + r.why();
        switch (r.verdict()) {
          case CONFLICT -> conflicts.add(pair);
          case DIVERGENT -> divergences.add(pair);
          case AGREE -> agreements.add(a.label() + " and " + b.label() + ": " + r.why());
        }
      }
    }
    if (!conflicts.isEmpty()) {
      List<String> all = new ArrayList<>(conflicts);
      all.addAll(divergences);
      return new Fact(id, story, head.subject(), head.property(), "conflict",
          "Sources disagree: " + String.join("; ", all) + ".", claims);
    }
    if (!divergences.isEmpty()) {
      return new Fact(id, story, head.subject(), head.property(), "divergent",
          "Compatible only under qualifiers: " + String.join("; ", divergences) + ".", claims);
    }
    String how = agreements.isEmpty() ? "the same value" : String.join("; ", agreements);
    return new Fact(id, story, head.subject(), head.property(), "agree",
        documents.size() + " documents agree (" + how + ").", claims);
  }

  private String docs(Rep r) {
    List<String> n = new ArrayList<>();
    for (DocumentId d : r.documents) {
      n.add(names.apply(d));
      if (n.size() == 3 && r.documents.size() > 3) {
        n.add("and " + (r.documents.size() - 3) + " more");
        break;
      }
    }
    return String.join(", ", n);
  }
}
