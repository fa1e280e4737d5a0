package org.dossier.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.dossier.analyze.DocumentAnalyzer;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;

/**
 * Runs the document analyzer over a document's text file, turning failures into a status. At most
 * a given number of analyses run at once, whatever the number of threads that call it (an
 * ingest has more extraction drivers than cores, to keep the extraction worker busy; the
 * analyses, which hold a text's annotations in this JVM's heap, stay one per core).
 */
final class Analyzing {
  private final DocumentAnalyzer analyzer;
  private final CaseFolder folder;
  /** Turns to analyse. */
  private final Semaphore turns;

  /** Runs at most {@code atOnce} analyses at once. */
  Analyzing(DocumentAnalyzer analyzer, CaseFolder folder, int atOnce) {
    this.analyzer = analyzer;
    this.folder = folder;
    this.turns = new Semaphore(atOnce);
  }

  Analysis analyze(DocumentId id, String language, Map<String, List<String>> metadata)
      throws InterruptedException {
    turns.acquire();
    try {
      return analyzeNow(id, language, metadata);
    } finally {
      turns.release();
    }
  }

  private Analysis analyzeNow(DocumentId id, String language, Map<String, List<String>> metadata) {
    Path text = folder.layout().text(id);
    Optional<LocalDate> date = IndexDocuments.date(metadata);
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(text), utf8))) {
      DocumentAnalyzer.Result r = analyzer.analyze(in, language.isEmpty() ? "und" : language, date);
      Annotations a = r.annotations();
      if (r.truncated()) {
        return new Analysis(Optional.of(a), "partial", "stopped after " + DocumentAnalyzer.MAX_MENTIONS
            + " mentions in " + r.chunks() + " chunks of " + DocumentAnalyzer.CHUNK + " characters;"
            + " the rest of the text was not analysed");
      }
      if (!a.entitiesAnalysed()) {
        return new Analysis(Optional.of(a), "values-only", "no model for names in language '" + language
            + "': equipment, values and attributions were extracted, people, organisations and"
            + " places were not");
      }
      return new Analysis(Optional.of(a), "done", "");
    } catch (NoSuchFileException e) {
      return Analysis.NO_TEXT;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return new Analysis(Optional.empty(), "failed", "the analysis failed: " + e);
    }
  }
}
