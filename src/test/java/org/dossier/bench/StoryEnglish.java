package org.dossier.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dossier.bench.StoryGenerator.Article;
import org.dossier.bench.StoryGenerator.Buf;
import org.dossier.bench.StoryGenerator.Form;
import org.dossier.bench.StoryGenerator.Role;
import org.dossier.bench.StoryGenerator.Sent;
import org.dossier.bench.StoryGenerator.Story;
import org.dossier.bench.StoryGenerator.Val;
import org.dossier.bench.StoryWorld.Equipment;

/** The English wording of {@link StoryGenerator}'s sentences, headlines and bylines. */
final class StoryEnglish {
  private StoryEnglish() {}

  static String headline(Story s, int h) {
    String S = s.seller.en();
    String B = s.buyer.en();
    return switch (s.topic) {
      case ARMS -> {
        Equipment e = s.items.get(0);
        yield switch (h) {
          case 0 -> "Leaked contracts show " + S + " arming " + B + "'s " + s.unit.enShort();
          case 1 -> S + " to supply " + B + "'s " + s.unit.enShort() + " with " + e.en() + " " + e.nounEn() + ", leak suggests";
          default -> "Report: " + S + " sold " + e.en() + " " + e.nounEn() + " to " + B;
        };
      }
      case FLOODS -> switch (h) {
        case 0 -> "Floods cut off villages in " + S + "'s " + s.province[0] + " province";
        case 1 -> "Heavy rain isolates villages in " + S;
        default -> S + " floods leave villages cut off, thousands moved";
      };
      case ELECTION -> switch (h) {
        case 0 -> "Governing " + s.party[0] + " party holds on in " + B + " election";
        case 1 -> B + " votes: " + s.party[0] + " party claims victory";
        default -> s.party[0] + " party wins most seats in " + B + ", report says";
      };
      default -> switch (h) {
        case 0 -> "Fire at plant in " + S + "'s " + s.province[0] + " province injures workers";
        case 1 -> "Workers hurt in " + S + " factory blaze";
        default -> "Blaze at " + S + " plant causes heavy damage, report says";
      };
    };
  }

  static String byline(Article a) {
    return "By " + a.author.en() + ", " + a.outlet.name() + ", " + day(a.date);
  }

  static String dateline(Article a) {
    return StoryGenerator.MONTHS_AP[a.date.getMonthValue() - 1] + " " + a.date.getDayOfMonth()
        + " (" + a.outlet.name() + ") -- ";
  }

