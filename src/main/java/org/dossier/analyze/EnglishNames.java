package org.dossier.analyze;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * People, organisations and places in English (and other Latin-script languages) with Stanford
 * CoreNLP's CRF classifier trained on CoNLL, MUC and ACE ({@code english.all.3class.distsim}),
 * over CoreNLP's PTB tokenizer, sentence by sentence. The model loads once and is shared.
 */
final class EnglishNames implements Annotator {
  static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private static volatile CRFClassifier<CoreLabel> classifier;

  private final TokenizerFactory<CoreLabel> tokenizers =
      PTBTokenizer.factory(new CoreLabelTokenFactory(),
          "invertible=true,ptb3Escaping=false,normalizeParentheses=false,"
              + "normalizeOtherBrackets=false,untokenizable=noneKeep,splitHyphenated=false");

  static CRFClassifier<CoreLabel> classifier() {
    CRFClassifier<CoreLabel> c = classifier;
    if (c == null) {
      synchronized (EnglishNames.class) {
        c = classifier;
        if (c == null) {
          try {
            c = CRFClassifier.getClassifier(MODEL);
          } catch (Exception e) {
            throw new IllegalStateException("cannot load the CoreNLP model " + MODEL
                + " (is stanford-corenlp's models jar on the classpath?)", e);
          }
          classifier = c;
        }
      }
    }
    return c;
  }

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.SENTENCES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.NAMES);
  }

  @Override
  public void annotate(Draft draft) {
    CRFClassifier<CoreLabel> crf = classifier();
    String text = draft.text();
    for (Span sentence : draft.sentences()) {
      if (Garbage.isGarbage(text, sentence)) {
        continue;
      }
      String s = text.substring(sentence.start(), sentence.end());
      List<CoreLabel> tokens = tokenizers.getTokenizer(new StringReader(s)).tokenize();
      if (tokens.isEmpty()) {
        continue;
      }
      List<CoreLabel> labelled = crf.classifySentence(tokens);
      String current = "O";
      int start = -1;
      int end = -1;
      for (CoreLabel t : labelled) {
        String label = t.get(CoreAnnotations.AnswerAnnotation.class);
        if (label == null) {
          label = "O";
        }
        if (!label.equals(current)) {
          emit(draft, sentence.start(), current, start, end);
          current = label;
          start = t.beginPosition();
        }
        end = t.endPosition();
      }
      emit(draft, sentence.start(), current, start, end);
    }
  }

  private static void emit(Draft draft, int offset, String label, int start, int end) {
    if (label.equals("O") || start < 0) {
      return;
    }
    EntityType type = switch (label) {
      case "PERSON" -> EntityType.PERSON;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      case "LOCATION" -> EntityType.PLACE;
      default -> null;
    };
    if (type == null) {
      return;
    }
    Span span = new Span(offset + start, offset + end);
    String text = draft.cover(span);
    if (!text.contains("\n") && (type != EntityType.PERSON || personLike(draft.text(), span, text))) {
      draft.entities.add(new EntityMention(span, text, type, text, "corenlp"));
    }
  }

  /** Lower-case words a person's name may hold: "Ludwig van Beethoven", "Osama bin Laden". */
  private static final java.util.Set<String> PARTICLES = java.util.Set.of("van", "von", "der", "den", "de", "da",
      "di", "del", "della", "des", "du", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "y", "ter", "zu", "af");

  /**
   * False for what the model calls a person but the text does not write as one: a lower-case word
   * inside the name that is no particle ("Shkruar nga Pamfleti", a byline in another language; a
   * particle joined to a name, "Tamir al-Rashed", is one), or one word alone on a short line that is no sentence (a menu item, a button: "Lini një
   * Përgjigje").
   */
  static boolean personLike(String text, Span span, String name) {
    String[] words = name.strip().split("\\s+");
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty() && Character.isLowerCase(words[i].codePointAt(0)) && !PARTICLES.contains(words[i])
          && !LatinNames.joinedParticle(words[i])) {
        return false;
      }
    }
    if (words.length == 1) {
      int lineStart = text.lastIndexOf('\n', Math.max(0, span.start() - 1)) + 1;
      int lineEnd = text.indexOf('\n', span.end());
      String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
      boolean sentence = line.split("\\s+").length >= 6 || line.matches("(?s).*[.!?\"”»]$");
      return sentence;
    }
    return true;
  }
}
