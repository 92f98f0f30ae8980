import ExcelJS from 'exceljs';
import {
  ComparedAmount,
  CONSUMER_FUNDING_MODES,
  ConsumerFundingMode,
  Money,
  ScenarioComparisonDocument,
} from '@it-samverkan/domain';
import { setUpForPrint } from '@it-samverkan/files';
import type { ScenarioNames } from './scenario-summary';

/** Sheet names of the comparison workbook, in order. */
export const SCENARIO_XLSX_SHEETS = {
  summary: 'Sammanfattning',
  consumers: 'Förbrukare',
  services: 'Tjänster',
  load: 'Administration',
} as const;

/** Row of the headings on every sheet (rows 1–3 hold the title, the date and the base's decision). */
export const SCENARIO_XLSX_HEADING_ROW = 4;

export const FUNDING_MODE_NAMES: Record<ConsumerFundingMode, string> = {
  appropriation: 'Anslag',
  'internal-charge': 'Interndebitering',
  'external-invoice': 'Extern faktura',
};

const MONEY_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.0';
/** Display value of an amount (a spreadsheet cell holds a number); the exact figure is the document's string. */
const shown = (amount: string) => Number(Money.parse(amount).toString());

/** What the workbook says besides the figures: names for ids, the changes in words, the base's decision. */
export interface ScenarioWorkbookText {
  names: ScenarioNames;
  /** The scenario's changes described with names (describeNamed). */
  changes: string[];
  /** The decision that approved the base version, as documents cite it; null when there is none. */
  decision: string | null;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  created: string,
  headings: string[],
  decision: string | null,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: SCENARIO_XLSX_HEADING_ROW }] });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = `Skapad ${created}`;
  if (decision) ws.getCell(3, 1).value = `Basen bygger på beslut: ${decision}`;
  const heading = ws.getRow(SCENARIO_XLSX_HEADING_ROW);
  heading.values = headings;
  heading.font = { bold: true };
  headings.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(14, h.length + 2)));
  return ws;
}

/**
 * Writes Bas, Scenario, Skillnad kr and Skillnad % from column `col`: the difference and the
 * percentage are formulas whose cached results are the document's exact figures.
 */
function comparedCells(row: ExcelJS.Row, col: number, amount: ComparedAmount): void {
  const [b, s, d] = [col, col + 1, col + 2].map((c) => row.worksheet.getColumn(c).letter);
  const r = row.number;
  row.getCell(col).value = shown(amount.base);
  row.getCell(col + 1).value = shown(amount.scenario);
  row.getCell(col + 2).value = { formula: `${s}${r}-${b}${r}`, result: shown(amount.difference) };
  row.getCell(col + 3).value = {
    formula: `IF(${b}${r}=0,"",ROUND(${d}${r}/${b}${r}*100,1))`,
    result: amount.differencePercent === null ? '' : Number(amount.differencePercent),
  };
  for (let c = col; c < col + 3; c++) row.getCell(c).numFmt = MONEY_FORMAT;
  row.getCell(col + 3).numFmt = PERCENT_FORMAT;
}

/** A bold "Summa" row: SUM formulas over the rows above for Bas, Scenario and Skillnad kr, and the total %. */
function totalRow(ws: ExcelJS.Worksheet, col: number, first: number, totals: ComparedAmount): void {
  const row = ws.addRow(['Summa']);
  row.font = { bold: true };
  const last = row.number - 1;
  comparedCells(row, col, totals);
  const results = [totals.base, totals.scenario, totals.difference];
  results.forEach((result, k) => {
    const letter = ws.getColumn(col + k).letter;
    row.getCell(col + k).value = {
      formula: last >= first ? `SUM(${letter}${first}:${letter}${last})` : '0',
      result: shown(result),
    };
  });
}

/**
 * The comparison as a workbook laid out for IT-styrgruppen's meeting: Sammanfattning per
 * municipality (with the changes listed), Förbrukare, Tjänster and Administration (yearly internal
 * charges and invoices per funding mode). Names first, ids last for traceability; Swedish
 * headings; "Skapad YYYY-MM-DD" and the base's decision on every sheet and its printed pages.
 */
