package org.dossier.register;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.analyze.Concepts;
import org.dossier.core.Qualifier;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;
import org.dossier.register.Reading.Held;
import org.dossier.register.Reading.Sentence;
import org.dossier.register.Reading.Word;

/**
 * The arms-transfer register: one row per deal the case's facts describe, in SIPRI's
 * trade-register shape. A story is a deal when its sentences name a transfer (the glossary's
 * kinds of event "deal" and "delivery": selling, buying, exporting, delivering, a contract, an
 * order) between parties the analysis named. Every cell is read from the stored facts and the
 * sentences of their claims, never from words of one story:
 *
 * <ul>
 *   <li>supplier and recipient: the organisations and places on either side of a verb of
 *       transfer ("X sells to Y", "Y buys from X") or beside a role noun ("the Supplier, X");
 *   <li>designation: the equipment the deal's sentences name, with every spelling used;
 *   <li>numbers: counts of equipment, or of things of the military and transport vocabulary;
 *   <li>value: amounts the link stage read as the price of a deal (the largest such fact, and
 *       the amounts of other facts of the same size: several outlets' readings of one price);
 *   <li>year of order and years of delivery: dates the link stage read as dating a deal or a
 *       delivery;
 *   <li>status: the furthest stage the sentences name (planned, ordered, signed, delivered,
 *       cancelled);
 *   <li>comments: payments (advances, stages, refunds, compensation).
 * </ul>
 *
 * A sentence that names another deal's party and none of this one's (a comparison with an
 * earlier sale to a third country) gives nothing to this row.
 */
public final class Transfers {
  /**
   * The stored findings the register is read from, and the texts of their documents.
   *
   * @param story the one story whose rows are made ({@link FindingStreams#story}); what they are
   *     weighed against (the outlets, the documents' dates and origins) is the whole case's
   */
  public record Input(FindingStreams findings, Texts texts, Optional<String> story) {
    public Input {
      java.util.Objects.requireNonNull(findings, "findings");
      java.util.Objects.requireNonNull(texts, "texts");
      java.util.Objects.requireNonNull(story, "story");
    }

    /** Every story's row. */
    public Input(FindingStreams findings, Texts texts) {
      this(findings, texts, Optional.empty());
    }
  }

  /** Verbs and nouns of transfer whose subject gives and whose object receives. */
  static final Set<String> GIVING = Set.of("sell", "export", "supplier", "deliver", "arms-sale");
  /** Verbs of transfer whose subject receives. */
  static final Set<String> TAKING = Set.of("buy", "import", "order", "receive");
  /** Nouns that name the receiving party of a deal ("the Buyer, X"). */
  static final Set<String> RECEIVER_NOUNS = Set.of("client");
  /** Concepts of a transfer, beside the glossary's deal and delivery events. */
  static final Set<String> TRANSFER = Set.of("sell", "export", "supplier", "deliver", "buy", "import", "order",
      "arms-sale", "arms-deal");
  static final Set<String> PARTY_TYPES = Set.of("organization", "place");
  static final Set<String> ITEM_TYPES = Set.of("equipment");
  /** Fields of the glossary whose nouns count things a deal may transfer. */
  static final Set<String> ITEM_FIELDS = Set.of("military", "tech-transport");
  /** An amount within this ratio of the deal's price is another reading of it. */
  static final BigDecimal SAME_SIZE = new BigDecimal("1.5");

  /** The stages of a deal, furthest last, with the concepts that name each. */
  enum Stage {
    PLANNED("planned", Set.of("plan", "approve", "agree", "arms-sale", "negotiate", "talks")),
    ORDERED("ordered", Set.of("order", "buy", "contract", "arms-deal", "conclude")),
    SIGNED("signed", Set.of("sign")),
    DELIVERED("delivered", Set.of()),
    CANCELLED("cancelled", Set.of("cancel"));

    final String word;
    final Set<String> concepts;

    Stage(String word, Set<String> concepts) {
      this.word = word;
      this.concepts = concepts;
    }
  }

  private final Input in;
  private final Reading reading;
  private final Set<String> outlets = new HashSet<>();
  private final Map<String, String> documentDates = new HashMap<>();
  private final Map<String, Origin> documentOrigins = new HashMap<>();

  private Transfers(Input in, Concepts concepts) throws IOException {
    this.in = in;
    this.reading = new Reading(concepts, in.texts());
    // what the rows weigh every story's sentences against: the case's outlets (a source's, or
    // whom a claim is attributed to), each document's date and where its claims come from
    in.findings().sources(s -> {
      s.outlet().ifPresent(o -> outlets.add(fold(o)));
      s.date().ifPresent(d -> documentDates.put(s.document(), d.toString()));
    });
    in.findings().facts(Optional.empty(), List.of(), f -> {
      for (StoredFindings.Claim c : f.claims()) {
        c.attributedTo().ifPresent(a -> outlets.add(fold(a)));
        documentOrigins.putIfAbsent(c.document(), c.press() ? Origin.PRESS : c.reading().draft() ? Origin.DRAFT : Origin.RECORD);
      }
    });
  }

  /**
   * The register, one row per deal in story order, each handed to {@code each} once its story is
   * read: a story's facts are read when its row is made, so no more than one story's are held.
   */
  public static void each(Input in, FindingStreams.Each<Transfer> each) throws IOException {
    new Transfers(in, Concepts.shared()).rows(each);
  }

  /** The register as a list. */
  public static List<Transfer> of(Input in) throws IOException {
    List<Transfer> out = new ArrayList<>();
    each(in, out::add);
    return out;
  }

