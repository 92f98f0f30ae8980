import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Money, ValidationError } from '@it-samverkan/domain';
import { DEFAULT_ACCOUNT_PLAN } from '@it-samverkan/config/accounts';
import {
  SAMPLE_RESPONSIBILITY_NAMES,
  buildInvoiceFile,
  sampleEnergi,
  sampleCreditNote,
  sampleInternalCharges,
  sampleInvoices,
  sampleTranemoInvoice,
  TRANEMO_ORG_NO,
} from '../../../../test/factories/invoice-files';
import { Sie4Input, readSie4, writeSie4 } from '.';
import { quoteSie, tokenizeSieLine } from './sie4-format';

function sampleInput(): Sie4Input {
  return {
    generatedOn: '2025-04-15',
    program: { name: 'it-samverkan', version: '0.1.0' },
    company: { name: 'Ulricehamns kommun', orgNo: '212000-1561' },
    fiscalYear: { start: '2025-01-01', end: '2025-12-31' },
    accounts: DEFAULT_ACCOUNT_PLAN,
    invoices: sampleInvoices(),
    creditNotes: [sampleCreditNote()],
    internalCharges: sampleInternalCharges(),
    responsibilityNames: SAMPLE_RESPONSIBILITY_NAMES,
  };
}

const sum = (amounts: Money[]) => Money.sum(amounts).toString();

