import { Money, ValidationError } from '@it-samverkan/domain';
import { GeneratedOn, isIsoDate } from '../types';
import { csvAmount, csvDecimal, csvText, toCsv } from './csv-format';
import { Column, addTableSheet, newWorkbook, workbookBytes } from './xlsx-format';

/** One consumer's year to date, named for people (its id last). */
export interface YearToDateFileRow {
  municipality: string;
  consumerName: string;
  consumerId: string;
  fundingMode: string;
  yearlyShare: Money;
  charged: Money;
  remaining: Money;
  percentCharged: string | null;
}

/** The report: what it covers, and the rows (the per-municipality sheet is summed from them). */
export interface YearToDateFile {
  year: number;
  through: string;
  rows: readonly YearToDateFileRow[];
}

const FUNDING_NAMES: Record<string, string> = {
  'internal-charge': 'Interndebitering',
  'external-invoice': 'Extern faktura',
  appropriation: 'Anslag',
};

function checked(file: YearToDateFile, options: GeneratedOn): void {
  const problems = file.rows.flatMap((r, i) =>
    r.consumerId?.trim() ? [] : [{ path: `rows[${i}].consumerId`, message: 'Förbrukare saknas' }],
  );
  if (!isIsoDate(options.generatedOn))
    problems.push({ path: 'generatedOn', message: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)' });
  if (problems.length > 0) throw new ValidationError(problems, 'Året hittills kan inte skapas');
}

const HEADER = [
  'Kommun',
  'Förbrukare',
  'Finansiering',
  'Årsandel',
  'Debiterat hittills',
  'Kvar att debitera',
  'Andel debiterad (%)',
  'Förbrukar-id',
];

/** Year to date per consumer as CSV (csv-format.ts): one row per consumer. */
export function yearToDateCsv(file: YearToDateFile, options: GeneratedOn): string {
  checked(file, options);
  return toCsv(
    HEADER,
    file.rows.map((r) => [
      r.municipality,
      csvText(r.consumerName),
      FUNDING_NAMES[r.fundingMode] ?? r.fundingMode,
      csvAmount(r.yearlyShare),
      csvAmount(r.charged),
      csvAmount(r.remaining),
      r.percentCharged === null ? '' : csvDecimal(r.percentCharged),
      r.consumerId,
    ]),
    options.generatedOn,
  );
}

const columns: Column<YearToDateFileRow>[] = [
  { header: 'Kommun', kind: 'text', width: 20, value: (r) => r.municipality },
  { header: 'Förbrukare', kind: 'text', width: 44, value: (r) => r.consumerName },
  {
    header: 'Finansiering',
    kind: 'text',
    width: 16,
    value: (r) => FUNDING_NAMES[r.fundingMode] ?? r.fundingMode,
  },
  { header: 'Årsandel', kind: 'money', total: true, value: (r) => r.yearlyShare },
  { header: 'Debiterat hittills', kind: 'money', total: true, value: (r) => r.charged },
  { header: 'Kvar att debitera', kind: 'money', total: true, value: (r) => r.remaining },
  { header: 'Andel debiterad (%)', kind: 'number', value: (r) => r.percentCharged ?? undefined },
  { header: 'Förbrukar-id', kind: 'text', value: (r) => r.consumerId },
];

interface MunicipalityRow {
  municipality: string;
  yearlyShare: Money;
  charged: Money;
  remaining: Money;
}

/** Sheets "Per förbrukare" and "Per kommun" (each with its totals), set up to print, with the decision they rest on. */
export async function yearToDateXlsx(file: YearToDateFile, options: GeneratedOn): Promise<Buffer> {
  checked(file, options);
  const wb = newWorkbook(options.generatedOn);
  const title = `Året hittills ${file.year}, debiterat till och med ${file.through}`;
  addTableSheet(wb, 'Per förbrukare', columns, file.rows, options.generatedOn, {
    title,
    decision: options.decision,
  });
  const byMunicipality = new Map<string, MunicipalityRow>();
  for (const r of file.rows) {
    const sum = byMunicipality.get(r.municipality) ?? {
      municipality: r.municipality,
      yearlyShare: Money.ZERO,
      charged: Money.ZERO,
      remaining: Money.ZERO,
    };
    byMunicipality.set(r.municipality, {
      municipality: r.municipality,
      yearlyShare: sum.yearlyShare.plus(r.yearlyShare),
      charged: sum.charged.plus(r.charged),
      remaining: sum.remaining.plus(r.remaining),
    });
  }
  addTableSheet(
    wb,
    'Per kommun',
    [
      { header: 'Kommun', kind: 'text', width: 20, value: (m) => m.municipality },
      { header: 'Årsandel', kind: 'money', total: true, value: (m) => m.yearlyShare },
      { header: 'Debiterat hittills', kind: 'money', total: true, value: (m) => m.charged },
      { header: 'Kvar att debitera', kind: 'money', total: true, value: (m) => m.remaining },
    ],
    [...byMunicipality.values()],
    options.generatedOn,
    { title: `${title}, per kommun`, decision: options.decision },
  );
  return workbookBytes(wb);
}
