import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { CostModel, Money, SplitResultDocument } from '@it-samverkan/domain';
import { setUpForPrint } from '@it-samverkan/files';
import { decimalCell } from './cost-model-xlsx-writer';
import { swedishDate } from '../common/swedish-date';
import { capitalisedId, MunicipalityNamer } from '../organisation/municipality-names';

/** Swedish decimal comma, no grouping: "560000,00" (what Swedish Excel reads as a number). */
const kronor = (amount: string) => amount.replace('.', ',');

/** Headings of the split result CSV, one line per consumer and service with a non-zero amount. */
export const SPLIT_CSV_HEADINGS = [
  'Förbrukare',
  'Förbrukarens namn',
  'Kommun',
  'Tjänst',
  'Tjänstens namn',
  'Belopp',
];

/** The label of the CSV's closing line, whose Belopp is the grand total. */
export const SPLIT_CSV_TOTAL_LABEL = 'Totalt';

/**
 * The split result as CSV (semicolon, UTF-8 with BOM, CRLF, Swedish headings): one line per
 * consumer and service, then a "Totalt" line (the lines add up to the total exactly) and a last
 * line "Skapad" with the date the result was made.
 */
export function splitResultCsv(model: CostModel, doc: SplitResultDocument, created: Date): string {
  const consumerName = new Map(model.consumers.map((c) => [c.id, c.name]));
  const serviceName = new Map(model.services.map((s) => [s.id, s.name]));
  const rows: string[][] = [SPLIT_CSV_HEADINGS];
  for (const c of doc.consumers) {
    for (const [serviceId, amount] of Object.entries(c.services)) {
      rows.push([
        c.id,
        consumerName.get(c.id) ?? '',
        c.municipality,
        serviceId,
        serviceName.get(serviceId) ?? '',
        kronor(amount),
      ]);
    }
  }
  rows.push([SPLIT_CSV_TOTAL_LABEL, '', '', '', '', kronor(doc.total)]);
  rows.push(['Skapad', swedishDate(created), '', '', '', '']);
  return `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: 'windows' })}`;
}

/** Row of the headings on every sheet of the result workbook (rows 1–3 hold title, date and decision). */
export const SPLIT_XLSX_HEADING_ROW = 4;
export const SPLIT_XLSX_SHEETS = {
  services: 'Tjänster',
  consumers: 'Förbrukare',
  municipalities: 'Kommuner',
} as const;

const MONEY_FORMAT = '#,##0.00';
/** Display value of an amount; the exact amount is the document's string. */
const shown = (amount: string) => Number(Money.parse(amount).toString());

function resultSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  created: Date,
  headings: string[],
  decision: string | null,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: SPLIT_XLSX_HEADING_ROW }] });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = 'Skapad';
  ws.getCell(2, 2).value = swedishDate(created);
  if (decision) {
    ws.getCell(3, 1).value = 'Beslut';
    ws.getCell(3, 2).value = decision;
  }
  const heading = ws.getRow(SPLIT_XLSX_HEADING_ROW);
  heading.values = headings;
  heading.font = { bold: true };
  return ws;
}

function sumRow(
  ws: ExcelJS.Worksheet,
  label: string,
  columns: { col: number; result: string }[],
  first: number,
  last: number,
): void {
  const row = ws.addRow([label]);
  row.font = { bold: true };
  for (const { col, result } of columns) {
    const letter = ws.getColumn(col).letter;
    row.getCell(col).value = {
      formula: last >= first ? `SUM(${letter}${first}:${letter}${last})` : '0',
      result: shown(result),
    };
    row.getCell(col).numFmt = MONEY_FORMAT;
  }
}

/** What the result workbook says besides the model's figures. */
export interface SplitWorkbookText {
  /** The decision that approved the model, where there is one ("IT-styrgruppen 2024-11-20 § 14"). */
  decision?: string | null;
  /** Municipalities by name (the organisation's); without one, the id capitalised. */
  municipalityName?: MunicipalityNamer;
}

/**
 * The split result as a workbook: sheets Tjänster, Förbrukare and Kommuner, names first and ids
 * last (for traceability), Swedish headings, the date it was made and the approving decision, and
 * SUM formulas whose cached results are the exact totals.
 */
