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
 * {@link CaseGraph} as GraphML: keys declared for the graph (the case and the stage runs that
 * produced the findings), the nodes ({@code label} and {@link CaseGraph#NODE_KEYS}) and the edges
 * ({@code weight} and {@link CaseGraph#EDGE_KEYS}); each edge says whether it is directed.
 */
public final class GraphmlExport {
  static final String NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphmlExport() {}

  public static void write(CaseGraph g, Writer out) throws IOException {
    XmlText text = new XmlText(out);
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      x.writeStartDocument("UTF-8", "1.0");
      GexfExport.nl(x);
      x.writeStartElement("graphml");
      x.writeDefaultNamespace(NS);
      GexfExport.nl(x);
      List<Map.Entry<String, String>> graphAttrs = g.attributeList();
      for (int i = 0; i < graphAttrs.size(); i++) {
        key(x, "g" + i, "graph", graphAttrs.get(i).getKey(), "string");
      }
      key(x, "label", "node", "label", "string");
      for (int i = 0; i < CaseGraph.NODE_KEYS.size(); i++) {
        key(x, "n" + i, "node", CaseGraph.NODE_KEYS.get(i), "string");
      }
      key(x, "weight", "edge", "weight", "double");
      for (int i = 0; i < CaseGraph.EDGE_KEYS.size(); i++) {
        key(x, "e" + i, "edge", CaseGraph.EDGE_KEYS.get(i), "string");
      }
      x.writeStartElement("graph");
      x.writeAttribute("id", "case");
      x.writeAttribute("edgedefault", "directed");
      GexfExport.nl(x);
      for (int i = 0; i < graphAttrs.size(); i++) {
        data(x, "g" + i, graphAttrs.get(i).getValue());
      }
      GexfExport.each(g.nodes(), "GraphML", n -> {
        x.writeStartElement("node");
        x.writeAttribute("id", XmlText.clean(n.id()));
        data(x, "label", n.label());
        for (int i = 0; i < CaseGraph.NODE_KEYS.size(); i++) {
          data(x, "n" + i, n.value(CaseGraph.NODE_KEYS.get(i)));
        }
        x.writeEndElement();
        GexfExport.nl(x);
      });
      GexfExport.each(g.edges(), "GraphML", e -> {
        x.writeStartElement("edge");
        x.writeAttribute("id", XmlText.clean(e.id()));
        x.writeAttribute("source", XmlText.clean(e.source()));
        x.writeAttribute("target", XmlText.clean(e.target()));
        x.writeAttribute("directed", Boolean.toString(e.directed()));
        data(x, "weight", String.format(Locale.ROOT, "%s", e.weight()));
        for (int i = 0; i < CaseGraph.EDGE_KEYS.size(); i++) {
          data(x, "e" + i, e.value(CaseGraph.EDGE_KEYS.get(i)));
        }
        x.writeEndElement();
        GexfExport.nl(x);
      });
      x.writeEndElement(); // graph
      GexfExport.nl(x);
      x.writeEndElement(); // graphml
      GexfExport.nl(x);
      x.writeEndDocument();
      x.flush();
      x.close();
      text.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write GraphML: " + e.getMessage(), e);
    }
  }

  private static void key(XMLStreamWriter x, String id, String forWhat, String name, String type)
      throws XMLStreamException {
    x.writeEmptyElement("key");
    x.writeAttribute("id", id);
    x.writeAttribute("for", forWhat);
    x.writeAttribute("attr.name", name);
    x.writeAttribute("attr.type", type);
    GexfExport.nl(x);
  }

  private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
    if (value.isEmpty()) {
      return;
    }
    x.writeStartElement("data");
    x.writeAttribute("key", key);
    x.writeCharacters(XmlText.clean(value));
    x.writeEndElement();
  }
}
