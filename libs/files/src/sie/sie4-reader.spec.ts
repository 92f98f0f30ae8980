import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Money, ValidationError } from '@it-samverkan/domain';
import { DEFAULT_ACCOUNT_PLAN } from '@it-samverkan/config/accounts';
import {
  sampleCreditNote,
  sampleInternalCharges,
  sampleInvoices,
} from '../../../../test/factories/invoice-files';
import { closingChecksumLine, readSie4, SieDocument, writeSie4 } from '.';

const pc8 = (text: string) => iconv.encode(text, 'cp437');

/** A hand-made export as Raindance writes it: #KSUMMA, #UNDERDIM, balances, #RTRANS/#BTRANS. */
const HANDMADE = [
  '#FLAGGA 0',
  '#KSUMMA',
  '#PROGRAM "Raindance" "5.2"',
  '#FORMAT PC8',
  '#GEN 20260115',
  '#SIETYP 4',
  '#FNAMN "Ulricehamns kommun"',
  '#ORGNR 212000-1561',
  '#RAR 0 20250101 20251231',
  '#RAR -1 20240101 20241231',
  '#KONTO 1930 "Bank"',
  '#KONTO 5010 "Löner"',
  '#KONTO 6540 "IT-tjänster \\"moln\\""',
  '#DIM 1 "Ansvar"',
  '#UNDERDIM 21 "Delansvar" 1',
  '#OBJEKT 1 "1150" "IT-avdelningen"',
  '#OBJEKT 21 "1150-1" "Drift"',
  '#IB 0 1930 500000.00',
  '#UB 0 1930 305000.00',
  '#RES 0 5010 150000.00',
  '#RES 0 6540 45000.00',
  '#VER A 1 20250131 "Löner januari"',
  '{',
  '   #TRANS 5010 {1 "1150"} 150000.00',
  '   #TRANS 1930 {} -150000.00',
  '}',
  '#VER "B" "7" 20250315 "Molntjänst, rättad"',
  '{',
  '   #TRANS 6540 {1 "1150" 21 "1150-1"} 50000.00 20250315 "Faktura 4711"',
  '   #BTRANS 6540 {1 "1150"} 50000.00 20250316 "Fel ansvar"',
  '   #RTRANS 6540 {1 "1150" 21 "1150-1"} -5000.00 20250316 "Kreditering"',
  '   #TRANS 6540 {1 "1150" 21 "1150-1"} -5000.00 20250316 "Kreditering"',
  '   #TRANS 1930 {} -45000.00',
  '}',
  // CRC-32 of the items' labels and fields in PC8, computed apart with Python's zlib.crc32.
  '#KSUMMA 4199251065',
];

/** Sum per account of the vouchers' counted transactions. */
function perAccount(doc: SieDocument): Record<string, string> {
  const out: Record<string, Money> = {};
  for (const v of doc.vouchers)
    for (const t of v.transactions) out[t.account] = (out[t.account] ?? Money.ZERO).plus(t.amount);
  return Object.fromEntries(Object.entries(out).map(([k, m]) => [k, m.toString()]));
}

function problemsOf(text: string): string[] {
  try {
    readSie4(pc8(text));
  } catch (e) {
    return (e as ValidationError).details.map((d) => `${d.path}: ${d.message}`);
  }
  throw new Error('expected the file to be refused');
}