  private void rows(FindingStreams.Each<Transfer> each) throws IOException {
    // the stories' ids and titles first: a story's facts are not read inside the stories' stream
    List<StoredFindings.Story> stories = new ArrayList<>();
    FindingStreams rowsOf = in.story().map(in.findings()::story).orElse(in.findings());
    rowsOf.stories(s -> stories.add(new StoredFindings.Story(s.id(), s.title(), List.of())));
    for (StoredFindings.Story s : stories) {
      List<Held> held = new ArrayList<>();
      rowsOf.facts(Optional.of(s.id()), List.of(), f -> {
        for (StoredFindings.Claim c : f.claims()) {
          held.add(new Held(c, f));
        }
      });
      Optional<Transfer> row = deal(s, held);
      // the story's texts and its items' spellings are not the next story's: held a story at a time
      reading.forget();
      spellings.clear();
      if (row.isPresent()) {
        each.accept(row.get());
      }
    }
  }

  // ------------------------------------------------------------------ one deal

  private Optional<Transfer> deal(StoredFindings.Story story, List<Held> held) {
    List<Sentence> sentences = reading.sentences(held);
    List<Sentence> deal = sentences.stream().filter(this::dealSentence).toList();
    if (deal.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> spellings = partySpellings(held);
    Roles roles = roles(deal, spellings);
    if (roles.supplier.isEmpty() && roles.recipient.isEmpty()) {
      return Optional.empty(); // a transfer between nobody the analysis named: no row
    }
    Set<String> parties = new HashSet<>(roles.supplier.keySet());
    parties.addAll(roles.recipient.keySet());
    // the main deal's parties: the best-attested supplier and recipient, and any other that
    // some sentence names beside one of them
    Set<String> own = new HashSet<>();
    own.addAll(roles.attested(roles.supplier));
    own.addAll(roles.attested(roles.recipient));
    // sentences that name only another deal's parties give nothing to this one: a party the
    // analysis read as a name there, and none of this deal's, not even by another spelling in
    // the sentence's text ("Washington" read as a name, "the US" not)
    List<Sentence> mine = new ArrayList<>();
    for (Sentence s : sentences) {
      boolean other = partiesIn(s).stream().anyMatch(p -> parties.contains(p) && !own.contains(p));
      if (other && partiesSpelled(s, spellings).stream().noneMatch(own::contains)) {
        continue;
      }
      mine.add(s);
    }
    List<Sentence> mineDeal = mine.stream().filter(this::dealSentence).toList();

    Map<Column, Cell> cells = new EnumMap<>(Column.class);
    cells.put(Column.SUPPLIER, roles.cell(roles.supplier));
    cells.put(Column.RECIPIENT, roles.cell(roles.recipient));
    Map<String, List<Held>> items = items(mineDeal, held);
    cells.put(Column.DESIGNATION, designation(items, held));
    List<Held> counts = counts(mineDeal, items.keySet());
    cells.put(Column.NUMBER_ORDERED, measures(counts, items.keySet(), false));
    cells.put(Column.DESCRIPTION, description(counts, items));
    cells.put(Column.YEAR_OF_ORDER, yearOfOrder(mine));
    List<Held> deliveries = dated(mine, "delivery").stream().filter(h -> !h.claim().reading().events().contains("deal")).toList();
    cells.put(Column.YEARS_OF_DELIVERY, years(deliveries));
    List<Held> delivered = delivered(mine);
    cells.put(Column.NUMBER_DELIVERED, measures(delivered, items.keySet(), false));
    cells.put(Column.VALUE, value(mineDeal));
    cells.put(Column.STATUS, status(mineDeal, deliveries, delivered));
    cells.put(Column.COMMENTS, payments(mine));
    Transfer t = new Transfer(story.id(), story.title(), cells);
    boolean figures = !t.cell(Column.DESIGNATION).isEmpty() || !t.cell(Column.NUMBER_ORDERED).isEmpty()
        || !t.cell(Column.VALUE).isEmpty() || !t.cell(Column.YEAR_OF_ORDER).isEmpty();
    return figures ? Optional.of(t) : Optional.empty();
  }

  /** A sentence that names a transfer: a deal or a delivery, a sale, a purchase, an order. */
  private boolean dealSentence(Sentence s) {
    return s.kinds.contains("deal") || s.kinds.contains("delivery") || s.has(TRANSFER)
        || s.claims.stream().anyMatch(h -> h.claim().reading().events().contains("deal"));
  }

  /** The parties a sentence names by its name claims (the analysis read them as names there). */
  private Set<String> partiesIn(Sentence s) {
    Set<String> out = new LinkedHashSet<>();
    for (Held h : s.names(PARTY_TYPES)) {
      if (!outlet(h.claim().value().normalized())) {
        out.add(h.claim().value().normalized());
      }
    }
    return out;
  }

  /** The parties a sentence names by its name claims or by any spelling of the story's parties in its text. */
  private Set<String> partiesSpelled(Sentence s, Map<String, String> spellings) {
    Set<String> out = partiesIn(s);
    mentions(s, spellings).forEach(m -> out.add(m.name()));
    return out;
  }

  private boolean outlet(String name) {
    String f = fold(name);
    return outlets.contains(f);
  }

  // ------------------------------------------------------------------ parties

  /** A party named in a sentence: where, and which entity. */
  private record Mention(int start, int end, String name, Citation citation) {}

  /** Who the deal's sentences make supplier and recipient, with the passages that name them. */
  private final class Roles {
    /** party -> the passages naming it in that role. */
    final Map<String, List<Citation>> supplier = new LinkedHashMap<>();
    final Map<String, List<Citation>> recipient = new LinkedHashMap<>();

    void vote(Map<String, List<Citation>> role, Mention m) {
      role.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m.citation());
    }

    /** The party of a role stated by the most documents. */
    Optional<String> best(Map<String, List<Citation>> role) {
      String best = null;
      for (Map.Entry<String, List<Citation>> e : role.entrySet()) {
        if (best == null || docsOf(e.getValue()) > docsOf(role.get(best))) {
          best = e.getKey();
        }
      }
      return Optional.ofNullable(best);
    }

    /**
     * The parties of a role the deal's sentences attest: the best, and any other that at least
     * two documents and half as many as the best give that role (a state and its exporter).
     */
    Set<String> attested(Map<String, List<Citation>> role) {
      Set<String> out = new LinkedHashSet<>();
      Optional<String> best = best(role);
      if (best.isEmpty()) {
        return out;
      }
      long top = docsOf(role.get(best.get()));
      out.add(best.get());
      role.forEach((p, cites) -> {
        if (docsOf(cites) >= 2 && docsOf(cites) * 2 >= top) {
          out.add(p);
        }
      });
      return out;
    }

    /** A party stated in both roles keeps the one more documents give it. */
    void settle() {
      for (String p : new ArrayList<>(supplier.keySet())) {
        List<Citation> r = recipient.get(p);
        if (r == null) {
          continue;
        }
        if (docsOf(r) > docsOf(supplier.get(p))) {
          supplier.remove(p);
        } else if (docsOf(r) < docsOf(supplier.get(p))) {
          recipient.remove(p);
        } else if (best(supplier).filter(p::equals).isPresent()) {
          recipient.remove(p); // as often either: the role it leads
        } else if (best(recipient).filter(p::equals).isPresent()) {
          supplier.remove(p);
        }
      }
    }

    Cell cell(Map<String, List<Citation>> role) {
      List<Entry> entries = new ArrayList<>();
      Set<String> attested = attested(role);
      role.entrySet().stream().filter(e -> attested.contains(e.getKey()))
          .sorted(Comparator.comparingLong((Map.Entry<String, List<Citation>> e) -> -docsOf(e.getValue())))
          .forEach(e -> entries.add(new Entry(e.getKey(), Optional.empty(), "", "",
              e.getValue().stream().map(Citation::quote).distinct().toList(), originOf(e.getValue()), oneEach(e.getValue()))));
      return named(entries);
    }
  }

