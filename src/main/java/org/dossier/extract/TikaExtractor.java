package org.dossier.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.dossier.core.DocumentStatus;
import org.dossier.core.EmbeddedFile;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;
import org.xml.sax.SAXException;

/**
 * Parses one original with Apache Tika, in the current process: text to a file, all metadata,
 * language, embedded documents staged by {@link EmbeddedSaver}. Never throws for a bad document:
 * every failure becomes a status and a reason.
 *
 * <p>This runs inside {@link WorkerMain}; the pipeline reaches it through {@link ForkedExtractor}.
 */
public final class TikaExtractor {
  /** Enough text to tell the language; n-gram detection costs grow with it. */
  private static final int SAMPLE_CHARS = 2_000;
  private static final Set<String> ENCRYPTED_TYPES =
      Set.of("application/x-tika-ooxml-protected", "application/x-tika-msoffice-protected");
  /** Fewer characters than this per page means a PDF is a scan. */
  private static final int MIN_CHARS_PER_PAGE = 10;
  /** Tika's count of characters on each page it read: one value per page. */
  private static final String PDF_CHARS_PER_PAGE = "pdf:charsPerPage";

  private final ExtractSettings settings;
  private final AutoDetectParser parser = new AutoDetectParser();
  private final LanguageIdentifier languages = new LanguageIdentifier();

  public TikaExtractor(ExtractSettings settings) {
    this.settings = settings;
  }

