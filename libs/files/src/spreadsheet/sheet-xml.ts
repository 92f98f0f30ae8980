import { columnLetter, DATE_FORMAT, MONEY_FORMAT } from './xlsx-format';
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

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Sheet XML is handed to the zip in pieces of about this many bytes. */
export const CHUNK = 1 << 17;

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
export class Styles {
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

/** The text of an inline-string cell (`xml:space` kept where the text starts or ends with a space). */
const inlineText = (text: string) =>
  /^\s|\s$/.test(text)
    ? `<is><t xml:space="preserve">${xmlEscape(text)}</t></is>`
    : `<is><t>${xmlEscape(text)}</t></is>`;

/** How many different texts a sheet keeps the cell XML of (names repeat on many rows). */
const KEPT_TEXTS = 20_000;

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/**
 * XML written as UTF-8 straight into a buffer (no string per cell to join and encode), handed on in
 * pieces of about CHUNK bytes; each piece a new buffer, as the deflate may still be reading the last.
 */
class XmlBytes {
  private buf = Buffer.allocUnsafe(CHUNK + (CHUNK >> 2));
  private at = 0;

  constructor(private readonly put: (piece: Buffer) => Promise<void>) {}

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** Bytes made once (a column's cell start, a text cell met before). */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** Text of ASCII characters only: a number as String writes it. */
  ascii(text: string): void {
    this.room(text.length);
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < text.length; k++) buf[at++] = text.charCodeAt(k);
    this.at = at;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(3 * text.length);
    this.at += this.buf.write(text, this.at, 'utf8');
  }

  /** Hands on what is written once it is a piece's worth (all of it with `all`). */
  async flush(all = false): Promise<void> {
    if (this.at === 0 || (!all && this.at < CHUNK)) return;
    const piece = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.at = 0;
    await this.put(piece);
  }
}

/**
 * One sheet's XML, handed to `put` in pieces of about CHUNK bytes: the columns sized from the values
 * (measured before the first row is written, so the rows are gone through twice), the heading row bold
 * and frozen, money as numbers in MONEY_FORMAT, dates as date numbers in DATE_FORMAT, text as inline
 * strings, set up to print.
 */
export async function writeSheetXml(
  table: StreamedTable,
  styles: Styles,
  put: (piece: Buffer) => Promise<void>,
): Promise<void> {
  const rows = Array.isArray(table.rows) ? (table.rows as StreamedCell[][]) : [...table.rows];
  const money = new Set(table.money ?? []);
  const count = table.headers.length;
  const formats = table.headers.map((_, i) => (money.has(i) ? MONEY_FORMAT : undefined));
  const measured = new ColumnWidths(formats);
  measured.measure([...table.headers]);
  let width = count;
  for (const row of rows) {
    measured.measure(row);
    if (row.length > width) width = row.length;
  }
  const needed = measured.needed;
  const columns = table.headers.map((_, i) => fittedColumn(table.widths[i], needed.get(i + 1) ?? 0));
  const plain = columns.map((c, i) => styles.index({ numFmt: formats[i], wrap: c.wrap }));
  const dated = columns.map((c) => styles.index({ numFmt: DATE_FORMAT, wrap: c.wrap }));
  const bold = styles.index({ bold: true });
  // Each column's cell XML up to the row number, and after it for a number, a text, a date, a truth value.
  const open: Buffer[] = [];
  const asNumber: Buffer[] = [];
  const asText: Buffer[] = [];
  const asDate: Buffer[] = [];
  const asTruth: Buffer[] = [];
  for (let i = 0; i < width; i++) {
    const attrs = i < count && plain[i] !== 0 ? ` s="${plain[i]}"` : '';
    open.push(utf8(`<c r="${columnLetter(i + 1)}`));
    asNumber.push(utf8(`"${attrs}><v>`));
    asText.push(utf8(`"${attrs} t="inlineStr">`));
    if (i < count) asDate.push(utf8(`" s="${dated[i]}"><v>`));
    asTruth.push(utf8(`"${attrs} t="b"><v>`));
  }
  const rowOpen = utf8('<row r="');
  const rowOpened = utf8('">');
  const rowClose = utf8('</row>');
  const valueClose = utf8('</v></c>');
  const texts = new Map<string, Buffer>();

  const { print } = table;
  const heading = print.headingRow;
  const last = heading + rows.length;
  const { oddHeader, oddFooter } = headerFooterTexts(print);
  const xml = new XmlBytes(put);
  xml.text(
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
        .map(
          (h, i) => `<c r="${columnLetter(i + 1)}${heading}" s="${bold}" t="inlineStr">${inlineText(h)}</c>`,
        )
        .join('') +
      '</row>',
  );

  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    const n = heading + 1 + r;
    const row = String(n);
    xml.bytes(rowOpen);
    xml.ascii(row);
    xml.bytes(rowOpened);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'number') {
        if (!Number.isFinite(v))
          throw new RangeError(`Cell ${columnLetter(i + 1)}${n} of ${table.name} is not a number: ${v}`);
        xml.bytes(open[i]);
        xml.ascii(row);
        xml.bytes(asNumber[i]);
        xml.ascii(String(v));
        xml.bytes(valueClose);
      } else if (typeof v === 'string') {
        let text = texts.get(v);
        if (text === undefined) {
          text = utf8(`${inlineText(v)}</c>`);
          if (texts.size < KEPT_TEXTS) texts.set(v, text);
        }
        xml.bytes(open[i]);
        xml.ascii(row);
        xml.bytes(asText[i]);
        xml.bytes(text);
      } else if (v instanceof Date) {
        asDate[i] ??= utf8(`" s="${styles.index({ numFmt: DATE_FORMAT })}"><v>`);
        xml.bytes(open[i]);
        xml.ascii(row);
        xml.bytes(asDate[i]);
        xml.ascii(String(serialDay(v)));
        xml.bytes(valueClose);
      } else {
        xml.bytes(open[i]);
        xml.ascii(row);
        xml.bytes(asTruth[i]);
        xml.ascii(v ? '1' : '0');
        xml.bytes(valueClose);
      }
    }
    xml.bytes(rowClose);
    await xml.flush();
  }

  const orientation = pageOrientation(
    print,
    columns.map((c) => c.width),
  );
  const m = PRINT_MARGINS;
  xml.text(
    '</sheetData>' +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="${A4}" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddHeader>${xmlEscape(oddHeader)}</oddHeader><oddFooter>${xmlEscape(oddFooter)}</oddFooter></headerFooter>` +
      '</worksheet>',
  );
  await xml.flush(true);
}
