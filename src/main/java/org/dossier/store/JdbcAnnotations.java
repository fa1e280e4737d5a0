package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;
import org.dossier.core.Stage;
import org.dossier.core.ValueMention;

/** What the analysis found in each document, and where it stands. Reads on the store's read connections, which see committed data only. */
final class JdbcAnnotations implements AnnotationStore {
  private final ReadConnections readers;
  private final JdbcDocuments docs;

  JdbcAnnotations(ReadConnections readers, JdbcDocuments docs) {
    this.readers = readers;
    this.docs = docs;
  }

  /** Documents whose analysis is pending, once their text is extracted. */
  @Override
  public void forEachAnalysisPending(Consumer<Document> visitor) throws SQLException {
    for (Stage stage : List.of(Stage.EXTRACTED, Stage.INDEXED)) {
      for (Document d : docs.documents("WHERE stage = ? AND analysis = 'pending' ORDER BY seq", stage.code())) {
        visitor.accept(d);
      }
    }
  }

  /** The analysis status and reason of a document, and the date it was analysed against. */

  @Override
  public Optional<AnalysisState> analysisState(DocumentId id) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT analysis, analysis_reason, document_date FROM documents WHERE id = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new AnalysisState(rs.getString(1), rs.getString(2), rs.getString(3)))
              : Optional.empty();
        }
      }
    });
  }

  /** The entity names, value mentions and attributions stored for a document. */
  @Override
  public Annotations annotations(DocumentId id) throws SQLException {
    List<EntityMention> entities = new ArrayList<>();
    List<ValueMention> values = new ArrayList<>();
    List<Attribution> attributions = new ArrayList<>();
    String date = readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT start, \"end\", kind, type, text, canonical, detail, qualifier, bound, source"
              // id last: mentions of one span (a name and a value, two readings) in the order the
              // analyzer gave them, on either engine (the link stage reads claims in this order)
              + " FROM mentions WHERE document = ? ORDER BY start, \"end\" DESC, id")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Span span = new Span(rs.getInt(1), rs.getInt(2));
            if (rs.getString(3).equals("entity")) {
              entities.add(new EntityMention(span, rs.getString(5), EntityType.fromCode(rs.getString(4)),
                  rs.getString(6), rs.getString(10)));
            } else {
              values.add(new ValueMention(span, rs.getString(5),
                  AnalysisRows.value(rs.getString(4), rs.getString(7)),
                  AnalysisRows.qualifier(rs.getString(8), rs.getString(9))));
            }
          }
        }
      }
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT start, \"end\", source_start, source_end, source, kind, via FROM attributions"
              + " WHERE document = ? ORDER BY start, id")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String via = rs.getString(7);
            attributions.add(new Attribution(new Span(rs.getInt(1), rs.getInt(2)),
                new Span(rs.getInt(3), rs.getInt(4)), rs.getString(5),
                Attribution.Kind.fromCode(rs.getString(6)),
                via.isEmpty() ? Optional.empty() : Optional.of(via)));
          }
        }
      }
      try (PreparedStatement ps = reader.prepareStatement("SELECT document_date, analysis FROM documents WHERE id = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : "";
        }
      }
    });
    Optional<LocalDate> d = date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date));
    return new Annotations(entities, values, attributions, d, true);
  }

  /** Documents with an analysis that found something to read (done, partial, values only). */
  @Override
  public void forEachAnalysed(Consumer<Document> visitor) throws SQLException {
    for (Document d : docs.documents("WHERE analysis IN ('done', 'partial', 'values-only') ORDER BY seq")) {
      visitor.accept(d);
    }
  }

  @Override
  public List<Document> analysedAfter(String after, int limit) throws SQLException {
    return docs.documents("WHERE analysis IN ('done', 'partial', 'values-only') AND id > ? ORDER BY id LIMIT ?",
        after, limit);
  }

  /** Number of documents whose analysis is pending. */
  @Override
  public long analysisPending() throws SQLException {
    return readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT count(*) FROM documents WHERE analysis = 'pending' AND stage <> 'collected'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
