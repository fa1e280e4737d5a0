package org.dossier.extract;

import com.ibm.icu.lang.UScript;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The main language of a text: Optimaize n-gram profiles (the detector Tika ships), with the
 * dominant script as a fallback for short or mixed texts.
 */
public final class LanguageIdentifier {
  /** Below this many letters, n-gram statistics are noise. */
  private static final int MIN_LETTERS = 20;
  private static final double MIN_PROBABILITY = 0.80;

  private final LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

  public LanguageIdentifier() {
    try {
      detector =
          LanguageDetectorBuilder.create(NgramExtractors.standard())
              .withProfiles(new LanguageProfileReader().readAllBuiltIn())
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the language profiles", e);
    }
  }

  /** ISO 639-1 code of the main language, or {@code und} when it cannot be told. */
  public String identify(CharSequence sample) {
    ScriptCounts scripts = ScriptCounts.of(sample);
    if (scripts.letters() < MIN_LETTERS) {
      return scripts.letters() >= 2 ? scripts.guess() : "und";
    }
    List<DetectedLanguage> probabilities = detector.getProbabilities(texts.forText(sample));
    if (!probabilities.isEmpty() && probabilities.get(0).getProbability() >= MIN_PROBABILITY) {
      String lang = probabilities.get(0).getLocale().getLanguage();
      return lang;
    }
    return scripts.guess();
  }

  /** Letters per script: enough to tell Cyrillic, Han and Latin text apart. */
  record ScriptCounts(int latin, int cyrillic, int han, int letters) {
    static ScriptCounts of(CharSequence s) {
      int latin = 0;
      int cyrillic = 0;
      int han = 0;
      int letters = 0;
      for (int i = 0; i < s.length(); ) {
        int cp = Character.codePointAt(s, i);
        i += Character.charCount(cp);
        if (!Character.isLetter(cp)) {
          continue;
        }
        letters++;
        switch (UScript.getScript(cp)) {
          case UScript.LATIN -> latin++;
          case UScript.CYRILLIC -> cyrillic++;
          case UScript.HAN -> han++;
          default -> {
            // other scripts only count as letters
          }
        }
      }
      return new ScriptCounts(latin, cyrillic, han, letters);
    }

    /** A language only when one script clearly dominates and says which. */
    String guess() {
      if (han * 2 > letters) {
        return "zh";
      }
      if (cyrillic * 2 > letters) {
        return "ru";
      }
      return "und";
    }
  }
}
