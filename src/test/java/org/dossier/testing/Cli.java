package org.dossier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dossier.cli.TestEntry;

/** Runs the command line as a user does: in-process, or as a separate JVM that a test can kill. */
public final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  /** What a command printed and returned. */
  public record Result(int exit, String out, String err) {
    public JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = TestEntry.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** As {@link #run}, with {@code input} on standard input (a password, say). */
  public static synchronized Result runWithInput(String input, String... args) {
    java.io.InputStream before = System.in;
    System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(before);
    }
  }

  /** The command line {@code java ... org.dossier.cli.Main args}, for a separate process. */
  public static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.dossier.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * {@code dossier args} in a process of its own, started with {@code jvmOptions} and the
   * environment {@code environment} leaves; waits five minutes at most. Its output goes through
   * files in {@code scratch}.
   */
  public static Result inProcess(List<String> jvmOptions, java.util.function.Consumer<java.util.Map<String, String>> environment,
      Path scratch, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(javaCommand(args));
    line.addAll(1, jvmOptions);
    ProcessBuilder pb = new ProcessBuilder(line);
    environment.accept(pb.environment());
    Path out = java.nio.file.Files.createTempFile(scratch, "out", ".txt");
    Path err = java.nio.file.Files.createTempFile(scratch, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("dossier " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), java.nio.file.Files.readString(out, java.nio.charset.StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err, java.nio.charset.StandardCharsets.UTF_8));
  }
}