describe('SIE 4 ledger file of a period', () => {
  const bytes = writeSie4(sampleInput());
  const doc = readSie4(bytes);

  it('has the identification items, and #FLAGGA first', () => {
    const text = bytes.toString('latin1');
    expect(text.startsWith('#FLAGGA 0\r\n')).toBe(true);
    expect(doc).toMatchObject({
      flag: '0',
      format: 'PC8',
      sieType: '4',
      program: { name: 'it-samverkan', version: '0.1.0' },
      generatedOn: '2025-04-15',
      companyName: 'Ulricehamns kommun',
      orgNo: '212000-1561',
      fiscalYears: [{ index: 0, start: '2025-01-01', end: '2025-12-31' }],
    });
    expect(doc.dimensions).toEqual([
      { number: 1, name: 'Ansvar' },
      { number: 20, name: 'Motpart' },
    ]);
  });

  it('is encoded in code page 437 (PC8): å 0x86, ä 0x84, ö 0x94, Å 0x8F, Ä 0x8E, Ö 0x99', () => {
    const pc8: Record<string, number> = { å: 0x86, ä: 0x84, ö: 0x94, Å: 0x8f, Ä: 0x8e, Ö: 0x99 };
    const asPc8 = (s: string) => Buffer.from([...s].map((c) => pc8[c] ?? c.charCodeAt(0)));
    for (const text of ['Gemensamma lönenämnden', 'Utgående moms 25 %', 'Äldreomsorg Östra', 'Ådalsskolan']) {
      expect(bytes.indexOf(asPc8(text))).toBeGreaterThan(0);
    }
    expect([...bytes].every((b) => b !== 0xc3 && b !== 0xe4 && b !== 0xf6)).toBe(true); // no UTF-8 or Latin-1 å/ä/ö
  });

  it('has one voucher per invoice (F), credit note (K) and internal charge (I)', () => {
    expect(doc.vouchers.map((v) => `${v.series} ${v.number} ${v.date}`)).toEqual([
      'F 1 2025-03-31',
      'F 2 2025-03-31',
      'F 3 2025-03-31',
      'K 1 2025-04-10',
      'I 1 2025-03-31',
      'I 2 2025-03-31',
    ]);
    expect(doc.vouchers[0].text).toBe('Faktura 2025-0001 Tranemo kommun');
    expect(doc.vouchers[3].text).toBe(
      'Kreditfaktura 2025-0004 avser faktura 2025-0002 Ulricehamns Energi AB',
    );
    expect(doc.vouchers.every((v) => v.registeredOn === '2025-04-15')).toBe(true);
  });

  it('balances every voucher to exactly zero', () => {
    for (const v of doc.vouchers) expect(sum(v.transactions.map((t) => t.amount))).toBe('0.00');
  });

  it('books receivable = gross, revenue = net and VAT = VAT for every invoice (values by hand)', () => {
    const expected = [
      { receivable: '1513', gross: '115410.42', revenue: '3511', net: '-112441.67', vat: '-2968.75' },
      { receivable: '1512', gross: '41395.63', revenue: '3512', net: '-33116.50', vat: '-8279.13' },
      { receivable: '1514', gross: '17829.00', revenue: '3513', net: '-14400.00', vat: '-3429.00' },
      { receivable: '1512', gross: '-1458.38', revenue: '3512', net: '1166.70', vat: '291.68' },
    ];
    expected.forEach((e, i) => {
      const t = doc.vouchers[i].transactions;
      const on = (pred: (a: string) => boolean) => sum(t.filter((x) => pred(x.account)).map((x) => x.amount));
      expect(on((a) => a === e.receivable)).toBe(e.gross);
      expect(on((a) => a === e.revenue)).toBe(e.net);
      expect(on((a) => a.startsWith('26'))).toBe(e.vat);
    });
    const lon = doc.vouchers[2].transactions;
    expect(lon.filter((t) => t.account === '2611').map((t) => t.amount.toString())).toEqual(['-3375.00']);
    expect(lon.filter((t) => t.account === '2631').map((t) => t.amount.toString())).toEqual(['-54.00']);
  });

  it('puts ansvar and motpart on revenue, motpart on the receivable, nothing on VAT', () => {
    const t = doc.vouchers[1].transactions;
    expect(t[0]).toMatchObject({
      account: '1512',
      objects: [{ dimension: 20, id: 'B-UEAB' }],
      text: 'Ulricehamns Energi AB',
    });
    expect(t.slice(1, 4).map((x) => x.objects)).toEqual([
      [
        { dimension: 1, id: '1150' },
        { dimension: 20, id: 'B-UEAB' },
      ],
      [
        { dimension: 1, id: '1150' },
        { dimension: 20, id: 'B-UEAB' },
      ],
      [
        { dimension: 1, id: '1151' },
        { dimension: 20, id: 'B-UEAB' },
      ],
    ]);
    expect(t[1].text).toBe('Arbetsplatstjänst');
    expect(t[4]).toMatchObject({ account: '2611', objects: [] });
  });

  it('books an internal charge as the unit’s internal cost against IT’s internal revenue', () => {
    const [first] = doc.vouchers.filter((v) => v.series === 'I');
    expect(first.transactions.map((t) => [t.account, t.objects[0].id, t.amount.toString()])).toEqual([
      ['6590', '4100', '140000.00'],
      ['3590', '1150', '-140000.00'],
    ]);
  });

  it('declares every account it uses, with its type, and only those', () => {
    const used = new Set(doc.vouchers.flatMap((v) => v.transactions.map((t) => t.account)));
    expect(doc.accounts.map((a) => a.number).sort()).toEqual([...used].sort());
    expect(doc.accounts.find((a) => a.number === '2621')).toBeUndefined();
    for (const a of doc.accounts)
      expect(a).toEqual({ number: a.number, ...DEFAULT_ACCOUNT_PLAN.accounts[a.number] });
  });

  it('declares every object it uses, with a name', () => {
    const used = doc.vouchers.flatMap((v) =>
      v.transactions.flatMap((t) => t.objects.map((o) => `${o.dimension}/${o.id}`)),
    );
    expect(doc.objects.map((o) => `${o.dimension}/${o.id}`).sort()).toEqual([...new Set(used)].sort());
    expect(doc.objects).toContainEqual({
      dimension: 1,
      id: '4100',
      name: 'Sektor vård och omsorg, Äldreomsorg Östra',
    });
    expect(doc.objects).toContainEqual({ dimension: 1, id: '1151', name: 'IT-beredskap' });
    expect(doc.objects).toContainEqual({
      dimension: 20,
      id: 'N-LON',
      name: 'Gemensamma lönenämnden, Svenljunga kommun',
    });
  });

  it('keeps quotes in texts and maps the en dash, which PC8 lacks, to a hyphen', () => {
    const line = doc.vouchers[0].transactions.find((t) => t.text?.startsWith('Beredskapsärende'));
    expect(line?.text).toBe('Beredskapsärende 2025-03-11 16:00-16:50, "Omsorg"');
    expect(quoteSie('a "b" c\\d')).toBe('"a \\"b\\" c\\\\d"');
    expect(tokenizeSieLine('#TRANS 1510 {1 "a b" 20 "x\\"y"} -1.00 20250101 "t"')).toEqual([
      { kind: 'word', value: '#TRANS' },
      { kind: 'word', value: '1510' },
      { kind: 'objects', items: ['1', 'a b', '20', 'x"y'] },
      { kind: 'word', value: '-1.00' },
      { kind: 'word', value: '20250101' },
      { kind: 'word', value: 't' },
    ]);
  });

  it('balances and books the gross for any invoice and credit note (property)', () => {
    const line = fc.record({
      ore: fc.bigInt({ min: 0n, max: 100_000_000_000n }),
      vatRate: fc.constantFrom('25' as const, '12' as const, '6' as const, '0' as const),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (specs, credit) => {
        const doc = buildInvoiceFile({
          number: 'P-1',
          kind: credit ? 'credit-note' : 'invoice',
          ...(credit ? { creditedInvoiceNumber: 'P-0' } : {}),
          buyer: sampleEnergi(),
          buyerReference: 'p',
          lines: specs.map((l) => {
            const amount = Money.ofOre(l.ore).toString();
            return {
              description: 'x',
              quantity: '1',
              unit: 'EA',
              unitPrice: amount,
              net: amount,
              vatRate: l.vatRate,
            };
          }),
        });
        const input = {
          ...sampleInput(),
          invoices: credit ? [] : [doc],
          creditNotes: credit ? [doc] : [],
          internalCharges: [],
        };
        const [voucher] = readSie4(writeSie4(input)).vouchers;
        const receivable = voucher.transactions.filter((t) => t.account === '1512').map((t) => t.amount);
        const gross = credit ? doc.totals.gross.negate() : doc.totals.gross;
        return (
          sum(voucher.transactions.map((t) => t.amount)) === '0.00' &&
          (doc.totals.gross.isZero() || sum(receivable) === gross.toString())
        );
      }),
    );
  });

  it('writes the same bytes for the same input', () => {
    expect(writeSie4(sampleInput()).equals(bytes)).toBe(true);
  });
});

