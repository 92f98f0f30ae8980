import type { EventEmitter } from 'node:events';
import { TransformOptions, Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw, ZlibOptions } from 'node:zlib';

/** A zip entry already written: what the central directory says of it. */
interface ZipEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * The zip around a workbook, written to `out` as it is made: each entry a local header, its deflated
 * data (node:zlib on the libuv pool, while the next piece is made) and a data descriptor; then the
 * central directory. Entries are far below 4 GB, so no zip64.
 */
export class ZipWriter {
  private readonly entries: ZipEntry[] = [];
  private offset = 0;
  private failure: Error | null = null;
  /** What fails whoever waits, when `out` fails or closes before the file is written. */
  private readonly waiting = new Set<(e: Error) => void>();

  constructor(
    private readonly out: Writable,
    /** MS-DOS time and date of every entry. */
    private readonly dos: { time: number; date: number },
    /** About how large the pieces are that an entry's producer hands over. */
    private readonly pieceBytes: number,
  ) {
    const stop = (e?: Error) => {
      this.failure ??= e ?? new Error('Mottagaren stängdes innan arbetsboken var skriven');
      for (const fail of this.waiting) fail(this.failure);
    };
    out.on('error', stop);
    out.once('close', () => stop());
  }

  /** Resolves when `emitter` emits `event`; rejects when it fails, or when `out` fails or closes first. */
  private until(emitter: EventEmitter, event: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        this.waiting.delete(fail);
        emitter.off('error', fail);
        resolve();
      };
      const fail = (e: Error) => {
        this.waiting.delete(fail);
        emitter.off(event, done);
        emitter.off('error', fail);
        reject(e);
      };
      emitter.once(event, done);
      emitter.once('error', fail);
      this.waiting.add(fail);
    });
  }

  private async write(bytes: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await this.until(this.out, 'drain');
  }

  private localHeader(name: Buffer): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(ZIP_FLAGS, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(this.dos.time, 10);
    h.writeUInt16LE(this.dos.date, 12);
    // crc and sizes follow the data (data descriptor)
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  /**
   * Adds an entry whose text `produce` hands over piece by piece (`put` resolves when more may come);
   * resolves once all of it is written to `out`.
   */
  async entry(
    name: string,
    produce: (put: (piece: Buffer) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const entry: ZipEntry = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
    };
    await this.write(this.localHeader(entry.name));
    // room for two pieces, so the next is made while one is deflated (zlib takes the stream options)
    const options: ZlibOptions & TransformOptions = {
      level: constants.Z_BEST_SPEED,
      chunkSize: DEFLATED_CHUNK,
      writableHighWaterMark: 2 * this.pieceBytes,
    };
    const deflate = createDeflateRaw(options);
    let pending: Promise<void> = Promise.resolve();
    deflate.on('data', (c: Buffer) => {
      entry.compressed += c.length;
      this.offset += c.length;
      if (!this.out.write(c)) {
        deflate.pause();
        pending = this.until(this.out, 'drain').then(() => void deflate.resume());
        pending.catch(() => deflate.destroy());
      }
    });
    const ended = this.until(deflate, 'end');
    // awaited below unless producing fails first: then its failure is the one to report
    ended.catch(() => undefined);
    try {
      await produce(async (piece) => {
        if (this.failure) throw this.failure;
        entry.crc = crc32(piece, entry.crc);
        entry.size += piece.length;
        if (!deflate.write(piece)) await this.until(deflate, 'drain');
      });
      deflate.end();
      await ended;
      await pending;
    } catch (e) {
      deflate.destroy();
      throw e;
    }
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(entry.crc, 4);
    d.writeUInt32LE(entry.compressed, 8);
    d.writeUInt32LE(entry.size, 12);
    await this.write(d);
    this.entries.push(entry);
  }

  /** Writes the central directory and ends `out`; resolves once `out` has all of it. */
  async finish(): Promise<void> {
    const start = this.offset;
    const headers = this.entries.map((e) => {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(ZIP_FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.dos.time, 12);
      h.writeUInt16LE(this.dos.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      return Buffer.concat([h, e.name]);
    });
    const directory = Buffer.concat(headers);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(Buffer.concat([directory, end]));
    const finished = this.until(this.out, 'finish');
    this.out.end();
    await finished;
  }
}

/** Zip flags of every entry: sizes and crc in a data descriptor (bit 3), names in UTF-8 (bit 11). */
const ZIP_FLAGS = 0x0808;
/** What the deflate hands on at a time. */
const DEFLATED_CHUNK = 1 << 18;

/** The MS-DOS time (midnight) and date of a day. */
export function dosDate(day: Date): { time: number; date: number } {
  return {
    time: 0,
    date: ((day.getUTCFullYear() - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate(),
  };
}
