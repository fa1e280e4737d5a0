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
}
