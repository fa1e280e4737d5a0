package org.dossier.link;

import java.util.Set;
import org.dossier.analyze.Concepts;
import org.dossier.core.Attribution;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * Whether a source a text cites is a news outlet, read from how the text names and cites it, with
 * no list of outlets: a word of the news trade in its name ("Courier", "Zeitung", "日报"), a
 * description of one ("the daily", "издание", "le quotidien"), a Chinese name of an agency or
 * paper ("…社", "…报"). A name the text cites as relaying others ("X, citing sources", "told X")
 * is an outlet too ({@link Summary}); and across the case, a name some text cites as an outlet is
 * one in every text ({@link Propagation}).
 */
final class Media {
  private Media() {}

  /** Concepts of the glossary that describe a news outlet. */
  private static final Set<String> OUTLETS = Set.of("c:newspaper", "c:magazine", "c:media", "c:outlet",
      "c:news-agency", "c:channel", "c:television", "c:radio", "c:website", "c:state-media", "c:independent-media",
      "c:blog");

  /**
   * True when a source's words describe a news outlet ("the daily", "газета", "le quotidien"); a
   * word that also means something else ("agency") or journalists themselves ("told reporters")
   * do not.
   */
  static boolean described(String source, String language) {
    String s = source.strip();
    if (s.isEmpty() || s.length() > 60) {
      return false;
    }
    java.util.Map<Integer, java.util.List<String>> byWord = new java.util.HashMap<>();
    for (Concepts.Token t : Concepts.shared().tokens(s, 0, s.length(), language)) {
      byWord.computeIfAbsent(t.start(), k -> new java.util.ArrayList<>()).add(t.key());
    }
    for (java.util.List<String> keys : byWord.values()) {
      if (!keys.isEmpty() && OUTLETS.containsAll(keys)) {
        return true;
      }
    }
    return false;
  }

  /** True when a cited source is a news outlet, by its name or by how it is cited. */
  static boolean outlet(Attribution at, LinkDocument d) {
    String name = at.sourceText().strip();
    if (Lexicon.isOutletName(name) || described(name, d.language()) || han(name)) {
      return true;
    }
    // "according to the NYT report": a short name whose full name, read across the case, is an outlet's
    for (int i = 0; i < d.annotations().entities().size(); i++) {
      if (d.annotations().entities().get(i).span().overlaps(at.source()) && Lexicon.isOutletName(d.resolvedNames().get(i))) {
        return true;
      }
    }
    // an organisation that "reported", "écrit", "передает": an outlet, unless its name or the words
    // before it make it an institution ("think-tank KSRI", "the Halden Institute", "the ministry")
    return at.kind() == Attribution.Kind.REPORTED && !person(at.source(), d) && !institution(at.source(), d);
  }

  /** Words that make an organisation an institution, not a news outlet, in the seven languages. */
  private static final java.util.regex.Pattern INSTITUTIONS = java.util.regex.Pattern.compile(
      "(?iu)\\b(?:institut\\p{L}*|think[- ]?tank|university|universit\\p{L}*|ministr\\p{L}*|department|"
          + "government|council|commission|committee|court|police|army|center|centre|foundation|office|"
          + "bureau|authority|authorities|agency for|company|corporation|bank|group|forum|"
          + "институт\\p{L}*|министерств\\p{L}*|ведомств\\p{L}*|центр\\p{L}*|университет\\p{L}*|правительств\\p{L}*|"
          + "фонд\\p{L}*|компани\\p{L}*|суд\\p{L}*|полици\\p{L}*|"
          + "ministère|gouvernement|université|fondation|entreprise|ministerium|regierung|stiftung|"
          + "ministerio|gobierno|universidad|fundación|empresa|ministero|governo|università|fondazione)\\b"
          + "|研究所|研究院|智库|智庫|大学|大學|政府|部$|委员会|委員會|法院|警方|公司|银行|銀行");

  /** True when the name of a source, its fullest form or the words before it make it an institution. */
  static boolean institution(Span source, LinkDocument d) {
    String text = d.text();
    int from = Math.max(0, source.start() - 40);
    if (INSTITUTIONS.matcher(text.substring(from, source.end())).find()) {
      return true;
    }
    for (int i = 0; i < d.annotations().entities().size(); i++) {
      EntityMention e = d.annotations().entities().get(i);
      if (e.span().overlaps(source) && (INSTITUTIONS.matcher(e.canonical()).find()
          || INSTITUTIONS.matcher(d.resolvedNames().get(i)).find())) {
        return true;
      }
    }
    return false;
  }

  /** A Chinese name of an agency, a paper, a station: "…社", "…报", "…報", "…台". */
  private static boolean han(String name) {
    return name.length() >= 3 && Lexicon.isHan(name) && "社报報台".indexOf(name.charAt(name.length() - 1)) >= 0;
  }

  /** True when the analysis read the source as a person. */
  static boolean person(Span source, LinkDocument d) {
    for (EntityMention e : d.annotations().entities()) {
      if (e.type() == EntityType.PERSON && e.span().overlaps(source)) {
        return true;
      }
    }
    return false;
  }

  /** True when a name the text gives is one it reads as a person's somewhere. */
  static boolean person(String name, LinkDocument d) {
    for (EntityMention e : d.annotations().entities()) {
      if (e.type() == EntityType.PERSON && Lexicon.fold(e.text()).equals(Lexicon.fold(name))) {
        return true;
      }
    }
    return false;
  }
}
