import { crc32 } from 'node:zlib';
import * as iconv from 'iconv-lite';
import { SIE_ENCODING, SieToken, tokenizeSieLine } from './sie4-format';

/**
 * The #KSUMMA rule of SIE 4: a CRC-32 (the IEEE polynomial of zlib and PHP's crc32) over every
 * item between the opening `#KSUMMA` (no field, right after #FLAGGA) and the closing
 * `#KSUMMA <sum>`. Only the item's label and its fields' contents count, in PC8 bytes: no blanks
 * between fields, no quotation marks, no braces of object lists, no line ends, and not the
 * `{`/`}` lines of a voucher. The sum is written as an unsigned decimal number.
 */
export class SieChecksum {
  private crc = 0;

  /** Adds one item (its tokens, label first). */
  add(tokens: readonly SieToken[]): void {
    const text = tokens.map((t) => (t.kind === 'word' ? t.value : t.items.join(''))).join('');
    this.crc = crc32(iconv.encode(text, SIE_ENCODING), this.crc);
  }

  get value(): string {
    return String(this.crc >>> 0);
  }
}

/** The closing `#KSUMMA <sum>` line of items written after an opening `#KSUMMA`. */
export function closingChecksumLine(items: readonly string[]): string {
  const sum = new SieChecksum();
  for (const line of items) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed === '{' || trimmed === '}') continue;
    sum.add(tokenizeSieLine(trimmed));
  }
  return `#KSUMMA ${sum.value}`;
}
