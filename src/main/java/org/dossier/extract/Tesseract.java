package org.dossier.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Finds out whether Tesseract is installed and which of the wanted languages it has. */
public final class Tesseract {
  /** The packages that give Dossier its default OCR languages on Debian and Ubuntu. */
  public static final String INSTALL_HINT =
      "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-chi-sim";

  private Tesseract() {}

  /** The languages Tesseract reports, or an empty set when it is not installed. */
  public static Set<String> installedLanguages(String executable) {
    try {
      Process p =
          new ProcessBuilder(executable, "--list-langs").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Set.of();
      }
      Set<String> langs = new LinkedHashSet<>();
      for (String line : out.split("\\R")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("List of") && !l.contains(" ")) {
          langs.add(l);
        }
      }
      return langs;
    } catch (IOException e) {
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }

  /**
   * The wanted languages that are installed, joined by {@code +}; empty when none are (or
   * Tesseract is missing).
   */
  public static String usable(String wanted, Set<String> installed) {
    List<String> out = new ArrayList<>();
    for (String lang : wanted.split("\\+")) {
      if (installed.contains(lang.strip())) {
        out.add(lang.strip());
      }
    }
    return String.join("+", out);
  }
}
