package org.dossier.extract;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Worker entry points that fail the way real parsers do, to test the isolation around them. */
final class MisbehavingWorkers {
  private MisbehavingWorkers() {}

  /** Reads the settings, answers ready, and waits for the first request. */
  static void firstRequest() throws java.io.IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    System.out.println("{\"ready\":true}");
    System.out.flush();
    in.readLine();
  }

  /** Answers ready, then never answers a request: a parser stuck in a loop. */
  static final class Hangs {
    public static void main(String[] args) throws Exception {
      firstRequest();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  /** Answers ready, then fills its heap on the first request: a decompression gone wild. */
  static final class RunsOutOfMemory {
    public static void main(String[] args) throws Exception {
      firstRequest();
      List<long[]> hog = new ArrayList<>();
      while (true) {
        hog.add(new long[1 << 20]);
      }
    }
  }

  /** Answers ready, then exits mid-request: a native crash. */
  static final class Crashes {
    public static void main(String[] args) throws Exception {
      firstRequest();
      Runtime.getRuntime().halt(134);
    }
  }

  /**
   * The real protocol with several threads, and a parser that hangs on documents named
   * {@code *hang*}, fills the heap on {@code *oom*}, ends its JVM after 1.5 s on {@code *signal*}
   * as SIGTERM would (exit code 143), takes 1.5 s on {@code *slow*} and 300 ms on anything else.
   */
  static final class Selective {
    public static void main(String[] args) throws Exception {
      WorkerMain.serve(settings -> request -> {
        String name = request.name();
        try {
          if (name.contains("hang")) {
            Thread.sleep(Long.MAX_VALUE);
          }
          if (name.contains("signal")) {
            Thread.sleep(1500);
            Runtime.getRuntime().halt(143);
          }
          if (name.contains("oom")) {
            List<long[]> hog = new ArrayList<>();
            while (true) {
              hog.add(new long[1 << 20]);
            }
          }
          Thread.sleep(name.contains("slow") ? 1500 : 300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new org.dossier.core.Extraction(org.dossier.core.DocumentStatus.OK, "", "text/plain",
            "en", java.util.Map.of(), 0, false, false, List.of(), 300);
      }, Integer.parseInt(args[0]));
    }
  }

  /** The real protocol, answering every request with the JVM options it was started with, as its reason. */
  static final class ReportsJvmOptions {
    public static void main(String[] args) throws Exception {
      String options = String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
      WorkerMain.serve(settings -> request -> new org.dossier.core.Extraction(org.dossier.core.DocumentStatus.OK,
          options, "text/plain", "en", java.util.Map.of(), 0, false, false, List.of(), 0), Integer.parseInt(args[0]));
    }
  }
}
