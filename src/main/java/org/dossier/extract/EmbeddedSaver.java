package org.dossier.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.dossier.core.EmbeddedFile;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Receives the documents Tika finds inside a container and stages each as a file, named by a
 * counter (never by the entry's own name), under the container's caps. Embedded documents are not
 * parsed here: each becomes a document of its own, parsed in its own request.
 *
 * <p>Some containers (Outlook PST) hand over an in-memory item instead of bytes; such an item is
 * parsed here and staged as a plain-text rendering of its headers and body, and its attachments
 * become its children.
 */
final class EmbeddedSaver implements EmbeddedDocumentExtractor {
  private static final int RENDER_MAX_CHARS = 5_000_000;
  private static final int BUFFER = 1 << 16;

  private final Path dir;
  private final ContainerLimits limits;
  private final long containerSize;
  private final List<EmbeddedFile> files = new ArrayList<>();
  private final Deque<Integer> parents = new ArrayDeque<>();
  private Parser parser;
  private ParseContext context;
  private long expanded;
  private int counter;
  private String breach;

  EmbeddedSaver(Path dir, ContainerLimits limits, long containerSize) {
    this.dir = dir;
    this.limits = limits;
    this.containerSize = Math.max(1, containerSize);
  }

  /** Lets in-memory items be rendered with the same parser and context as their container. */
  void bind(Parser parser, ParseContext context) {
    this.parser = parser;
    this.context = context;
  }

  /** The cap the container broke, if it broke one. */
  Optional<String> breach() {
    return Optional.ofNullable(breach);
  }

  List<EmbeddedFile> files() {
    return files.stream().filter(f -> f != null).toList();
  }

  /** Deletes everything staged, for a container refused as a bomb. */
  void discard() throws IOException {
    for (EmbeddedFile f : files) {
      if (f != null) {
        Files.deleteIfExists(f.file());
      }
    }
    files.clear();
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return breach == null;
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    if (breach != null) {
      throw new ContainerLimitException(breach);
    }
    if (files.size() >= limits.maxEntries()) {
      throw fail("it holds more than " + limits.maxEntries() + " embedded documents (the cap is "
          + limits.maxEntries() + "; raise it with --max-entries)");
    }
    int index = files.size();
    files.add(null); // reserve the slot so that children of a rendered item can point at it
    Path file = dir.resolve(String.format(Locale.ROOT, "%06d", counter++));
    long size = copy(stream, file);
    String name = entryName(metadata, index);
    if (size == 0
        && stream instanceof TikaInputStream tis
        && tis.getOpenContainer() != null
        && parser != null) {
      name = name.toLowerCase(Locale.ROOT).endsWith(".txt") ? name : name + ".txt";
      size = render(tis, metadata, file, index);
    }
    files.set(index, new EmbeddedFile(name, file, size, parents.isEmpty() ? -1 : parents.peek()));
  }

  private long copy(InputStream in, Path file) throws IOException {
    long size = 0;
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        size += n;
        expanded += n;
        checkExpansion();
      }
    }
    return size;
  }

  private void checkExpansion() throws ContainerLimitException {
    if (expanded > limits.maxExpandedBytes()) {
      throw fail("its contents expand to more than " + limits.maxExpandedBytes()
          + " bytes (the cap; raise it with --max-expanded)");
    }
    if (expanded > limits.ratioFloorBytes() && expanded / containerSize > limits.maxRatio()) {
      throw fail("its contents expand to more than " + limits.maxRatio() + " times its own "
          + containerSize + " bytes (" + expanded + " bytes so far; the cap is --max-ratio "
          + limits.maxRatio() + ")");
    }
  }

  private ContainerLimitException fail(String why) {
    breach = why;
    return new ContainerLimitException(why);
  }

  /** Parses an in-memory item and stages its headers and body as text. */
  private long render(TikaInputStream item, Metadata metadata, Path file, int index)
      throws IOException, SAXException {
    StringWriter body = new StringWriter();
    parents.push(index);
    try {
      parser.parse(item, new BodyContentHandler(new CappedWriter(body, RENDER_MAX_CHARS)),
          metadata, context);
    } catch (TikaException e) {
      body.write("\n[Dossier: this item could not be fully read: " + e.getMessage() + "]\n");
    } finally {
      parents.pop();
    }
    StringBuilder text = new StringBuilder();
    header(text, "From", metadata, TikaCoreProperties.CREATOR.getName(), "Message:From");
    header(text, "To", metadata, "Message:Raw-Header:To", "Message-To");
    header(text, "Cc", metadata, "Message:Raw-Header:Cc", "Message-Cc");
    header(text, "Date", metadata, TikaCoreProperties.CREATED.getName());
    header(text, "Subject", metadata, TikaCoreProperties.TITLE.getName(), "dc:subject");
    text.append('\n').append(body.toString().strip()).append('\n');
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    expanded += bytes.length;
    checkExpansion();
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    return bytes.length;
  }

  private static void header(StringBuilder out, String label, Metadata m, String... keys) {
    for (String key : keys) {
      String[] values = m.getValues(key);
      if (values.length > 0) {
        out.append(label).append(": ").append(String.join(", ", values)).append('\n');
        return;
      }
    }
  }

  private String entryName(Metadata m, int index) {
    String internal = m.get(TikaCoreProperties.INTERNAL_PATH);
    String resource = m.get(TikaCoreProperties.RESOURCE_NAME_KEY);
    String name = internal != null && !internal.isBlank() ? internal : resource;
    if (name != null && !name.isBlank()) {
      return name;
    }
    String type = Optional.ofNullable(m.get(Metadata.CONTENT_TYPE)).orElse("");
    if (type.startsWith("message/rfc822") || m.get("MboxParser-from") != null) {
      return String.format(Locale.ROOT, "message-%04d.eml", index + 1);
    }
    return String.format(Locale.ROOT, "embedded-%04d", index + 1);
  }

  /** A writer that silently stops at a number of characters. */
  private static final class CappedWriter extends Writer {
    private final Writer out;
    private long left;

    CappedWriter(Writer out, long max) {
      this.out = out;
      this.left = max;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      int n = (int) Math.min(len, left);
      if (n > 0) {
        out.write(cbuf, off, n);
        left -= n;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