export async function scenarioComparisonXlsx(
  comparison: ScenarioComparisonDocument,
  text: ScenarioWorkbookText,
  now: Date,
): Promise<Buffer> {
  const { names, decision } = text;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'it-samverkan';
  wb.created = now;
  const created = comparison.created;
  const title = `${comparison.scenario} – jämfört med ${comparison.model}`;
  const first = SCENARIO_XLSX_HEADING_ROW + 1;
  const compared = ['Bas', 'Scenario', 'Skillnad kr', 'Skillnad %'];

  const summary = sheet(
    wb,
    SCENARIO_XLSX_SHEETS.summary,
    title,
    created,
    ['Kommun', ...compared, 'Kommunens id'],
    decision,
  );
  for (const m of comparison.municipalities) {
    const row = summary.addRow([names.municipality(m.id)]);
    comparedCells(row, 2, m);
    row.getCell(6).value = m.id;
  }
  totalRow(summary, 2, first, comparison.totals);
  summary.addRow([]);
  summary.addRow(['Ändringar']).font = { bold: true };
  for (const line of text.changes) summary.addRow([line]);
  summary.getColumn(1).width = 24;

  const consumers = sheet(
    wb,
    SCENARIO_XLSX_SHEETS.consumers,
    title,
    created,
    ['Förbrukare', 'Kommun', ...compared, 'Förbrukarens id', 'Kommunens id'],
    decision,
  );
  for (const c of comparison.consumers) {
    const row = consumers.addRow([c.name, names.municipality(c.municipality)]);
    comparedCells(row, 3, c);
    row.getCell(7).value = c.id;
    row.getCell(8).value = c.municipality;
  }
  totalRow(consumers, 3, first, comparison.totals);
  consumers.getColumn(1).width = 40;

  const driverName = (id: string | null) => (id === null ? null : names.of(id));
  const services = sheet(
    wb,
    SCENARIO_XLSX_SHEETS.services,
    `${title}: det varje tjänst för till förbrukarna`,
    created,
    ['Tjänst', 'Nyckel bas', 'Nyckel scenario', ...compared, 'À-pris bas', 'À-pris scenario', 'Tjänstens id'],
    decision,
  );
  for (const s of comparison.services) {
    const row = services.addRow([s.name, driverName(s.driver.base), driverName(s.driver.scenario)]);
    comparedCells(row, 4, s);
    row.getCell(8).value = s.unitPrice.base === null ? null : shown(s.unitPrice.base);
    row.getCell(9).value = s.unitPrice.scenario === null ? null : shown(s.unitPrice.scenario);
    row.getCell(8).numFmt = MONEY_FORMAT;
    row.getCell(9).numFmt = MONEY_FORMAT;
    row.getCell(10).value = s.id;
  }
  totalRow(services, 4, first, comparison.totals);
  services.getColumn(1).width = 34;

  const { base, scenario, assumptions } = comparison.administrativeLoad;
  const load = sheet(
    wb,
    SCENARIO_XLSX_SHEETS.load,
    `${title}: debiteringar och fakturor per år`,
    created,
    [
      'Finansiering',
      'Förbrukare bas',
      'Förbrukare scenario',
      'Interndebiteringar bas',
      'Interndebiteringar scenario',
      'Fakturor bas',
      'Fakturor scenario',
    ],
    decision,
  );
  for (const mode of CONSUMER_FUNDING_MODES) {
    const b = base.byMode[mode];
    const s = scenario.byMode[mode];
    load.addRow([
      FUNDING_MODE_NAMES[mode],
      b.consumers,
      s.consumers,
      b.internalCharges,
      s.internalCharges,
      b.invoices,
      s.invoices,
    ]);
  }
  const sumRow = load.addRow(['Summa']);
  sumRow.font = { bold: true };
  const counts = [base.byMode, scenario.byMode].map((byMode) =>
    CONSUMER_FUNDING_MODES.map((m) => byMode[m].consumers).reduce((a, n) => a + n, 0),
  );
  const results = [
    counts[0],
    counts[1],
    base.internalCharges,
    scenario.internalCharges,
    base.invoices,
    scenario.invoices,
  ];
  results.forEach((result, k) => {
    const letter = load.getColumn(k + 2).letter;
    sumRow.getCell(k + 2).value = { formula: `SUM(${letter}${first}:${letter}${sumRow.number - 1})`, result };
  });
  load.addRow([]);
  if (comparison.fundingSwitches.length > 0) {
    load.addRow(['Byte av finansiering']).font = { bold: true };
    for (const s of comparison.fundingSwitches)
      load.addRow([
        names.of(s.consumer),
        `${FUNDING_MODE_NAMES[s.from]} → ${FUNDING_MODE_NAMES[s.to]}`,
        s.consumer,
      ]);
    load.addRow([]);
  }
  load.addRow(['Antaganden']).font = { bold: true };
  for (const a of assumptions) load.addRow([a]);
  load.getColumn(1).width = 24;
  for (const ws of wb.worksheets)
    setUpForPrint(ws, {
      title: `${title}: ${ws.name}`,
      generatedOn: created,
      decision,
      headingRow: SCENARIO_XLSX_HEADING_ROW,
    });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
