import { Money, Problem, ValidationError } from '@it-samverkan/domain';
import { SieChecksum } from './sie4-checksum';
import {
  SieObjectRef,
  SieToken,
  SieTransaction,
  SieVoucher,
  decodeSie,
  isoFromSieDate,
  tokenizeSieLine,
} from './sie4-format';

/** An opening (#IB), closing (#UB) or result (#RES) balance of an account in a fiscal year. */
export interface SieBalance {
  kind: 'IB' | 'UB' | 'RES';
  /** The #RAR index: 0 this year, -1 the year before. */
  yearIndex: number;
  account: string;
  amount: Money;
  line: number;
}

export interface SieDocument {
  flag?: string;
  format?: string;
  sieType?: string;
  program?: { name: string; version: string };
  /** #GEN as 'YYYY-MM-DD'. */
  generatedOn?: string;
  companyName?: string;
  orgNo?: string;
  currency?: string;
  fiscalYears: { index: number; start: string; end: string }[];
  accounts: { number: string; name: string; type?: string }[];
  /** #DIM, and #UNDERDIM with the dimension it belongs to as `parent`. */
  dimensions: { number: number; name: string; parent?: number }[];
  objects: { dimension: number; id: string; name: string }[];
  balances: SieBalance[];
  /** Transactions of #BTRANS (removed rows, kept for the record; they do not count). */
  vouchers: SieVoucher[];
  /** The file's #KSUMMA when it has one: it was verified, or the file was refused. */
  checksum?: string;
}

/** The state of one read: the document so far, the open voucher and the checksum. */
interface ReadState {
  doc: SieDocument;
  types: Map<string, string>;
  voucher: SieVoucher | null;
  inBlock: boolean;
  /** A #RTRANS whose duplicate #TRANS (SIE 4B writes one for older readers) may follow. */
  added: SieTransaction | null;
  checksum: SieChecksum | null;
  checksumClosed: boolean;
}

/**
 * Reads a SIE 4 file (PC8) into its company data, accounts, dimensions, objects, balances and
 * vouchers. Labels it does not know are skipped, as the format asks. A #RTRANS counts once (the
 * identical #TRANS that SIE 4B writes after it is not counted again), a #BTRANS (removed row)
 * not at all; every voucher must balance, and a #KSUMMA must match. A file with any problem is
 * refused whole: one ValidationError lists every problem with its line (`rad N`).
 */
export function readSie4(bytes: Buffer): SieDocument {
  const state: ReadState = {
    doc: { fiscalYears: [], accounts: [], dimensions: [], objects: [], balances: [], vouchers: [] },
    types: new Map(),
    voucher: null,
    inBlock: false,
    added: null,
    checksum: null,
    checksumClosed: false,
  };
  const problems: Problem[] = [];
  const rawLines = decodeSie(bytes).split(/\r?\n/);
  for (const [index, raw] of rawLines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    try {
      readLine(state, line, index + 1);
    } catch (e) {
      problems.push({ path: `rad ${index + 1}`, message: `${line}: ${(e as Error).message}` });
    }
  }
  if (state.voucher) problems.push({ path: 'slut', message: 'Filen slutar inne i en verifikation' });
  if (state.checksum && !state.checksumClosed)
    problems.push({ path: 'slut', message: 'Filen har #KSUMMA i början men ingen kontrollsumma i slutet' });
  if (problems.length > 0) throw new ValidationError(problems, 'SIE-filen kan inte läsas', 'SIE_UNREADABLE');
  for (const a of state.doc.accounts) {
    const type = state.types.get(a.number);
    if (type) a.type = type;
  }
  return state.doc;
}

function readLine(state: ReadState, line: string, lineNo: number): void {
  if (line === '{') {
    if (!state.voucher || state.inBlock) throw new RangeError('"{" utan föregående #VER');
    state.inBlock = true;
    return;
  }
  if (line === '}') {
    if (!state.voucher || !state.inBlock) throw new RangeError('"}" utan öppnad verifikation');
    const voucher = state.voucher;
    state.voucher = null;
    state.inBlock = false;
    state.added = null;
    state.doc.vouchers.push(voucher);
    const sum = Money.sum(voucher.transactions.map((t) => t.amount));
    if (!sum.isZero())
      throw new RangeError(
        `verifikation ${voucher.series} ${voucher.number} (rad ${voucher.line}) balanserar inte: summan är ${sum}`,
      );
    return;
  }
  const tokens = tokenizeSieLine(line);
  const label = word(tokens, 0).toUpperCase();
  if (label === '#KSUMMA') return readChecksum(state, tokens);
  if (state.checksumClosed) throw new RangeError('posten står efter filens kontrollsumma (#KSUMMA)');
  state.checksum?.add(tokens);
  if (state.voucher && !state.inBlock) throw new RangeError('#VER ska följas av "{"');
  if (state.inBlock) return readVoucherRow(state, label, tokens, lineNo);
  readItem(state, label, tokens, lineNo);
}

function readChecksum(state: ReadState, tokens: SieToken[]): void {
  const given = optional(tokens, 1);
  if (given === undefined) {
    if (state.checksum) throw new RangeError('#KSUMMA utan summa finns redan');
    state.checksum = new SieChecksum();
    return;
  }
  if (!state.checksum) throw new RangeError('kontrollsumman saknar #KSUMMA i filens början');
  if (state.voucher) throw new RangeError('#KSUMMA inne i en verifikation');
  state.checksumClosed = true;
  if (given !== state.checksum.value)
    throw new RangeError(
      `kontrollsumman stämmer inte: filen anger ${given}, innehållet ger ${state.checksum.value}; filen är ändrad eller ofullständig`,
    );
  state.doc.checksum = given;
}

