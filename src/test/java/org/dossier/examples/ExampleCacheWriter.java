package org.dossier.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dossier.testing.Fixtures;

/** Generates {@code examples/cache}: see the package documentation and examples/README.md. */
public final class ExampleCacheWriter {
  private ExampleCacheWriter() {}

  public static void main(String[] args) throws Exception {
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

    byte[] requirements = Files.readAllBytes(Fixtures.docx(
        Files.createTempFile("requirements", ".docx"), "Technical requirements",
        Instant.parse("2024-09-02T16:20:00Z"),
        "Technical requirements of the buyer for the Gorlan-K airborne armoured personnel "
            + "carrier: Haolan radio sets, Haolan navigation, compatibility with Haolan "
            + "ammunition, operation at altitudes up to 4,000 metres."));
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
  }
}
