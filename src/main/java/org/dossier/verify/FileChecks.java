package org.dossier.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.dossier.extract.Forked;
import org.dossier.extract.WorkerMain;
import org.dossier.extract.WorkerOptions;

/**
 * The checks that read a document's original file (PDF structure and metadata, Office packages,
 * e-mail headers and DKIM), which parse hostile bytes: the verify stage runs them in a child JVM
 * ({@link #forked}) with a bounded heap and time, as extraction runs its parsers, so a file that
 * fills the heap or hangs costs its own document one {@code check_failed} signal and never the
 * run. As {@code main}, the child.
 */
public final class FileChecks {
  private FileChecks() {}

  /** What every request shares: the DKIM keys of the case. */
  public record Settings(Map<String, List<String>> dkimKeys) {
    public Settings {
      dkimKeys = Map.copyOf(dkimKeys);
    }
  }

  /** One document's original to check. */
  public record Request(DocumentId id, String mediaType, String original) {}

  /**
   * What the checks found: signals, a DOCX's rsidRoot and an e-mail's ids (null when there are
   * none), or why they did not finish.
   */
  public record Found(List<Signal> signals, String rsidRoot, String messageId, List<String> parents, String failed) {
    public Found {
      signals = signals == null ? List.of() : List.copyOf(signals);
      parents = parents == null ? List.of() : List.copyOf(parents);
    }

    static Found failure(String reason) {
      return new Found(List.of(), null, null, List.of(), reason);
    }
  }

  /** Whether the checks read files of this media type at all. */
  public static boolean reads(String mediaType) {
    return mediaType.startsWith("application/pdf") || mediaType.contains("wordprocessingml")
        || mediaType.contains("spreadsheetml") || mediaType.startsWith("message/rfc822");
  }

  /** Runs the checks here, in this process. */
  public static Found run(Settings settings, Request r) {
    Subject s = new Subject(r.id(), "", r.mediaType(), Optional.of(Path.of(r.original())), "", Map.of(),
        new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true), 1, Instant.EPOCH);
    List<Signal> out = new ArrayList<>();
    Optional<String> rsidRoot = Optional.empty();
    Optional<EmailChecks.Message> message = Optional.empty();
    try {
      PdfChecks.run(s, out);
      rsidRoot = OfficeChecks.run(s, out);
      message = EmailChecks.run(s, out, settings.dkimKeys());
    } catch (IOException | RuntimeException e) {
      // an original the forensic readers cannot open: its extraction status says why
    }
    return new Found(out, rsidRoot.orElse(null), message.map(EmailChecks.Message::id).orElse(null),
        message.map(EmailChecks.Message::parents).orElse(List.of()), null);
  }

  /**
   * The checks in a child JVM under {@code options} (heap, time per document, threads); close it
   * when the run ends.
   */
  public static Forked<Found> forked(Settings settings, WorkerOptions options) {
    String heap = options.heapMegabytes() + " MB";
    return new Forked<>(settings, options, Found.class, new Forked.Failures<>() {
      @Override
      public Found timeout(long millis) {
        return Found.failure("the checks took longer than " + options.timeout().toSeconds() + " s");
      }

      @Override
      public Found outOfMemory(long millis) {
        return Found.failure("the checks needed more than their " + heap + " heap");
      }

      @Override
      public Found died(int exitCode, long millis) {
        return Found.failure("the checking process died (exit code " + exitCode + "); see " + options.errorLog());
      }

      @Override
      public Found lost(int attempts, long millis) {
        return Found.failure("the checking process was lost " + attempts + " times; see " + options.errorLog());
      }

      @Override
      public Found failed(String reason, long millis) {
        return Found.failure(reason);
      }
    });
  }

  /** The child: {@link WorkerMain}'s protocol with these settings and requests. */
  public static void main(String[] args) throws IOException {
    org.dossier.extract.WorkerLog.install();
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    WorkerMain.serve(Settings.class, Request.class, settings -> request -> run(settings, request),
        e -> Found.failure(e instanceof StackOverflowError ? "the file nests too deeply for the checks"
            : "a reader failed (" + e.getClass().getSimpleName() + ")"), threads);
  }
}
