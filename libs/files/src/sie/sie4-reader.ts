import { Money, Problem, ValidationError } from '@it-samverkan/domain';
import {
  SieObjectRef,
  SieToken,
  SieVoucher,
  decodeSie,
  isoFromSieDate,
  tokenizeSieLine,
} from './sie4-format';

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
  dimensions: { number: number; name: string }[];
  objects: { dimension: number; id: string; name: string }[];
  vouchers: SieVoucher[];
}

/**
 * Reads a SIE 4 file (PC8) into its company data, accounts, dimensions, objects and vouchers.
 * Labels it does not know are skipped, as the format asks; a malformed line throws a
 * ValidationError naming the line.
 */
export function readSie4(bytes: Buffer): SieDocument {
  const doc: SieDocument = { fiscalYears: [], accounts: [], dimensions: [], objects: [], vouchers: [] };
  const types = new Map<string, string>();
  const problems: Problem[] = [];
  let voucher: SieVoucher | null = null;
  let inBlock = false;

  const rawLines = decodeSie(bytes).split(/\r?\n/);
  for (const [index, raw] of rawLines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const path = `rad ${index + 1}`;
    try {
      if (line === '{') {
        if (!voucher || inBlock) throw new RangeError('"{" utan föregående #VER');
        inBlock = true;
        continue;
      }
      if (line === '}') {
        if (!voucher || !inBlock) throw new RangeError('"}" utan öppnad verifikation');
        doc.vouchers.push(voucher);
        voucher = null;
        inBlock = false;
        continue;
      }
      const tokens = tokenizeSieLine(line);
      const label = word(tokens, 0).toUpperCase();
      if (voucher && !inBlock) throw new RangeError('#VER ska följas av "{"');
      if (inBlock && label !== '#TRANS') continue; // #RTRANS and #BTRANS are supplementary
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
            index: Number(word(tokens, 1)),
            start: date(word(tokens, 2)),
            end: date(word(tokens, 3)),
          });
          break;
        case '#KONTO':
          doc.accounts.push({ number: word(tokens, 1), name: word(tokens, 2) });
          break;
        case '#KTYP':
          types.set(word(tokens, 1), word(tokens, 2));
          break;
        case '#DIM':
          doc.dimensions.push({ number: Number(word(tokens, 1)), name: word(tokens, 2) });
          break;
        case '#OBJEKT':
          doc.objects.push({
            dimension: Number(word(tokens, 1)),
            id: word(tokens, 2),
            name: word(tokens, 3),
          });
          break;
        case '#VER': {
          const registered = optional(tokens, 5);
          voucher = {
            series: word(tokens, 1),
            number: word(tokens, 2),
            date: date(word(tokens, 3)),
            text: optional(tokens, 4) ?? '',
            ...(registered ? { registeredOn: date(registered) } : {}),
            transactions: [],
          };
          break;
        }
        case '#TRANS': {
          if (!voucher || !inBlock) throw new RangeError('#TRANS utanför en verifikation');
          const transDate = optional(tokens, 4);
          const text = optional(tokens, 5);
          voucher.transactions.push({
            account: word(tokens, 1),
            objects: objectList(tokens[2]),
            amount: Money.parse(word(tokens, 3), `${path}.belopp`),
            ...(transDate ? { date: date(transDate) } : {}),
            ...(text !== undefined ? { text } : {}),
          });
          break;
        }
        default:
          break;
      }
    } catch (e) {
      problems.push({ path, message: `${line}: ${(e as Error).message}` });
    }
  }
  if (voucher) problems.push({ path: 'slut', message: 'Filen slutar inne i en verifikation' });
  if (problems.length > 0) throw new ValidationError(problems, 'SIE-filen kan inte läsas');
  for (const a of doc.accounts) {
    const type = types.get(a.number);
    if (type) a.type = type;
  }
  return doc;
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

function objectList(token: SieToken | undefined): SieObjectRef[] {
  if (!token || token.kind !== 'objects') throw new RangeError('objektlista {…} saknas');
  if (token.items.length % 2 !== 0) throw new RangeError('objektlistan ska ha par av dimension och objekt');
  const out: SieObjectRef[] = [];
  for (let i = 0; i < token.items.length; i += 2) {
    const dimension = Number(token.items[i]);
    if (!Number.isInteger(dimension) || dimension < 1)
      throw new RangeError(`ogiltig dimension "${token.items[i]}"`);
    out.push({ dimension, id: token.items[i + 1] });
  }
  return out;
}
