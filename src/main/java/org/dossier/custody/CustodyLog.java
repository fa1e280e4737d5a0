package org.dossier.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The append-only custody log. One writer at a time: in one process the case lock, across the
 * processes of a distributed case the store's custody lock, held while the writer
 * {@link #catchUp catches up} with the lines others appended, appends, syncs and anchors the new
 * head in the store ({@code pipeline.CustodyWrites}); each {@link #append} is a single write of one
 * whole line.
 */
public final class CustodyLog implements Closeable {
  /** The {@code prev} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;
  private long lastSeq;
  private String head;

  private CustodyLog(Path file, FileChannel channel, Clock clock, long lastSeq, String head) {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
    this.lastSeq = lastSeq;
    this.head = head;
  }

  /**
   * Opens the log for appending, creating it if needed. A torn last line (a write cut short by a
   * crash of the machine) is cut off and recorded as a {@code repair} entry so the chain stays
   * verifiable.
   */
  public static CustodyLog open(Path file, Clock clock) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      CustodyLog log = new CustodyLog(file, channel, clock, 0, GENESIS);
      log.readTailAndRepair();
      return log;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Takes up the log where its file ends now: another process that writes the same case may have
   * appended lines since this one last did (or since it was opened), and the next entry must
   * chain onto the last of them. Only under the lock that serialises the case's appends; a torn
   * last line (a writer that died mid-write) is cut off and recorded as at {@link #open}.
   */
  public synchronized void catchUp() throws IOException {
    if (channel.size() == channel.position()) {
      return; // nobody appended since this log's own last line
    }
    readTailAndRepair();
  }

  private void readTailAndRepair() throws IOException {
    Tail tail = readTail(file);
    if (tail.tornBytes() > 0) {
      channel.truncate(tail.validLength());
    }
    channel.position(tail.validLength());
    lastSeq = tail.lastSeq();
    head = tail.head();
    if (tail.tornBytes() > 0) {
      append(
          "repair",
          Map.of(
              "reason", "a torn last line was cut off",
              "bytes", tail.tornBytes(),
              "sha256", tail.tornHash()));
      sync();
    }
  }

  /** Appends one entry and returns it. Fields must be JSON-serialisable scalars or lists. */
  public synchronized Entry append(String action, Map<String, ?> fields) {
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", lastSeq + 1);
    node.put("time", Instant.now(clock).toString());
    node.put("action", action);
    fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
    node.put("prev", head);
    byte[] line;
    try {
      line = JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the custody log", e);
    }
    lastSeq++;
    head = sha256(line);
    return new Entry(lastSeq, head);
  }

  /** Forces appended entries to disk. */
  public synchronized void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync the custody log", e);
    }
  }

  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** SHA-256 of the last line. */
  public synchronized String head() {
    return head;
  }

  /**
   * The keys ({@link #key}) of the entries after {@code seq}: entries written by a run that
   * crashed before its store committed them, which a resumed run must not write again.
   */
  public static Set<String> keysAfter(Path file, long seq) throws IOException {
    Set<String> keys = new HashSet<>();
    if (!Files.exists(file)) {
      return keys;
    }
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          continue; // verify reports it; here it only cannot be a duplicate
        }
        if (node.path("seq").asLong() > seq) {
          keys.add(
              key(
                  node.path("action").asText(),
                  node.path("name").asText(),
                  node.path("sha256").asText()));
        }
      }
    }
    return keys;
  }

  /** Identifies an entry about one original at one path, to avoid writing it twice. */
  public static String key(String action, String name, String sha256) {
    return action + '\u0000' + name + '\u0000' + sha256;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel.isOpen()) {
      channel.force(false);
      channel.close();
    }
  }

  static String sha256(byte[] bytes) {
    return org.dossier.core.Sha256.hex(bytes);
  }

  /** What the log's last complete line says, and how many bytes follow it. */
  private record Tail(long validLength, long lastSeq, String head, long tornBytes, String tornHash) {}

  private static Tail readTail(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      long lastNewline = lastIndexOfNewline(in, size);
      long validLength = lastNewline + 1;
      long torn = size - validLength;
      String tornHash = torn > 0 ? sha256(read(in, validLength, (int) Math.min(torn, 1 << 20))) : "";
      if (lastNewline < 0) {
        return new Tail(0, 0, GENESIS, torn, tornHash);
      }
      long start = lastIndexOfNewline(in, lastNewline) + 1;
      byte[] line = read(in, start, (int) (lastNewline - start));
      JsonNode node = JSON.readTree(line);
      return new Tail(validLength, node.path("seq").asLong(), sha256(line), torn, tornHash);
    }
  }

  /** Position of the last newline before {@code end}, or -1. Reads backwards in blocks. */
  private static long lastIndexOfNewline(FileChannel in, long end) throws IOException {
    final int block = 8192;
    long pos = end;
    while (pos > 0) {
      int len = (int) Math.min(block, pos);
      byte[] bytes = read(in, pos - len, len);
      for (int i = len - 1; i >= 0; i--) {
        if (bytes[i] == '\n') {
          return pos - len + i;
        }
      }
      pos -= len;
    }
    return -1;
  }

  private static byte[] read(FileChannel in, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.array();
  }

  /** A written entry: its sequence number and the SHA-256 of its line. */
  public record Entry(long seq, String hash) {}
}