describe('SIE 4 input that cannot be booked', () => {
  const problemsOf = (mutate: (input: Sie4Input) => void) => {
    const input = sampleInput();
    mutate(input);
    try {
      writeSie4(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).details.map((d) => d.path);
    }
    throw new Error('expected a ValidationError');
  };

  it('rejects an invoice whose totals do not add up, instead of writing an unbalanced voucher', () => {
    expect(problemsOf((i) => (i.invoices[1].totals.gross = Money.parse('41395.64')))).toEqual([
      'invoices[1].totals.gross',
    ]);
  });

  it('rejects a date outside the fiscal year, a foreign seller and an account missing from the plan', () => {
    const paths = problemsOf((i) => {
      i.internalCharges[0].date = '2024-12-31';
      i.company.orgNo = '212000-1538';
      i.accounts = { ...DEFAULT_ACCOUNT_PLAN, outputVat: { ...DEFAULT_ACCOUNT_PLAN.outputVat, '6': '2639' } };
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        'internalCharges[0].date',
        'invoices[0].seller.orgNo',
        'creditNotes[0].seller.orgNo',
        'accounts.outputVat.6',
      ]),
    );
  });

  it('rejects a credit note among the invoices', () => {
    expect(problemsOf((i) => i.invoices.push(sampleCreditNote()))).toEqual(['invoices[3].kind']);
  });
});