function readVoucherRow(state: ReadState, label: string, tokens: SieToken[], lineNo: number): void {
  const voucher = state.voucher as SieVoucher;
  if (label !== '#TRANS' && label !== '#RTRANS' && label !== '#BTRANS') {
    state.added = null;
    return;
  }
  const row = transaction(tokens, lineNo);
  if (label === '#BTRANS') {
    state.added = null;
    return;
  }
  if (label === '#TRANS' && state.added && sameRow(state.added, row)) {
    state.added = null; // SIE 4B's copy of the #RTRANS before it: counted once
    return;
  }
  voucher.transactions.push(row);
  state.added = label === '#RTRANS' ? row : null;
}

function readItem(state: ReadState, label: string, tokens: SieToken[], lineNo: number): void {
  const doc = state.doc;
  switch (label) {
    case '#FLAGGA':
      doc.flag = word(tokens, 1);
      break;
    case '#FORMAT':
      doc.format = word(tokens, 1);
      break;
    case '#SIETYP':
      doc.sieType = word(tokens, 1);
      break;
    case '#PROGRAM':
      doc.program = { name: word(tokens, 1), version: optional(tokens, 2) ?? '' };
      break;
    case '#GEN':
      doc.generatedOn = date(word(tokens, 1));
      break;
    case '#FNAMN':
      doc.companyName = word(tokens, 1);
      break;
    case '#ORGNR':
      doc.orgNo = word(tokens, 1);
      break;
    case '#VALUTA':
      doc.currency = word(tokens, 1);
      break;
    case '#RAR':
      doc.fiscalYears.push({
        index: integer(word(tokens, 1), 'årsnummer'),
        start: date(word(tokens, 2)),
        end: date(word(tokens, 3)),
      });
      break;
    case '#KONTO':
      doc.accounts.push({ number: word(tokens, 1), name: optional(tokens, 2) ?? '' });
      break;
    case '#KTYP':
      state.types.set(word(tokens, 1), word(tokens, 2));
      break;
    case '#DIM':
      doc.dimensions.push({ number: dimension(word(tokens, 1)), name: optional(tokens, 2) ?? '' });
      break;
    case '#UNDERDIM':
      doc.dimensions.push({
        number: dimension(word(tokens, 1)),
        name: optional(tokens, 2) ?? '',
        parent: dimension(word(tokens, 3)),
      });
      break;
    case '#OBJEKT':
      doc.objects.push({
        dimension: dimension(word(tokens, 1)),
        id: word(tokens, 2),
        name: optional(tokens, 3) ?? '',
      });
      break;
    case '#IB':
    case '#UB':
    case '#RES':
      doc.balances.push({
        kind: label.slice(1) as SieBalance['kind'],
        yearIndex: integer(word(tokens, 1), 'årsnummer'),
        account: word(tokens, 2),
        amount: amount(word(tokens, 3)),
        line: lineNo,
      });
      break;
    case '#VER': {
      const registered = optional(tokens, 5);
      state.voucher = {
        series: optional(tokens, 1) ?? '',
        number: optional(tokens, 2) ?? '',
        date: date(word(tokens, 3)),
        text: optional(tokens, 4) ?? '',
        ...(registered ? { registeredOn: date(registered) } : {}),
        transactions: [],
        line: lineNo,
      };
      break;
    }
    case '#TRANS':
    case '#RTRANS':
    case '#BTRANS':
      throw new RangeError(`${label} utanför en verifikation`);
    default:
      break;
  }
}

function transaction(tokens: SieToken[], lineNo: number): SieTransaction {
  const transDate = optional(tokens, 4);
  const text = optional(tokens, 5);
  return {
    account: word(tokens, 1),
    objects: objectList(tokens[2]),
    amount: amount(word(tokens, 3)),
    ...(transDate ? { date: date(transDate) } : {}),
    ...(text !== undefined ? { text } : {}),
    line: lineNo,
  };
}

function sameRow(a: SieTransaction, b: SieTransaction): boolean {
  const objects = (t: SieTransaction) => t.objects.map((o) => `${o.dimension}:${o.id}`).join(' ');
  return (
    a.account === b.account &&
    a.amount.equals(b.amount) &&
    objects(a) === objects(b) &&
    (a.date ?? '') === (b.date ?? '') &&
    (a.text ?? '') === (b.text ?? '')
  );
}

function word(tokens: SieToken[], i: number): string {
  const t = tokens[i];
  if (!t || t.kind !== 'word') throw new RangeError(`fält ${i} saknas`);
  return t.value;
}

function optional(tokens: SieToken[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' && t.value !== '' ? t.value : undefined;
}

function date(value: string): string {
  const iso = isoFromSieDate(value);
  if (!iso) throw new RangeError(`ogiltigt datum "${value}"`);
  return iso;
}

function amount(value: string): Money {
  const problem = Money.check(value);
  if (problem)
    throw new RangeError(`ogiltigt belopp "${value}" (högst två decimaler, punkt som decimaltecken)`);
  return Money.parse(value);
}

function integer(value: string, what: string): number {
  if (!/^-?\d+$/.test(value)) throw new RangeError(`ogiltigt ${what} "${value}"`);
  return Number(value);
}

function dimension(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new RangeError(`ogiltig dimension "${value}"`);
  return n;
}

function objectList(token: SieToken | undefined): SieObjectRef[] {
  if (!token || token.kind !== 'objects') throw new RangeError('objektlista {…} saknas');
  if (token.items.length % 2 !== 0) throw new RangeError('objektlistan ska ha par av dimension och objekt');
  const out: SieObjectRef[] = [];
  for (let i = 0; i < token.items.length; i += 2) {
    out.push({ dimension: dimension(token.items[i]), id: token.items[i + 1] });
  }
  return out;
}
