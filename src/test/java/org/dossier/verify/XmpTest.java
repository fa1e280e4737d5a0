package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** XMP fields read by namespace, whatever the tool that wrote them chose for prefixes and layout. */
class XmpTest {
  private static final String RDF = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"";

  @Test
  void attributesElementsAlternativesAndOldPrefixesAreOneField() {
    String attributes = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF " + RDF + "><rdf:Description"
        + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
        + " xmp:CreatorTool=\"Writer 7\" pdf:Producer=\"Lisk PDF 2\" xmp:CreateDate=\"2031-03-02T10:00:00Z\"/></rdf:RDF></x:xmpmeta>";
    // another tool: the old "xap" prefix, elements, the creator in a language alternative
    String elements = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF " + RDF + "><rdf:Description"
        + " xmlns:xap=\"http://ns.adobe.com/xap/1.0/\" xmlns:p=\"http://ns.adobe.com/pdf/1.3/\">"
        + "<xap:CreatorTool><rdf:Alt><rdf:li xml:lang=\"x-default\">Writer 7</rdf:li></rdf:Alt></xap:CreatorTool>"
        + "<p:Producer>Lisk PDF 2</p:Producer><xap:CreateDate>2031-03-02T10:00:00Z</xap:CreateDate>"
        + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    Map<String, String> a = Xmp.read(attributes).values();
    assertEquals(Map.of("xmp:CreatorTool", "Writer 7", "pdf:Producer", "Lisk PDF 2", "xmp:CreateDate", "2031-03-02T10:00:00Z"), a);
    assertEquals(a, Xmp.read(elements).values());
    // near miss: the same local name in another namespace is another field
    String other = "<r " + RDF + " xmlns:q=\"http://example.org/q/\"><rdf:Description q:Producer=\"Someone\"/></r>";
    assertTrue(Xmp.read(other).values().isEmpty());
  }

  @Test
  void historyAsAttributesOrElements() {
    String h = "<r " + RDF + " xmlns:stEvt=\"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#\">"
        + "<rdf:li stEvt:action=\"created\" stEvt:when=\"2031-03-01\"/>"
        + "<rdf:li rdf:parseType=\"Resource\"><stEvt:action>saved</stEvt:action></rdf:li></r>";
    assertEquals(List.of("created 2031-03-01", "saved"), Xmp.read(h).history());
  }
}
