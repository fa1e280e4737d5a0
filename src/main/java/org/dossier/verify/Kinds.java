package org.dossier.verify;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The stable vocabulary of signal kinds, each with its severity and the usual innocent
 * explanation: what a false positive of that kind looks like.
 */
public final class Kinds {
  /** How much a signal weighs. */
  public enum Severity {
    INFO, NOTICE, WARNING;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A kind: its code, severity and innocent explanation. */
  public record Kind(String code, Severity severity, String innocent) {}

  private static final Map<String, Kind> ALL = new LinkedHashMap<>();

  private static void k(String code, Severity s, String innocent) {
    ALL.put(code, new Kind(code, s, innocent));
  }

  static {
    k("check_failed", Severity.NOTICE,
        "A damaged or unusually large file can defeat a forensic reader without anything being hidden in it; the"
            + " other checks of the document stand.");
    k("pdf_incremental_update", Severity.NOTICE,
        "Signing, filling a form, adding a comment or saving from some viewers appends an update without changing the content.");
    k("pdf_revision_changed_text", Severity.WARNING,
        "An author corrected a typo or a figure after a first save; an update is not a forgery by itself.");
    k("pdf_id_mismatch", Severity.INFO,
        "The second ID changes whenever a file is saved again, so any re-save (even an unchanged one) leaves them different.");
    k("pdf_trailing_bytes", Severity.NOTICE,
        "Some writers pad files or append a newline or a signature block after the last %%EOF.");
    k("pdf_active_content", Severity.WARNING,
        "Forms and portfolios use JavaScript and embedded files legitimately (calculations, attachments).");
    k("pdf_fonts", Severity.INFO,
        "Fonts only say which software and system made the file; a font newer than the document is worth a look.");
    k("info_xmp_mismatch", Severity.NOTICE,
        "A tool updated one metadata store and not the other, which many editors do.");
    k("created_after_modified", Severity.WARNING,
        "Copying a file between systems or a wrong clock can set creation after modification.");
    k("modified_after_ingest", Severity.WARNING,
        "A clock set wrong on the machine that wrote the file, or a time zone read as local time.");
    k("producer_anachronism", Severity.WARNING,
        "The document was re-saved or converted later with newer software and kept its original dates.");
    k("date_after_file_modified", Severity.NOTICE,
        "Plans, deadlines and schedules name dates after the file was written; a template's dates can too.");
    k("weekday_mismatch", Severity.WARNING,
        "A typing slip in the weekday or the day; translated dates can shift a day across time zones.");
    k("office_properties", Severity.INFO,
        "Revision counts and edit times grow with autosave and collaboration; authors are often a company's default account.");
    k("xmp_history", Severity.INFO,
        "Design and scanning software record their steps; a history shows a workflow, not tampering.");
    k("tracked_changes", Severity.NOTICE,
        "Drafts under review keep tracked changes; they show editing, not tampering.");
    k("comments", Severity.INFO, "Reviewers' comments are usual in drafts.");
    k("hidden_text", Severity.NOTICE, "Templates and forms hide instructions or placeholders.");
    k("hidden_sheet", Severity.NOTICE, "Workbooks hide lookup tables and intermediate calculations.");
    k("draft_marking", Severity.INFO, "Drafts are part of any real negotiation; a cache mixing drafts and finals is normal.");
    k("table_arithmetic", Severity.WARNING,
        "Rounding, prices stated without tax, or a line left out of the printed total on purpose.");
    k("cross_document_mismatch", Severity.NOTICE,
        "A draft and a final, or two stages of a negotiation, give different figures for the same item.");
    k("numbering_out_of_order", Severity.NOTICE,
        "Numbers reserved in advance, back-dated letters registered late, or separate number series.");
    k("inn_checksum_invalid", Severity.WARNING, "A typing error or an OCR misreading of one digit.");
    k("ogrn_checksum_invalid", Severity.WARNING, "A typing error or an OCR misreading of one digit.");
    k("email_date_before_received", Severity.NOTICE,
        "A sender's clock set wrong, or a message queued and sent later.");
    k("email_message_id_domain", Severity.INFO,
        "Mail services and relays create Message-IDs in their own domain for their users.");
    k("email_quote_altered", Severity.NOTICE,
        "Replies trim, re-wrap or re-encode what they quote; some clients change quote marks and spacing.");
    k("dkim_pass", Severity.INFO, "A pass proves the signed headers and body are unchanged since signing.");
    k("dkim_fail", Severity.WARNING,
        "Mailing lists and forwarding rewrite subjects or bodies, which breaks signatures on genuine mail.");
    k("dkim_no_key", Severity.INFO,
        "The signer's public key was not supplied; a signature cannot be checked without it.");
    k("dkim_unsigned", Severity.INFO, "Much genuine mail, internal mail in particular, is not signed.");
    k("shared_rsid_root", Severity.INFO,
        "Colleagues start new documents from a shared template or an old file; a common root shows a common origin, not a forgery.");
    k("exact_duplicate", Severity.INFO, "The same file saved in two folders or attached to two emails.");
  }

  private Kinds() {}

  static Kind get(String code) {
    Kind k = ALL.get(code);
    if (k == null) {
      throw new IllegalArgumentException("not a signal kind: " + code);
    }
    return k;
  }

  public static Map<String, Kind> all() {
    return java.util.Collections.unmodifiableMap(ALL);
  }
}
