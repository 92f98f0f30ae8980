import * as iconv from 'iconv-lite';
import { LedgerEntry, Money, Problem, ValidationError } from '@it-samverkan/domain';
import { readCsvTable, rowProblem } from '../csv/csv-table';
import { isIsoDate } from '../types';
import type { LedgerFile, LedgerReadOptions } from './ledger-sie';

/** The columns of the ledger CSV, in the order the help text and template give them. */
export const LEDGER_CSV_COLUMNS = [
  'Konto',
  'Ansvar',
  'Verksamhet',
  'Belopp',
  'Datum',
  'Verifikation',
  'Text',
] as const;

/** The help text of the format, shown by the page and the README. */
export const LEDGER_CSV_HELP =
  'Semikolonseparerad CSV (UTF-8 eller Windows-1252) med rubrikraden Konto;Ansvar;Verksamhet;Belopp;Datum;Verifikation;Text. ' +
  'Konto: kontonummer (siffror). Ansvar och Verksamhet: koder, får vara tomma. Belopp: kronor, debet positivt och kredit ' +
  'negativt, decimalkomma eller decimalpunkt, högst två decimaler, mellanslag som tusentalsavgränsare går bra. ' +
  'Datum: ÅÅÅÅ-MM-DD. Verifikation: serie och nummer, t.ex. "LF 4711" (får vara tom). Text: fritext.';

/**
 * The ledger rows of a semicolon CSV (LEDGER_CSV_HELP) for the model's year. Every row with a
 * problem is listed (`line N.field`, "Rad N: …") and nothing is read from a file with any problem.
 */
export function ledgerFromCsv(input: Buffer | string, options: LedgerReadOptions): LedgerFile {
  const text = typeof input === 'string' ? input : decodeText(input);
  const problems: Problem[] = [];
  const table = readCsvTable(text, LEDGER_CSV_COLUMNS, problems);
  const entries: LedgerEntry[] = [];
  let otherRows = 0;
  let otherTotal = Money.ZERO;
  for (const { line, fields } of table.rows) {
    const before = problems.length;
    if (!/^\d{1,10}$/.test(fields.Konto))
      rowProblem(problems, line, 'Konto', `Ogiltigt konto "${fields.Konto}": siffror`);
    const amount = readAmount(fields.Belopp);
    if (!amount)
      rowProblem(
        problems,
        line,
        'Belopp',
        `Ogiltigt belopp "${fields.Belopp}": kronor med högst två decimaler, t.ex. -1 234,50`,
      );
    if (!isIsoDate(fields.Datum))
      rowProblem(problems, line, 'Datum', `Ogiltigt datum "${fields.Datum}" (ÅÅÅÅ-MM-DD)`);
    if (problems.length > before || !amount) continue;
    if (Number(fields.Datum.slice(0, 4)) !== options.year) {
      otherRows++;
      otherTotal = otherTotal.plus(amount);
      continue;
    }
    const voucher = fields.Verifikation.trim();
    const space = voucher.lastIndexOf(' ');
    entries.push({
      account: fields.Konto,
      accountName: null,
      responsibility: fields.Ansvar === '' ? null : fields.Ansvar,
      activity: fields.Verksamhet === '' ? null : fields.Verksamhet,
      amount,
      voucher:
        voucher === ''
          ? null
          : {
              series: space < 0 ? '' : voucher.slice(0, space).trim(),
              number: space < 0 ? voucher : voucher.slice(space + 1),
              date: fields.Datum,
              text: fields.Text === '' ? null : fields.Text,
            },
      line,
    });
  }
  if (problems.length > 0)
    throw new ValidationError(problems, 'Huvudboksfilen kan inte läsas', 'LEDGER_CSV_UNREADABLE');
  return {
    format: 'csv',
    source: 'vouchers',
    companyName: null,
    entries,
    otherYears: { rows: otherRows, total: otherTotal },
    checksum: null,
  };
}

/** "-1 234,50", "1234.50", "1 234" → Money; null when it is no amount. */
function readAmount(value: string): Money | null {
  const text = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (text === '' || (value.includes(',') && value.includes('.'))) return null;
  return Money.check(text) ? null : Money.parse(text);
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1252 (Excel's Swedish CSV). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}
