package org.dossier.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@link CaseGraph} as GEXF 1.3, the format Gephi reads natively: node and edge attributes
 * declared once (all strings), each edge directed or not on its own, the case and the stage runs
 * that produced the findings in the meta description (GEXF has no graph attributes).
 */
public final class GexfExport {
  static final String NS = "http://gexf.net/1.3";

  private GexfExport() {}

  public static void write(CaseGraph g, Writer out) throws IOException {
    XmlText text = new XmlText(out);
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      x.writeStartDocument("UTF-8", "1.0");
      nl(x);
      x.writeStartElement("gexf");
      x.writeDefaultNamespace(NS);
      x.writeAttribute("version", "1.3");
      nl(x);
      x.writeStartElement("meta");
      String run = g.attributes().getOrDefault(org.dossier.pipeline.Linking.SETTING, "");
      java.util.regex.Matcher day = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(run);
      if (day.find()) {
        x.writeAttribute("lastmodifieddate", day.group());
      }
      element(x, "creator", "Dossier");
      StringBuilder description = new StringBuilder();
      for (Map.Entry<String, String> e : g.attributeList()) {
        description.append(description.length() == 0 ? "" : "; ").append(e.getKey()).append('=').append(e.getValue());
      }
      element(x, "description", "Entities, documents and propagation of a Dossier case (" + description
          + "). Findings as stored by those stage runs, with the analyst's judgements applied.");
      x.writeEndElement();
      nl(x);
      x.writeStartElement("graph");
      x.writeAttribute("defaultedgetype", "directed");
      x.writeAttribute("mode", "static");
      nl(x);
      declare(x, "node", CaseGraph.NODE_KEYS);
      declare(x, "edge", CaseGraph.EDGE_KEYS);
      x.writeStartElement("nodes");
      nl(x);
      each(g.nodes(), "GEXF", n -> {
        x.writeStartElement("node");
        x.writeAttribute("id", XmlText.clean(n.id()));
        x.writeAttribute("label", XmlText.clean(n.label()));
        values(x, CaseGraph.NODE_KEYS, n.values());
        x.writeEndElement();
        nl(x);
      });
      x.writeEndElement();
      nl(x);
      x.writeStartElement("edges");
      nl(x);
      each(g.edges(), "GEXF", e -> {
        x.writeStartElement("edge");
        x.writeAttribute("id", XmlText.clean(e.id()));
        x.writeAttribute("source", XmlText.clean(e.source()));
        x.writeAttribute("target", XmlText.clean(e.target()));
        x.writeAttribute("type", e.directed() ? "directed" : "undirected");
        x.writeAttribute("label", XmlText.clean(e.value("relation")));
        x.writeAttribute("weight", String.format(Locale.ROOT, "%s", e.weight()));
        values(x, CaseGraph.EDGE_KEYS, e.values());
        x.writeEndElement();
        nl(x);
      });
      x.writeEndElement();
      nl(x);
      x.writeEndElement(); // graph
      nl(x);
      x.writeEndElement(); // gexf
      nl(x);
      x.writeEndDocument();
      x.flush();
      x.close();
      text.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write GEXF: " + e.getMessage(), e);
    }
  }

  /** Writes one node or edge with a StAX writer. */
  interface XmlItem<T> {
    void write(T item) throws XMLStreamException;
  }

  /** Writes each of {@code items} as the graph hands it over, a StAX failure as the format's. */
  static <T> void each(CaseGraph.Items<T> items, String format, XmlItem<T> write) throws IOException {
    items.forEach(item -> {
      try {
        write.write(item);
      } catch (XMLStreamException e) {
        throw new IOException("cannot write " + format + ": " + e.getMessage(), e);
      }
    });
  }

  /** The attribute id of a key: its position, as GEXF files usually number them. */
  private static void declare(XMLStreamWriter x, String cls, List<String> keys) throws XMLStreamException {
    x.writeStartElement("attributes");
    x.writeAttribute("class", cls);
    x.writeAttribute("mode", "static");
    nl(x);
    for (int i = 0; i < keys.size(); i++) {
      x.writeEmptyElement("attribute");
      x.writeAttribute("id", Integer.toString(i));
      x.writeAttribute("title", keys.get(i));
      x.writeAttribute("type", "string");
      nl(x);
    }
    x.writeEndElement();
    nl(x);
  }

  private static void values(XMLStreamWriter x, List<String> keys, Map<String, String> values) throws XMLStreamException {
    boolean any = false;
    for (int i = 0; i < keys.size(); i++) {
      String v = values.get(keys.get(i));
      if (v == null || v.isEmpty()) {
        continue;
      }
      if (!any) {
        x.writeStartElement("attvalues");
        any = true;
      }
      x.writeEmptyElement("attvalue");
      x.writeAttribute("for", Integer.toString(i));
      x.writeAttribute("value", XmlText.clean(v));
    }
    if (any) {
      x.writeEndElement();
    }
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(XmlText.clean(text));
    x.writeEndElement();
  }

  static void nl(XMLStreamWriter x) throws XMLStreamException {
    x.writeCharacters("\n");
  }
}
