import { LedgerEntry, Money, ValidationError } from '@it-samverkan/domain';
import { readSie4 } from '../sie/sie4-reader';

/** How the import reads the objects of a file: which SIE dimensions hold ansvar and verksamhet. */
export interface LedgerReadOptions {
  /** The model's year: rows dated in another year are counted apart, not imported. */
  year: number;
  responsibilityDimension: number;
  activityDimension: number | null;
}

/** The ledger rows of a file, ready for the pool mapping. */
export interface LedgerFile {
  format: 'sie4' | 'csv';
  /** Vouchers (#VER/#TRANS, CSV lines) or, in a SIE file without vouchers, the year's #RES balances. */
  source: 'vouchers' | 'balances';
  companyName: string | null;
  entries: LedgerEntry[];
  /** Rows dated in another year than the model's. */
  otherYears: { rows: number; total: Money };
  /** The file's #KSUMMA when it had one (verified). */
  checksum: string | null;
}

/**
 * The ledger rows of a SIE 4 file for a year: each counted #TRANS of a voucher dated in the year,
 * with its account name and its responsibility and activity objects; a file without vouchers
 * gives its #RES balances of that year (no objects, no vouchers). Throws a ValidationError with
 * every problem of an unreadable file, line by line.
 */
export function ledgerFromSie(bytes: Buffer, options: LedgerReadOptions): LedgerFile {
  const doc = readSie4(bytes);
  const names = new Map(doc.accounts.map((a) => [a.number, a.name === '' ? null : a.name]));
  const object = (objects: { dimension: number; id: string }[], dimension: number | null) =>
    dimension === null ? null : (objects.find((o) => o.dimension === dimension)?.id ?? null);
  const entries: LedgerEntry[] = [];
  let otherRows = 0;
  let otherTotal = Money.ZERO;
  for (const v of doc.vouchers) {
    for (const t of v.transactions) {
      if (Number(v.date.slice(0, 4)) !== options.year) {
        otherRows++;
        otherTotal = otherTotal.plus(t.amount);
        continue;
      }
      entries.push({
        account: t.account,
        accountName: names.get(t.account) ?? null,
        responsibility: object(t.objects, options.responsibilityDimension),
        activity: object(t.objects, options.activityDimension),
        amount: t.amount,
        voucher: { series: v.series, number: v.number, date: v.date, text: t.text ?? (v.text || null) },
        line: t.line ?? v.line ?? 0,
      });
    }
  }
  const base = {
    format: 'sie4' as const,
    companyName: doc.companyName ?? null,
    otherYears: { rows: otherRows, total: otherTotal },
    checksum: doc.checksum ?? null,
  };
  if (doc.vouchers.length > 0) return { ...base, source: 'vouchers', entries };

  const yearIndex = doc.fiscalYears.find((y) => Number(y.start.slice(0, 4)) === options.year)?.index;
  const results = doc.balances.filter((b) => b.kind === 'RES' && b.yearIndex === yearIndex);
  if (yearIndex === undefined || results.length === 0) {
    throw new ValidationError(
      [
        {
          path: 'fil',
          message: `Filen har varken verifikationer (#VER) eller resultatsaldon (#RES) för räkenskapsåret ${options.year}`,
        },
      ],
      'SIE-filen kan inte läsas',
      'SIE_UNREADABLE',
    );
  }
  return {
    ...base,
    source: 'balances',
    entries: results.map((b) => ({
      account: b.account,
      accountName: names.get(b.account) ?? null,
      responsibility: null,
      activity: null,
      amount: b.amount,
      voucher: null,
      line: b.line,
    })),
  };
}
