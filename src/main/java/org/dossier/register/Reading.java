package org.dossier.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.analyze.Concepts;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;

/**
 * The stored claims of a story read sentence by sentence: which claims share a sentence (the
 * link stage's sentence offsets), what the sentence's words name as glossary concepts (read from
 * the document's text), and where each claim is known from.
 */
final class Reading {
  /** A claim with the fact it belongs to. */
  record Held(StoredFindings.Claim claim, StoredFindings.Fact fact) {
    String document() {
      return claim.document();
    }

    boolean named(String type) {
      return claim.reading().entityType().filter(type::equals).isPresent();
    }
  }

  /** A glossary concept where the text names it. */
  record Word(int start, int end, String concept, String quote) {}

  /** One sentence of a document: its claims and the concepts of its words. */
  static final class Sentence {
    final String document;
    final int start;
    final int end;
    final List<Held> claims = new ArrayList<>();
    final List<Word> words = new ArrayList<>();
    final Set<String> concepts = new LinkedHashSet<>();
    final Set<String> kinds = new LinkedHashSet<>();
    String context = "";

    Sentence(String document, int start, int end) {
      this.document = document;
      this.start = start;
      this.end = end;
    }

    /** The claims that name something of one of {@code types}, in text order. */
    List<Held> names(Set<String> types) {
      return claims.stream().filter(h -> h.claim().reading().entityType().filter(types::contains).isPresent())
          .sorted(java.util.Comparator.comparingInt(h -> h.claim().start())).toList();
    }

    boolean has(Set<String> anyOf) {
      return concepts.stream().anyMatch(anyOf::contains);
    }
  }

  private final Concepts concepts;
  private final Texts texts;
  private final Map<String, Optional<Texts.Text>> loaded = new HashMap<>();

  Reading(Concepts concepts, Texts texts) {
    this.concepts = concepts;
    this.texts = texts;
  }

  /** The sentences of some claims, each with its words read. Claims of findings without sentences are left out. */
  List<Sentence> sentences(List<Held> held) {
    Map<String, Sentence> out = new LinkedHashMap<>();
    for (Held h : held) {
      StoredFindings.Reading r = h.claim().reading();
      if (!r.located()) {
        continue;
      }
      Sentence s = out.computeIfAbsent(h.document() + "@" + r.sentenceStart(),
          k -> new Sentence(h.document(), r.sentenceStart(), r.sentenceEnd()));
      s.claims.add(h);
      if (s.context.isEmpty()) {
        s.context = h.claim().context();
      }
    }
    for (Sentence s : out.values()) {
      Optional<Texts.Text> t = loaded.computeIfAbsent(s.document, texts::of);
      if (t.isEmpty() || s.end > t.get().text().length() || s.start > s.end) {
        continue;
      }
      String text = t.get().text();
      for (Concepts.Token k : concepts.tokens(text, s.start, s.end, t.get().language())) {
        if (k.concept()) {
          String c = k.key().substring(2);
          s.words.add(new Word(k.start(), k.end(), c, text.substring(k.start(), k.end())));
          s.concepts.add(c);
          concepts.eventKind(c).ifPresent(s.kinds::add);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Lets go of the texts read so far: a register reads a story at a time, and a document is in one
   * story, so what one story read is not read again.
   */
  void forget() {
    loaded.clear();
  }

  /** The text of a document, when it can be read. */
  Optional<String> text(String document) {
    return loaded.computeIfAbsent(document, texts::of).map(Texts.Text::text);
  }

  /** Where one claim is known from. */
  static Origin origin(StoredFindings.Claim c) {
    if (c.press()) {
      return Origin.PRESS;
    }
    boolean draft = c.reading().draft() || c.value().qualifier()
        .filter(q -> q.bound() == Qualifier.Bound.PRELIMINARY && q.text().equals("in a draft")).isPresent();
    return draft ? Origin.DRAFT : Origin.RECORD;
  }

  /** Where a value stated by several claims is known from: a record if any record states it. */
  static Origin origin(List<StoredFindings.Claim> claims) {
    Origin best = Origin.PRESS;
    for (StoredFindings.Claim c : claims) {
      Origin o = origin(c);
      if (o.ordinal() < best.ordinal()) {
        best = o;
      }
    }
    return best;
  }

  /** The semantic field of a concept ("military" ...). */
  String field(String concept) {
    return concepts.field(concept);
  }

  /** The concepts of a short phrase (a counted noun), in any of the languages its script allows. */
  Set<String> conceptsOf(String phrase) {
    Set<String> out = new LinkedHashSet<>();
    for (String lang : List.of("en", "ru", "zh", "fr", "de", "es", "it")) {
      for (Concepts.Token k : concepts.tokens(phrase, 0, phrase.length(), lang)) {
        if (k.concept()) {
          out.add(k.key().substring(2));
        }
      }
      if (!out.isEmpty()) {
        break;
      }
    }
    return out;
  }
}
