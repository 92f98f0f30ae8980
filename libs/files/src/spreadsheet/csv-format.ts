import { stringify } from 'csv-stringify/sync';
import { Money } from '@it-samverkan/domain';

/**
 * The CSV layout every export shares, made for Swedish Excel: UTF-8 with a byte order mark (so
 * å ä ö open correctly), semicolon separated, CRLF line ends, one header row, then one row per
 * record and nothing else, so the file also loads into other systems as a plain table. Amounts
 * and quantities use a decimal comma and no thousands separator ("1400000,00"), dates are
 * ISO 8601 ("2025-03-31"). The date the file was made is the last column, "Skapad", of every row.
 */
export const CREATED_HEADER = 'Skapad';

/** An amount with decimal comma: "-1166,70". */
export function csvAmount(m: Money): string {
  return m.toString().replace('.', ',');
}

/** A decimal string with decimal comma: "12,5". */
export function csvDecimal(value: string): string {
  return value.replace('.', ',');
}

/**
 * Free text, with a leading = + - @ (which Excel would run as a formula) disarmed by an
 * apostrophe, as OWASP advises for CSV exports of user-entered text.
 */
export function csvText(value: string | undefined): string {
  const s = value ?? '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The file: BOM, header row, rows, each row ending in the creation date. */
export function toCsv(header: readonly string[], rows: readonly string[][], generatedOn: string): string {
  return stringify([[...header, CREATED_HEADER], ...rows.map((r) => [...r, generatedOn])], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });
}
