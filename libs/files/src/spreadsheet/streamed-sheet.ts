import { PassThrough, Writable } from 'node:stream';
import { excelDate } from './xlsx-format';
import {
  CHUNK,
  MAIN_NS,
  PKG_REL_NS,
  REL_NS,
  StreamedTable,
  Styles,
  writeSheetXml,
  XML_HEAD,
  xmlEscape,
} from './sheet-xml';
import { dosDate, ZipWriter } from './zip-writer';

export { xmlEscape } from './sheet-xml';
export type { StreamedCell, StreamedTable } from './sheet-xml';

/**
 * A workbook written straight to its output as its sheets are made: each sheet's XML is written as
 * text, cell by cell (inline strings, no shared-string table), and deflated into the zip (node:zlib at
 * the fastest level, on the libuv pool while the next rows are written; crc32 by zlib) on its way
 * out, so nothing of a large trace is held as cell objects and the file reaches the reader while it
 * is written. The package dates are the generation date.
 */
export class StreamedWorkbook {
  private readonly zip: ZipWriter;
  private readonly sheets: { name: string; headingRow: number }[] = [];
  private readonly styles = new Styles();

  constructor(
    out: Writable,
    private readonly generatedOn: string,
  ) {
    this.zip = new ZipWriter(out, dosDate(excelDate(generatedOn)), CHUNK);
  }

  /** Adds one sheet; resolves once the zip has taken all of it. */
  async addSheet(table: StreamedTable): Promise<void> {
    const name = sheetName(table.name, this.sheets);
    this.sheets.push({ name, headingRow: table.print.headingRow });
    await this.zip.entry(`xl/worksheets/sheet${this.sheets.length}.xml`, (put) =>
      writeSheetXml(table, this.styles, put),
    );
  }

  /** Writes the package parts around the sheets and finishes the file; resolves once `out` has all of it. */
  async commit(): Promise<void> {
    for (const [name, xml] of this.packageParts())
      await this.zip.entry(name, (put) => put(Buffer.from(xml, 'utf8')));
    await this.zip.finish();
  }
  private packageParts(): [string, string][] {
    const sheets = this.sheets;
    const sheetTypes = sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    const titles = sheets
      .map(
        (s, i) =>
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">` +
          `${xmlEscape(`'${s.name.replace(/'/g, "''")}'`)}!$${s.headingRow}:$${s.headingRow}</definedName>`,
      )
      .join('');
    const stamp = `${this.generatedOn}T00:00:00Z`;
    return [
      [
        '[Content_Types].xml',
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          sheetTypes +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '</Types>',
      ],
      [
        '_rels/.rels',
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
          `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          '</Relationships>',
      ],
      [
        'docProps/core.xml',
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
          '<dc:creator>it-samverkan</dc:creator><cp:lastModifiedBy>it-samverkan</cp:lastModifiedBy>' +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
          `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
          '</cp:coreProperties>',
      ],
      [
        'xl/workbook.xml',
        `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
          '<bookViews><workbookView/></bookViews><sheets>' +
          sheets
            .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
            .join('') +
          `</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ''}</workbook>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
          sheets
            .map(
              (_, i) =>
                `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
            )
            .join('') +
          `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
          '</Relationships>',
      ],
      ['xl/styles.xml', this.styles.xml()],
    ];
  }
}

/** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ], not used before in the workbook. */
function sheetName(name: string, sheets: readonly { name: string }[]): string {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
    throw new RangeError(`Bladnamnet "${name}" går inte att använda i Excel`);
  if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
    throw new RangeError(`Bladnamnet "${name}" finns redan i arbetsboken`);
  return name;
}

/** A workbook streamed to `out` (see StreamedWorkbook); add tables with `writeStreamedTable`, then `commit`. */
export function streamedWorkbook(out: Writable, generatedOn: string): StreamedWorkbook {
  return new StreamedWorkbook(out, generatedOn);
}

/** Writes one table as a sheet set up to print (see `sheetXml`). */
export function writeStreamedTable(wb: StreamedWorkbook, table: StreamedTable): Promise<void> {
  return wb.addSheet(table);
}

/** The whole of a streamed workbook as bytes (for callers that need a buffer: tests, the bench). */
export async function streamedBytes(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
