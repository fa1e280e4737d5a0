package org.dossier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.dossier.bench.StoryWorld.Equipment;
import org.dossier.bench.StoryWorld.Firm;
import org.dossier.bench.StoryWorld.Institute;
import org.dossier.bench.StoryWorld.Outlet;
import org.dossier.bench.StoryWorld.Person;
import org.dossier.bench.StoryWorld.State;
import org.dossier.bench.StoryWorld.Unit;

/**
 * Writes a fictional press corpus for the link stage: plain UTF-8 articles (English, and about a
 * fifth Russian) grouped in stories, with the gold of what Dossier should find: which articles
 * tell the same story, which values in them state the same fact and whether they agree, and which
 * article copies, translates or rewrites which. Everything is invented (see {@link StoryWorld}).
 *
 * <p>A story is either an arms deal (state A's exporter sells equipment to state B) told by an
 * original report and its reposts, Russian translations and rewrites, or an unrelated event
 * (floods, an election, a factory fire) that shares a country, a date range and a number with an
 * arms story, to punish a grouping that merges on one shared feature. Rewrites change values in
 * the ways Dossier must tell apart: a different quantity or year (conflict), a qualified or
 * preliminary sum (divergent), a rounded count or a coarser date (agree), and a different event
 * (an initial agreement years earlier) that must stay a different fact.
 *
 * <p>The output depends only on the seed and the number of articles, and generation is linear in
 * the number of articles. Run alone: {@code ./bench link} generates and scores; the generator is
 * {@link #write(int, long, Path)}.
 */
public final class StoryGenerator {
  /** How a value is written. */
  enum Form { PLAIN, DAY, MONTH, YEAR, ABOUT, SOME, AT_LEAST, PRELIM }

  /** What a fact is about, which decides its wording and how rewrites change it. */
  enum Role { QTY, MONEY, AGREED, DELIVERY, INITIAL, PAGES, EXERCISES, TRAINEES, VILLAGES, PEOPLE,
    SEATS, TURNOUT, WORKERS, DAMAGE }

  enum Topic { ARMS, FLOODS, ELECTION, FIRE }

  /** A fact of a story; its claims are recorded as its articles are written. */
  static final class Fact {
    final String id;
    final Story story;
    final Role role;
    final String description;
    final Equipment equipment;
    final long number;
    final long alt;
    final LocalDate date;
    final LocalDate altDate;
    final List<StoryGold.Claim> claims = new ArrayList<>();

    Fact(String id, Story story, Role role, String description, Equipment equipment, long number,
        long alt, LocalDate date, LocalDate altDate) {
      this.id = id;
      this.story = story;
      this.role = role;
      this.description = description;
      this.equipment = equipment;
      this.number = number;
      this.alt = alt;
      this.date = date;
      this.altDate = altDate;
    }

    String kind() {
      return switch (role) {
        case QTY -> "quantity";
        case MONEY, DAMAGE -> "money";
        case AGREED, DELIVERY, INITIAL -> "date";
        case TURNOUT -> "percent";
        default -> "count";
      };
    }
  }

  /**
   * A value as one article states it: the number (a count, or money in tenths of a million), or
   * the date, its form, and its signature (equal signatures state the same thing: {@code v0} the
   * true value, {@code v1} a contradicting one, {@code q:...} a qualified or preliminary one).
   */
  record Val(Fact fact, long number, LocalDate date, Form form, String sig) {}

  /**
   * One sentence of an article: template, wording, values, the outlet it cites if any, and the date
   * of the article that first wrote it ("on Friday" stays the same in a copy).
   */
  record Sent(String key, int wording, List<Val> vals, Outlet cited, LocalDate when) {}

  /** One story and its invented cast. */
  static final class Story {
    final String id;
    final Topic topic;
    final State seller;
    final State buyer;
    final Firm firm;
    final Institute institute;
    final Unit unit;
    final String[] hackers;
    final Person analyst;
    final Person speaker;
    final List<Equipment> items = new ArrayList<>();
    final Map<Role, Fact> facts = new LinkedHashMap<>();
    final List<Fact> quantities = new ArrayList<>();
    final List<Fact> all = new ArrayList<>();
    final int quoteA;
    final int quoteB;
    final LocalDate day0;
    final String[] province;
    final String[] river;
    final String[] party;
    String sharesSurfaceWith;
    final List<Article> articles = new ArrayList<>();

    Story(String id, Topic topic, State seller, State buyer, Firm firm, Institute institute,
        Unit unit, String[] hackers, Person analyst, Person speaker, int quoteA, int quoteB,
        LocalDate day0, String[] province, String[] river, String[] party) {
      this.id = id;
      this.topic = topic;
      this.seller = seller;
      this.buyer = buyer;
      this.firm = firm;
      this.institute = institute;
      this.unit = unit;
      this.hackers = hackers;
      this.analyst = analyst;
      this.speaker = speaker;
      this.quoteA = quoteA;
      this.quoteB = quoteB;
      this.day0 = day0;
      this.province = province;
      this.river = river;
      this.party = party;
    }
  }

  /** How an article names where its text came from. */
  enum Credit { NONE, FIRST_PUBLISHED, ORIGINALLY_TOP, ORIGINALLY_BOTTOM, SLUG, TRANSLATED }

  /** How an article opens. */
  enum Header { BYLINE, DATELINE, NONE, COPIED }

  /** One article, written or not (a phantom original whose outlet is all the case knows of it). */
  static final class Article {
    final Story story;
    final String kind;
    final String language;
    final Outlet outlet;
    final Person author;
    final LocalDate date;
    final Article source;
    final boolean phantom;
    final int headline;
    final List<List<Sent>> body;
    Header header;
    Credit credit;
    final List<String[]> edits;
    final long order;
    int seq;
    String file;

