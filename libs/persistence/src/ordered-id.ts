import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in blocks: one system call per 512 ids instead of one per id. */
const pool = Buffer.alloc(8 * 512);
let used = pool.length;

/** The ASCII codes of the two hexadecimal digits of every byte value. */
const HEX = Array.from({ length: 256 }, (_, b) =>
  [...b.toString(16).padStart(2, '0')].map((c) => c.charCodeAt(0)),
);
/** Where each of the 16 bytes goes in the 36 characters of the text form. */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const text = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');

let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, a 12-bit counter that
 * keeps ids made within one millisecond in order (when it runs out the time moves on a
 * millisecond, as the RFC allows), and 62 random bits. Ids made later sort later as text, so
 * InnoDB appends the rows of a large insert at the end of its clustered index instead of
 * splitting pages all over it, as random (version 4) ids make it do.
 */
export function orderedUuid(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const high = Math.floor(lastMs / 0x1000000);
  const low = lastMs % 0x1000000;
  put(0, high >>> 16);
  put(1, (high >>> 8) & 0xff);
  put(2, high & 0xff);
  put(3, low >>> 16);
  put(4, (low >>> 8) & 0xff);
  put(5, low & 0xff);
  put(6, 0x70 | (counter >>> 8));
  put(7, counter & 0xff);
  put(8, (pool[used] & 0x3f) | 0x80);
  for (let i = 9; i < 16; i++) put(i, pool[used + i - 8]);
  used += 8;
  return text.toString('latin1');
}

function put(byte: number, value: number): void {
  const [a, b] = HEX[value];
  text[AT[byte]] = a;
  text[AT[byte] + 1] = b;
}