describe('SIE 4 reader', () => {
  const pc8 = (text: string) => iconv.encode(text, 'cp437');

  it('skips labels it does not know and #RTRANS, and reads LF line ends', () => {
    const doc = readSie4(
      pc8(
        '#FLAGGA 0\n#PROSA "x"\n#VER A 7 20250102 "Test"\n{\n#RTRANS 1930 {} 5.00\n#TRANS 1930 {} 5.00\n#TRANS 3000 {} -5.00\n}\n',
      ),
    );
    expect(doc.vouchers).toHaveLength(1);
    expect(doc.vouchers[0]).toMatchObject({ series: 'A', number: '7', date: '2025-01-02', text: 'Test' });
    expect(doc.vouchers[0].transactions.map((t) => t.amount.toString())).toEqual(['5.00', '-5.00']);
  });

  it('names every malformed line', () => {
    try {
      readSie4(
        pc8(
          '#FLAGGA 0\n#GEN 2025-01-02\n#VER A 1 20250102 "x"\n{\n#TRANS 1930 {1} 5.00\n#TRANS 1930 {} 5.001\n',
        ),
      );
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect((e as ValidationError).details.map((d) => d.path)).toEqual(['rad 2', 'rad 5', 'rad 6', 'slut']);
    }
  });
});

describe('SIE 4 of the buyer’s purchases (DOMAIN.md 7: the buyer books what it receives)', () => {
  const received = () => {
    const doc = sampleTranemoInvoice();
    doc.lines[0].buyerAccountingCode = '5000';
    doc.lines[2].buyerAccountingCode = '3000';
    return doc;
  };
  const input = (): Sie4Input => ({
    generatedOn: '2025-04-15',
    program: { name: 'it-samverkan', version: '0.1.0' },
    company: { name: 'Tranemo kommun', orgNo: TRANEMO_ORG_NO },
    fiscalYear: { start: '2025-01-01', end: '2025-12-31' },
    accounts: DEFAULT_ACCOUNT_PLAN,
    invoices: [],
    creditNotes: [],
    internalCharges: [],
    purchases: [received()],
    responsibilityNames: { '5000': 'Sektor omsorg', '3000': 'Sektor utbildning' },
  });

  it('books cost per line on the buyer’s own codes and input VAT against the payable (by hand)', () => {
    const [voucher] = readSie4(writeSie4(input())).vouchers;
    expect([voucher.series, voucher.number, voucher.date]).toEqual(['L', '1', '2025-03-31']);
    expect(voucher.text).toBe('Leverantörsfaktura 2025-0001 Ulricehamns kommun');
    // 99 166.67 + 1 400.00 + 11 875.00 net, 25 % of 11 875.00 = 2 968.75 VAT; gross 115 410.42.
    expect(
      voucher.transactions.map((t) => [
        t.account,
        t.objects.map((o) => `${o.dimension}:${o.id}`),
        t.amount.toString(),
      ]),
    ).toEqual([
      ['2440', ['20:K-ULR'], '-115410.42'],
      ['6540', ['1:5000', '20:K-ULR'], '99166.67'],
      ['6540', ['20:K-ULR'], '1400.00'],
      ['6540', ['1:3000', '20:K-ULR'], '11875.00'],
      ['2641', [], '2968.75'],
    ]);
    const doc = readSie4(writeSie4(input()));
    expect(doc.objects).toEqual(
      expect.arrayContaining([
        { dimension: 1, id: '5000', name: 'Sektor omsorg' },
        { dimension: 20, id: 'K-ULR', name: 'Ulricehamns kommun' },
      ]),
    );
  });

  it('reverses a received credit note in its own series, and dates vouchers by booking date', () => {
    const note = received();
    Object.assign(note, { kind: 'credit-note', number: '2026-0003', creditedInvoiceNumber: '2025-0001' });
    Object.assign(note, { issueDate: '2026-01-12', dueDate: '2026-01-12', bookingDate: '2025-12-31' });
    const [voucher] = readSie4(writeSie4({ ...input(), purchases: [note] })).vouchers;
    expect([voucher.series, voucher.date, voucher.transactions[0].amount.toString()]).toEqual([
      'LK',
      '2025-12-31',
      '115410.42',
    ]);
  });

  it('refuses purchases of another organisation than the file’s', () => {
    expect(() =>
      writeSie4({ ...input(), company: { name: 'Ulricehamns kommun', orgNo: '212000-1561' } }),
    ).toThrow(ValidationError);
  });
});
