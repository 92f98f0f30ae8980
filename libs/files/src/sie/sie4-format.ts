import * as iconv from 'iconv-lite';
import { Money } from '@it-samverkan/domain';

/**
 * What the SIE 4 format fixes, in one place for the writer and the reader: the PC8 (code page
 * 437) encoding, CRLF line ends, YYYYMMDD dates, quoting, and the dimensions and voucher series
 * this system uses.
 */

/** SIE reserves dimension 1 for kostnadsställe/resultatenhet, which municipalities call ansvar. */
export const SIE_RESPONSIBILITY_DIMENSION = 1;
/**
 * SIE reserves 1–19 (2 kostnadsbärare, 6 projekt, 7 anställd, 8 kund, 9 leverantör, 10 faktura);
 * 20 is the first free number. Motpart is a classification of the counterparty, not a customer
 * number, so it gets its own dimension rather than 8.
 */
export const SIE_COUNTERPARTY_DIMENSION = 20;
export const SIE_DIMENSION_NAMES: Record<number, string> = {
  [SIE_RESPONSIBILITY_DIMENSION]: 'Ansvar',
  [SIE_COUNTERPARTY_DIMENSION]: 'Motpart',
};

/**
 * Voucher series: F invoices, K credit notes, I internal charges; in the buyer's file L supplier
 * invoices and LK supplier credit notes.
 */
export const SIE_SERIES = {
  invoice: 'F',
  creditNote: 'K',
  internalCharge: 'I',
  purchase: 'L',
  purchaseCredit: 'LK',
} as const;

export const SIE_ENCODING = 'cp437';
export const SIE_LINE_END = '\r\n';

export interface SieObjectRef {
  dimension: number;
  id: string;
}

export interface SieTransaction {
  account: string;
  objects: SieObjectRef[];
  amount: Money;
  date?: string;
  text?: string;
  /** The file line it was read from (reader only). */
  line?: number;
}

export interface SieVoucher {
  series: string;
  number: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  text: string;
  registeredOn?: string;
  transactions: SieTransaction[];
  /** The file line of its #VER (reader only). */
  line?: number;
}

/** 'YYYY-MM-DD' → 'YYYYMMDD'. */
export function sieDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

/** 'YYYYMMDD' → 'YYYY-MM-DD', or null if it is not eight digits. */
export function isoFromSieDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

// Characters outside code page 437 that Swedish text commonly holds, mapped to the nearest
// character that is in it; anything else unknown becomes '?' in the encoder.
const TO_PC8: [RegExp, string][] = [
  [/[\u00a0\u2007\u202f]/g, ' '],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u2018\u2019\u201a]/g, "'"],
  [/[\u201c\u201d\u201e]/g, '"'],
  [/\u2026/g, '...'],
  [/\u20ac/g, 'EUR'],
  [/[\u0000-\u001f\u007f]/g, ' '],
];

/** A field as a quoted SIE string: `"` and `\` escaped with a backslash, control characters as spaces. */
export function quoteSie(text: string): string {
  let s = text;
  for (const [pattern, replacement] of TO_PC8) s = s.replace(pattern, replacement);
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An object list: `{1 "1150" 20 "212"}`. */
export function sieObjectList(objects: readonly SieObjectRef[]): string {
  return `{${objects.map((o) => `${o.dimension} ${quoteSie(o.id)}`).join(' ')}}`;
}

/** The file's text as PC8 bytes. */
export function encodeSie(lines: readonly string[]): Buffer {
  return iconv.encode(lines.join(SIE_LINE_END) + SIE_LINE_END, SIE_ENCODING);
}

/** PC8 bytes as text. */
export function decodeSie(bytes: Buffer): string {
  return iconv.decode(bytes, SIE_ENCODING);
}

export type SieToken = { kind: 'word'; value: string } | { kind: 'objects'; items: string[] };

/**
 * Splits one SIE line into fields: bare words, quoted strings (unescaped, returned as words) and
 * `{...}` object lists (returned with their own fields). Throws a RangeError on an unclosed quote
 * or brace.
 */
export function tokenizeSieLine(line: string): SieToken[] {
  const tokens: SieToken[] = [];
  let i = 0;
  const readField = (): string => {
    if (line[i] === '"') {
      let out = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        out += line[i++];
      }
      if (line[i] !== '"') throw new RangeError('citattecken saknar slut');
      i++;
      return out;
    }
    const start = i;
    while (i < line.length && !/[\s{}"]/.test(line[i])) i++;
    if (i === start) throw new RangeError(`oväntat tecken "${line[i]}"`);
    return line.slice(start, i);
  };
  while (i < line.length) {
    if (/\s/.test(line[i])) {
      i++;
    } else if (line[i] === '{') {
      i++;
      const items: string[] = [];
      for (;;) {
        while (i < line.length && /\s/.test(line[i])) i++;
        if (i >= line.length) throw new RangeError('objektlistan saknar }');
        if (line[i] === '}') {
          i++;
          break;
        }
        items.push(readField());
      }
      tokens.push({ kind: 'objects', items });
    } else {
      tokens.push({ kind: 'word', value: readField() });
    }
  }
  return tokens;
}
