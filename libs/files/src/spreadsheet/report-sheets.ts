import { Money, Problem, ValidationError } from '@it-samverkan/domain';
import { AppropriationRow, GeneratedOn, InternalChargeFile, isIsoDate } from '../types';
import { csvAmount, csvText, toCsv } from './csv-format';
import { Column, addTableSheet, newWorkbook, workbookBytes } from './xlsx-format';

/** The appropriation report and the internal charges as CSV and XLSX (layouts: csv-format.ts, xlsx-format.ts). */

function throwIfAny(problems: Problem[], options: GeneratedOn, message: string): void {
  if (!isIsoDate(options.generatedOn))
    problems.push({ path: 'generatedOn', message: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)' });
  if (problems.length > 0) throw new ValidationError(problems, message);
}

function checkAppropriation(rows: readonly AppropriationRow[], options: GeneratedOn): void {
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    if (!r.municipality?.trim()) problems.push({ path: `rows[${i}].municipality`, message: 'Kommun saknas' });
    if (!r.consumerId?.trim()) problems.push({ path: `rows[${i}].consumerId`, message: 'Förbrukare saknas' });
  });
  throwIfAny(problems, options, 'Anslagsrapporten kan inte skapas');
}

const APPROPRIATION_HEADER = ['Kommun', 'Förbrukar-id', 'Förbrukare', 'Ansvar', 'Tjänst', 'Belopp'];

/** What the central appropriation must cover, one row per consumer (and service). */
export function appropriationReportCsv(rows: readonly AppropriationRow[], options: GeneratedOn): string {
  checkAppropriation(rows, options);
  return toCsv(
    APPROPRIATION_HEADER,
    rows.map((r) => [
      r.municipality,
      r.consumerId,
      csvText(r.consumerName),
      r.responsibilityCode,
      csvText(r.service),
      csvAmount(r.amount),
    ]),
    options.generatedOn,
  );
}

// Names first; the ids stay, after them, for whoever matches rows by id.
const appropriationColumns: Column<AppropriationRow>[] = [
  { header: 'Kommun', kind: 'text', value: (r) => r.municipality },
  { header: 'Förbrukare', kind: 'text', width: 44, value: (r) => r.consumerName },
  { header: 'Ansvar', kind: 'text', width: 8, value: (r) => r.responsibilityCode },
  { header: 'Tjänst', kind: 'text', width: 24, value: (r) => r.serviceName ?? r.service },
  { header: 'Belopp', kind: 'money', total: true, value: (r) => r.amount },
  { header: 'Förbrukar-id', kind: 'text', value: (r) => r.consumerId },
  { header: 'Tjänst-id', kind: 'text', value: (r) => r.service },
];

/** Sheets "Anslag" (rows and total) and "Per kommun" (SUMIF per municipality, with computed values). */
export async function appropriationReportXlsx(
  rows: readonly AppropriationRow[],
  options: GeneratedOn,
): Promise<Buffer> {
  checkAppropriation(rows, options);
  const wb = newWorkbook(options.generatedOn);
  const about = { title: 'Anslagsrapport', decision: options.decision };
  addTableSheet(wb, 'Anslag', appropriationColumns, rows, options.generatedOn, about);
  const perMunicipality = new Map<string, Money>();
  for (const r of rows)
    perMunicipality.set(r.municipality, (perMunicipality.get(r.municipality) ?? Money.ZERO).plus(r.amount));
  const last = rows.length + 1;
  const summary = [...perMunicipality].map(([municipality, amount]) => ({ municipality, amount }));
  const { sheet: perSheet } = addTableSheet(
    wb,
    'Per kommun',
    [
      { header: 'Kommun', kind: 'text', value: (s) => s.municipality },
      { header: 'Belopp', kind: 'money', total: true, value: (s) => s.amount },
    ],
    summary,
    options.generatedOn,
    { ...about, title: 'Anslagsrapport per kommun' },
  );
  // The per-municipality amounts are formulas over "Anslag", so the two sheets cannot disagree.
  summary.forEach((s, i) => {
    perSheet.getCell(i + 2, 2).value = {
      formula: `SUMIF(Anslag!A2:A${last},A${i + 2},Anslag!E2:E${last})`,
      result: Number(s.amount.toString()),
    };
  });
  return workbookBytes(wb);
}

function checkCharges(charges: readonly InternalChargeFile[], options: GeneratedOn): void {
  const problems: Problem[] = [];
  charges.forEach((c, i) => {
    if (!isIsoDate(c.date))
      problems.push({ path: `charges[${i}].date`, message: `Ogiltigt datum "${c.date}"` });
    if (!c.debitUnit?.responsibilityCode)
      problems.push({ path: `charges[${i}].debitUnit`, message: 'Ansvarskod saknas' });
    if (!c.creditUnit?.responsibilityCode)
      problems.push({ path: `charges[${i}].creditUnit`, message: 'Ansvarskod saknas' });
  });
  throwIfAny(problems, options, 'Interndebiteringarna kan inte skapas');
}

const CHARGE_HEADER = [
  'Id',
  'Period',
  'Datum',
  'Kommun',
  'Beskrivning',
  'Debiterat ansvar',
  'Debiterad enhet',
  'Krediterat ansvar',
  'Krediterad enhet',
  'Belopp',
];

/** One row per internal charge: the unit charged (debit) and the IT unit credited. */
export function internalChargesCsv(charges: readonly InternalChargeFile[], options: GeneratedOn): string {
  checkCharges(charges, options);
  return toCsv(
    CHARGE_HEADER,
    charges.map((c) => [
      c.id,
      c.period,
      c.date,
      c.municipalityId,
      csvText(c.description),
      c.debitUnit.responsibilityCode,
      csvText(c.debitUnit.name),
      c.creditUnit.responsibilityCode,
      csvText(c.creditUnit.name),
      csvAmount(c.amount),
    ]),
    options.generatedOn,
  );
}

const chargeColumns: Column<InternalChargeFile>[] = [
  { header: 'Period', kind: 'text', value: (c) => c.period },
  { header: 'Datum', kind: 'date', value: (c) => c.date },
  { header: 'Kommun', kind: 'text', value: (c) => c.municipalityName ?? c.municipalityId },
  { header: 'Beskrivning', kind: 'text', width: 36, value: (c) => c.description },
  { header: 'Debiterat ansvar', kind: 'text', value: (c) => c.debitUnit.responsibilityCode },
  { header: 'Debiterad enhet', kind: 'text', width: 36, value: (c) => c.debitUnit.name },
  { header: 'Krediterat ansvar', kind: 'text', value: (c) => c.creditUnit.responsibilityCode },
  { header: 'Krediterad enhet', kind: 'text', width: 24, value: (c) => c.creditUnit.name },
  { header: 'Belopp', kind: 'money', total: true, value: (c) => c.amount },
  { header: 'Id', kind: 'text', value: (c) => c.id },
];

/** A workbook with the sheet "Interndebiteringar" and its totals row. */
export async function internalChargesXlsx(
  charges: readonly InternalChargeFile[],
  options: GeneratedOn,
): Promise<Buffer> {
  checkCharges(charges, options);
  const wb = newWorkbook(options.generatedOn);
  addTableSheet(wb, 'Interndebiteringar', chargeColumns, charges, options.generatedOn);
  return workbookBytes(wb);
}
