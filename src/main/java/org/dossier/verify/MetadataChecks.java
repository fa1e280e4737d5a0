package org.dossier.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on a document's own dates: created after modified, modified after Dossier received it,
 * and created before the software that wrote it existed.
 */
final class MetadataChecks {
  private MetadataChecks() {}

  /** Software and the day its first release of that version came out (public release notes). */
  record Release(Pattern name, LocalDate released, String what) {}

  private static Release r(String regex, String date, String what) {
    return new Release(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), LocalDate.parse(date), what);
  }

  static final List<Release> RELEASES = List.of(
      r("Microsoft.{0,3} (?:Office )?Word 2007", "2007-01-30", "Microsoft Word 2007"),
      r("Microsoft.{0,3} (?:Office )?Word 2010", "2010-06-15", "Microsoft Word 2010"),
      r("Microsoft.{0,3} (?:Office )?Word 2013", "2013-01-29", "Microsoft Word 2013"),
      r("Microsoft.{0,3} (?:Office )?Word 2016", "2015-09-22", "Microsoft Word 2016"),
      r("Microsoft.{0,3} (?:Office )?Word 2019", "2018-09-24", "Microsoft Word 2019"),
      r("Microsoft.{0,3} (?:Office )?Word 2021", "2021-10-05", "Microsoft Word 2021"),
      r("Microsoft.{0,3} Word for Microsoft 365", "2020-04-21", "Microsoft Word for Microsoft 365"),
      r("Microsoft.{0,3} Excel 2016", "2015-09-22", "Microsoft Excel 2016"),
      r("Microsoft.{0,3} Excel for Microsoft 365", "2020-04-21", "Microsoft Excel for Microsoft 365"),
      r("LibreOffice[/ ]6\\.0", "2018-01-31", "LibreOffice 6.0"),
      r("LibreOffice[/ ]6\\.4", "2020-01-29", "LibreOffice 6.4"),
      r("LibreOffice[/ ]7\\.0", "2020-08-05", "LibreOffice 7.0"),
      r("LibreOffice[/ ]7\\.3", "2022-02-02", "LibreOffice 7.3"),
      r("LibreOffice[/ ]7\\.5", "2023-02-02", "LibreOffice 7.5"),
      r("LibreOffice[/ ]7\\.6", "2023-08-21", "LibreOffice 7.6"),
      r("LibreOffice[/ ]24\\.2", "2024-01-31", "LibreOffice 24.2"),
      r("LibreOffice[/ ]24\\.8", "2024-08-22", "LibreOffice 24.8"),
      r("LibreOffice[/ ]25\\.2", "2025-02-06", "LibreOffice 25.2"),
      r("Acrobat Distiller 11", "2012-10-15", "Adobe Acrobat Distiller XI"),
      r("Acrobat (?:Pro )?DC", "2015-04-07", "Adobe Acrobat DC"),
      r("Apache PDFBox|PDFBox", "2009-01-01", "Apache PDFBox (at Apache since 2009)"),
      r("PDFBox.{0,12}3\\.0", "2023-08-17", "Apache PDFBox 3.0"),
      r("iText.{0,3} 7", "2016-05-03", "iText 7"),
      r("iText.{0,3} 8", "2023-04-06", "iText 8"),
      r("macOS (?:Version )?14", "2023-09-26", "macOS 14 Quartz PDFContext"),
      r("macOS (?:Version )?15", "2024-09-16", "macOS 15 Quartz PDFContext"),
      r("Microsoft: Print To PDF", "2015-07-29", "Microsoft Print to PDF (Windows 10)"));

  private static final List<String> SOFTWARE_KEYS = List.of("pdf:docinfo:producer", "pdf:producer",
      "xmp:CreatorTool", "pdf:docinfo:creator_tool", "extended-properties:Application", "producer",
      "generator");
  private static final Pattern APP_VERSION = Pattern.compile("^(\\d{2})\\.\\d+");

  /** Office document properties worth a look: who, how long, how many revisions, which template. */
  private static final List<String[]> OFFICE_PROPERTIES = List.of(
      new String[] {"revision", "cp:revision"},
      new String[] {"totalEditMinutes", "extended-properties:TotalTime"},
      new String[] {"lastAuthor", "meta:last-author"},
      new String[] {"lastModifiedBy", "cp:lastModifiedBy"},
      new String[] {"author", "dc:creator"},
      new String[] {"template", "extended-properties:Template"},
      new String[] {"application", "extended-properties:Application"},
      new String[] {"appVersion", "extended-properties:AppVersion"},
      new String[] {"created", "dcterms:created"},
      new String[] {"modified", "dcterms:modified"},
      new String[] {"printed", "meta:print-date"},
      new String[] {"printed", "cp:lastPrinted"},
      new String[] {"company", "extended-properties:Company"});

  static void run(Subject s, List<Signal> out) {
    String type = s.mediaType();
    if (type.contains("officedocument") || type.contains("msword") || type.contains("ms-excel")
        || type.contains("opendocument")) {
      Map<String, Object> props = new LinkedHashMap<>();
      for (String[] p : OFFICE_PROPERTIES) {
        s.meta(p[1]).ifPresent(v -> props.putIfAbsent(p[0], v));
      }
      if (!props.isEmpty()) {
        out.add(Signal.of(s.id(), "office_properties", "Office properties: " + props + ".", props));
      }
    }
    Optional<Instant> created = s.meta("dcterms:created").flatMap(Dates::parse);
    Optional<Instant> modified = s.meta("dcterms:modified").flatMap(Dates::parse);
    if (created.isPresent() && modified.isPresent() && created.get().isAfter(modified.get().plusSeconds(60))) {
      out.add(Signal.of(s.id(), "created_after_modified", "The file says it was created (" + created.get()
          + ") after it was last modified (" + modified.get() + ").",
          Map.of("created", created.get().toString(), "modified", modified.get().toString())));
    }
    if (modified.isPresent() && modified.get().isAfter(s.ingested().plusSeconds(24 * 3600))) {
      out.add(Signal.of(s.id(), "modified_after_ingest", "The file says it was modified (" + modified.get()
          + ") after Dossier received it (" + s.ingested() + ").",
          Map.of("modified", modified.get().toString(), "ingested", s.ingested().toString())));
    }
    if (created.isEmpty()) {
      return;
    }
    LocalDate day = created.get().atZone(ZoneOffset.UTC).toLocalDate();
    for (String key : SOFTWARE_KEYS) {
      Optional<String> software = s.meta(key);
      if (software.isEmpty()) {
        continue;
      }
      Release best = null;
      for (Release rel : RELEASES) {
        Matcher m = rel.name().matcher(software.get());
        if (m.find() && (best == null || rel.released().isAfter(best.released()))) {
          best = rel;
        }
      }
      if (best != null && day.isBefore(best.released())) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("field", key);
        ev.put("software", software.get());
        ev.put("released", best.released().toString());
        ev.put("created", created.get().toString());
        out.add(Signal.of(s.id(), "producer_anachronism", "Made with " + best.what() + " (released "
            + best.released() + "), but dated " + day + ".", ev));
        return;
      }
    }
    // Office writes its version number: 16.0000 is Office 2016 or later
    Optional<String> version = s.meta("extended-properties:AppVersion");
    if (version.isPresent()) {
      Matcher m = APP_VERSION.matcher(version.get());
      if (m.find()) {
        LocalDate released = switch (m.group(1)) {
          case "12" -> LocalDate.parse("2007-01-30");
          case "14" -> LocalDate.parse("2010-06-15");
          case "15" -> LocalDate.parse("2013-01-29");
          case "16" -> LocalDate.parse("2015-09-22");
          default -> null;
        };
        if (released != null && day.isBefore(released)) {
          out.add(Signal.of(s.id(), "producer_anachronism", "Saved by Office version " + version.get()
              + " (released " + released + "), but dated " + day + ".",
              Map.of("field", "extended-properties:AppVersion", "software", version.get(),
                  "released", released.toString(), "created", created.get().toString())));
        }
      }
    }
  }
}