  static void sentence(Buf b, Sent x, Story s, Article a) {
    String S = s.seller.en();
    String B = s.buyer.en();
    int w = x.wording() % 2;
    String C = x.cited() == null ? "" : x.cited().theEn();
    String weekday = StoryGenerator.WEEKDAYS_EN[x.when().getDayOfWeek().getValue() - 1];
    Val v0 = x.vals().isEmpty() ? null : x.vals().get(0);
    switch (x.key()) {
      // ---------------------------------------------------------------- arms: the original
      case "O_LEDE" -> {
        if (w == 0) {
          b.t(S + " has agreed to equip and train " + B + "'s " + s.unit.en()
              + ", according to an analysis of leaked contracts published on " + weekday + " by the "
              + s.institute.en() + ", an independent think tank.");
        } else {
          Equipment e = s.items.get(0);
          b.t(S + " will supply " + B + "'s " + s.unit.en() + " with " + e.en() + " " + e.descEn()
              + " and train their crews, according to leaked documents analysed by the "
              + s.institute.en() + ".");
        }
      }
      case "O_CACHE" -> {
        if (w == 0) {
          b.t("The cache");
          if (v0 != null) {
            b.t(" of ").v(v0, value(v0));
          }
          b.t(", obtained by the hacktivist group " + s.hackers[0] + ", includes contracts, an equipment"
              + " schedule, letters and minutes of meetings between the state exporter " + s.firm.en()
              + " and " + B + "'s " + s.unit.en() + ".");
        } else {
          b.t("The leaked files");
          if (v0 != null) {
            b.t(", ").v(v0, value(v0)).t(" in all,");
          }
          b.t(" were released by the hacking group " + s.hackers[0] + " and include contracts, letters"
              + " and minutes of meetings with " + s.firm.en() + ".");
        }
      }
      case "O_EXERCISES" -> {
        if (w == 0) {
          b.t("The two armies have held ").v(v0, value(v0)).t(" over the past three years, the institute said.");
        } else {
          b.t(S + " and " + B + " have held ").v(v0, value(v0)).t(" over the past three years, according to the "
              + s.institute.enShort() + ".");
        }
      }
      case "O_TRAINEES" -> {
        if (w == 0) {
          b.t("The package includes training for ").v(v0, value(v0)).t(" at a centre in " + S + ".");
        } else {
          b.t(S + " will also train ").v(v0, value(v0)).t(", the documents show.");
        }
      }
      case "O_DEAL" -> {
        Val agreed = get(x, Role.AGREED);
        List<Val> items = quantities(x);
        if (w == 0) {
          b.t("According to the documents, the two sides agreed ");
          if (agreed != null) {
            b.v(agreed, value(agreed)).t(" ");
          }
          b.t("on the delivery of ");
          items(b, items, true);
          b.t(".");
        } else {
          b.t("The contract");
          if (agreed != null) {
            b.t(", agreed ").v(agreed, value(agreed)).t(",");
          }
          b.t(" covers ");
          items(b, items, true);
          b.t(".");
        }
      }
      case "O_VALUE" -> {
        if (w == 0) {
          b.t("The total value of the contract is ").v(v0, value(v0)).t(", the institute said.");
        } else {
          b.t("The deal is worth ").v(v0, value(v0)).t(", according to the " + s.institute.enShort() + ".");
        }
      }
      case "O_QUOTE" -> {
        String q = String.format(Locale.ROOT, StoryGenerator.QUOTE_A_EN[s.quoteA], S, B) + " " + StoryGenerator.QUOTE_B_EN[s.quoteB];
        if (w == 0) {
          b.t(quoted(q) + " said Dr " + s.analyst.en() + ", a senior fellow at the " + s.institute.enShort()
              + " who co-wrote the analysis.");
        } else {
          b.t(quoted(q) + " " + s.analyst.en() + ", an analyst at the " + s.institute.enShort() + ", said.");
        }
      }
      case "O_DELIVERY" -> {
        if (w == 0) {
          b.t(s.analyst.lastEn() + " said the first " + s.items.get(0).nounEn() + " were due to arrive ")
              .v(v0, value(v0)).t(".");
        } else {
          b.t("The first deliveries are expected ").v(v0, value(v0)).t(", the documents show.");
        }
      }
      case "O_INITIAL" -> {
        if (w == 0) {
          b.t("The deal builds on an initial agreement signed ").v(v0, value(v0)).t(".");
        } else {
          b.t("The two governments first signed an initial agreement ").v(v0, value(v0)).t(".");
        }
      }
      case "O_CLOSE" -> b.t(w == 0 ? s.firm.en() + " did not respond to a request for comment."
          : S + "'s foreign ministry said it does not comment on leaks.");
      // ---------------------------------------------------------------- arms: a rewrite
      case "R_LEDE" -> {
        Equipment e = s.items.get(0);
        b.t(w == 0 ? S + " will supply " + B + "'s " + s.unit.enShort() + " with " + e.en() + " "
            + e.nounEn() + " and train them to use them, " + C + " reported, citing leaked documents."
            : "Leaked documents suggest that " + S + " is arming " + B + "'s " + s.unit.enShort()
                + ", according to a report by " + C + ".");
      }
      case "R_DEAL" -> {
        Val agreed = get(x, Role.AGREED);
        List<Val> items = quantities(x);
        if (w == 0) {
          b.t("The leaked files show " + S + " agreeing ");
          if (agreed != null) {
            b.v(agreed, value(agreed)).t(" ");
          }
          b.t("to sell ");
          if (items.isEmpty()) {
            b.t("weapons");
          } else {
            items(b, items, false);
          }
          b.t(" to " + B + ".");
        } else {
          b.t("Under the deal");
          if (agreed != null) {
            b.t(", agreed ").v(agreed, value(agreed));
          }
          b.t(", " + B + " is to receive ");
          if (items.isEmpty()) {
            b.t("weapons and training");
          } else {
            items(b, items, false);
          }
          b.t(".");
        }
      }
      case "R_VALUE" -> {
        if (w == 0) {
          b.t("The main contract was worth ").v(v0, value(v0)).t(", " + C + " reported.");
        } else {
          b.t(cap(C) + " put the value of the deal at ").v(v0, value(v0)).t(".");
        }
      }
      case "R_QUOTE" -> {
        String qa = String.format(Locale.ROOT, StoryGenerator.QUOTE_A_EN[s.quoteA], S, B);
        if (w == 0) {
          b.t(quoted(qa + " " + StoryGenerator.QUOTE_B_EN[s.quoteB]) + " " + s.analyst.en() + " of the "
              + s.institute.en() + " told " + C + ".");
        } else {
          b.t(quoted(qa) + " " + s.analyst.en() + " told " + C + ".");
        }
      }
      case "R_COUNT" -> {
        switch (v0.fact().role) {
          case PAGES -> {
            if (w == 0) {
              b.t("The leaked cache runs to ").v(v0, value(v0)).t(".");
            } else {
              b.t("In all, the files run to ").v(v0, value(v0)).t(", " + C + " said.");
            }
          }
          case EXERCISES -> {
            if (w == 0) {
              b.t("The two militaries have held ").v(v0, value(v0)).t(" in recent years.");
            } else {
              b.t(cap(C) + " counted ").v(v0, value(v0)).t(" in recent years.");
            }
          }
          default -> {
            if (w == 0) {
              b.t("Training for ").v(v0, value(v0)).t(" is part of the package.");
            } else {
              b.t(B + " will send ").v(v0, value(v0)).t(" for training, " + C + " said.");
            }
          }
        }
      }
      case "R_DELIVERY" -> {
        if (w == 0) {
          b.t("Deliveries are due to begin ").v(v0, value(v0)).t(".");
        } else {
          b.t("The first " + s.items.get(0).nounEn() + " should arrive ").v(v0, value(v0)).t(", " + C + " said.");
        }
      }
      case "R_INITIAL" -> {
        if (w == 0) {
          b.t("An initial agreement was signed ").v(v0, value(v0)).t(".");
        } else {
          b.t("The two sides signed an initial agreement ").v(v0, value(v0)).t(", " + C + " said.");
        }
      }
      case "R_CLOSE" -> b.t(w == 0 ? S + "'s foreign ministry said last week that it does not comment on leaks."
          : S + "'s foreign ministry declined to comment.");
      // ---------------------------------------------------------------- floods
      case "F_ONE" -> {
        if (w == 0) {
          b.t("Floods after a week of heavy rain have cut off ").v(v0, value(v0)).t(" in " + S + "'s "
              + s.province[0] + " province, the regional emergency service said on " + weekday + ".");
        } else {
          b.t("Heavy rain has cut off ").v(v0, value(v0)).t(" in the " + s.province[0] + " province of "
              + S + ", the emergency service said on " + weekday + ".");
        }
      }
      case "F_TWO" -> {
        if (w == 0) {
          b.v(v0, cap(value(v0))).t(" have been moved to temporary shelters, and the main road to the"
              + " provincial capital is closed, the service said.");
        } else {
          b.t("The service said ").v(v0, value(v0)).t(" had been moved to temporary shelters.");
        }
      }
      case "F_QUOTE" -> {
        String q = floodQuote(s);
        b.t(w == 0 ? quoted(q) + " said " + s.speaker.en() + ", a spokesperson for the emergency service."
            : quoted(q) + " " + s.speaker.en() + ", a spokesperson for the service, told reporters.");
      }
      case "F_END" -> b.t(w == 0 ? "Army engineers were sent to build a temporary bridge."
          : "Forecasters expect the rain to ease later in the week.");
      case "RF_LEDE" -> b.t(w == 0 ? "Floods have hit " + S + "'s " + s.province[0] + " province, " + C + " reported."
          : "Heavy rain has flooded much of " + s.province[0] + " province in " + S + ", according to " + C + ".");
      case "RF_ONE" -> {
        if (w == 0) {
          b.t("Flooding has cut off ").v(v0, value(v0)).t(", " + C + " said.");
        } else {
          b.v(v0, cap(value(v0))).t(" remain cut off, according to " + C + ".");
        }
      }
      case "RF_TWO" -> {
        if (w == 0) {
          b.v(v0, cap(value(v0))).t(" were evacuated.");
        } else {
          b.t("Officials said ").v(v0, value(v0)).t(" had been moved to shelters.");
        }
      }
      case "RF_QUOTE" -> b.t(quoted(floodQuote(s)) + " " + s.speaker.en() + " told " + C + ".");
      // ---------------------------------------------------------------- election
      case "E_ONE" -> {
        if (w == 0) {
          b.t("The governing " + s.party[0] + " party won ").v(v0, value(v0)).t(" in " + B
              + "'s parliamentary election on " + weekday + ", the central electoral commission said.");
        } else {
          b.t(B + "'s governing " + s.party[0] + " party took ").v(v0, value(v0))
              .t(" in the parliamentary election, the electoral commission said on " + weekday + ".");
        }
      }
      case "E_TWO" -> {
        if (w == 0) {
          b.t("Turnout was ").v(v0, value(v0)).t(", the commission said.");
        } else {
          b.t("The commission put turnout at ").v(v0, value(v0)).t(".");
        }
      }
      case "E_QUOTE" -> {
        String q = StoryGenerator.VOTE_QUOTE_EN[s.quoteA];
        b.t(w == 0 ? quoted(q) + " said " + s.speaker.en() + ", the leader of the " + s.party[0] + " party."
            : quoted(q) + " " + s.speaker.en() + ", the party's leader, told supporters.");
      }
      case "E_END" -> b.t(w == 0 ? "Final results are expected next week." : "Observers said the vote was orderly.");
      case "RE_LEDE" -> b.t(w == 0 ? B + "'s governing party has held on to power, " + C + " reported."
          : "The " + s.party[0] + " party claimed victory in " + B + "'s election, according to " + C + ".");
      case "RE_ONE" -> {
        if (w == 0) {
          b.t("The party won ").v(v0, value(v0)).t(", " + C + " said.");
        } else {
          b.t("It took ").v(v0, value(v0)).t(", according to " + C + ".");
        }
      }
      case "RE_TWO" -> {
        if (w == 0) {
          b.t("Turnout was put at ").v(v0, value(v0)).t(".");
        } else {
          b.v(v0, value(v0)).t(" of voters took part, " + C + " said.");
        }
      }
      case "RE_QUOTE" -> b.t(quoted(StoryGenerator.VOTE_QUOTE_EN[s.quoteA]) + " " + s.speaker.en() + " told " + C + ".");
      // ---------------------------------------------------------------- fire
      case "X_ONE" -> {
        if (w == 0) {
          b.t("A fire at a machine-building plant in " + S + "'s " + s.province[0] + " province injured ")
              .v(v0, value(v0)).t(" on " + weekday + ", local officials said.");
        } else {
          b.v(v0, cap(value(v0))).t(" were injured on " + weekday + " when fire swept through a plant in the "
              + s.province[0] + " province of " + S + ", local officials said.");
        }
      }
      case "X_TWO" -> {
        if (w == 0) {
          b.t("The damage was estimated at ").v(v0, value(v0)).t(", the regional governor's office said.");
        } else {
          b.t("The governor's office put the damage at ").v(v0, value(v0)).t(".");
        }
      }
      case "X_QUOTE" -> {
        String q = StoryGenerator.FIRE_QUOTE_EN[s.quoteA];
        b.t(w == 0 ? quoted(q) + " said " + s.speaker.en() + ", the director of the plant."
            : quoted(q) + " the plant's director, " + s.speaker.en() + ", told reporters.");
      }
      case "X_END" -> b.t(w == 0 ? "The cause of the fire is under investigation." : "Production at the plant has stopped.");
      case "RX_LEDE" -> b.t(w == 0 ? "A fire has badly damaged a plant in " + S + ", " + C + " reported."
          : "Fire swept through a machine-building plant in " + S + "'s " + s.province[0] + " province, according to " + C + ".");
      case "RX_ONE" -> {
        if (w == 0) {
          b.v(v0, cap(value(v0))).t(" were hurt, " + C + " said.");
        } else {
          b.t("The blaze injured ").v(v0, value(v0)).t(", according to " + C + ".");
        }
      }
      case "RX_TWO" -> {
        if (w == 0) {
          b.t("Damage is put at ").v(v0, value(v0)).t(".");
        } else {
          b.t("The damage could reach ").v(v0, value(v0)).t(", officials said.");
        }
      }
      case "RX_QUOTE" -> b.t(quoted(StoryGenerator.FIRE_QUOTE_EN[s.quoteA]) + " " + s.speaker.en() + " told " + C + ".");
      default -> throw new IllegalArgumentException(x.key());
    }
  }

