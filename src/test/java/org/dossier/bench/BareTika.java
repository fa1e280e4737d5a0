package org.dossier.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The baseline: bare Apache Tika extracting every file of a folder to plain text, embedded
 * documents included (as {@code tika-app --text} does), on a pool of threads, OCR off. Prints one
 * JSON line: files, bytes, chars, failures, seconds, and the CPU seconds this JVM used.
 */
public final class BareTika {
  private BareTika() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
    AutoDetectParser parser = new AutoDetectParser();
    AtomicLong bytes = new AtomicLong();
    AtomicLong chars = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = files.stream().<Future<?>>map(f -> pool.submit(() -> {
      Metadata md = new Metadata();
      md.set(TikaCoreProperties.RESOURCE_NAME_KEY, f.getFileName().toString());
      ParseContext ctx = new ParseContext();
      ctx.set(Parser.class, parser);
      TesseractOCRConfig ocr = new TesseractOCRConfig();
      ocr.setSkipOcr(true);
      ctx.set(TesseractOCRConfig.class, ocr);
      CountingWriter out = new CountingWriter();
      try (TikaInputStream in = TikaInputStream.get(f)) {
        bytes.addAndGet(Files.size(f));
        parser.parse(in, new BodyContentHandler(out), md, ctx);
      } catch (Exception e) {
        failures.incrementAndGet();
      }
      chars.addAndGet(out.count);
    })).toList();
    for (Future<?> fu : futures) {
      fu.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "{\"files\":%d,\"bytes\":%d,\"chars\":%d,\"failures\":%d,\"seconds\":%.3f,\"cpuSeconds\":%.2f}%n",
        files.size(), bytes.get(), chars.get(), failures.get(), seconds, cpuSeconds(false));
  }

  /**
   * CPU seconds (user and system) of this process, or of its children that ended and were waited
   * for (Linux's /proc/self/stat, in clock ticks of 1/100 s); -1 where that cannot be read.
   */
  static double cpuSeconds(boolean children) {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17
      int at = children ? 13 : 11;
      return (Long.parseLong(f[at]) + Long.parseLong(f[at + 1])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Counts characters and keeps none of them. */
  static final class CountingWriter extends Writer {
    long count;

    @Override
    public void write(char[] cbuf, int off, int len) {
      count += len;
    }

    @Override
    public void flush() throws IOException {}

    @Override
    public void close() throws IOException {}
  }
}
