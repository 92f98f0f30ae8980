import type { EventEmitter } from 'node:events';
import { PassThrough, TransformOptions, Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw, ZlibOptions } from 'node:zlib';
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
/** Sheet XML is handed to the zip in pieces of about this many bytes. */
const CHUNK = 1 << 17;

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

/** A zip entry already written: what the central directory says of it. */
interface ZipEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * The zip around a workbook, written to `out` as it is made: each entry a local header, its deflated
 * data (node:zlib on the libuv pool, while the next piece is made) and a data descriptor; then the
 * central directory. Entries are far below 4 GB, so no zip64.
 */
class ZipWriter {
  private readonly entries: ZipEntry[] = [];
  private offset = 0;
  private failure: Error | null = null;
  /** What fails whoever waits, when `out` fails or closes before the file is written. */
  private readonly waiting = new Set<(e: Error) => void>();

  constructor(
    private readonly out: Writable,
    /** MS-DOS time and date of every entry. */
    private readonly dos: { time: number; date: number },
  ) {
    const stop = (e?: Error) => {
      this.failure ??= e ?? new Error('Mottagaren stängdes innan arbetsboken var skriven');
      for (const fail of this.waiting) fail(this.failure);
    };
    out.on('error', stop);
    out.once('close', () => stop());
  }

  /** Resolves when `emitter` emits `event`; rejects when it fails, or when `out` fails or closes first. */
  private until(emitter: EventEmitter, event: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        this.waiting.delete(fail);
        emitter.off('error', fail);
        resolve();
      };
      const fail = (e: Error) => {
        this.waiting.delete(fail);
        emitter.off(event, done);
        emitter.off('error', fail);
        reject(e);
      };
      emitter.once(event, done);
      emitter.once('error', fail);
      this.waiting.add(fail);
    });
  }

  private async write(bytes: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await this.until(this.out, 'drain');
  }

  private localHeader(name: Buffer): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(ZIP_FLAGS, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(this.dos.time, 10);
    h.writeUInt16LE(this.dos.date, 12);
    // crc and sizes follow the data (data descriptor)
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  /**
   * Adds an entry whose text `produce` hands over piece by piece (`put` resolves when more may come);
   * resolves once all of it is written to `out`.
   */
  async entry(
    name: string,
    produce: (put: (piece: Buffer) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const entry: ZipEntry = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
    };
    await this.write(this.localHeader(entry.name));
    // room for two pieces, so the next is made while one is deflated (zlib takes the stream options)
    const options: ZlibOptions & TransformOptions = {
      level: constants.Z_BEST_SPEED,
      chunkSize: DEFLATED_CHUNK,
      writableHighWaterMark: 2 * CHUNK,
    };
    const deflate = createDeflateRaw(options);
    let pending: Promise<void> = Promise.resolve();
    deflate.on('data', (c: Buffer) => {
      entry.compressed += c.length;
      this.offset += c.length;
      if (!this.out.write(c)) {
        deflate.pause();
        pending = this.until(this.out, 'drain').then(() => void deflate.resume());
        pending.catch(() => deflate.destroy());
      }
    });
    const ended = this.until(deflate, 'end');
    // awaited below unless producing fails first: then its failure is the one to report
    ended.catch(() => undefined);
    try {
      await produce(async (piece) => {
        if (this.failure) throw this.failure;
        entry.crc = crc32(piece, entry.crc);
        entry.size += piece.length;
        if (!deflate.write(piece)) await this.until(deflate, 'drain');
      });
      deflate.end();
      await ended;
      await pending;
    } catch (e) {
      deflate.destroy();
      throw e;
    }
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(entry.crc, 4);
    d.writeUInt32LE(entry.compressed, 8);
    d.writeUInt32LE(entry.size, 12);
    await this.write(d);
    this.entries.push(entry);
  }

  /** Writes the central directory and ends `out`; resolves once `out` has all of it. */
  async finish(): Promise<void> {
    const start = this.offset;
    const headers = this.entries.map((e) => {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(ZIP_FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.dos.time, 12);
      h.writeUInt16LE(this.dos.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      return Buffer.concat([h, e.name]);
    });
    const directory = Buffer.concat(headers);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(Buffer.concat([directory, end]));
    const finished = this.until(this.out, 'finish');
    this.out.end();
    await finished;
  }
}

/** Zip flags of every entry: sizes and crc in a data descriptor (bit 3), names in UTF-8 (bit 11). */
const ZIP_FLAGS = 0x0808;
/** What the deflate hands on at a time. */
const DEFLATED_CHUNK = 1 << 18;

/** The MS-DOS time (midnight) and date of a day. */
function dosDate(day: Date): { time: number; date: number } {
  return {
    time: 0,
    date: ((day.getUTCFullYear() - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate(),
  };
}

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
    this.zip = new ZipWriter(out, dosDate(excelDate(generatedOn)));
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
async function writeSheetXml(
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
