package org.dossier.extract;

import java.util.Objects;

/**
 * How the extractor works; sent to each worker process when it starts.
 *
 * @param maxTextChars most characters of text kept per document (the rest is cut, and flagged)
 * @param ocrLanguages Tesseract languages joined by {@code +}, e.g. {@code eng+rus+chi_sim};
 *     empty when OCR is off
 * @param ocrTimeoutSeconds most time Tesseract may spend on one image or page
 * @param limits caps on containers
 */
public record ExtractSettings(
    int maxTextChars, String ocrLanguages, int ocrTimeoutSeconds, ContainerLimits limits) {

  public ExtractSettings {
    Objects.requireNonNull(ocrLanguages, "ocrLanguages");
    Objects.requireNonNull(limits, "limits");
    if (maxTextChars < 1) {
      throw new IllegalArgumentException("maxTextChars must be >= 1, got " + maxTextChars);
    }
    if (ocrTimeoutSeconds < 1) {
      throw new IllegalArgumentException("ocrTimeoutSeconds must be >= 1, got " + ocrTimeoutSeconds);
    }
  }

  public boolean ocr() {
    return !ocrLanguages.isEmpty();
  }
}
