import { PassThrough, Readable, Writable } from 'node:stream';
import archiver from 'archiver';
import { columnLetter, DATE_FORMAT, excelDate, MONEY_FORMAT } from './xlsx-format';
import {
  A4,
  ColumnWidths,
  fittedColumn,
  headerFooterTexts,
  pageOrientation,
  PRINT_MARGINS,
  PrintSetup,
} from './print-setup';

/** What a streamed cell holds: text, a number (money in a money column), a date, a truth value, or nothing. */
export type StreamedCell = string | number | boolean | Date | null | undefined;

/** A table written to a streamed workbook: one heading row (bold, frozen), then the data rows. */
export interface StreamedTable {
  name: string;
  headers: readonly string[];
  /** The least width of each column; wider values widen it (up to MAX_COLUMN_WIDTH). */
  widths: readonly number[];
  /** Indexes of the columns holding money (MONEY_FORMAT). */
  money?: readonly number[];
  rows: Iterable<StreamedCell[]>;
  print: PrintSetup;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Sheet XML is handed to the zip in pieces of about this many characters. */
const CHUNK = 1 << 16;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data or attribute value: & < > " escaped, characters XML cannot hold dropped. */
export function xmlEscape(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** Excel's serial day number of a date (days since 1899-12-30, UTC). */
const serialDay = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/** The cell formats of a workbook, each written once to xl/styles.xml: bold, number format, wrapped. */
class Styles {
  private readonly formats = new Map<string, number>([[MONEY_FORMAT, 164]]);
  private readonly xfs: string[] = ['0|0|0'];

  /** The index of the cell format (`s` attribute) with this font, number format and wrapping. */
  index(style: { bold?: boolean; numFmt?: string; wrap?: boolean }): number {
    let fmt = 0;
    if (style.numFmt) {
      if (!this.formats.has(style.numFmt)) this.formats.set(style.numFmt, 164 + this.formats.size);
      fmt = this.formats.get(style.numFmt)!;
    }
    const key = `${style.bold ? 1 : 0}|${fmt}|${style.wrap ? 1 : 0}`;
    let i = this.xfs.indexOf(key);
    if (i < 0) i = this.xfs.push(key) - 1;
    return i;
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`)
      .join('');
    const xfs = this.xfs
      .map((key) => {
        const [bold, fmt, wrap] = key.split('|');
        const applied = `${fmt !== '0' ? ' applyNumberFormat="1"' : ''}${bold === '1' ? ' applyFont="1"' : ''}`;
        const alignment = wrap === '1' ? '<alignment vertical="top" wrapText="1"/>' : '';
        return (
          `<xf numFmtId="${fmt}" fontId="${bold}" fillId="0" borderId="0" xfId="0"${applied}` +
          (alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>')
        );
      })
      .join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/**
 * A workbook written straight to its output as its sheets are made: each sheet's XML is written as
 * text, cell by cell (inline strings, no shared-string table), and deflated into the zip (archiver,
 * the fastest level) on its way out, so nothing of a large trace is held as cell objects and the file
 * reaches the reader while it is written. The package dates are the generation date.
 */
export class StreamedWorkbook {
  private readonly zip = archiver('zip', { zlib: { level: 1 } });
  private readonly sheets: { name: string; headingRow: number }[] = [];
  private readonly styles = new Styles();
  private readonly date: Date;
  private failure: Error | null = null;

  constructor(
    private readonly out: Writable,
    private readonly generatedOn: string,
  ) {
    this.date = excelDate(generatedOn);
    this.zip.on('error', (e: Error) => (this.failure ??= e));
    this.zip.pipe(out);
  }

  /** Adds one sheet; resolves once the zip has taken all of it. */
  async addSheet(table: StreamedTable): Promise<void> {
    const name = sheetName(table.name, this.sheets);
    this.sheets.push({ name, headingRow: table.print.headingRow });
    const source = Readable.from(sheetXml(table, this.styles), { objectMode: false });
    const taken = new Promise<void>((resolve, reject) => {
      source.once('end', resolve);
      source.once('error', reject);
      this.zip.once('error', reject);
    });
    this.zip.append(source, { name: `xl/worksheets/sheet${this.sheets.length}.xml`, date: this.date });
    await taken;
  }

  /** Writes the package parts around the sheets and finishes the file; resolves once `out` has all of it. */
  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    const finished = new Promise<void>((resolve, reject) => {
      this.out.once('finish', resolve);
      this.out.once('error', reject);
    });
    for (const [name, xml] of this.packageParts()) this.zip.append(xml, { name, date: this.date });
    await this.zip.finalize();
    await finished;
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

/** The text of an inline-string cell (`xml:space` kept where the text starts or ends with a space). */
const inlineText = (text: string) =>
  /^\s|\s$/.test(text)
    ? `<is><t xml:space="preserve">${xmlEscape(text)}</t></is>`
    : `<is><t>${xmlEscape(text)}</t></is>`;

/**
 * One sheet's XML in pieces: the columns sized from the values (measured before the first row is
 * written, so the rows are gone through twice), the heading row bold and frozen, money as numbers in
 * MONEY_FORMAT, dates as date numbers in DATE_FORMAT, text as inline strings, set up to print.
 */
function* sheetXml(table: StreamedTable, styles: Styles): Generator<Buffer> {
  const rows = Array.isArray(table.rows) ? (table.rows as StreamedCell[][]) : [...table.rows];
  const money = new Set(table.money ?? []);
  const count = table.headers.length;
  const formats = table.headers.map((_, i) => (money.has(i) ? MONEY_FORMAT : undefined));
  const measured = new ColumnWidths(formats);
  measured.measure([...table.headers]);
  for (const row of rows) measured.measure(row);
  const needed = measured.needed;
  const columns = table.headers.map((_, i) => fittedColumn(table.widths[i], needed.get(i + 1) ?? 0));
  const plain = columns.map((c, i) => styles.index({ numFmt: formats[i], wrap: c.wrap }));
  const dated = columns.map((c) => styles.index({ numFmt: DATE_FORMAT, wrap: c.wrap }));
  const bold = styles.index({ bold: true });
  const letters = table.headers.map((_, i) => columnLetter(i + 1));
  const cellAttrs = plain.map((s) => (s === 0 ? '' : ` s="${s}"`));
  const dateAttrs = dated.map((s) => ` s="${s}"`);

  const { print } = table;
  const heading = print.headingRow;
  const width = Math.max(count, ...rows.map((r) => r.length));
  const last = heading + rows.length;
  const { oddHeader, oddFooter } = headerFooterTexts(print);
  let xml =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${columnLetter(Math.max(width, 1))}${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${heading}" topLeftCell="A${heading + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${heading + 1}" sqref="A${heading + 1}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/><cols>' +
    columns
      .map(
        (c, i) =>
          `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${plain[i] ? ` style="${plain[i]}"` : ''}/>`,
      )
      .join('') +
    `</cols><sheetData><row r="${heading}">` +
    table.headers
      .map((h, i) => `<c r="${letters[i]}${heading}" s="${bold}" t="inlineStr">${inlineText(h)}</c>`)
      .join('') +
    '</row>';

  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    const n = heading + 1 + r;
    xml += `<row r="${n}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const ref = `${letters[i] ?? columnLetter(i + 1)}${n}`;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new RangeError(`Cell ${ref} of ${table.name} is not a number: ${v}`);
        xml += `<c r="${ref}"${cellAttrs[i] ?? ''}><v>${v}</v></c>`;
      } else if (typeof v === 'string') {
        xml += `<c r="${ref}"${cellAttrs[i] ?? ''} t="inlineStr">${inlineText(v)}</c>`;
      } else if (v instanceof Date) {
        xml += `<c r="${ref}"${dateAttrs[i] ?? ` s="${styles.index({ numFmt: DATE_FORMAT })}"`}><v>${serialDay(v)}</v></c>`;
      } else {
        xml += `<c r="${ref}"${cellAttrs[i] ?? ''} t="b"><v>${v ? 1 : 0}</v></c>`;
      }
    }
    xml += '</row>';
    if (xml.length >= CHUNK) {
      yield Buffer.from(xml, 'utf8');
      xml = '';
    }
  }

  const orientation = pageOrientation(
    print,
    columns.map((c) => c.width),
  );
  const m = PRINT_MARGINS;
  yield Buffer.from(
    `${xml}</sheetData>` +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="${A4}" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddHeader>${xmlEscape(oddHeader)}</oddHeader><oddFooter>${xmlEscape(oddFooter)}</oddFooter></headerFooter>` +
      '</worksheet>',
    'utf8',
  );
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
