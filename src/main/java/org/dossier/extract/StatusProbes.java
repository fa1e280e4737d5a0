package org.dossier.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Looks at a file for what its parse does not say: an XML prolog that declares external entities
 * (wherever the prolog ends, in any encoding, in the parts of an Office package whether they are
 * stored or compressed), a PDF that ends before its last %%EOF, a PDF whose page tree claims
 * pages it does not have, the targets of a tar's link entries. Each look is bounded in bytes or
 * entries.
 */
final class StatusProbes {
  private StatusProbes() {}

  /** Prolog bytes read at most: a DTD larger than this is reported as it is. */
  static final int MAX_PROLOG = 16 << 20;
  /** Parts of an Office package looked into at most. */
  static final int MAX_PARTS = 200;
  /**
   * Bytes at the end of a PDF where its last %%EOF must be: wide enough for the padding and
   * appended blocks some writers leave after it (verify reports those), narrow enough to read fast.
   */
  static final int PDF_TAIL = 1 << 20;

  private static final Pattern EXTERNAL_ENTITY =
      Pattern.compile("<!ENTITY\\s+(?:%\\s*)?[^\\s>]+\\s+(SYSTEM|PUBLIC)\\s*([\"'][^\"']*[\"'])?");

  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // the DTD is read as text to be looked at, never resolved
    f.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setXMLResolver((publicId, systemId, base, ns) -> new java.io.ByteArrayInputStream(new byte[0]));
    return f;
  }

  /** A tar's link entry: its target as written, and whether it is a hard link (named from the archive's top). */
  record TarLink(String target, boolean hard) {}

  /**
   * The link entries of a tar file by entry name, read from its headers alone (the data of other
   * entries is skipped), at most {@code maxEntries} headers: Tika hands a link over as an empty
   * entry and loses its target.
   */
  static java.util.Map<String, TarLink> tarLinks(Path tar, int maxEntries) {
    java.util.Map<String, TarLink> links = new java.util.HashMap<>();
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(tar));
        org.apache.commons.compress.archivers.tar.TarArchiveInputStream t =
            new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in)) {
      org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
      for (int n = 0; n < maxEntries && (e = t.getNextEntry()) != null; n++) {
        if (e.isSymbolicLink() || e.isLink()) {
          links.put(e.getName(), new TarLink(e.getLinkName(), e.isLink()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // a damaged header ends the look; the links read so far are kept
    }
    return links;
  }

  /**
   * The entry a link names, as a path from the archive's top, or empty when it names nothing inside
   * (absolute, or climbing out with "..").
   */
  static Optional<String> linkedEntry(String linkName, TarLink link) {
    String target = link.target().replace('\\', '/');
    if (target.isEmpty() || target.startsWith("/") || target.matches("^[A-Za-z]:.*")) {
      return Optional.empty();
    }
    String base = "";
    if (!link.hard()) {
      String name = linkName.replace('\\', '/');
      int slash = name.lastIndexOf('/');
      base = slash < 0 ? "" : name.substring(0, slash + 1);
    }
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : (base + target).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }

  /** An entry name from the archive's top, without "./" steps: how links and entries are compared. */
  static String entryKey(String name) {
    return linkedEntry("", new TarLink(name, true)).orElse(name);
  }

  /** The first external entity an XML document's prolog declares ("SYSTEM 'file:///...'"), if any. */
  static Optional<String> externalEntity(InputStream xml) {
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(
          org.apache.commons.io.input.BoundedInputStream.builder().setInputStream(xml).setMaxCount(MAX_PROLOG).get());
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.DTD) {
          Matcher m = EXTERNAL_ENTITY.matcher(r.getText());
          if (m.find()) {
            return Optional.of(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)));
          }
        }
        if (e == XMLStreamConstants.START_ELEMENT) {
          return Optional.empty(); // the prolog is over
        }
      }
    } catch (XMLStreamException | IOException | RuntimeException e) {
      // not well-formed XML (HTML, say): the text look below decides
    }
    return Optional.empty();
  }

  /** As {@link #externalEntity(InputStream)} for a file, and for an Office package, its parts. */
  static Optional<String> externalEntity(Path file, String mediaType) throws IOException {
    if (mediaType.contains("openxmlformats") || mediaType.contains("opendocument")) {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        for (int n = 0; entries.hasMoreElements() && n < MAX_PARTS; n++) {
          ZipEntry part = entries.nextElement();
          if (!part.getName().endsWith(".xml") && !part.getName().endsWith(".rels")) {
            continue;
          }
          try (InputStream in = zip.getInputStream(part)) {
            Optional<String> found = externalEntity(in);
            if (found.isPresent()) {
              return Optional.of(found.get() + " in " + part.getName());
            }
          }
        }
      } catch (java.util.zip.ZipException e) {
        return Optional.empty(); // not a package after all
      }
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      Optional<String> found = externalEntity(in);
      if (found.isPresent()) {
        return found;
      }
    }
    // markup that is not well-formed XML: its head, read in its own encoding
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(MAX_PROLOG);
    }
    Matcher m = EXTERNAL_ENTITY.matcher(decoded(head));
    return m.find() ? Optional.of(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2))) : Optional.empty();
  }

  /** Bytes as text, in UTF-16 when a byte-order mark or the zero bytes of ASCII in UTF-16 say so. */
  static String decoded(byte[] b) {
    if (b.length >= 2 && (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == 0 && b[1] != 0)) {
      return new String(b, StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE || b[0] != 0 && b[1] == 0)) {
      return new String(b, StandardCharsets.UTF_16LE);
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  /** True when a PDF's last %%EOF is not near its end: the file was cut short. */
  static boolean truncatedPdf(Path file) throws IOException {
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(Math.max(0, size - PDF_TAIL));
      String tail = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return !tail.contains("%%EOF");
    }
  }
}
