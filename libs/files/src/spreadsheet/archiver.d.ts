/** The part of archiver's API the streamed workbook uses (the package ships no types). */
declare module 'archiver' {
  import type { Readable, Writable } from 'node:stream';

  interface Archiver extends Readable {
    append(source: Readable | Buffer | string, data: { name: string; date?: Date }): this;
    pipe<T extends Writable>(destination: T): T;
    finalize(): Promise<void>;
    abort(): this;
  }

  function archiver(format: 'zip', options?: { zlib?: { level?: number } }): Archiver;
  export = archiver;
}