export async function splitResultXlsx(
  model: CostModel,
  doc: SplitResultDocument,
  created: Date,
  text: SplitWorkbookText = {},
): Promise<Buffer> {
  const municipalityName = text.municipalityName ?? capitalisedId;
  const decision = text.decision ?? null;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'it-samverkan';
  wb.created = created;
  const title = `${doc.model} – kostnadsfördelning ${doc.year}`;
  const first = SPLIT_XLSX_HEADING_ROW + 1;

  const services = resultSheet(
    wb,
    SPLIT_XLSX_SHEETS.services,
    title,
    created,
    [
      'Tjänst',
      'Direkt från pooler',
      'Mottaget från tjänster',
      'Totalt',
      'Fördelningsnyckel',
      'Volym',
      'À-pris',
      'Tjänstens id',
    ],
    decision,
  );
  const serviceName = new Map(model.services.map((s) => [s.id, s.name]));
  const driverName = new Map(model.drivers.map((d) => [d.id, d.name]));
  for (const s of doc.services) {
    const row = services.addRow([
      serviceName.get(s.id) ?? s.id,
      shown(s.direct),
      shown(s.received),
      shown(s.total),
      s.driver === null ? null : (driverName.get(s.driver) ?? s.driver),
      decimalCell(s.volume ?? undefined),
      s.unitPrice === null ? null : shown(s.unitPrice),
      s.id,
    ]);
    for (const c of [2, 3, 4, 7]) row.getCell(c).numFmt = MONEY_FORMAT;
  }
  // What pools gave the services adds up to the whole; received amounts are passed on, not added.
  sumRow(
    services,
    'Summa (kostnadspoolerna)',
    [{ col: 2, result: doc.total }],
    first,
    first + doc.services.length - 1,
  );
  [34, 18, 20, 16, 24, 10, 12, 14].forEach((w, i) => (services.getColumn(i + 1).width = w));

  const used = doc.services
    .map((s) => s.id)
    .filter((id) => doc.consumers.some((c) => c.services[id] !== undefined));
  const consumerName = new Map(model.consumers.map((c) => [c.id, c.name]));
  const consumers = resultSheet(
    wb,
    SPLIT_XLSX_SHEETS.consumers,
    title,
    created,
    [
      'Förbrukare',
      'Kommun',
      ...used.map((id) => serviceName.get(id) ?? id),
      'Totalt',
      'Förbrukarens id',
      'Kommunens id',
    ],
    decision,
  );
  const firstService = 3;
  const totalCol = firstService + used.length;
  doc.consumers.forEach((c, i) => {
    const row = consumers.addRow([
      consumerName.get(c.id) ?? c.id,
      municipalityName(c.municipality),
      ...used.map((id) => (c.services[id] ? shown(c.services[id]) : null)),
    ]);
    const r = first + i;
    const from = consumers.getColumn(firstService).letter;
    const to = consumers.getColumn(Math.max(firstService, totalCol - 1)).letter;
    row.getCell(totalCol).value = used.length
      ? { formula: `SUM(${from}${r}:${to}${r})`, result: shown(c.total) }
      : shown(c.total);
    for (let col = firstService; col <= totalCol; col++) row.getCell(col).numFmt = MONEY_FORMAT;
    row.getCell(totalCol + 1).value = c.id;
    row.getCell(totalCol + 2).value = c.municipality;
  });
  const columnTotal = (id: string) =>
    Money.sum(doc.consumers.map((c) => Money.parse(c.services[id] ?? '0.00'))).toString();
  sumRow(
    consumers,
    'Summa',
    [
      ...used.map((id, k) => ({ col: firstService + k, result: columnTotal(id) })),
      { col: totalCol, result: doc.total },
    ],
    first,
    first + doc.consumers.length - 1,
  );
  consumers.getColumn(1).width = 40;
  consumers.getColumn(2).width = 20;
  for (let col = firstService; col <= totalCol; col++) consumers.getColumn(col).width = 18;
  consumers.getColumn(totalCol + 1).width = 16;
  consumers.getColumn(totalCol + 2).width = 14;

  const municipalities = resultSheet(
    wb,
    SPLIT_XLSX_SHEETS.municipalities,
    title,
    created,
    ['Kommun', 'Totalt', 'Kommunens id'],
    decision,
  );
  for (const m of doc.municipalities) {
    const row = municipalities.addRow([municipalityName(m.id), shown(m.total), m.id]);
    row.getCell(2).numFmt = MONEY_FORMAT;
  }
  sumRow(
    municipalities,
    'Summa',
    [{ col: 2, result: doc.total }],
    first,
    first + doc.municipalities.length - 1,
  );
  municipalities.getColumn(1).width = 24;
  municipalities.getColumn(2).width = 18;
  municipalities.getColumn(3).width = 14;
  for (const ws of wb.worksheets)
    setUpForPrint(ws, {
      title: `${title}: ${ws.name}`,
      generatedOn: swedishDate(created),
      decision,
      headingRow: SPLIT_XLSX_HEADING_ROW,
    });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
