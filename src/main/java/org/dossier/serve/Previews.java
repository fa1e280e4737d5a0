package org.dossier.serve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.dossier.extract.Forked;
import org.dossier.extract.WorkerMain;
import org.dossier.extract.WorkerOptions;

/**
 * A PDF's pages and a raster image, shown in the workbench as PNG pictures drawn on the server:
 * the browser never reads the leaked file itself, only a picture of it, whatever script, fonts or
 * links the file holds. Drawing parses hostile bytes, so it runs in a child JVM ({@link #forked})
 * with a bounded heap and time, as extraction does: a page that fills the heap or never finishes
 * costs its own picture. As {@code main}, the child.
 */
public final class Previews {
  /** Longest side of a picture, in pixels. */
  static final int MAX_SIDE = 1600;
  /** Largest image decoded (width times height); larger ones are read subsampled. */
  static final long MAX_PIXELS = 40_000_000L;
  static final int HEAP_MB = 768;
  static final Duration TIME = Duration.ofSeconds(30);

  private Previews() {}

  /** What is drawn: page {@code page} (from 1) of the original at {@code original}, into {@code out}. */
  public record Request(String original, String mediaType, int page, String out) {}

  /** What was drawn: the PNG's size and the document's pages; {@code failed} says why there is none. */
  public record Drawn(int pages, int width, int height, String failed) {
    static Drawn failure(String why) {
      return new Drawn(0, 0, 0, why);
    }
  }

  /** The media types drawn: PDFs and the raster images Java reads. */
  public static boolean draws(String mediaType) {
    String t = mediaType.toLowerCase(Locale.ROOT);
    return t.startsWith("application/pdf") || t.startsWith("image/png") || t.startsWith("image/jpeg")
        || t.startsWith("image/gif") || t.startsWith("image/bmp") || t.startsWith("image/tiff");
  }

  /** Draws here, in this process. */
  public static Drawn draw(Request r) {
    try {
      Path in = Path.of(r.original());
      Path out = Path.of(r.out());
      if (r.mediaType().toLowerCase(Locale.ROOT).startsWith("application/pdf")) {
        return pdf(in, r.page(), out);
      }
      return image(in, out);
    } catch (IOException | RuntimeException e) {
      return Drawn.failure("the file could not be drawn (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Drawn pdf(Path in, int page, Path out) throws IOException {
    try (PDDocument doc = Loader.loadPDF(in.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
      int pages = doc.getNumberOfPages();
      if (page < 1 || page > pages) {
        return new Drawn(pages, 0, 0, "the document has " + pages + " page(s)");
      }
      PDRectangle box = doc.getPage(page - 1).getCropBox();
      float longest = Math.max(1, Math.max(box.getWidth(), box.getHeight())); // in points, 72 a inch
      float dpi = Math.min(110, MAX_SIDE * 72f / longest);
      PDFRenderer renderer = new PDFRenderer(doc);
      renderer.setSubsamplingAllowed(true);
      BufferedImage img = renderer.renderImageWithDPI(page - 1, dpi, ImageType.RGB);
      ImageIO.write(img, "png", out.toFile());
      return new Drawn(pages, img.getWidth(), img.getHeight(), null);
    }
  }

  private static Drawn image(Path in, Path out) throws IOException {
    try (ImageInputStream stream = ImageIO.createImageInputStream(in.toFile())) {
      if (stream == null) {
        return Drawn.failure("no reader for this image");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        return Drawn.failure("no reader for this image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        // read every n-th pixel: the decoded picture stays small whatever size the file claims
        int step = (int) Math.max(1, Math.ceil(Math.max((double) Math.max(w, h) / MAX_SIDE, Math.sqrt((double) w * h / MAX_PIXELS))));
        ImageReadParam p = reader.getDefaultReadParam();
        p.setSourceSubsampling(step, step, 0, 0);
        BufferedImage img = reader.read(0, p);
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, java.awt.Color.WHITE, null);
        ImageIO.write(rgb, "png", out.toFile());
        return new Drawn(1, rgb.getWidth(), rgb.getHeight(), null);
      } finally {
        reader.dispose();
      }
    }
  }

  /** The drawing in a child JVM; close it when the server stops. */
  public static Forked<Drawn> forked(Path errorLog, Path scratch) {
    WorkerOptions options = new WorkerOptions(HEAP_MB, TIME, Previews.class.getName(), errorLog, List.of(), scratch,
        Math.max(1, Runtime.getRuntime().availableProcessors()));
    return new Forked<>("", options, Drawn.class, new Forked.Failures<>() {
      @Override
      public Drawn timeout(long millis) {
        return Drawn.failure("drawing took longer than " + TIME.toSeconds() + " s");
      }

      @Override
      public Drawn outOfMemory(long millis) {
        return Drawn.failure("drawing needed more than " + HEAP_MB + " MB");
      }

      @Override
      public Drawn died(int exitCode, long millis) {
        return Drawn.failure("the drawing process died (exit code " + exitCode + ")");
      }

      @Override
      public Drawn lost(int attempts, long millis) {
        return Drawn.failure("the drawing process was lost " + attempts + " times");
      }

      @Override
      public Drawn failed(String reason, long millis) {
        return Drawn.failure(reason);
      }
    });
  }

  /** The child: {@link WorkerMain}'s protocol. */
  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    org.dossier.extract.WorkerLog.install();
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    WorkerMain.serve(String.class, Request.class, settings -> Previews::draw,
        e -> Drawn.failure(e instanceof StackOverflowError ? "the file nests too deeply to draw"
            : "drawing failed (" + e.getClass().getSimpleName() + ")"), threads);
  }

  /** Deletes a drawn picture once it is read. */
  static byte[] take(Path png) throws IOException {
    try {
      return Files.readAllBytes(png);
    } finally {
      Files.deleteIfExists(png);
    }
  }
}
