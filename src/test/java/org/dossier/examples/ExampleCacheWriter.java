package org.dossier.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.dossier.testing.Fixtures;

/**
 * Generates {@code examples/cache}: see the package documentation and examples/README.md.
 *
 * <p>The output is byte-for-byte the same on every run: after each {@link Fixtures} helper has
 * written a file, the parts that would otherwise carry the clock or a random number are fixed
 * here (ZIP entry times in DOCX, XLSX and ZIP files; the PDF trailer ID; the MIME boundary and
 * Message-ID of the email), and the default time zone is set to UTC for the mail Date header.
 */
public final class ExampleCacheWriter {
  /** The time stamped on every ZIP entry (DOCX, XLSX and ZIP files alike). */
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2025, 9, 19, 0, 0);

  private ExampleCacheWriter() {}

  public static void main(String[] args) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Path root = Path.of(args.length > 0 ? args[0] : "examples");
    write(root.resolve("cache"));
  }

  static void write(Path cache) throws Exception {
    Files.createDirectories(cache);

    Fixtures.pdf(cache.resolve("contracts/KDE-2024-117_contract_signed.pdf"),
        "Контракт № KDE-2024/117", Instant.parse("2024-10-14T09:30:00Z"),
        """
        АО «Калворск Оборонэкспорт» (Республика Белырод), именуемое «Поставщик», в лице \
        генерального директора Семиренко Аркадия Васильевича, и Командование воздушно-десантных \
        войск Республики Хаолань, именуемое «Покупатель», в лице полковника Лян Вэньхао, \
        заключили настоящий контракт о нижеследующем.
        1. Предмет контракта. Поставщик поставляет Покупателю: 24 (двадцать четыре) лёгкие \
        плавающие штурмовые машины «Кестрел-9М»; 8 (восемь) самоходных противотанковых орудий \
        «Тайга-СП»; 8 (восемь) бронетранспортёров «Горлан-К»; 4 (четыре) командно-наблюдательные \
        машины; парашютные системы «Облако-500» для десантирования тяжёлой техники.
        2. Цена контракта составляет 312 400 000 (триста двенадцать миллионов четыреста тысяч) \
        долларов США.
        3. Сроки. Первый этап (анализ технических требований и доработка программного \
        обеспечения) завершён. Поставка первой партии: не позднее 30 июня 2025 г. Обучение \
        личного состава батальона проводится на территории Покупателя.
        4. Покупатель вправе требовать оснащения машин собственными средствами связи.
        Контракт подписан в г. Калворск 14 октября 2024 г. Регистрационный № 117/ВЭД-24.
        Подписи: А. В. Семиренко. Полковник Лян Вэньхао.
        """);

    Fixtures.docx(cache.resolve("contracts/KDE-2024-117_contract_draft.docx"),
        "ПРОЕКТ контракта № KDE-2024/117", Instant.parse("2024-09-02T14:05:00Z"),
        "ПРОЕКТ — не подписан. Редакция от 2 сентября 2024 г.",
        "АО «Калворск Оборонэкспорт» (Республика Белырод) и Командование воздушно-десантных войск "
            + "Республики Хаолань заключают контракт о поставке техники.",
        "1. Поставщик поставляет: 26 (двадцать шесть) лёгких плавающих штурмовых машин "
            + "«Кестрел-9М»; 8 самоходных противотанковых орудий «Тайга-СП»; 8 бронетранспортёров "
            + "«Горлан-К»; командно-наблюдательные машины — количество уточняется.",
        "2. Цена контракта составляет 338 900 000 долларов США (предварительно).",
        "3. Поставка первой партии: не позднее 31 марта 2025 г.",
        "Подпись: ____________ Регистрационный № ______");

    Fixtures.xlsx(cache.resolve("contracts/annex1_equipment_schedule.xlsx"), "Annex 1",
        Instant.parse("2024-10-11T12:00:00Z"),
        new Object[][] {
          {"Annex 1 to contract KDE-2024/117: equipment and prices (USD)"},
          {"Item", "Designation", "Quantity", "Unit price", "Line total"},
          {"Light amphibious assault vehicle", "Kestrel-9M / Кестрел-9М", 24, 7_450_000, 178_800_000},
          {"Self-propelled anti-tank gun", "Taiga-SP / Тайга-СП", 8, 8_200_000, 65_600_000},
          {"Airborne armoured personnel carrier", "Gorlan-K / Горлан-К", 8, 5_900_000, 47_200_000},
          {"Command and observation vehicle", "KNM-4", 4, 3_100_000, 12_400_000},
          {"Heavy-drop parachute system", "Oblako-500 / Облако-500", 16, 525_000, 8_400_000},
          {"Total", "", "", "", 312_400_000},
        });

    Fixtures.pdf(cache.resolve("letters/outgoing_2024-0311_to_Liang.pdf"),
        "Letter 0311 to Col. Liang Wenhao", Instant.parse("2024-11-18T10:00:00Z"),
        """
        Kalvorsk Defence Export JSC, Kalvorsk, Republic of Belyrod
        Outgoing No. 0311/KDE, 18 November 2024
        To: Col. Liang Wenhao, Airborne Forces Command, Republic of Haolan
        Subject: Delivery timeline under contract KDE-2024/117
        Dear Colonel Liang,
        Further to the signature of contract KDE-2024/117 on 14 October 2024, we confirm that \
        the first batch of 12 Kestrel-9M vehicles will be delivered by 30 June 2025 and the \
        remaining 12 by 31 December 2025. Crew training for the airborne battalion will begin \
        in Haolan in September 2025. As requested at the meeting in Xinlan in April 2024, all \
        vehicles will carry Haolan communication equipment.
        Yours faithfully,
        A. V. Semirenko, Director General
        """);

    Fixtures.scannedPdf(cache.resolve("letters/payment_notice_44_scan.pdf"), "Scan",
        """
        PAYMENT NOTICE No. 44
        CONTRACT KDE-2024/117
        STAGE TWO: USD 62,480,000
        DUE BY 15 MARCH 2025
        KALVORSK DEFENCE EXPORT
        """);

    Fixtures.docx(cache.resolve("minutes/2024-04-17_Xinlan_meeting_minutes.docx"),
        "Minutes of the meeting in Xinlan, 17 April 2024", Instant.parse("2024-04-18T07:40:00Z"),
        "Minutes of the meeting between the delegations of Kalvorsk Defence Export and the "
            + "Airborne Forces Command of the Republic of Haolan, Xinlan, 17 April 2024.",
        "Present: A. V. Semirenko, O. N. Tarnovskaya (Kalvorsk Defence Export); Col. Liang "
            + "Wenhao, Maj. Zhou Peiran (Airborne Forces Command).",
        "1. The Haolan side asked to speed up the delivery of the Kestrel-9M vehicles and to "
            + "receive complete technical documentation.",
        "2. The Haolan side asked that the weapons be adapted to Haolan software, radio and "
            + "navigation systems.",
        "3. The parties recalled the initial protocol of 5 April 2022, which set out the "
            + "timelines for payments and deliveries.",
        "4. A repair and maintenance centre will be set up in Haolan.");

    Path requirementsFile = Fixtures.docx(
        Files.createTempFile("requirements", ".docx"), "Technical requirements",
        Instant.parse("2024-09-02T16:20:00Z"),
        "Technical requirements of the buyer for the Gorlan-K airborne armoured personnel "
            + "carrier: Haolan radio sets, Haolan navigation, compatibility with Haolan "
            + "ammunition, operation at altitudes up to 4,000 metres.");
    byte[] requirements = normalizeZip(Files.readAllBytes(requirementsFile));
    Files.delete(requirementsFile);
    Fixtures.eml(cache.resolve("mail/2024-09-03_technical_requirements.eml"), Fixtures.email(
        "o.tarnovskaya@kalvorsk-export.example", "zhou.peiran@airborne.haolan.example",
        "Technical requirements for Gorlan-K", Instant.parse("2024-09-03T08:15:00Z"),
        """
        Dear Major Zhou,

        Please find attached the technical requirements for the Gorlan-K carriers as agreed \
        in Xinlan. The draft contract of 2 September 2024 follows separately.

        Best regards,
        Olga Tarnovskaya
        Kalvorsk Defence Export
        """,
        new Fixtures.Attachment("technical_requirements.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            requirements)));

    Fixtures.text(cache.resolve("memo/haolan_internal_memo.txt"),
        """
        浩澜共和国空降兵司令部 内部备忘录
        日期：2024年10月20日
        关于：KDE-2024/117 合同
        2024年10月14日，我方与白雷罗德共和国卡尔沃尔斯克国防出口公司签订合同，采购24辆"红隼-9M"\
        轻型两栖突击车、8门"泰加-SP"自行反坦克炮和8辆"戈尔兰-K"空降装甲运兵车。合同总价为3.124亿美元。
        第一批车辆将于2025年6月30日前交付。梁文浩上校负责接收。
        """);

    Map<String, byte[]> training = new LinkedHashMap<>();
    training.put("training/plan_obuchenia.txt", Fixtures.utf8(
        """
        План обучения личного состава воздушно-десантного батальона Республики Хаолань.
        Начало: сентябрь 2025 г. Продолжительность: 14 недель.
        Десантирование машин «Кестрел-9М» с помощью парашютных систем «Облако-500» с высоты до \
        4000 метров. Инструкторы: 23 специалиста АО «Калворск Оборонэкспорт».
        """));
    training.put("training/oblako-500_specs.txt", Fixtures.utf8(
        """
        Oblako-500 heavy-drop parachute system: specifications.
        Maximum load 9,500 kg. Drop altitude up to 4,000 m. Compatible with Kestrel-9M and \
        Gorlan-K vehicles. Supplied in sets of two per vehicle.
        """));
    training.put("training/instructors.csv", Fixtures.utf8(
        """
        name,role,weeks
        Ivan Dorokhin,chief instructor,14
        Pavel Strelets,parachute rigger,10
        Marina Voronova,interpreter,14
        """));
    Fixtures.zip(cache.resolve("archive/training_package.zip"), training);

    Fixtures.pdf(cache.resolve("letters/ish_0287_export_licence_request.pdf"),
        "Исх. № 0287/КОЭ от 21.10.2024", Instant.parse("2024-10-21T11:45:00Z"),
        """
        АО «Калворск Оборонэкспорт»
        г. Калворск, Республика Белырод
        Исх. № 0287/КОЭ от 21.10.2024
        Председателю Государственного комитета по военно-техническому сотрудничеству \
        Республики Белырод Д. Л. Вересову
        О выдаче лицензии на экспорт по контракту № KDE-2024/117
        Уважаемый Демьян Львович!
        Прошу выдать лицензию на экспорт продукции военного назначения по контракту \
        № KDE-2024/117 (рег. № 117/ВЭД-24) от 14.10.2024, заключённому с Командованием \
        воздушно-десантных войск Республики Хаолань.
        Номенклатура поставки:
        — лёгкие плавающие штурмовые машины «Кестрел-9М» (заводской индекс КС-9М) — 24 ед.;
        — самоходные противотанковые орудия «Тайга-СП» — 8 ед.;
        — бронетранспортёры «Горлан-К» — 8 ед.;
        — командно-наблюдательные машины КНМ-4 — 4 ед.;
        — парашютные системы «Облако-500» — 16 компл.
        Цена контракта — 312 400 000 долларов США.
        График платежей: аванс 20 % (62 480 000 долларов США) — в течение 30 дней с даты \
        подписания контракта; второй этап 20 % (62 480 000 долларов США) — до 15.03.2025; \
        окончательный расчёт 60 % (187 440 000 долларов США) — после поставки каждой партии.
        График поставок: первая партия (12 машин «Кестрел-9М») — до 30.06.2025; вторая партия \
        (12 машин) — до 31.12.2025.
        Приложение: копия контракта на 14 л.
        Генеральный директор А. В. Семиренко
        Исп. О. Н. Тарновская
        """);

    Fixtures.text(cache.resolve("00_GREY_LANTERN_README.txt"),
        """
        GREY LANTERN // RELEASE 07 // 19 September 2025

        We are Grey Lantern ("Серый фонарь"). This release holds files taken from the mail \
        server of Kalvorsk Defence Export JSC in August 2025: contracts, letters, minutes, an \
        email and a training package, more than 600 pages in all.

        The files show that the Republic of Belyrod is selling Kestrel-9M amphibious vehicles \
        (factory index KS-9M), Taiga-SP guns and Gorlan-K carriers to the Airborne Forces \
        Command of the Republic of Haolan under contract KDE-2024/117, worth USD 312.4 million \
        and signed in Kalvorsk on 14 October 2024.

        We renamed some files so that they sort by date. We changed nothing inside them.
        We gave the whole release to the Halden Institute for Strategic Analysis in Port \
        Ellery on 12 September 2025. Journalists: check everything yourselves.
        """);

    deterministic(cache);
  }

  // ------------------------------------------------------------ byte-for-byte reproducible output

  /** Fixes the parts of every generated file that the clock or a random number would change. */
  static void deterministic(Path cache) throws IOException {
    try (var files = Files.walk(cache)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".docx") || name.endsWith(".xlsx") || name.endsWith(".zip")) {
          Files.write(f, normalizeZip(Files.readAllBytes(f)));
        } else if (name.endsWith(".pdf")) {
          fixPdfId(f, cache.relativize(f).toString());
        } else if (name.endsWith(".eml")) {
          fixMail(f, cache.relativize(f).toString());
        }
      }
    }
  }

  /** The same entries in the same order, each stamped with {@link #ZIP_TIME}. */
  static byte[] normalizeZip(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream zos = new ZipOutputStream(out)) {
      zos.setLevel(9);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(ZIP_TIME);
        zos.putNextEntry(copy);
        in.transferTo(zos);
        zos.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** PDFBox writes a trailer ID from the current time; this one comes from the file's name. */
  static void fixPdfId(Path pdf, String name) throws IOException {
    byte[] saved;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      doc.getDocument().getTrailer().removeItem(COSName.ID);
      doc.setDocumentId((long) name.hashCode());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      saved = out.toByteArray();
    }
    Files.write(pdf, saved);
  }

  /** Jakarta Mail makes the MIME boundary and the Message-ID from the clock and a counter. */
  static void fixMail(Path eml, String name) throws IOException {
    String text = new String(Files.readAllBytes(eml), StandardCharsets.ISO_8859_1);
    Matcher b = Pattern.compile("boundary=\"([^\"]+)\"").matcher(text);
    if (b.find()) {
      text = text.replace(b.group(1), "----=_Part_0_dossier_example");
    }
    String id = Integer.toHexString(name.hashCode()) + ".example@kalvorsk-export.example";
    text = text.replaceFirst(
        "(?m)^Message-ID: <[^>]*>", Matcher.quoteReplacement("Message-ID: <" + id + ">"));
    Files.write(eml, text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
