package org.dossier.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.EntityMention;
import org.dossier.core.Span;
import org.dossier.core.ValueMention;

/** A document's text with its mentions marked, for {@code show --annotated}. */
final class Annotated {
  private Annotated() {}

  private record Mark(Span span, String label, int rank) {}

  /**
   * The text with entities as {@code [text]{type}} (or {@code {type=canonical}}), values as
   * {@code [text]{kind=normalized; qualifier}} and attribution sources as {@code [text]{said}}.
   * Marks nest; a mark that would cross another is left out.
   */
  static String render(String text, Annotations a) {
    List<Mark> marks = new ArrayList<>();
    for (ValueMention v : a.values()) {
      String q = v.qualifier().map(x -> "; " + x.text()).orElse("");
      marks.add(new Mark(v.span(), v.value().kind() + "=" + v.value().normalized() + q, 0));
    }
    for (EntityMention e : a.entities()) {
      String label = e.type().code() + (e.canonical().equals(e.text()) ? "" : "=" + e.canonical());
      marks.add(new Mark(e.span(), label, 1));
    }
    for (Attribution at : a.attributions()) {
      if (at.kind() != Attribution.Kind.QUOTE && at.kind() != Attribution.Kind.DATELINE) {
        marks.add(new Mark(at.source(), "source:" + at.kind().code()
            + at.via().map(v -> " via " + v).orElse(""), 2));
      }
    }
    marks.sort(Comparator.comparingInt((Mark m) -> m.span().start())
        .thenComparing((Mark m) -> -m.span().end()).thenComparingInt(Mark::rank));
    // keep marks that nest
    List<Mark> kept = new ArrayList<>();
    List<Mark> open = new ArrayList<>();
    for (Mark m : marks) {
      open.removeIf(o -> o.span().end() <= m.span().start());
      boolean crosses = open.stream().anyMatch(o -> m.span().end() > o.span().end());
      boolean same = open.stream().anyMatch(o -> o.span().equals(m.span()) && o.label().equals(m.label()));
      if (!crosses && !same && m.span().end() <= text.length()) {
        kept.add(m);
        open.add(m);
      }
    }
    Map<Integer, List<String>> opens = new LinkedHashMap<>();
    Map<Integer, List<String>> closes = new LinkedHashMap<>();
    for (Mark m : kept) {
      opens.computeIfAbsent(m.span().start(), k -> new ArrayList<>()).add("[");
      closes.computeIfAbsent(m.span().end(), k -> new ArrayList<>()).add(0, "]{" + m.label() + "}");
    }
    StringBuilder out = new StringBuilder(text.length() + kept.size() * 16);
    for (int i = 0; i <= text.length(); i++) {
      for (String c : closes.getOrDefault(i, List.of())) {
        out.append(c);
      }
      for (String o : opens.getOrDefault(i, List.of())) {
        out.append(o);
      }
      if (i < text.length()) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }
}
