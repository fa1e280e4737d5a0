package org.dossier.verify;

import java.util.ArrayList;
import java.util.List;

/** A readable line diff (longest common subsequence), for revisions and versions. */
public final class Diff {
  private Diff() {}

  /**
   * The numbers of a text as values, read as analysis reads them ("62 480 000" is 62480000,
   * "1,5" is 1.5, "1.234,56" is 1234.56), so that a figure rewritten in another convention is
   * the same figure.
   */
  public static java.util.Set<String> numbers(String text) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (java.math.BigDecimal n : org.dossier.analyze.Numbers.all(text, "und")) {
      out.add(n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString());
    }
    return out;
  }

  /** Lines removed ("- ") and added ("+ "), at most {@code max} of them. */
  public static List<String> lines(String a, String b, int max) {
    String[] x = a.split("\\R");
    String[] y = b.split("\\R");
    if ((long) x.length * y.length > 4_000_000L) {
      return List.of("(too long to diff line by line: " + x.length + " and " + y.length + " lines)");
    }
    int[][] lcs = new int[x.length + 1][y.length + 1];
    for (int i = x.length - 1; i >= 0; i--) {
      for (int j = y.length - 1; j >= 0; j--) {
        lcs[i][j] = x[i].strip().equals(y[j].strip()) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while ((i < x.length || j < y.length) && out.size() < max) {
      if (i < x.length && j < y.length && x[i].strip().equals(y[j].strip())) {
        i++;
        j++;
      } else if (j < y.length && (i == x.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        if (!y[j].isBlank()) {
          out.add("+ " + y[j].strip());
        }
        j++;
      } else {
        if (!x[i].isBlank()) {
          out.add("- " + x[i].strip());
        }
        i++;
      }
    }
    return out;
  }
}