  /** A quote before its attribution: the closing full stop becomes a comma. */
  static String quoted(String q) {
    return "\"" + (q.endsWith(".") ? q.substring(0, q.length() - 1) + "," : q) + "\"";
  }

  private static String floodQuote(Story s) {
    return String.format(Locale.ROOT, StoryGenerator.FLOOD_QUOTE_EN[s.quoteA], s.river[0]);
  }

  /** "24 Kestrel-9M light amphibious vehicles, 8 Taiga-SP ... and 8 ...", or the short nouns. */
  private static void items(Buf b, List<Val> items, boolean described) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        b.t(i == items.size() - 1 ? " and " : ", ");
      }
      Val v = items.get(i);
      Equipment e = v.fact().equipment;
      b.v(v, value(v)).t(" " + e.en() + " " + (described ? e.descEn() : e.nounEn()));
    }
  }

  static Val get(Sent x, Role role) {
    for (Val v : x.vals()) {
      if (v.fact().role == role) {
        return v;
      }
    }
    return null;
  }

  static List<Val> quantities(Sent x) {
    List<Val> out = new ArrayList<>();
    for (Val v : x.vals()) {
      if (v.fact().role == Role.QTY) {
        out.add(v);
      }
    }
    return out;
  }

  /** The value as written: "24", "$312.4 million", "in October 2024", "about 600 pages". */
  static String value(Val v) {
    return switch (v.fact().role) {
      case QTY -> Long.toString(v.number());
      case MONEY, DAMAGE -> switch (v.form()) {
        case AT_LEAST -> "more than $" + v.number() / 10 + " million";
        case PRELIM -> "$" + millions(v.number()) + " million before it was finalized";
        default -> "$" + millions(v.number()) + " million";
      };
      case AGREED, DELIVERY, INITIAL -> date(v.date(), v.form());
      case TURNOUT -> millions(v.number()) + " percent";
      default -> {
        String n = String.format(Locale.ROOT, "%,d", v.number()) + " " + noun(v.fact().role);
        yield v.form() == Form.ABOUT ? "about " + n : v.form() == Form.SOME ? "some " + n : n;
      }
    };
  }

  private static String noun(Role role) {
    return switch (role) {
      case PAGES -> "pages";
      case EXERCISES -> "joint exercises";
      case TRAINEES -> "soldiers";
      case VILLAGES -> "villages";
      case PEOPLE -> "people";
      case SEATS -> "seats";
      default -> "workers";
    };
  }

  /** Tenths as a decimal: 3124 → "312.4", 3120 → "312". */
  static String millions(long tenths) {
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
  }

  static String date(LocalDate d, Form form) {
    return switch (form) {
      case DAY -> "on " + day(d);
      case YEAR -> "in " + d.getYear();
      default -> "in " + StoryGenerator.MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear();
    };
  }

  static String day(LocalDate d) {
    return d.getDayOfMonth() + " " + StoryGenerator.MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear();
  }

  static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