    Article(Story story, String kind, String language, Outlet outlet, Person author, LocalDate date,
        Article source, boolean phantom, int headline, List<List<Sent>> body, Header header,
        Credit credit, List<String[]> edits, long order) {
      this.story = story;
      this.kind = kind;
      this.language = language;
      this.outlet = outlet;
      this.author = author;
      this.date = date;
      this.source = source;
      this.phantom = phantom;
      this.headline = headline;
      this.body = body;
      this.header = header;
      this.credit = credit;
      this.edits = edits;
      this.order = order;
    }

    boolean english() {
      return language.equals("en");
    }

    /** The values this article states, by fact, in order. */
    Map<Fact, Val> values() {
      Map<Fact, Val> out = new LinkedHashMap<>();
      for (List<Sent> p : body) {
        for (Sent s : p) {
          for (Val v : s.vals()) {
            out.putIfAbsent(v.fact(), v);
          }
        }
      }
      return out;
    }

    /** The name a link to this article uses: its file, or its outlet when it is not in the case. */
    String linkTarget() {
      return phantom ? outlet.name() : file;
    }
  }

  private static final int[] ARMS_SIZES = {3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10, 11, 12};
  private static final int[] OTHER_SIZES = {3, 3, 4, 4, 5, 6};

  private final Random rnd;
  private final Map<Outlet, List<Person>> staff = new LinkedHashMap<>();
  private final List<int[]> combos = new ArrayList<>();
  private int nextCombo;
  private int factCounter;
  private int articleCounter;