describe('SIE 4 reader on a hand-made export', () => {
  const doc = readSie4(pc8(HANDMADE.join('\r\n') + '\r\n'));

  it('verifies #KSUMMA and reads CP437 text with escaped quotes', () => {
    expect(doc.checksum).toBe('4199251065');
    expect(doc.accounts).toEqual([
      { number: '1930', name: 'Bank' },
      { number: '5010', name: 'Löner' },
      { number: '6540', name: 'IT-tjänster "moln"' },
    ]);
    expect(doc.program).toEqual({ name: 'Raindance', version: '5.2' });
  });

  it('reads #DIM, #UNDERDIM, #OBJEKT and the balances of each year', () => {
    expect(doc.dimensions).toEqual([
      { number: 1, name: 'Ansvar' },
      { number: 21, name: 'Delansvar', parent: 1 },
    ]);
    expect(doc.objects).toEqual([
      { dimension: 1, id: '1150', name: 'IT-avdelningen' },
      { dimension: 21, id: '1150-1', name: 'Drift' },
    ]);
    expect(
      doc.balances.map((b) => `${b.kind} ${b.yearIndex} ${b.account} ${b.amount} (rad ${b.line})`),
    ).toEqual([
      'IB 0 1930 500000.00 (rad 18)',
      'UB 0 1930 305000.00 (rad 19)',
      'RES 0 5010 150000.00 (rad 20)',
      'RES 0 6540 45000.00 (rad 21)',
    ]);
  });

  it('counts a #RTRANS once (not its 4B copy) and a #BTRANS not at all: totals equal #RES', () => {
    // 6540: 50 000.00 − 5 000.00 = 45 000.00; 1930: −150 000.00 − 45 000.00 = −195 000.00.
    expect(perAccount(doc)).toEqual({ '5010': '150000.00', '1930': '-195000.00', '6540': '45000.00' });
    const [, b7] = doc.vouchers;
    expect([b7.series, b7.number, b7.date, b7.text, b7.line]).toEqual([
      'B',
      '7',
      '2025-03-15',
      'Molntjänst, rättad',
      27,
    ]);
    expect(
      b7.transactions.map((t) => [t.line, t.objects.map((o) => `${o.dimension}:${o.id}`).join(' ')]),
    ).toEqual([
      [29, '1:1150 21:1150-1'],
      [31, '1:1150 21:1150-1'],
      [33, ''],
    ]);
  });

  it('refuses a changed file: the checksum no longer matches', () => {
    const changed = HANDMADE.join('\n')
      .replace('-45000.00', '-46000.00')
      .replace('50000.00 2025', '51000.00 2025');
    const problems = problemsOf(changed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^rad 35: #KSUMMA 4199251065: kontrollsumman stämmer inte: filen anger 4199251065, innehållet ger \d+;/,
    );
  });

  it('lists every problem with its line and reads nothing of a broken file', () => {
    const broken = [
      '#FLAGGA 0',
      '#RAR 0 2025-01-01 20251231',
      '#TRANS 1930 {} 1.00',
      '#VER A 1 20250102 "x"',
      '{',
      '#TRANS 1930 {1} 5.00',
      '#TRANS 5010 {} 5,00',
      '#TRANS 5010 {1 "1150"} 4.00',
      '#TRANS 1930 {} -5.00',
      '}',
      '#RES 0 5010 12.345',
    ].join('\n');
    expect(problemsOf(broken).map((p) => p.split(':')[0])).toEqual([
      'rad 2',
      'rad 3',
      'rad 6',
      'rad 7',
      'rad 10',
      'rad 11',
    ]);
    expect(problemsOf(broken)[4]).toContain('verifikation A 1 (rad 4) balanserar inte: summan är -1.00');
  });

  it('counts a #RTRANS without the 4B copy after it, and refuses a lone checksum', () => {
    const added = readSie4(
      pc8('#VER A 1 20250102 ""\n{\n#TRANS 5010 {} 7.00\n#RTRANS 5010 {} 3.00\n#TRANS 1930 {} -10.00\n}\n'),
    );
    expect(perAccount(added)).toEqual({ '5010': '10.00', '1930': '-10.00' });
    expect(problemsOf('#FLAGGA 0\n#KSUMMA\n#SIETYP 4\n')).toEqual([
      'slut: Filen har #KSUMMA i början men ingen kontrollsumma i slutet',
    ]);
  });
});

describe('SIE 4 reader on the project’s own output (round trip)', () => {
  const input = {
    generatedOn: '2025-04-15',
    program: { name: 'it-samverkan', version: '0.1.0' },
    company: { name: 'Ulricehamns kommun', orgNo: '212000-1561' },
    fiscalYear: { start: '2025-01-01', end: '2025-12-31' },
    accounts: DEFAULT_ACCOUNT_PLAN,
    invoices: sampleInvoices(),
    creditNotes: [sampleCreditNote()],
    internalCharges: sampleInternalCharges(),
  };

  it('reads back a file with #KSUMMA, verified, with the same vouchers as without it', () => {
    const plain = readSie4(writeSie4(input));
    const summed = readSie4(writeSie4({ ...input, checksum: true }));
    expect(summed.checksum).toMatch(/^\d+$/);
    const strip = (d: SieDocument) =>
      d.vouchers.map(({ line: _l, ...v }) => ({
        ...v,
        transactions: v.transactions.map(({ line: _t, ...t }) => t),
      }));
    expect(strip(summed)).toEqual(strip(plain));
    expect(
      Object.values(perAccount(summed))
        .reduce((s, a) => s.plus(Money.parse(a)), Money.ZERO)
        .toString(),
    ).toBe('0.00');
  });

  it('property: any balanced vouchers read back to the amounts written, checksum verified', () => {
    const amount = fc.integer({ min: -99_999_999, max: 99_999_999 }).map((ore) => Money.ofOre(ore));
    fc.assert(
      fc.property(
        fc.array(fc.array(amount, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (vs) => {
          const items: string[] = [];
          vs.forEach((amounts, i) => {
            items.push(`#VER "A" "${i + 1}" 20250101 "Text ${i} \\"å\\""`, '{');
            for (const a of amounts) items.push(`#TRANS 5010 {1 "1150"} ${a}`);
            items.push(`#TRANS 1930 {} ${Money.sum(amounts).negate()}`, '}');
          });
          const text = ['#FLAGGA 0', '#KSUMMA', ...items, closingChecksumLine(items)].join('\r\n');
          const read = readSie4(pc8(text));
          expect(
            read.vouchers.map((v) => v.transactions.slice(0, -1).map((t) => t.amount.toString())),
          ).toEqual(vs.map((amounts) => amounts.map((a) => a.toString())));
        },
      ),
      { numRuns: 50 },
    );
  });
});
