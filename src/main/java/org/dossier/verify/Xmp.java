package org.dossier.verify;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The fields of an XMP packet verify compares with a PDF's Info dictionary, read by namespace,
 * not by prefix, as attributes or as elements (plain, or in an rdf:Alt of languages), in one
 * streaming pass without DTD or external entities: whatever tool wrote it ("xmp:" or the older
 * "xap:" prefix, Adobe's or another's layout).
 */
final class Xmp {
  private Xmp() {}

  static final String XMP = "http://ns.adobe.com/xap/1.0/";
  static final String PDF = "http://ns.adobe.com/pdf/1.3/";
  static final String ST_EVT = "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#";
  static final String MM = "http://ns.adobe.com/xap/1.0/mm/";

  /** The fields, by their usual names (pdf:Producer, xmp:CreatorTool, xmp:CreateDate, xmp:ModifyDate). */
  record Fields(Map<String, String> values, List<String> history, boolean derived) {}

  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  private static String field(String ns, String local) {
    if (XMP.equals(ns) && (local.equals("CreatorTool") || local.equals("CreateDate") || local.equals("ModifyDate"))) {
      return "xmp:" + local;
    }
    if (PDF.equals(ns) && local.equals("Producer")) {
      return "pdf:Producer";
    }
    return null;
  }

  static Fields read(String packet) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> history = new ArrayList<>();
    boolean derived = false;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(packet));
      String open = null; // a field whose text is being read
      StringBuilder text = new StringBuilder();
      String action = null;
      String when = null;
      String evtField = null;
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          String ns = r.getNamespaceURI();
          String local = r.getLocalName();
          if (MM.equals(ns) && local.equals("DerivedFrom")) {
            derived = true;
          }
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String f = field(r.getAttributeNamespace(i), r.getAttributeLocalName(i));
            if (f != null) {
              values.putIfAbsent(f, r.getAttributeValue(i).strip());
            }
            if (ST_EVT.equals(r.getAttributeNamespace(i))) {
              if (r.getAttributeLocalName(i).equals("action")) {
                action = r.getAttributeValue(i);
              } else if (r.getAttributeLocalName(i).equals("when")) {
                when = r.getAttributeValue(i);
              }
            }
          }
          if (action != null && history.size() < 20) {
            history.add(action + (when == null ? "" : " " + when));
          }
          action = null;
          when = null;
          String f = field(ns, local);
          if (f != null && open == null) {
            open = f;
            text.setLength(0);
          } else if (ST_EVT.equals(ns) && (local.equals("action") || local.equals("when"))) {
            evtField = local;
            text.setLength(0);
          }
        } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
          if (open != null || evtField != null) {
            text.append(r.getText());
          }
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          String f = field(r.getNamespaceURI(), r.getLocalName());
          if (f != null && f.equals(open)) {
            if (!text.toString().isBlank()) {
              values.putIfAbsent(open, text.toString().strip());
            }
            open = null;
          } else if (evtField != null && ST_EVT.equals(r.getNamespaceURI()) && r.getLocalName().equals(evtField)) {
            if (evtField.equals("action") && history.size() < 20) {
              history.add(text.toString().strip());
            }
            evtField = null;
          }
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      // a packet that does not parse: what was read stands
    }
    return new Fields(values, history, derived);
  }
}
