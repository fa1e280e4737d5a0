package org.dossier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dossier.link.StoredFindings;
import org.junit.jupiter.api.Test;

/** Documents named by outlet, headline and date when known, by their file name otherwise. */
class DocumentLabelsTest {
  private static StoredFindings.Source source(String document, String outlet, String headline, String date) {
    return new StoredFindings.Source(document, "original", outlet.isEmpty() ? "contract" : "article",
        outlet.isEmpty() ? Optional.empty() : Optional.of(outlet), headline.isEmpty() ? Optional.empty() : Optional.of(headline),
        date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)), List.of(), List.of());
  }

  private static final DocumentLabels LABELS = DocumentLabels.of(List.of(
      source("press/2026-03-03_harbour-ledger.txt", "Harbour Ledger", "Tessaly to sell fast attack boats to the navy of Ostrava", "2026-03-03"),
      source("press/wire.txt", "Eastgate Herald", "", ""),
      source("cache/contract.txt", "", "CONTRACT No. 44 for the supply of boats", "2025-11-20"),
      source("cache/memo.txt", "", "", "2025-12-01"),
      source("cache/notes.txt", "", "", "")));

  @Test
  void aDocumentWithOutletHeadlineAndDate() {
    assertEquals("Harbour Ledger, \"Tessaly to sell fast attack boats to\u2026\", 2026-03-03 (press/2026-03-03_harbour-ledger.txt)",
        LABELS.full("press/2026-03-03_harbour-ledger.txt"));
    assertEquals("Harbour Ledger, 2026-03-03", LABELS.brief("press/2026-03-03_harbour-ledger.txt"));
    assertTrue(LABELS.known("press/2026-03-03_harbour-ledger.txt"));
  }

  @Test
  void aDocumentWithSomeOfThem() {
    assertEquals("Eastgate Herald (press/wire.txt)", LABELS.full("press/wire.txt"));
    assertEquals("Eastgate Herald", LABELS.brief("press/wire.txt"));
    assertEquals("\"CONTRACT No. 44 for the supply of boats\", 2025-11-20 (cache/contract.txt)", LABELS.full("cache/contract.txt"));
    assertEquals("\"CONTRACT No. 44 for the supply\u2026\", 2025-11-20", LABELS.brief("cache/contract.txt"));
    assertEquals("cache/memo.txt, 2025-12-01", LABELS.full("cache/memo.txt"));
    assertEquals("cache/memo.txt, 2025-12-01", LABELS.brief("cache/memo.txt"));
  }

  @Test
  void aDocumentWithNoneOfThemOrUnknownIsItsFileName() {
    assertEquals("cache/notes.txt", LABELS.full("cache/notes.txt"));
    assertEquals("cache/notes.txt", LABELS.brief("cache/notes.txt"));
    assertFalse(LABELS.known("cache/notes.txt"));
    assertEquals("Radio Kestrel", LABELS.full("Radio Kestrel"));
    assertEquals("press/other.txt", DocumentLabels.none().brief("press/other.txt"));
  }

  @Test
  void labelsAddedOneAtATimeAsTheStoreStreamsThemAreTheSame() {
    DocumentLabels streamed = DocumentLabels.none();
    assertEquals("press/wire.txt", streamed.full("press/wire.txt"), "not yet added: its file name");
    streamed.add(source("press/wire.txt", "Eastgate Herald", "", ""));
    streamed.add(source("cache/contract.txt", "", "CONTRACT No. 44 for the supply of boats", "2025-11-20"));
    for (String d : List.of("press/wire.txt", "cache/contract.txt", "cache/memo.txt")) {
      assertEquals(d.equals("cache/memo.txt") ? d : LABELS.full(d), streamed.full(d));
      assertEquals(d.equals("cache/memo.txt") ? d : LABELS.brief(d), streamed.brief(d));
    }
    assertTrue(streamed.known("press/wire.txt"));
    assertFalse(streamed.known("cache/memo.txt"));
  }

  @Test
  void labelsReadFromStreamedSourceRowsKeepWhatTheyShow() {
    List<String> rows = List.of(
        "{\"document\":\"press/wire.txt\",\"kind\":\"repost\",\"outlet\":\"Eastgate Herald\",\"date\":\"2026-03-04\","
            + "\"links\":[{\"to\":\"Harbour Ledger\",\"relation\":\"copies\",\"evidence\":[{\"document\":\"press/wire.txt\","
            + "\"start\":0,\"end\":12,\"quote\":\"Tessaly sells\"}]}],\"evidence\":[]}",
        "{\"document\":\"cache/notes.txt\",\"kind\":\"original\",\"links\":[],\"evidence\":[]}");
    DocumentLabels read = DocumentLabels.read(rows::forEach);
    assertEquals("Eastgate Herald, 2026-03-04 (press/wire.txt)", read.full("press/wire.txt"));
    assertEquals("Eastgate Herald, 2026-03-04", read.brief("press/wire.txt"));
    assertEquals("cache/notes.txt", read.full("cache/notes.txt"));
    assertFalse(read.known("cache/notes.txt"));
    // a row this version cannot read is refused, not skipped
    assertThrows(IllegalArgumentException.class, () -> DocumentLabels.read(
        List.of("{\"document\":\"press/a.txt\",\"kind\":\"original\",\"date\":\"March\"}")::forEach));
  }
}
