package org.dossier.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Parses sizes such as {@code 500MB}, {@code 2G}, {@code 1048576}; prints them back. */
final class Sizes implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      // picocli prints this message as it is, after the option's name
      throw new picocli.CommandLine.TypeConversionException(e.getMessage());
    }
  }

  static long parse(String value) {
    String v = value.strip().toUpperCase(Locale.ROOT).replace("IB", "B");
    long unit = 1;
    if (v.endsWith("KB") || v.endsWith("K")) {
      unit = 1L << 10;
    } else if (v.endsWith("MB") || v.endsWith("M")) {
      unit = 1L << 20;
    } else if (v.endsWith("GB") || v.endsWith("G")) {
      unit = 1L << 30;
    } else if (v.endsWith("TB") || v.endsWith("T")) {
      unit = 1L << 40;
    }
    String digits = v.replaceAll("[KMGTB]+$", "").strip();
    try {
      double n = Double.parseDouble(digits);
      if (n <= 0) {
        throw new IllegalArgumentException("a size must be positive, got '" + value + "'");
      }
      return (long) (n * unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a size; write e.g. 500MB, 2GB or 1048576");
    }
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