  public Extraction extract(ExtractionRequest request) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(request.childDir());
      Files.createDirectories(request.textOut().getParent());
      long size = Files.size(request.original());
      return parse(request, size, start);
    } catch (IOException e) {
      return Extraction.failure(
          DocumentStatus.FAILED,
          "the case could not be read or written during extraction: " + e,
          millis(start));
    }
  }

  private Extraction parse(ExtractionRequest request, long size, long start) throws IOException {
    EmbeddedSaver saver = new EmbeddedSaver(request.childDir(), settings.limits(), size);
    ParseContext context = context(saver);
    saver.bind(parser, context);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(request.name()));

    DocumentStatus status = DocumentStatus.OK;
    String reason = "";
    boolean truncated = false;
    TextSink sink;
    try (Writer file = Files.newBufferedWriter(request.textOut(), StandardCharsets.UTF_8);
        TextSink text = new TextSink(file, SAMPLE_CHARS);
        TikaInputStream in = TikaInputStream.get(request.original())) {
      sink = text;
      try {
        parser.parse(
            in,
            new BodyContentHandler(new WriteOutContentHandler(text, settings.maxTextChars())),
            metadata,
            context);
      } catch (SAXException e) {
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
          truncated = true;
        } else {
          status = DocumentStatus.CORRUPT;
          reason = unparseable(metadata, e);
        }
      } catch (EncryptedDocumentException e) {
        status = DocumentStatus.ENCRYPTED;
        reason = encrypted();
      } catch (ZeroByteFileException e) {
        status = DocumentStatus.EMPTY;
        reason = "the file is empty (0 bytes)";
      } catch (TikaException | IOException e) {
        if (isTikaBomb(e)) {
          status = DocumentStatus.BOMB;
          reason = "Tika's zip-bomb guard stopped it: " + message(e);
        } else {
          status = DocumentStatus.CORRUPT;
          reason = unparseable(metadata, e);
        }
      } catch (RuntimeException | StackOverflowError | NoClassDefFoundError e) {
        status = DocumentStatus.CORRUPT;
        reason = unparseable(metadata, e);
      }
    }

    if (saver.breach().isPresent()) {
      saver.discard();
      status = DocumentStatus.BOMB;
      reason = "refused as a possible archive bomb: " + saver.breach().get()
          + ". Its entries were not kept; the container itself is kept as evidence";
    }
    String mediaType = mediaType(metadata);
    if (status == DocumentStatus.OK && ENCRYPTED_TYPES.contains(mediaType)) {
      status = DocumentStatus.ENCRYPTED;
      reason = encrypted();
    }
    if ((status == DocumentStatus.OK || status == DocumentStatus.CORRUPT)
        && (mediaType.contains("xml") || mediaType.contains("html") || mediaType.contains("opendocument"))) {
      String entity = StatusProbes.externalEntity(request.original(), mediaType).orElse("");
      if (!entity.isEmpty()) {
        reason = "the XML declares an external entity (" + entity + "); it was not resolved"
            + (status == DocumentStatus.OK
                ? ", and the text was extracted without it"
                : ", and the rest could not be parsed: " + reason);
        status = DocumentStatus.UNSAFE_XML;
      }
    }
    if (status == DocumentStatus.OK && mediaType.equals("application/pdf")) {
      // what the parse forgives: a file cut short, a page tree that claims pages it does not have
      int claimed = intValue(metadata.get(PagedText.N_PAGES));
      int read = metadata.getValues(PDF_CHARS_PER_PAGE).length;
      if (StatusProbes.truncatedPdf(request.original())) {
        status = DocumentStatus.CORRUPT;
        reason = "the file is truncated: it ends without the %%EOF that closes a PDF; the text read from"
            + " what is there is kept";
      } else if (claimed > 0 && read < claimed) {
        status = DocumentStatus.CORRUPT;
        reason = "the page tree claims " + claimed + " pages, but " + read + " could be read (a page count"
            + " that lies, or pages nested too deep to reach); the text read is kept";
      }
    }
    boolean ocr = ocrUsed(metadata);
    if (status == DocumentStatus.OK && !settings.ocr() && needsOcr(mediaType, metadata, sink)) {
      status = DocumentStatus.NEEDS_OCR;
      reason = "an image or scanned page without a text layer, and OCR is unavailable: install"
          + " Tesseract (" + Tesseract.INSTALL_HINT + ") and run ingest again";
    }
    if (status == DocumentStatus.OK && size == 0) {
      status = DocumentStatus.EMPTY;
      reason = "the file is empty (0 bytes)";
    }
    return new Extraction(
        status,
        reason,
        mediaType,
        languages.identify(sink.sample()),
        metadata(metadata),
        sink.chars(),
        truncated,
        ocr,
        withLinks(request.original(), mediaType, saver.files()),
        millis(start));
  }

  private static final java.util.Set<String> TAR_TYPES =
      java.util.Set.of("application/x-tar", "application/x-gtar", "application/x-ustar");

  /** A tar's link entries, which Tika stages as empty files, marked with their targets. */
  private List<EmbeddedFile> withLinks(java.nio.file.Path original, String mediaType, List<EmbeddedFile> files) {
    if (!TAR_TYPES.contains(mediaType) || files.stream().noneMatch(f -> f.size() == 0)) {
      return files;
    }
    java.util.Map<String, StatusProbes.TarLink> links = new java.util.HashMap<>();
    StatusProbes.tarLinks(original, settings.limits().maxEntries() * 2)
        .forEach((name, link) -> links.put(StatusProbes.entryKey(name), link));
    java.util.Map<String, String> entries = new java.util.HashMap<>(); // key -> the entry's name as listed
    for (EmbeddedFile f : files) {
      if (f.parentIndex() < 0) {
        entries.putIfAbsent(StatusProbes.entryKey(f.entryName()), f.entryName());
      }
    }
    List<EmbeddedFile> out = new ArrayList<>(files.size());
    for (EmbeddedFile f : files) {
      StatusProbes.TarLink link = f.size() == 0 && f.parentIndex() < 0 ? links.get(StatusProbes.entryKey(f.entryName())) : null;
      out.add(link == null ? f : f.asLink(link.target(),
          StatusProbes.linkedEntry(f.entryName(), link).map(entries::get).orElse(null)));
    }
    return out;
  }

  private ParseContext context(EmbeddedSaver saver) {
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // lets PDF pages and images reach the OCR parser
    context.set(EmbeddedDocumentExtractor.class, saver); // embedded documents are staged, not parsed
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    if (settings.ocr()) {
      ocr.setLanguage(settings.ocrLanguages());
      ocr.setTimeoutSeconds(settings.ocrTimeoutSeconds());
    } else {
      ocr.setSkipOcr(true);
    }
    context.set(TesseractOCRConfig.class, ocr);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(
        settings.ocr() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
    context.set(PDFParserConfig.class, pdf);
    return context;
  }

  private static boolean needsOcr(String mediaType, Metadata metadata, TextSink text) {
    if (mediaType.startsWith("image/") && !mediaType.contains("svg")) {
      return text.visible() == 0;
    }
    if (mediaType.equals("application/pdf")) {
      int pages = intValue(metadata.get(PagedText.N_PAGES));
      return pages > 0 && text.visible() < (long) pages * MIN_CHARS_PER_PAGE;
    }
    return false;
  }

  private static boolean ocrUsed(Metadata metadata) {
    for (String parser : metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY)) {
      if (parser.endsWith("TesseractOCRParser")) {
        return true;
      }
    }
    return intValue(metadata.get("pdf:ocrPageCount")) > 0;
  }

  private static Map<String, List<String>> metadata(Metadata metadata) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String[] names = metadata.names();
    Arrays.sort(names);
    for (String name : names) {
      out.put(name, new ArrayList<>(Arrays.asList(metadata.getValues(name))));
    }
    return out;
  }

  private static String mediaType(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type == null || type.isBlank()) {
      return "application/octet-stream";
    }
    int semicolon = type.indexOf(';');
    return (semicolon >= 0 ? type.substring(0, semicolon) : type).strip().toLowerCase(Locale.ROOT);
  }

  private static String encrypted() {
    return "password-protected or encrypted; its content cannot be read without the key."
        + " Decrypt a copy and ingest that";
  }

  private static String unparseable(Metadata metadata, Throwable e) {
    return "could not be parsed as " + mediaType(metadata) + " (" + message(e) + "); the file may"
        + " be truncated or damaged. The original is kept as evidence";
  }

  private static boolean isTikaBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.toLowerCase(Locale.ROOT).contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    String s = root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    s = s.replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static String fileName(String name) {
    int slash = name.lastIndexOf('/');
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  private static int intValue(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }


  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Writes through to the text file, counting characters and keeping the first ones. */
  static final class TextSink extends Writer {
    private final Writer out;
    private final StringBuilder sample;
    private final int sampleChars;
    private long chars;
    private long visible;

    TextSink(Writer out, int sampleChars) {
      this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
      this.sample = new StringBuilder();
      this.sampleChars = sampleChars;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      out.write(cbuf, off, len);
      chars += len;
      for (int i = off; i < off + len; i++) {
        if (!Character.isWhitespace(cbuf[i])) {
          visible++;
        }
      }
      int room = sampleChars - sample.length();
      if (room > 0) {
        sample.append(cbuf, off, Math.min(room, len));
      }
    }

    long chars() {
      return chars;
    }

    /** Characters that are not white space: what a scan without a text layer lacks. */
    long visible() {
      return visible;
    }

    CharSequence sample() {
      return sample;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