  private StoryGenerator(long seed) {
    this.rnd = new Random(seed);
    for (Outlet o : StoryWorld.OUTLETS) {
      List<Person> people = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        people.add(randomPerson());
      }
      staff.put(o, people);
    }
    // every (exporter, buyer, main equipment) once before any repeats, so stories differ
    for (int f = 0; f < StoryWorld.FIRMS.size(); f++) {
      for (int b = 0; b < StoryWorld.STATES.size(); b++) {
        if (StoryWorld.STATES.get(b).equals(StoryWorld.FIRMS.get(f).state())) {
          continue;
        }
        for (int e = 0; e < StoryWorld.EQUIPMENT.size(); e++) {
          combos.add(new int[] {f, b, e});
        }
      }
    }
    for (int i = combos.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int[] t = combos.get(i);
      combos.set(i, combos.get(j));
      combos.set(j, t);
    }
  }

  /**
   * Writes {@code articles} articles into {@code dir} (flat), and {@code gold.json} and {@code
   * gazetteer.tsv} beside it (in {@code dir/..}); returns the gold.
   */
  public static StoryGold write(int articles, long seed, Path dir) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    StoryGold gold = write(articles, seed, dir, parent.resolve("gold.json"));
    writeGazetteer(parent.resolve("gazetteer.tsv"));
    return gold;
  }

  /** Writes the articles into {@code dir} and the gold to {@code goldFile}; returns the gold. */
  public static StoryGold write(int articles, long seed, Path dir, Path goldFile) throws IOException {
    StoryGenerator g = new StoryGenerator(seed);
    List<Story> stories = g.stories(articles);
    List<Article> written = new ArrayList<>();
    for (Story s : stories) {
      for (Article a : s.articles) {
        if (!a.phantom) {
          written.add(a);
        }
      }
    }
    written.sort(Comparator.comparing((Article a) -> a.date).thenComparingLong(a -> a.order));
    for (int i = 0; i < written.size(); i++) {
      Article a = written.get(i);
      a.file = String.format(Locale.ROOT, "%s_%s_%05d.txt", a.date, a.outlet.slug(), i + 1);
    }
    distinct(written);
    Files.createDirectories(dir);
    List<StoryGold.Doc> docs = new ArrayList<>();
    for (Article a : written) {
      String text = render(a, true);
      Files.writeString(dir.resolve(a.file), text, StandardCharsets.UTF_8);
      List<StoryGold.Link> links = new ArrayList<>();
      if (a.source != null) {
        String relation = switch (a.kind) {
          case "repost" -> "copies";
          case "translation" -> "translates";
          case "rewrite" -> "rewrites";
          default -> "shares-source";
        };
        links.add(new StoryGold.Link(a.source.linkTarget(), relation));
      }
      docs.add(new StoryGold.Doc(a.file, a.story.id, a.kind, a.language, a.date.toString(),
          a.outlet.name(), links));
    }
    List<StoryGold.StoryRow> storyRows = new ArrayList<>();
    List<StoryGold.FactRow> factRows = new ArrayList<>();
    for (Story s : stories) {
      List<String> files = s.articles.stream().filter(a -> !a.phantom).map(a -> a.file).sorted().toList();
      if (files.isEmpty()) {
        continue;
      }
      storyRows.add(new StoryGold.StoryRow(s.id, s.topic.name().toLowerCase(Locale.ROOT), files,
          s.sharesSurfaceWith));
      for (Fact f : s.all) {
        if (f.claims.isEmpty()) {
          continue;
        }
        List<StoryGold.Claim> claims = new ArrayList<>(f.claims);
        claims.sort(Comparator.comparing(StoryGold.Claim::document));
        factRows.add(new StoryGold.FactRow(f.id, s.id, f.description, f.kind(),
            f.role.name().toLowerCase(Locale.ROOT), status(claims), claims));
      }
    }
    StoryGold gold = new StoryGold(seed, storyRows, factRows, docs);
    gold.write(goldFile);
    return gold;
  }

  /**
   * Makes every text differ from every other: the case keeps byte-identical files as one
   * document, so a verbatim repost with no credit (or two alike translations) would vanish from
   * Dossier's output. An article whose text is already taken gets its own dateline, then a credit.
   * Sources are settled before what copies them (reposts last, each after its source).
   */
  private static void distinct(List<Article> written) {
    List<Article> order = new ArrayList<>(written);
    order.sort(Comparator.comparing((Article a) -> a.kind.equals("repost")).thenComparingInt(a -> a.seq));
    Set<String> seen = new HashSet<>();
    for (Article a : order) {
      if (seen.add(render(a, false))) {
        continue;
      }
      a.header = Header.DATELINE;
      if (seen.add(render(a, false))) {
        continue;
      }
      a.credit = a.kind.equals("translation") ? Credit.TRANSLATED : Credit.FIRST_PUBLISHED;
      if (a.source == null || !seen.add(render(a, false))) {
        throw new IllegalStateException("cannot make " + a.file + " differ from another article");
      }
    }
  }

  /** agree, conflict, divergent or single, from the claims' signatures. */
  static String status(List<StoryGold.Claim> claims) {
    if (claims.size() < 2) {
      return "single";
    }
    Set<String> plain = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (StoryGold.Claim c : claims) {
      all.add(c.variant());
      if (c.variant().startsWith("v")) {
        plain.add(c.variant());
      }
    }
    return plain.size() >= 2 ? "conflict" : all.size() >= 2 ? "divergent" : "agree";
  }

  /** The case's own gazetteer of the invented equipment, firms, think tanks, states and outlets. */
  static void writeGazetteer(Path file) throws IOException {
    StringBuilder out = new StringBuilder(
        "# Invented names of the link benchmark (StoryGenerator): type, name, aliases by |.\n");
    for (Equipment e : StoryWorld.EQUIPMENT) {
      out.append("equipment\t").append(e.en()).append('\t').append(e.ru()).append('\n');
    }
    for (Firm f : StoryWorld.FIRMS) {
      out.append("organization\t").append(f.en()).append('\t').append(f.ru()).append('\n');
    }
    for (Institute i : StoryWorld.INSTITUTES) {
      out.append("organization\t").append(i.en()).append('\t').append(i.enShort()).append('|')
          .append(i.ru()).append('\n');
    }
    for (State s : StoryWorld.STATES) {
      out.append("place\tRepublic of ").append(s.en()).append('\t').append(s.en()).append('|')
          .append("Республика ").append(s.ru()).append('|').append(s.ru()).append('\n');
    }
    // outlets without their abbreviations: an alias of two or three letters would match words
    for (Outlet o : StoryWorld.OUTLETS) {
      out.append("organization\t").append(o.name()).append("\t\n");
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------ stories

  private List<Story> stories(int articles) {
    List<Story> out = new ArrayList<>();
    int total = 0;
    while (total < articles) {
      Story arms = arms(out.size());
      out.add(arms);
      total += fill(arms, ARMS_SIZES[rnd.nextInt(ARMS_SIZES.length)]);
      if (total < articles && rnd.nextInt(100) < 35) {
        Story other = unrelated(out.size(), arms);
        out.add(other);
        total += fill(other, OTHER_SIZES[rnd.nextInt(OTHER_SIZES.length)]);
      }
    }
    // trim the last articles written (nothing earlier depends on them)
    for (int i = out.size() - 1; total > articles; i--) {
      List<Article> list = out.get(i).articles;
      while (total > articles && !list.isEmpty()) {
        Article last = list.remove(list.size() - 1);
        if (!last.phantom) {
          total--;
        }
      }
    }
    return out;
  }

  private Story arms(int index) {
    int[] c = combos.get(nextCombo++ % combos.size());
    Firm firm = StoryWorld.FIRMS.get(c[0]);
    State buyer = StoryWorld.STATES.get(c[1]);
    LocalDate day0 = LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(365 * 7));
    Story s = new Story(storyId(index), Topic.ARMS, firm.state(), buyer, firm,
        pick(StoryWorld.INSTITUTES), pick(StoryWorld.UNITS), StoryWorld.HACKERS[rnd.nextInt(StoryWorld.HACKERS.length)],
        randomPerson(), randomPerson(), rnd.nextInt(QUOTE_A_EN.length), rnd.nextInt(QUOTE_B_EN.length),
        day0, null, null, null);
    s.items.add(StoryWorld.EQUIPMENT.get(c[2]));
    int extra = rnd.nextInt(3);
    while (s.items.size() < 1 + extra) {
      Equipment e = pick(StoryWorld.EQUIPMENT);
      if (!s.items.contains(e)) {
        s.items.add(e);
      }
    }
    String deal = firm.state().en() + " to " + buyer.en() + " (" + s.id + ")";
    for (Equipment e : s.items) {
      long n = quantity();
      long alt = rnd.nextBoolean() ? altOf(n) : n - 2 == 1 || (n - 2) % 10 == 1 ? n - 4 : n - 2;
      fact(s, Role.QTY, "quantity of " + e.en() + ", " + deal, e, n, alt, null, null);
    }
    long money = 400 + rnd.nextInt(9100);
    if (money % 10 == 0) {
      money += 1 + rnd.nextInt(9);
    }
    long moneyAlt = money * (70 + rnd.nextInt(20)) / 100;
    fact(s, Role.MONEY, "value of the contract, " + deal, null, money, moneyAlt, null, null);
    LocalDate agreed = day0.minusDays(150 + rnd.nextInt(600));
    fact(s, Role.AGREED, "date the contract was agreed, " + deal, null, 0, 0, agreed,
        LocalDate.of(agreed.getYear() - 1, 1, 1));
    LocalDate delivery = agreed.withDayOfMonth(1).plusMonths(6 + rnd.nextInt(9));
    fact(s, Role.DELIVERY, "month of the first delivery, " + deal, null, 0, 0, delivery,
        delivery.plusMonths(3));
    if (rnd.nextBoolean()) {
      LocalDate initial = agreed.withDayOfMonth(1).minusMonths(18 + rnd.nextInt(30));
      fact(s, Role.INITIAL, "date of the initial agreement, " + deal, null, 0, 0, initial, null);
    }
    int count = rnd.nextInt(4);
    if (count < 2) {
      long pages = 100 + 50L * rnd.nextInt(23);
      fact(s, Role.PAGES, "size of the leaked cache in pages, " + deal, null, pages, 0, null, null);
    } else if (count == 2) {
      long ex = 6 + rnd.nextInt(19);
      if (ex % 10 == 1) {
        ex++;
      }
      fact(s, Role.EXERCISES, "joint exercises held, " + deal, null, ex, altOf(ex), null, null);
    } else {
      long t = 100 + 10L * rnd.nextInt(80);
      fact(s, Role.TRAINEES, "soldiers to be trained, " + deal, null, t, t + 50, null, null);
    }
    return s;
  }

  private Story unrelated(int index, Story arms) {
    Topic topic = new Topic[] {Topic.FLOODS, Topic.ELECTION, Topic.FIRE}[rnd.nextInt(3)];
    State where = rnd.nextBoolean() ? arms.seller : arms.buyer;
    LocalDate day0 = arms.day0.plusDays(rnd.nextInt(12) - 4);
    Story s = new Story(storyId(index), topic, where, where, null, null, null, null, null,
        randomPerson(), rnd.nextInt(4), rnd.nextInt(4), day0,
        StoryWorld.PROVINCES[rnd.nextInt(StoryWorld.PROVINCES.length)],
        StoryWorld.RIVERS[rnd.nextInt(StoryWorld.RIVERS.length)],
        StoryWorld.PARTIES[rnd.nextInt(StoryWorld.PARTIES.length)]);
    s.sharesSurfaceWith = arms.id;
    long shared = arms.quantities.get(0).number;
    String what = topic.name().toLowerCase(Locale.ROOT) + " in " + where.en() + " (" + s.id + ")";
    switch (topic) {
      case FLOODS -> {
        fact(s, Role.VILLAGES, "villages cut off, " + what, null, shared, altOf(shared), null, null);
        long people = 1000 + 100L * rnd.nextInt(60);
        fact(s, Role.PEOPLE, "people moved to shelters, " + what, null, people, 0, null, null);
      }
      case ELECTION -> {
        fact(s, Role.SEATS, "seats won by the governing party, " + what, null, shared, altOf(shared), null, null);
        long turnout = 450 + rnd.nextInt(350);
        if (turnout % 10 == 0) {
          turnout++;
        }
        fact(s, Role.TURNOUT, "turnout, " + what, null, turnout, 0, null, null);
      }
      default -> {
        fact(s, Role.WORKERS, "workers injured, " + what, null, shared, altOf(shared), null, null);
        long damage = rnd.nextBoolean() ? arms.facts.get(Role.MONEY).number : 100 + rnd.nextInt(3000);
        fact(s, Role.DAMAGE, "damage caused by the fire, " + what, null, damage, 0, null, null);
      }
    }
    return s;
  }

  /** A quantity of materiel: 4 to 60, never ending in 1 (so Russian nouns stay plural). */
  private long quantity() {
    long n = 4 + rnd.nextInt(57);
    return n % 10 == 1 ? n + 1 : n;
  }

  private Fact fact(Story s, Role role, String description, Equipment e, long number, long alt,
      LocalDate date, LocalDate altDate) {
    Fact f = new Fact(String.format(Locale.ROOT, "f%06d", ++factCounter), s, role, description, e,
        number, alt, date, altDate);
    if (role == Role.QTY) {
      s.quantities.add(f);
    } else {
      s.facts.put(role, f);
    }
    s.all.add(f);
    return f;
  }

  /** A contradicting count: two more, skipping numbers that end in 1. */
  private static long altOf(long n) {
    return (n + 2) % 10 == 1 ? n + 4 : n + 2;
  }

  private static String storyId(int index) {
    return String.format(Locale.ROOT, "s%05d", index + 1);
  }

  // ----------------------------------------------------------------------------------- articles

  /** Adds articles to the story until {@code size} are written; returns how many were. */
  private int fill(Story s, int size) {
    Set<Outlet> used = new HashSet<>();
    boolean phantom = s.topic == Topic.ARMS && rnd.nextInt(100) < 10;
    Article first = original(s, pickOutlet(false, used), s.day0, null, phantom);
    first.seq = ++articleCounter;
    s.articles.add(first);
    int written = phantom ? 0 : 1;
    boolean independent = false;
    int needed = s.topic == Topic.ARMS ? 3 : 2;
    while (written < size) {
      int r = rnd.nextInt(100);
      Article a = null;
      if (r >= 30 && r < 48) {
        Article src = pickWhere(s, x -> x.english() && !x.kind.equals("repost"));
        a = src == null ? null : translation(s, src, used);
      } else if (r >= 48 && (r < 93 || independent || phantom)) {
        Article src = rnd.nextInt(100) < 60 && first.english() && first.values().size() >= needed ? first
            : pickWhere(s, x -> x.english() && x.values().size() >= needed);
        a = src == null ? null : rewrite(s, src, used);
      } else if (r >= 93) {
        independent = true;
        a = independent(s, first, used);
      }
      if (a == null) {
        a = repost(s, pick(s.articles), used);
      }
      a.seq = ++articleCounter;
      s.articles.add(a);
      written++;
    }
    return written;
  }

  /** A second report from the same source (the think tank's analysis), in its own words. */
  private Article independent(Story s, Article first, Set<Outlet> used) {
    Article a = original(s, pickOutlet(false, used), later(first.date), first, false);
    Map<String, Integer> theirs = new LinkedHashMap<>();
    first.body.forEach(p -> p.forEach(x -> theirs.put(x.key(), x.wording())));
    List<List<Sent>> body = new ArrayList<>();
    for (List<Sent> p : a.body) {
      List<Sent> q = new ArrayList<>();
      for (Sent x : p) {
        q.add(new Sent(x.key(), 1 - theirs.getOrDefault(x.key(), 0), x.vals(), null, x.when()));
      }
      body.add(q);
    }
    return new Article(s, a.kind, a.language, a.outlet, a.author, a.date, first, false,
        1 - first.headline, body, a.header, Credit.NONE, List.of(), a.order);
  }

  private Article pickWhere(Story s, Predicate<Article> p) {
    List<Article> c = s.articles.stream().filter(p).toList();
    return c.isEmpty() ? null : c.get(rnd.nextInt(c.size()));
  }

  private Article original(Story s, Outlet outlet, LocalDate date, Article sharedWith, boolean phantom) {
    List<List<Sent>> body = new ArrayList<>();
    int w = rnd.nextInt(2);
    switch (s.topic) {
      case ARMS -> {
        body.add(List.of(sent(date, "O_LEDE", rnd.nextInt(2), List.of())));
        Fact pages = s.facts.get(Role.PAGES);
        body.add(List.of(sent(date, "O_CACHE", w, pages == null ? List.of()
            : List.of(val(pages, rnd.nextInt(100) < 70 ? Form.ABOUT : Form.PLAIN)))));
        Fact ex = s.facts.get(Role.EXERCISES);
        if (ex != null) {
          body.add(List.of(sent(date, "O_EXERCISES", w, List.of(val(ex, Form.PLAIN)))));
        }
        Fact tr = s.facts.get(Role.TRAINEES);
        if (tr != null) {
          body.add(List.of(sent(date, "O_TRAINEES", w, List.of(val(tr, rnd.nextBoolean() ? Form.ABOUT : Form.PLAIN)))));
        }
        List<Val> deal = new ArrayList<>();
        deal.add(val(s.facts.get(Role.AGREED), rnd.nextInt(100) < 40 ? Form.DAY : Form.MONTH));
        s.quantities.forEach(q -> deal.add(val(q, Form.PLAIN)));
        Fact money = s.facts.get(Role.MONEY);
        body.add(List.of(sent(date, "O_DEAL", rnd.nextInt(2), deal),
            sent(date, "O_VALUE", rnd.nextInt(2), List.of(rnd.nextInt(100) < 70 ? val(money, Form.PLAIN)
                : atLeast(money)))));
        body.add(List.of(sent(date, "O_QUOTE", rnd.nextInt(2), List.of())));
        List<Sent> last = new ArrayList<>();
        if (rnd.nextInt(100) < 80) {
          last.add(sent(date, "O_DELIVERY", rnd.nextInt(2), List.of(val(s.facts.get(Role.DELIVERY), Form.MONTH))));
        }
        Fact initial = s.facts.get(Role.INITIAL);
        if (initial != null && rnd.nextInt(100) < 75) {
          last.add(sent(date, "O_INITIAL", rnd.nextInt(2), List.of(val(initial, Form.MONTH))));
        }
        if (!last.isEmpty()) {
          body.add(last);
        }
        body.add(List.of(sent(date, "O_CLOSE", rnd.nextInt(2), List.of())));
      }
      case FLOODS -> {
        body.add(List.of(sent(date, "F_ONE", w, List.of(val(s.facts.get(Role.VILLAGES), Form.PLAIN)))));
        body.add(List.of(sent(date, "F_TWO", w, List.of(val(s.facts.get(Role.PEOPLE), Form.ABOUT)))));
        body.add(List.of(sent(date, "F_QUOTE", w, List.of())));
        body.add(List.of(sent(date, "F_END", w, List.of())));
      }
      case ELECTION -> {
        body.add(List.of(sent(date, "E_ONE", w, List.of(val(s.facts.get(Role.SEATS), Form.PLAIN)))));
        body.add(List.of(sent(date, "E_TWO", w, List.of(val(s.facts.get(Role.TURNOUT), Form.PLAIN)))));
        body.add(List.of(sent(date, "E_QUOTE", w, List.of())));
        body.add(List.of(sent(date, "E_END", w, List.of())));
      }
      default -> {
        body.add(List.of(sent(date, "X_ONE", w, List.of(val(s.facts.get(Role.WORKERS), Form.PLAIN)))));
        body.add(List.of(sent(date, "X_TWO", w, List.of(val(s.facts.get(Role.DAMAGE), Form.PLAIN)))));
        body.add(List.of(sent(date, "X_QUOTE", w, List.of())));
        body.add(List.of(sent(date, "X_END", w, List.of())));
      }
    }
    boolean russian = s.topic != Topic.ARMS && sharedWith == null && rnd.nextInt(100) < 25;
    Outlet o = russian ? pickOutlet(true, new HashSet<>()) : outlet;
    return new Article(s, "original", russian ? "ru" : "en", o, pick(staff.get(o)), date, sharedWith,
        phantom, rnd.nextInt(2), body, rnd.nextBoolean() ? Header.BYLINE : Header.DATELINE,
        Credit.NONE, List.of(), rnd.nextLong());
  }

  private Article repost(Story s, Article src, Set<Outlet> used) {
    boolean russian = !src.english();
    Outlet o = pickOutlet(russian, used);
    List<List<Sent>> body = src.body;
    if (body.size() > 3 && rnd.nextInt(100) < 40) {
      body = body.subList(0, 3 + rnd.nextInt(body.size() - 3));
    }
    Credit credit;
    int r = rnd.nextInt(100);
    if (r < 12 && !src.phantom) {
      credit = Credit.NONE;
    } else if (r < 40) {
      credit = Credit.FIRST_PUBLISHED;
    } else if (r < 60) {
      credit = Credit.ORIGINALLY_TOP;
    } else if (r < 75) {
      credit = Credit.ORIGINALLY_BOTTOM;
    } else {
      // a slug names the outlet by its abbreviation only: kept for sources the case holds
      credit = src.phantom ? Credit.FIRST_PUBLISHED : Credit.SLUG;
    }
    int h = rnd.nextInt(3);
    Header header = src.header != Header.COPIED && h == 0 ? Header.COPIED
        : h == 1 ? Header.DATELINE : Header.NONE;
    List<String[]> edits = new ArrayList<>(src.edits);
    if (rnd.nextBoolean()) {
      String[][] pool = russian ? EDITS_RU : EDITS_EN;
      edits.add(pool[rnd.nextInt(pool.length)]);
      edits.add(pool[rnd.nextInt(pool.length)]);
    }
    int headline = rnd.nextInt(100) < 70 ? src.headline : (src.headline + 1) % 2;
    return new Article(s, "repost", src.language, o, src.author, later(src.date), src, false,
        headline, body, header, credit, edits, rnd.nextLong());
  }

  private Article translation(Story s, Article src, Set<Outlet> used) {
    Outlet o = pickOutlet(true, used);
    Person author = rnd.nextInt(100) < 30 ? src.author : pick(staff.get(o));
    Credit credit = src.phantom || rnd.nextInt(100) < 60 ? Credit.TRANSLATED : Credit.NONE;
    // the translator picks its own Russian wordings, where a template has two
    List<List<Sent>> body = new ArrayList<>();
    int w = rnd.nextInt(2);
    for (List<Sent> p : src.body) {
      List<Sent> q = new ArrayList<>();
      for (Sent x : p) {
        q.add(new Sent(x.key(), x.wording() + 2 * w, x.vals(), x.cited(), x.when()));
      }
      body.add(q);
    }
    return new Article(s, "translation", "ru", o, author, later(src.date), src, false, src.headline,
        body, rnd.nextBoolean() ? Header.BYLINE : Header.NONE, credit, List.of(), rnd.nextLong());
  }

  private Article rewrite(Story s, Article src, Set<Outlet> used) {
    Outlet o = pickOutlet(false, used);
    Outlet cited = src.outlet;
    LocalDate date = later(src.date);
    Map<Fact, Val> have = src.values();
    // new wording: where the source is itself a rewrite, each sentence in its other wording
    Map<String, Integer> theirs = new HashMap<>();
    src.body.forEach(q -> q.forEach(x -> theirs.put(x.key(), x.wording() % 2)));
    ToIntFunction<String> wording =
        key -> theirs.containsKey(key) ? 1 - theirs.get(key) : rnd.nextInt(2);
    List<List<Sent>> body = new ArrayList<>();
    String p = s.topic == Topic.ARMS ? "R_" : s.topic == Topic.FLOODS ? "RF_"
        : s.topic == Topic.ELECTION ? "RE_" : "RX_";
    body.add(List.of(new Sent(p + "LEDE", wording.applyAsInt(p + "LEDE"), List.of(), cited, date)));
    if (s.topic == Topic.ARMS) {
      List<Val> deal = new ArrayList<>();
      Val agreed = have.get(s.facts.get(Role.AGREED));
      if (agreed != null) {
        deal.add(vary(agreed));
      }
      for (Fact q : s.quantities) {
        Val v = have.get(q);
        if (v != null) {
          deal.add(vary(v));
        }
      }
      if (!deal.isEmpty()) {
        body.add(List.of(new Sent("R_DEAL", wording.applyAsInt("R_DEAL"), deal, cited, date)));
      }
      List<String> optional = new ArrayList<>(List.of("R_VALUE", "R_QUOTE", "R_COUNT", "R_DELIVERY", "R_INITIAL"));
      for (String key : optional) {
        if (rnd.nextInt(100) >= 65) {
          continue;
        }
        List<Val> vals = new ArrayList<>();
        Role role = switch (key) {
          case "R_VALUE" -> Role.MONEY;
          case "R_DELIVERY" -> Role.DELIVERY;
          case "R_INITIAL" -> Role.INITIAL;
          case "R_COUNT" -> s.facts.containsKey(Role.PAGES) ? Role.PAGES
              : s.facts.containsKey(Role.EXERCISES) ? Role.EXERCISES : Role.TRAINEES;
          default -> null;
        };
        if (role != null) {
          Val v = have.get(s.facts.get(role));
          if (v == null) {
            continue;
          }
          vals.add(vary(v));
        }
        body.add(List.of(new Sent(key, wording.applyAsInt(key), vals, cited, date)));
      }
      if (rnd.nextBoolean()) {
        body.add(List.of(new Sent("R_CLOSE", wording.applyAsInt("R_CLOSE"), List.of(), cited, date)));
      }
    } else {
      for (Val v : have.values()) {
        boolean first = v.fact().role == Role.VILLAGES || v.fact().role == Role.SEATS
            || v.fact().role == Role.WORKERS;
        body.add(List.of(new Sent(p + (first ? "ONE" : "TWO"), wording.applyAsInt(p + (first ? "ONE" : "TWO")), List.of(vary(v)), cited, date)));
      }
      if (rnd.nextBoolean()) {
        body.add(List.of(new Sent(p + "QUOTE", 0, List.of(), cited, date)));
      }
    }
    return new Article(s, "rewrite", "en", o, pick(staff.get(o)), date, src, false,
        2, body, rnd.nextBoolean() ? Header.BYLINE : Header.DATELINE, Credit.NONE, List.of(),
        rnd.nextLong());
  }

  /** How a rewrite restates a value it took from its source. */
  private Val vary(Val v) {
    Fact f = v.fact();
    int r = rnd.nextInt(100);
    boolean plain = v.sig().equals("v0");
    return switch (f.role) {
      case QTY, VILLAGES, SEATS, WORKERS, EXERCISES -> plain && r < 20 ? conflicting(f) : v;
      case TRAINEES -> plain && r < 12 ? conflicting(f) : plain && r < 40 ? val(f, Form.ABOUT) : v;
      case MONEY -> !plain ? v
          : r < 20 ? atLeast(f) : r < 40 ? preliminary(f) : r < 45 ? conflicting(f) : v;
      case DAMAGE -> plain && r < 20 ? atLeast(f) : v;
      case AGREED -> !plain ? v : r < 15 ? conflicting(f)
          : r < 45 ? val(f, v.form() == Form.DAY ? (r < 30 ? Form.MONTH : Form.YEAR) : Form.YEAR) : v;
      case DELIVERY -> plain && r < 12 ? conflicting(f) : v;
      case INITIAL -> r < 30 ? val(f, Form.YEAR) : v;
      case PAGES, PEOPLE -> r < 40 ? val(f, v.form() == Form.PLAIN ? (r < 20 ? Form.ABOUT : Form.SOME) : Form.PLAIN) : v;
      default -> v;
    };
  }

  private static Val val(Fact f, Form form) {
    return new Val(f, f.number, f.date, form, "v0");
  }

  private static Val conflicting(Fact f) {
    if (f.kind().equals("date")) {
      return new Val(f, 0, f.altDate, f.role == Role.AGREED ? Form.YEAR : Form.MONTH, "v1");
    }
    return new Val(f, f.alt, null, Form.PLAIN, "v1");
  }

  /** "more than $300 million": the true sum rounded down to a round figure. */
  private static Val atLeast(Fact f) {
    long millions = f.number / 10;
    long step = millions >= 200 ? 50 : 10;
    long low = millions / step * step;
    if (low * 10 == f.number) {
      low -= step;
    }
    return new Val(f, low * 10, null, Form.AT_LEAST, "q:atleast:" + low);
  }

  /** "$338.9 million before it was finalized": a higher draft figure. */
  private static Val preliminary(Fact f) {
    long n = f.number * 108 / 100 + 3;
    return new Val(f, n, null, Form.PRELIM, "q:prelim:" + n);
  }

  private static Sent sent(LocalDate when, String key, int wording, List<Val> vals) {
    return new Sent(key, wording, vals, null, when);
  }

  private LocalDate later(LocalDate d) {
    return d.plusDays(rnd.nextInt(4));
  }

  private Outlet pickOutlet(boolean russian, Set<Outlet> used) {
    List<Outlet> pool = russian ? StoryWorld.russian() : StoryWorld.english();
    List<Outlet> free = pool.stream().filter(o -> !used.contains(o)).toList();
    Outlet o = free.isEmpty() ? pool.get(rnd.nextInt(pool.size())) : free.get(rnd.nextInt(free.size()));
    used.add(o);
    return o;
  }

  private Person randomPerson() {
    return StoryWorld.person(rnd.nextInt(StoryWorld.FIRST.length), rnd.nextInt(StoryWorld.LAST.length));
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  // ---------------------------------------------------------------------------------- rendering

  /** Text with the values in it marked. */
  static final class Buf {
    final StringBuilder sb = new StringBuilder(2048);
    final List<Mark> marks = new ArrayList<>();

    Buf t(String s) {
      sb.append(s);
      return this;
    }

    Buf v(Val v, String s) {
      marks.add(new Mark(v, s, sb.length()));
      sb.append(s);
      return this;
    }
  }

  /** A value written at {@code start}. */
  record Mark(Val val, String text, int start) {}

  /** A paragraph as written, with its marks relative to its start. */
  record Para(String text, List<Mark> marks) {
    /** Replaces the first {@code from} outside any value; unchanged if there is none. */
    Para edit(String from, String to) {
      int at = text.indexOf(from);
      if (at < 0) {
        return this;
      }
      for (Mark m : marks) {
        if (m.start() < at + from.length() && at < m.start() + m.text().length()) {
          return this;
        }
      }
      List<Mark> moved = new ArrayList<>();
      for (Mark m : marks) {
        moved.add(m.start() >= at + from.length()
            ? new Mark(m.val(), m.text(), m.start() + to.length() - from.length()) : m);
      }
      return new Para(text.substring(0, at) + to + text.substring(at + from.length()), moved);
    }
  }

  /** Renders an article; records its claims in its facts when {@code record}. */
  static String render(Article a, boolean record) {
    boolean ru = !a.english();
    Story s = a.story;
    List<Para> paras = new ArrayList<>();
    for (List<Sent> p : a.body) {
      Buf b = new Buf();
      for (int i = 0; i < p.size(); i++) {
        if (i > 0) {
          b.t(" ");
        }
        if (ru) {
          StoryRussian.sentence(b, p.get(i), s, a);
        } else {
          StoryEnglish.sentence(b, p.get(i), s, a);
        }
      }
      paras.add(new Para(b.sb.toString(), b.marks));
    }
    for (String[] e : a.edits) {
      for (int i = 0; i < paras.size(); i++) {
        Para q = paras.get(i).edit(e[0], e[1]);
        if (q != paras.get(i)) {
          paras.set(i, q);
          break;
        }
      }
    }
    StringBuilder out = new StringBuilder(4096);
    List<Mark> marks = new ArrayList<>();
    out.append(ru ? StoryRussian.headline(s, a.headline) : StoryEnglish.headline(s, a.headline)).append("\n\n");
    String credit = credit(a);
    if (a.credit == Credit.ORIGINALLY_TOP) {
      out.append(credit).append("\n\n");
    }
    String dateline = "";
    Article byl = a.header == Header.COPIED ? a.source : a;
    Header header = a.header == Header.COPIED ? a.source.header : a.header;
    if (header == Header.BYLINE) {
      out.append(ru ? StoryRussian.byline(byl) : StoryEnglish.byline(byl)).append("\n\n");
    } else if (header == Header.DATELINE) {
      dateline = ru ? StoryRussian.dateline(byl) : StoryEnglish.dateline(byl);
    }
    for (int i = 0; i < paras.size(); i++) {
      if (i > 0) {
        out.append("\n\n");
      }
      if (i == 0) {
        out.append(dateline);
      }
      int base = out.length();
      out.append(paras.get(i).text());
      for (Mark m : paras.get(i).marks()) {
        marks.add(new Mark(m.val(), m.text(), base + m.start()));
      }
    }
    if (a.credit != Credit.ORIGINALLY_TOP && a.credit != Credit.NONE) {
      out.append("\n\n").append(credit);
    }
    out.append('\n');
    String text = out.toString();
    if (record) {
      for (Mark m : marks) {
        if (!text.startsWith(m.text(), m.start())) {
          throw new IllegalStateException("mark moved in " + a.file + ": " + m.text());
        }
        m.val().fact().claims.add(new StoryGold.Claim(a.file, m.text(), m.start(),
            m.start() + m.text().length(), m.val().sig()));
      }
    }
    return text;
  }

  private static String credit(Article a) {
    if (a.credit == Credit.NONE || a.source == null) {
      return "";
    }
    Outlet src = a.source.outlet;
    boolean ru = !a.english();
    return switch (a.credit) {
      case FIRST_PUBLISHED -> ru ? "Материал впервые опубликован изданием " + src.ru() + "."
          : "This article was first published by " + src.theEn() + ".";
      case ORIGINALLY_TOP, ORIGINALLY_BOTTOM -> ru ? "Источник: " + src.ru() + "."
          : "Originally published by " + src.theEn() + ".";
      case SLUG -> "/" + src.abbr();
      case TRANSLATED -> "Перевод материала " + src.ru() + ".";
      default -> "";
    };
  }

  // ------------------------------------------------------------------------ words for the edits

  private static final String[][] EDITS_EN = {
    {"did not respond to a request for comment", "did not reply to a request for comment"},
    {"the institute said", "the institute says"},
    {"According to the documents", "According to the leaked documents"},
    {"has agreed to", "agreed to"},
    {"does not comment on leaks", "would not comment on leaks"},
    {"the service said", "the service reported"},
    {"the commission said", "the commission reported"},
    {"local officials said", "officials said"},
    {"an independent think tank", "a think tank"}};

  private static final String[][] EDITS_RU = {
    {"не ответила на запрос о комментарии", "не ответила на запрос"},
    {"сообщил институт", "сообщили в институте"},
    {"Согласно документам", "Согласно утёкшим документам"},
    {"сообщили в службе", "сообщает служба"},
    {"сообщили в комиссии", "сообщает комиссия"},
    {"сообщили местные власти", "сообщили власти"}};

  // ------------------------------------------------------------------------------------ quotes

  static final String[] QUOTE_A_EN = {
    "This is the first time we have seen %1$s sell this kind of equipment abroad together with the training to use it.",
    "Nobody in the region expected a deal of this size.",
    "The documents show a relationship that is much closer than either government admits.",
    "%1$s has been looking for a customer like %2$s for years.",
    "It tells us that %2$s is preparing for a very different kind of war.",
    "What matters is not the hardware but the people who will maintain it.",
    "This changes the balance on the northern border overnight.",
    "The paperwork is more revealing than the weapons themselves."};
  static final String[] QUOTE_A_RU = {
    "Впервые мы видим, что Республика %1$s продаёт такую технику за рубеж вместе с обучением её применению.",
    "Никто в регионе не ожидал сделки такого масштаба.",
    "Документы показывают гораздо более тесные отношения, чем признаёт любое из правительств.",
    "Республика %1$s годами искала такого покупателя, как Республика %2$s.",
    "Это говорит о том, что Республика %2$s готовится к совсем другой войне.",
    "Важна не сама техника, а люди, которые будут её обслуживать.",
    "Это за одну ночь меняет баланс сил на северной границе.",
    "Бумаги говорят больше, чем само оружие."};
  static final String[] QUOTE_B_EN = {
    "The training package matters more than the vehicles.",
    "We expect more contracts to follow.",
    "Neither side has explained who approved it.",
    "The timing is hardly an accident.",
    "Parliament was never told.",
    "It will take years to absorb all of it."};
  static final String[] QUOTE_B_RU = {
    "Учебная программа важнее самих машин.",
    "Мы ожидаем новых контрактов.",
    "Ни одна из сторон не объяснила, кто это одобрил.",
    "Время выбрано не случайно.",
    "Парламенту об этом так и не сообщили.",
    "На освоение всего этого уйдут годы."};

  static final String[] FLOOD_QUOTE_EN = {
    "The water is still rising in the valley of the %s river.",
    "We are reaching the villages by boat, and it is slow work.",
    "People should stay away from the banks of the %s river.",
    "The next two days will decide how bad this gets."};
  static final String[] FLOOD_QUOTE_RU = {
    "Вода в долине реки %s всё ещё поднимается.",
    "Мы добираемся до деревень на лодках, это медленная работа.",
    "Людям следует держаться подальше от берегов реки %s.",
    "Следующие два дня покажут, насколько всё серьёзно."};
  static final String[] VOTE_QUOTE_EN = {
    "Voters have sent us a clear message, and we will listen.",
    "This is a mandate for reform.",
    "We will govern for everyone, not only for those who voted for us.",
    "The count was fair, and we accept it."};
  static final String[] VOTE_QUOTE_RU = {
    "Избиратели ясно дали нам понять, чего хотят, и мы их услышим.",
    "Это мандат на реформы.",
    "Мы будем управлять страной для всех, а не только для тех, кто голосовал за нас.",
    "Подсчёт был честным, и мы его принимаем."};
  static final String[] FIRE_QUOTE_EN = {
    "The fire spread through the assembly hall in minutes.",
    "We will rebuild, and no one will lose their job.",
    "Our first concern is for the injured and their families.",
    "We do not yet know what caused it."};
  static final String[] FIRE_QUOTE_RU = {
    "Огонь за считаные минуты охватил сборочный цех.",
    "Мы всё восстановим, и никто не потеряет работу.",
    "Прежде всего мы думаем о пострадавших и их семьях.",
    "Мы пока не знаем, что стало причиной."};

  // ------------------------------------------------------------------------------ date helpers

  static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};
  static final String[] MONTHS_AP = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
    "Sept.", "Oct.", "Nov.", "Dec."};
  static final String[] MONTHS_RU_GEN = {"января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря"};
  static final String[] MONTHS_RU_PREP = {"январе", "феврале", "марте", "апреле", "мае", "июне",
    "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"};
  static final String[] WEEKDAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday"};
  static final String[] WEEKDAYS_RU = {"в понедельник", "во вторник", "в среду", "в четверг",
    "в пятницу", "в субботу", "в воскресенье"};

}
