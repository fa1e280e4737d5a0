package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Office parts verify reads, in one streaming pass: hostile shapes cost their size, no more. */
class OfficeXmlTest {
  private static final String W = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>";
  private static final String END = "</w:p></w:body></w:document>";

  @Test
  void hiddenRunsTrackedChangesAndComments() {
    String body = W + "<w:r><w:t>Delivery of 12 boats.</w:t></w:r>"
        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Price to be raised by 40 %</w:t></w:r>"
        + "<w:ins w:id=\"1\" w:author=\"Reviewer K\"><w:r><w:t>and spare parts</w:t></w:r></w:ins>"
        + "<w:del w:id=\"2\" w:author=\"Reviewer L\"><w:r><w:delText>in March</w:delText></w:r></w:del>"
        + "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>shown after all</w:t></w:r>" + END;
    assertEquals(List.of("Price to be raised by 40 %"), OfficeXml.hidden(body, 20));
    List<OfficeXml.Marked> tracked = OfficeXml.tracked(body, 30);
    assertEquals(List.of(new OfficeXml.Marked("w:ins", "Reviewer K", "and spare parts"),
        new OfficeXml.Marked("w:del", "Reviewer L", "in March")), tracked);
    String comments = "<w:comments xmlns:w=\"x\"><w:comment w:id=\"0\" w:author=\"Legal &amp; Co\"><w:p><w:r><w:t>Check the price</w:t>"
        + "</w:r></w:p></w:comment></w:comments>";
    assertEquals(List.of(new OfficeXml.Marked("w:comment", "Legal & Co", "Check the price")), OfficeXml.comments(comments, 30));
    // near miss: a plain document hides nothing and tracks nothing
    String plain = W + "<w:r><w:t>Delivery of 12 boats.</w:t></w:r>" + END;
    assertEquals(List.of(), OfficeXml.hidden(plain, 20));
    assertEquals(List.of(), OfficeXml.tracked(plain, 30));
  }

  @Test
  void eightyThousandEmptyRunsCostTheirSize() {
    // a regular expression over this part backtracked for minutes; the streaming pass is linear
    String body = W + "<w:r/>".repeat(80_000) + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>late secret</w:t></w:r>"
        + "<w:r/>".repeat(80_000) + END;
    List<String> hidden = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> OfficeXml.hidden(body, 20));
    assertEquals(List.of("late secret"), hidden);
  }

  @Test
  void noExternalEntityIsRead() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
        + W + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>&e;</w:t></w:r>" + END;
    for (String t : OfficeXml.hidden(xxe, 20)) {
      assertFalse(t.strip().length() > 0 && !t.contains("&e;"), "an external entity was read: " + t);
    }
    assertEquals(java.util.Optional.empty(), OfficeXml.rsidRoot("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x>&e;</x>"));
  }
}
