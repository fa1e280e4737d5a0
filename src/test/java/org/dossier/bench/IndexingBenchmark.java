package org.dossier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.dossier.core.DocumentId;
import org.dossier.core.IndexDocument;
import org.dossier.index.LuceneIndex;

/**
 * Indexing throughput of Dossier's index (all fields, one thread) against bare Lucene
 * (StandardAnalyzer, one stored text field), on the same generated documents. Args: {@code [DOCS]}.
 */
public final class IndexingBenchmark {
  private IndexingBenchmark() {}

  /** {@code n} documents of generated prose in the corpus's languages, the same for every run. */
  static List<IndexDocument> documents(int n) {
    List<IndexDocument> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FictionalText t = new FictionalText(31L * i + 7);
      String lang = t.language();
      String text = t.prose(lang, 200 + t.random().nextInt(1300));
      docs.add(new IndexDocument(new DocumentId(String.format(Locale.ROOT, "%064x", i)),
          "doc-" + i + ".txt", List.of("doc-" + i + ".txt"), text, lang, "text/plain", "ok",
          Optional.of(t.date()), List.of("."), Optional.empty(), List.of("txt"), Map.of()));
    }
    return docs;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    List<IndexDocument> docs = documents(n);
    long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
    for (int round = 0; round < 3; round++) {
      Path dir = Files.createTempDirectory("idx");
      long start = System.nanoTime();
      try (LuceneIndex index = LuceneIndex.openForWriting(dir)) {
        for (IndexDocument d : docs) {
          index.upsert(d);
        }
        index.commit();
      }
      double dossier = (System.nanoTime() - start) / 1e9;
      Path bareDir = Files.createTempDirectory("bare");
      start = System.nanoTime();
      try (IndexWriter w = new IndexWriter(FSDirectory.open(bareDir), new IndexWriterConfig(new StandardAnalyzer()))) {
        for (IndexDocument d : docs) {
          Document doc = new Document();
          doc.add(new StringField("id", d.id().sha256(), Field.Store.YES));
          doc.add(new TextField("text", d.text(), Field.Store.YES));
          w.addDocument(doc);
        }
        w.commit();
      }
      double bare = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %d docs, %.1f M chars: dossier %.2f s (%.2f M chars/s), bare Lucene %.2f s (%.2f M chars/s)%n",
          round, n, chars / 1e6, dossier, chars / 1e6 / dossier, bare, chars / 1e6 / bare);
    }
  }
}