  private static long docsOf(List<Citation> cites) {
    return cites.stream().map(Citation::document).distinct().count();
  }

  /** Where passages are known from: a record if any is in one. */
  private Origin originOf(List<Citation> cites) {
    Origin best = Origin.PRESS;
    for (Citation c : cites) {
      Origin o = documentOrigins.getOrDefault(c.document(), Origin.PRESS);
      if (o.ordinal() < best.ordinal()) {
        best = o;
      }
    }
    return best;
  }

  /**
   * Every mention of the story's organisations and places in a sentence: each spelling a name
   * claim of the story uses, found in the sentence's text (a name's fact keeps some of its
   * mentions; the sentence may hold another).
   */
  private List<Mention> mentions(Sentence s, Map<String, String> spellings) {
    String text = reading.text(s.document).orElse("");
    List<Mention> out = new ArrayList<>();
    if (text.isEmpty() || s.end > text.length()) {
      return out;
    }
    String sentence = text.substring(s.start, s.end);
    for (Map.Entry<String, String> e : spellings.entrySet()) {
      int from = 0;
      int at;
      while ((at = sentence.indexOf(e.getKey(), from)) >= 0) {
        int start = s.start + at;
        int end = start + e.getKey().length();
        from = at + e.getKey().length();
        boolean word = (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) || isHan(text.charAt(start)))
            && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) || isHan(text.charAt(end - 1)));
        if (word && out.stream().noneMatch(m -> m.start() < end && start < m.end())) {
          out.add(new Mention(start, end, e.getValue(), new Citation(s.document, start, end, e.getKey(), s.context)));
        }
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** The story's organisations and places, by every spelling its name claims use, longest first. */
  private Map<String, String> partySpellings(List<Held> held) {
    Map<String, String> spellings = new java.util.TreeMap<>(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (Held h : held) {
      if (h.claim().reading().entityType().filter(PARTY_TYPES::contains).isPresent()
          && !outlet(h.claim().value().normalized())) {
        String t = h.claim().value().text().strip();
        if (!t.isEmpty() && t.codePointCount(0, t.length()) >= (isHan(t.charAt(0)) ? 2 : 3)) {
          spellings.putIfAbsent(t, h.claim().value().normalized());
        }
      }
    }
    return spellings;
  }

  private Roles roles(List<Sentence> deal, Map<String, String> spellings) {
    Roles roles = new Roles();
    for (Sentence s : deal) {
      List<Mention> parties = mentions(s, spellings);
      if (parties.isEmpty()) {
        continue;
      }
      String text = reading.text(s.document).orElse("");
      Set<Integer> seen = new HashSet<>();
      for (Word w : s.words) {
        boolean giving = GIVING.contains(w.concept());
        boolean taking = TAKING.contains(w.concept());
        boolean receiverNoun = RECEIVER_NOUNS.contains(w.concept());
        if (!giving && !taking && !receiverNoun || !seen.add(w.start())) {
          continue;
        }
        Mention before = null;
        Mention beforeThat = null;
        Mention after = null;
        for (Mention p : parties) {
          if (p.end() <= w.start()) {
            beforeThat = before;
            before = p;
          } else if (p.start() >= w.end() && after == null) {
            after = p;
          }
        }
        if (before != null && beforeThat != null
            && COORDINATION.matcher(text.substring(beforeThat.end(), before.start())).matches()) {
          before = null; // "X and Y signed a contract for the supply": which of them supplies, the verb does not say
        }
        if (receiverNoun || roleNoun(text, w, s)) {
          // a role noun names the party right beside it: "the Supplier, X", "X, hereinafter the Buyer"
          Mention near = nearest(w, before, after);
          if (near != null) {
            roles.vote(receiverNoun || taking ? roles.recipient : roles.supplier, near);
          }
          continue;
        }
        // the verb's subject and object in its own clause: no clause break between
        if (before != null && !clauseBreak(text, before.end(), w.start())) {
          roles.vote(giving ? roles.supplier : roles.recipient, before);
        }
        if (after != null && !listBreak(text, w.end(), after.start())) {
          // "obtained by X": a passive's agent follows its verb
          String gap = text.substring(w.end(), after.start());
          boolean passive = gap.length() <= 40 && PASSIVE_AGENT.matcher(gap).find();
          roles.vote(giving != passive ? roles.recipient : roles.supplier, after);
        }
      }
    }
    roles.settle();
    return roles;
  }

  /** Between two parties that are one subject: "and", "и", "与", "et", "und", "y", "e". */
  private static final java.util.regex.Pattern COORDINATION =
      java.util.regex.Pattern.compile("(?iu)\\s*(?:and|и|et|und|y|e|&|与|與|和|及)\\s*");

  /** Between a passive verb and its agent: "by". */
  private static final java.util.regex.Pattern PASSIVE_AGENT = java.util.regex.Pattern.compile("(?iu)(?:^|\\s)by\\s|\\bpar\\s|\\bvon\\s|\\bpor\\s|\\bda\\s|被");

  /** True when a clause ends between two offsets (a comma, a semicolon, a colon, a bracket, a dash), or they are far apart. */
  private static boolean clauseBreak(String text, int from, int to) {
    if (text.isEmpty() || to - from > 80) {
      return true;
    }
    for (int i = Math.max(0, from); i < to && i < text.length(); i++) {
      char c = text.charAt(i);
      if (",;:()—–，；：。（）、".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** True when a clause ends between a verb and its object: a list of what is sold ("24 X, 8 Y and 8 Z to W") may stand between. */
  private static boolean listBreak(String text, int from, int to) {
    if (text.isEmpty() || to - from > 240) {
      return true;
    }
    for (int i = Math.max(0, from); i < to && i < text.length(); i++) {
      if (";:。；：".indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** A word used as a defined role ("the Supplier", «Поставщик»): capitalised inside its sentence, or quoted. */
  private static boolean roleNoun(String text, Word w, Sentence s) {
    if (text.isEmpty() || w.start() <= s.start) {
      return false;
    }
    char first = text.charAt(w.start());
    char prev = text.charAt(w.start() - 1);
    return Character.isUpperCase(first) || prev == '«' || prev == '"' || prev == '“';
  }

  /** The party closer to a word, by the characters between, when few. */
  private static Mention nearest(Word w, Mention before, Mention after) {
    int gapBefore = before == null ? Integer.MAX_VALUE : w.start() - before.end();
    int gapAfter = after == null ? Integer.MAX_VALUE : after.start() - w.end();
    Mention near = gapBefore <= gapAfter ? before : after;
    int gap = Math.min(gapBefore, gapAfter);
    return near != null && gap <= 40 ? near : null;
  }

  // ------------------------------------------------------------------ items and numbers

  /** The equipment the deal's sentences name: entity -> its name claims anywhere in the story. */
  private Map<String, List<Held>> items(List<Sentence> deal, List<Held> held) {
    Map<String, Long> docs = new HashMap<>();
    Set<String> inDeal = new LinkedHashSet<>();
    for (Sentence s : deal) {
      for (Held h : s.names(ITEM_TYPES)) {
        inDeal.add(h.claim().value().normalized());
      }
      for (Held h : s.claims) {
        if (count(h) && inDeal.stream().noneMatch(h.fact().subject()::equals) && itemNamed(h, held)) {
          inDeal.add(h.fact().subject());
        }
      }
    }
    Map<String, List<Held>> out = new LinkedHashMap<>();
    for (Held h : held) {
      if (h.named("equipment") && inDeal.contains(h.claim().value().normalized())) {
        out.computeIfAbsent(h.claim().value().normalized(), k -> new ArrayList<>()).add(h);
      }
    }
    out.forEach((k, v) -> {
      docs.put(k, v.stream().map(Held::document).distinct().count());
      spellings.put(k, spellings(claims(v)));
    });
    Map<String, List<Held>> sorted = new LinkedHashMap<>();
    out.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, List<Held>> e) -> -docs.get(e.getKey())))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** True when a count's subject is an item some name claim of the story names. */
  private static boolean itemNamed(Held count, List<Held> held) {
    return held.stream().anyMatch(h -> h.named("equipment") && h.claim().value().normalized().equals(count.fact().subject()));
  }

  private Cell designation(Map<String, List<Held>> items, List<Held> held) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, List<Held>> e : items.entrySet()) {
      List<StoredFindings.Claim> claims = e.getValue().stream().map(Held::claim).toList();
      entries.add(new Entry(e.getKey(), Optional.empty(), "", "", spellings(claims), Reading.origin(claims), cite(claims)));
    }
    return named(entries);
  }

  private static boolean count(Held h) {
    String k = h.claim().value().kind();
    return (k.equals("count") || k.equals("quantity")) && h.fact().property().equals("number");
  }

  /** Counts of the deal's items, or of things the military and transport vocabulary names. */
  private List<Held> counts(List<Sentence> deal, Set<String> items) {
    List<Held> out = new ArrayList<>();
    for (Sentence s : deal) {
      for (Held h : s.claims) {
        if (count(h) && (items.contains(h.fact().subject()) || itemNoun(h.fact().subject()))) {
          out.add(h);
        }
      }
    }
    return out;
  }

  private boolean itemNoun(String noun) {
    return reading.conceptsOf(noun).stream().anyMatch(c -> ITEM_FIELDS.contains(reading.field(c)));
  }

  /** What a count counts: its item, or the item its sentence names, or its noun. */
  private String label(Held h, Set<String> items) {
    if (items.contains(h.fact().subject())) {
      return h.fact().subject();
    }
    String quote = h.claim().quote();
    for (String item : items) {
      for (String spelling : spellings.getOrDefault(item, List.of(item))) {
        if (!spelling.isBlank() && quote.contains(spelling)) {
          return item;
        }
      }
    }
    return h.fact().subject();
  }

  /** Each item's spellings, as the documents write it. */
  private final Map<String, List<String>> spellings = new HashMap<>();

  /** The descriptions the counts give: the nouns they count, as written, when not an item's name. */
  private Cell description(List<Held> counts, Map<String, List<Held>> items) {
    List<Entry> described = new ArrayList<>();
    for (Map.Entry<String, List<Held>> item : items.entrySet()) {
      // a name of the item that is a description: words, no digit, not capitalised ("light amphibious assault vehicles")
      for (Held h : item.getValue()) {
        String t = h.claim().value().text().strip();
        if (t.contains(" ") && t.chars().noneMatch(Character::isDigit) && Character.isLowerCase(t.codePointAt(0))
            || t.contains(" ") && t.chars().noneMatch(Character::isDigit) && !t.equals(item.getKey()) && t.split(" ").length >= 3) {
          described.add(new Entry(t, Optional.empty(), items.size() > 1 ? item.getKey() : "", "", List.of(),
              Reading.origin(h.claim()), List.of(Citation.of(h.claim()))));
          break;
        }
      }
    }
    if (!described.isEmpty()) {
      return new Cell(described.size() == 1 ? "agree" : "several", caveats(described), described);
    }
    Map<String, List<StoredFindings.Claim>> nouns = new LinkedHashMap<>();
    for (Held h : counts) {
      String noun = h.fact().subject();
      if (!items.containsKey(noun)) {
        nouns.computeIfAbsent(noun, k -> new ArrayList<>()).add(h.claim());
      }
    }
    List<Entry> entries = new ArrayList<>();
    nouns.forEach((noun, claims) -> entries.add(new Entry(noun, Optional.empty(), "", "", List.of(),
        Reading.origin(claims), cite(claims))));
    return named(entries);
  }

  /** Figures grouped by what they count and by value; several values of one thing are a dispute. */
  private Cell measures(List<Held> all, Set<String> items, boolean money) {
    // what one thing is given: the fact most documents state (the link stage decided which
    // claims are about the same thing), and other facts that share one of its values
    Map<String, List<Held>> perLabel = new LinkedHashMap<>();
    for (Held h : all) {
      perLabel.computeIfAbsent(money ? "" : label(h, items), k -> new ArrayList<>()).add(h);
    }
    List<Held> held = new ArrayList<>();
    for (List<Held> l : perLabel.values()) {
      held.addAll(money ? l : principal(l));
    }
    Map<String, Map<String, List<Held>>> byLabel = new LinkedHashMap<>();
    for (Held h : held) {
      byLabel.computeIfAbsent(money ? "" : label(h, items), k -> new LinkedHashMap<>())
          .computeIfAbsent(key(h.claim().value()), k -> new ArrayList<>()).add(h);
    }
    List<Entry> entries = new ArrayList<>();
    List<StoredFindings.Fact> facts = new ArrayList<>();
    boolean differ = false;
    for (Map.Entry<String, Map<String, List<Held>>> l : byLabel.entrySet()) {
      differ |= l.getValue().size() > 1;
      for (List<Held> same : l.getValue().values()) {
        List<StoredFindings.Claim> claims = same.stream().map(Held::claim).toList();
        same.stream().map(Held::fact).filter(f -> !facts.contains(f)).forEach(facts::add);
        entries.add(new Entry(claims.get(0).value().normalized(), Optional.of(claims.get(0).value()),
            byLabel.size() > 1 ? l.getKey() : "", "", List.of(), Reading.origin(claims), cite(claims)));
      }
    }
    return judged(entries, facts, differ, byLabel.size() > 1);
  }

  /** The claims of the fact most documents state, and of other facts that share a value with it. */
  private static List<Held> principal(List<Held> l) {
    Map<StoredFindings.Fact, List<Held>> byFact = new LinkedHashMap<>();
    l.forEach(h -> byFact.computeIfAbsent(h.fact(), k -> new ArrayList<>()).add(h));
    List<Held> best = byFact.values().stream().max(Comparator.comparingLong((List<Held> x) -> docs(claims(x)))).orElseThrow();
    Set<String> values = new HashSet<>();
    best.forEach(h -> values.add(h.claim().value().normalized()));
    List<Held> out = new ArrayList<>();
    for (List<Held> x : byFact.values()) {
      if (x == best || x.stream().anyMatch(h -> values.contains(h.claim().value().normalized()))) {
        out.addAll(x);
      }
    }
    return out;
  }

  /** A value and its bound: "more than 300" and "300" are two values; a draft's mark is no bound (its origin says it). */
  private static String key(StoredFindings.Value v) {
    return v.qualifier().filter(q -> q.bound() != Qualifier.Bound.PRELIMINARY || !q.text().equals("in a draft"))
        .map(q -> q.bound().name() + " ").orElse("") + v.normalized();
  }

  // ------------------------------------------------------------------ dates

  /** Date claims the link stage read as dating an event of {@code kind}. */
  private static List<Held> dated(List<Sentence> sentences, String kind) {
    List<Held> out = new ArrayList<>();
    for (Sentence s : sentences) {
      for (Held h : s.claims) {
        if (h.claim().value().date() && h.claim().reading().events().contains(kind)) {
          out.add(h);
        }
      }
    }
    return out;
  }

  /** The year of the deal: the date fact of a deal most documents give, its years side by side. */
  private Cell yearOfOrder(List<Sentence> sentences) {
    List<Held> dates = dated(sentences, "deal").stream()
        .filter(h -> h.claim().value().qualifier().filter(q -> q.bound() == Qualifier.Bound.BY || q.bound() == Qualifier.Bound.FROM).isEmpty())
        .toList(); // a deadline is no date of order
    Map<StoredFindings.Fact, List<Held>> byFact = new LinkedHashMap<>();
    for (Held h : dates) {
      byFact.computeIfAbsent(h.fact(), k -> new ArrayList<>()).add(h);
    }
    Optional<List<Held>> best = byFact.values().stream().max(Comparator.comparingLong((List<Held> l) -> docs(claims(l)))
        .thenComparingLong(l -> l.stream().filter(h -> Reading.origin(h.claim()) == Origin.RECORD).count()));
    return best.map(this::years).orElse(Cell.EMPTY);
  }

  private Cell years(List<Held> dates) {
    Map<String, List<Held>> byYear = new java.util.TreeMap<>();
    for (Held h : dates) {
      byYear.computeIfAbsent(h.claim().value().normalized().substring(0, 4), k -> new ArrayList<>()).add(h);
    }
    List<Entry> entries = new ArrayList<>();
    List<StoredFindings.Fact> facts = new ArrayList<>();
    for (Map.Entry<String, List<Held>> e : byYear.entrySet()) {
      List<StoredFindings.Claim> claims = claims(e.getValue());
      e.getValue().stream().map(Held::fact).filter(f -> !facts.contains(f)).forEach(facts::add);
      boolean expected = e.getValue().stream().allMatch(h -> expected(h.claim()));
      entries.add(new Entry(e.getKey(), Optional.empty(), "", expected ? "expected" : "", List.of(),
          Reading.origin(claims), cite(claims)));
    }
    boolean oneEvent = facts.size() <= 1;
    return judged(entries, facts, oneEvent && entries.size() > 1, !oneEvent && entries.size() > 1);
  }

  /** A date still to come when its document was written: a deadline ("by", "no later than") or after the document's date. */
  private boolean expected(StoredFindings.Claim c) {
    if (c.value().qualifier().filter(q -> q.bound() == Qualifier.Bound.BY || q.bound() == Qualifier.Bound.FROM).isPresent()) {
      return true;
    }
    String own = documentDates.get(c.document());
    String d = c.value().normalized();
    return own != null && d.compareTo(own.substring(0, Math.min(own.length(), d.length()))) > 0;
  }

  /** Counts in sentences that date a delivery in the past of their document: things delivered. */
  private List<Held> delivered(List<Sentence> sentences) {
    List<Held> out = new ArrayList<>();
    for (Sentence s : sentences) {
      boolean past = s.claims.stream().anyMatch(h -> h.claim().value().date() && h.claim().reading().events().contains("delivery")
          && !h.claim().reading().events().contains("deal") && !expected(h.claim()));
      if (past) {
        s.claims.stream().filter(Transfers::count).forEach(out::add);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ money

  /**
   * The deal's price: the amount fact of a deal most documents give, the amounts of its size in
   * that fact, the same amounts where the link stage put them in other facts (a headline and its
   * body), and amounts of its size in facts about the deal itself ("the contract's sum"). An
   * amount of another size in a fact about something else (a past sale the text compares this
   * one with, a part of the package) and a rate ("per month", "annually") are not the price.
   */
  private Cell value(List<Sentence> deal) {
    List<Held> amounts = new ArrayList<>();
    for (Sentence s : deal) {
      for (Held h : s.claims) {
        Set<String> ev = h.claim().reading().events();
        boolean priced = ev.contains("deal") || !ev.contains("payment") && ev.stream().allMatch("delivery"::equals);
        if (h.claim().value().kind().equals("money") && priced && !rate(h, s)) {
          amounts.add(h);
        }
      }
    }
    Map<StoredFindings.Fact, List<Held>> byFact = new LinkedHashMap<>();
    amounts.forEach(h -> byFact.computeIfAbsent(h.fact(), k -> new ArrayList<>()).add(h));
    Optional<List<Held>> principal = byFact.values().stream().max(Comparator.comparingLong((List<Held> l) -> docs(claims(l)))
        .thenComparing(l -> largest(l).orElse(BigDecimal.ZERO)));
    if (principal.isEmpty()) {
      return Cell.EMPTY;
    }
    // the price as most of the principal fact's documents give it
    Map<String, List<Held>> byValue = new LinkedHashMap<>();
    principal.get().forEach(h -> byValue.computeIfAbsent(h.claim().value().normalized(), k -> new ArrayList<>()).add(h));
    StoredFindings.Value ref = byValue.values().stream().max(Comparator.comparingLong(l -> docs(claims(l))))
        .orElseThrow().get(0).claim().value();
    Set<String> prices = new HashSet<>();
    List<Held> kept = new ArrayList<>();
    for (Held h : principal.get()) {
      if (sameSize(ref, h.claim().value())) {
        kept.add(h);
        prices.add(key(h.claim().value()));
      }
    }
    for (Held h : amounts) {
      boolean ofTheDeal = dealNoun(h.fact().subject()) && sameSize(ref, h.claim().value());
      if (!kept.contains(h) && (prices.contains(key(h.claim().value())) || ofTheDeal)) {
        kept.add(h);
      }
    }
    return measures(kept, Set.of(), true);
  }

  /** Nouns that name a deal itself: a contract, a sale, an order. */
  static final Set<String> DEAL_NOUNS = Set.of("contract", "arms-deal", "arms-sale", "order");

  /** True when what a fact is about names the deal itself ("the contract's sum", «сумма сделки»). */
  private boolean dealNoun(String subject) {
    return reading.conceptsOf(subject).stream().anyMatch(DEAL_NOUNS::contains);
  }

  /** Time periods a rate is given per. */
  static final Set<String> PERIODS = Set.of("day", "week", "month", "year");

  /**
   * True when an amount is a rate: "per" and a period, or a word of yearly recurrence, right
   * after it in its clause or right before it ("$5 million per month", "an annual $40 million").
   */
  private boolean rate(Held h, Sentence s) {
    String text = reading.text(s.document).orElse("");
    int start = h.claim().start();
    int end = h.claim().end();
    Word per = null;
    for (Word w : s.words) {
      boolean after = w.start() >= end && w.start() - end <= 40 && !clauseBreak(text, end, w.start());
      boolean before = w.end() <= start && start - w.end() <= 12;
      if (!after && !before) {
        per = null;
        continue;
      }
      if (w.concept().equals("annual")) {
        return true;
      }
      if (PERIODS.contains(w.concept()) && per != null && w.start() - per.end() <= 3) {
        return true;
      }
      per = w.concept().equals("per") ? w : null;
    }
    return false;
  }

  private static Optional<BigDecimal> largest(List<Held> l) {
    return l.stream().map(h -> h.claim().value().number()).flatMap(Optional::stream).max(Comparator.naturalOrder());
  }

  /** True when two amounts are within {@link #SAME_SIZE} of each other, in a currency both state. */
  static boolean sameSize(StoredFindings.Value ref, StoredFindings.Value v) {
    Optional<String> currency = ref.currency();
    if (currency.isEmpty()) {
      return false;
    }
    Optional<BigDecimal> a = ref.amountIn(currency.get());
    Optional<BigDecimal> b = v.amountIn(currency.get());
    if (a.isEmpty() || b.isEmpty() || a.get().signum() <= 0 || b.get().signum() <= 0) {
      return false;
    }
    BigDecimal hi = a.get().max(b.get());
    BigDecimal lo = a.get().min(b.get());
    return hi.divide(lo, 6, RoundingMode.HALF_UP).compareTo(SAME_SIZE) <= 0;
  }

  /** Payments that exist only under a contract: an advance, a refund. */
  static final Set<String> CONTRACT_PAYMENTS = Set.of("advance-payment", "refund");

  /**
   * Payments of the deal (advances, stages, refunds), by what they pay: in a sentence that names
   * the transfer, or a payment only a contract makes. A payment in a sentence that names neither
   * (a court's award, a budget) is another matter's, even with one of the deal's parties in it.
   */
  private Cell payments(List<Sentence> sentences) {
    List<Entry> entries = new ArrayList<>();
    List<StoredFindings.Fact> facts = new ArrayList<>();
    boolean differ = false;
    Map<StoredFindings.Fact, Map<String, List<Held>>> byFact = new LinkedHashMap<>();
    for (Sentence s : sentences) {
      if (!dealSentence(s) && !s.has(CONTRACT_PAYMENTS)) {
        continue;
      }
      for (Held h : s.claims) {
        Set<String> ev = h.claim().reading().events();
        if (h.claim().value().kind().equals("money") && ev.contains("payment") && !ev.contains("deal")) {
          byFact.computeIfAbsent(h.fact(), k -> new LinkedHashMap<>())
              .computeIfAbsent(key(h.claim().value()), k -> new ArrayList<>()).add(h);
        }
      }
    }
    for (Map.Entry<StoredFindings.Fact, Map<String, List<Held>>> f : byFact.entrySet()) {
      facts.add(f.getKey());
      differ |= f.getValue().size() > 1;
      for (List<Held> same : f.getValue().values()) {
        List<StoredFindings.Claim> claims = claims(same);
        entries.add(new Entry(claims.get(0).value().normalized(), Optional.of(claims.get(0).value()),
            "payment: " + f.getKey().subject(), "", List.of(), Reading.origin(claims), cite(claims)));
      }
    }
    return judged(entries, facts, differ, byFact.size() > 1);
  }

  // ------------------------------------------------------------------ status

  private Cell status(List<Sentence> deal, List<Held> deliveries, List<Held> delivered) {
    Map<Stage, List<Citation>> found = new EnumMap<>(Stage.class);
    Map<Stage, List<Origin>> origins = new EnumMap<>(Stage.class);
    for (Sentence s : deal) {
      Origin o = s.claims.isEmpty() ? Origin.PRESS : Reading.origin(s.claims.get(0).claim());
      for (Word w : s.words) {
        for (Stage st : Stage.values()) {
          if (st.concepts.contains(w.concept())) {
            found.computeIfAbsent(st, k -> new ArrayList<>()).add(new Citation(s.document, w.start(), w.end(), w.quote(), s.context));
            origins.computeIfAbsent(st, k -> new ArrayList<>()).add(o);
          }
        }
      }
    }
    for (Held h : deliveries) {
      if (!expected(h.claim())) {
        found.computeIfAbsent(Stage.DELIVERED, k -> new ArrayList<>()).add(Citation.of(h.claim()));
        origins.computeIfAbsent(Stage.DELIVERED, k -> new ArrayList<>()).add(Reading.origin(h.claim()));
      }
    }
    for (Held h : delivered) {
      found.computeIfAbsent(Stage.DELIVERED, k -> new ArrayList<>()).add(Citation.of(h.claim()));
      origins.computeIfAbsent(Stage.DELIVERED, k -> new ArrayList<>()).add(Reading.origin(h.claim()));
    }
    if (found.isEmpty()) {
      return Cell.EMPTY;
    }
    Stage furthest = Stage.PLANNED;
    for (Stage st : found.keySet()) {
      if (st.ordinal() > furthest.ordinal()) {
        furthest = st;
      }
    }
    if (!found.containsKey(furthest)) {
      return Cell.EMPTY;
    }
    Origin origin = origins.get(furthest).stream().min(Comparator.naturalOrder()).orElse(Origin.PRESS);
    List<Citation> cites = oneEach(found.get(furthest));
    Entry e = new Entry(furthest.word, Optional.empty(), "", "", List.of(), origin, cites);
    return new Cell("agree", origin.caveat(), List.of(e));
  }

  // ------------------------------------------------------------------ cells

  /** A cell of names: one is agreed; several are several parties or items. */
  private static Cell named(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Cell.EMPTY;
    }
    return new Cell(entries.size() == 1 ? "agree" : "several", caveats(entries), entries);
  }

  /**
   * A cell of figures: its status from the facts its values come from (a conflict among them is
   * the cell's), their explanations, and what is known only from the press or a draft.
   *
   * @param differ true when one thing is given several values
   * @param several true when the cell holds values of several things
   */
  private static Cell judged(List<Entry> entries, List<StoredFindings.Fact> facts, boolean differ, boolean several) {
    if (entries.isEmpty()) {
      return Cell.EMPTY;
    }
    String status;
    if (differ) {
      boolean conflict = facts.stream().anyMatch(f -> f.status().equals("conflict"))
          || facts.stream().noneMatch(f -> f.status().equals("divergent"));
      status = conflict ? "conflict" : "divergent";
    } else {
      status = several ? "several" : "agree";
    }
    List<String> why = new ArrayList<>();
    if (differ) {
      facts.stream().filter(f -> !f.status().equals("agree") && !f.status().equals("single")).map(StoredFindings.Fact::explanation)
          .distinct().forEach(why::add);
      if (why.isEmpty()) {
        why.add("the sources give " + entries.size() + " values");
      }
    }
    String caveats = caveats(entries);
    if (!caveats.isEmpty()) {
      why.add(caveats);
    }
    return new Cell(status, String.join("; ", why), entries);
  }

  /** "USD 338.9 million: known only from a draft" for each value not from a record. */
  private static String caveats(List<Entry> entries) {
    if (entries.size() > 1 && entries.stream().allMatch(e -> e.origin() == entries.get(0).origin())
        && entries.get(0).origin() != Origin.RECORD) {
      return "every value " + entries.get(0).origin().caveat();
    }
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.origin() != Origin.RECORD) {
        out.add((e.label().isEmpty() ? "" : e.label() + " ") + e.text() + ": " + e.origin().caveat());
      }
    }
    return String.join("; ", out);
  }

  private static List<Citation> cite(List<StoredFindings.Claim> claims) {
    return oneEach(claims.stream().map(Citation::of).toList());
  }

  /** Citations, one per document first, at most six. */
  private static List<Citation> oneEach(List<Citation> all) {
    List<Citation> out = new ArrayList<>();
    Set<String> docs = new HashSet<>();
    for (Citation c : all) {
      if (docs.add(c.document())) {
        out.add(c);
      }
    }
    for (Citation c : all) {
      if (out.size() >= 6) {
        break;
      }
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out.subList(0, Math.min(out.size(), 6));
  }

  /** Every spelling the claims use for a name, as written. */
  private static List<String> spellings(List<StoredFindings.Claim> claims) {
    Set<String> out = new LinkedHashSet<>();
    claims.forEach(c -> out.add(c.value().text().strip()));
    return new ArrayList<>(out);
  }

  private static List<StoredFindings.Claim> claims(List<Held> held) {
    return held.stream().map(Held::claim).toList();
  }

  private static long docs(List<StoredFindings.Claim> claims) {
    return claims.stream().map(StoredFindings.Claim::document).distinct().count();
  }

  private static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
