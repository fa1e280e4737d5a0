/**
 * The case in the formats the field uses: {@link CaseExport} reads the stored findings (which
 * already respect the analyst's judgements), the documents and the entities once, with the stage
 * runs that produced them; {@link Tables} words them as the tables of a spreadsheet, written by
 * {@link CsvExport} (RFC 4180, Commons CSV) and {@link XlsxExport} (POI); {@link FtmExport}
 * writes FollowTheMoney entities for Aleph; {@link CaseGraph} is the graph of entities,
 * documents and propagation, written by {@link GexfExport} and {@link GraphmlExport} (StAX, with
 * {@link XmlText} between the writer and the output).
 *
 * <p>May import: {@code core}, {@code store}, {@code link}, {@code pipeline}, {@code report}.
 */
package org.dossier.export;
