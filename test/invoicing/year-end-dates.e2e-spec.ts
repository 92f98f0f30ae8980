import { SieDocument } from '@it-samverkan/files';
import { downloadSie, voucherDocumentNumber } from '../support/finance-files';
import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from './support';

type Line = { id: string; source: string; description: string; net: string };
type Doc = {
  id: string;
  kind: 'invoice' | 'credit-note';
  number: string;
  period: string;
  issueDate: string;
  bookingDate: string;
  buyer: { id: string };
  net: string;
  lines: Line[];
};

const ore = (s: string) => BigInt(s.replace('.', ''));

/**
 * DOMAIN.md 7 "Dates", the issue's worked case: a whole year 2025 billed quarterly, Q4 issued in
 * arrears on 2026-01-12, one Q1 invoice partly credited on 2026-03-10 after 2025-Q1 was closed.
 */
describe('a year billed quarterly, Q4 in arrears, a Q1 invoice credited the next year', () => {
  let t: TestApp;
  let finance: string;

  const at = (iso: string) => (t.now.value = new Date(iso));
  const docs = async (period: string): Promise<Doc[]> =>
    (
      await t.http
        .get(`/api/v1/invoices?period=${period}&status=issued&pageSize=500`)
        .set(t.auth(finance))
        .expect(200)
    ).body.items;
  const drafts = async (period: string): Promise<Doc[]> =>
    (await t.http.get(`/api/v1/invoices?period=${period}&status=draft`).set(t.auth(finance)).expect(200)).body
      .items;
  const sie = (period: string) => downloadSie(t, finance, period);
  const runAndIssue = async (period: string) => {
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period }).expect(201);
    for (const d of await drafts(period))
      await t.http.post(`/api/v1/invoices/${d.id}/issue`).set(t.auth(finance)).send({}).expect(200);
  };

  let q1Vouchers: SieDocument['vouchers'];

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    await runAndIssue('2025-Q1');
    at('2025-04-03T08:00:00Z');
    await t.http.post('/api/v1/periods/2025-Q1/close').set(t.auth(finance)).expect(200);
    q1Vouchers = (await sie('2025-Q1')).vouchers;
    at('2025-07-02T08:00:00Z');
    await runAndIssue('2025-Q2');
    at('2025-10-02T08:00:00Z');
    await runAndIssue('2025-Q3');
  });
  afterAll(async () => t.close());

  it('issues Q4 in January 2026 on the date finance gives, booked on 2025-12-31', async () => {
    at('2026-01-14T09:00:00Z');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q4' }).expect(201);
    const [first, ...rest] = (await drafts('2025-Q4')).sort((a, b) => a.buyer.id.localeCompare(b.buyer.id));
    const issued = await t.http
      .post(`/api/v1/invoices/${first.id}/issue`)
      .set(t.auth(finance))
      .send({ invoiceDate: '2026-01-12' })
      .expect(200);
    // The first document of 2026 in Ulricehamn's own series; revenue of Q4 belongs to 2025.
    expect(issued.body).toMatchObject({
      number: 'ULR-2026-00001',
      issueDate: '2026-01-12',
      bookingDate: '2025-12-31',
      period: '2025-Q4',
    });
    // Refused, nothing issued: earlier than the series' last document, after today, not a date.
    for (const [invoiceDate, status] of [
      ['2026-01-11', 400],
      ['2026-01-15', 400],
      ['2026-02-30', 400],
      ['12/01/2026', 400],
    ] as const) {
      const refused = await t.http
        .post(`/api/v1/invoices/${rest[0].id}/issue`)
        .set(t.auth(finance))
        .send({ invoiceDate });
      expect({ invoiceDate, status: refused.status, path: refused.body.details?.[0]?.path }).toEqual({
        invoiceDate,
        status,
        path: 'invoiceDate',
      });
    }
    expect((await t.http.get(`/api/v1/invoices/${rest[0].id}`).set(t.auth(finance))).body.status).toBe(
      'draft',
    );
    for (const d of rest) {
      const r = await t.http.post(`/api/v1/invoices/${d.id}/issue`).set(t.auth(finance)).expect(200);
      // Default: today in Sweden (2026-01-14), booked on the last day of Q4.
      expect([r.body.issueDate, r.body.bookingDate]).toEqual(['2026-01-14', '2025-12-31']);
    }
    const q4 = await sie('2025-Q4');
    expect(q4.vouchers.filter((v) => v.series === 'F').length).toBe(1 + rest.length);
    expect(new Set(q4.vouchers.map((v) => v.date))).toEqual(new Set(['2025-12-31']));
  });

  it('credits a Q1 invoice in March 2026 in 2026-03, leaving the closed 2025-Q1 untouched', async () => {
    at('2026-03-10T10:00:00Z');
    const bolagQ1 = (await docs('2025-Q1')).find((d) => d.buyer.id === 'bolag-ue')!;
    const fee = bolagQ1.lines.find((l) => l.source === 'agreement-fee')!;
    const note = await t.http
      .post(`/api/v1/invoices/${bolagQ1.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'Avtalet justerat', lines: [{ lineId: fee.id, amount: '20000.00' }] })
      .expect(201);
    // 20 000.00 net + 25 % VAT 5 000.00 = 25 000.00.
    expect(note.body).toMatchObject({
      kind: 'credit-note',
      period: '2026-03',
      issueDate: '2026-03-10',
      bookingDate: '2026-03-10',
      creditedInvoiceId: bolagQ1.id,
      net: '20000.00',
      vat: '5000.00',
      gross: '25000.00',
    });
    expect(note.body.number).toMatch(/^ULR-2026-\d{5}$/);
    // The same vouchers as when 2025-Q1 was closed (only the registration date, the file's, differs).
    const unregistered = (vs: SieDocument['vouchers']) => vs.map(({ registeredOn: _, ...v }) => v);
    expect(unregistered((await sie('2025-Q1')).vouchers)).toEqual(unregistered(q1Vouchers));

    // After 2026-Q1 is closed a further credit dated in it is refused and nothing is saved.
    await t.http.post('/api/v1/periods/2026-Q1/close').set(t.auth(finance)).expect(200);
    at('2026-03-20T10:00:00Z');
    const late = await t.http
      .post(`/api/v1/invoices/${bolagQ1.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'Igen', lines: [{ lineId: fee.id, amount: '1.00' }] });
    expect([late.status, late.body.error]).toEqual([409, 'PERIOD_CLOSED']);
    expect((await docs('2026')).filter((d) => d.kind === 'credit-note')).toHaveLength(1);
  });

  it('the 2025 and 2026 SIE files hold every document once, balanced, 2025 revenue = 2025 invoiced net', async () => {
    const year2025 = await docs('2025');
    const year2026 = await docs('2026');
    // Four quarters of the same buyers, and the one credit note in 2026.
    const quarters = await Promise.all(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map(docs));
    expect(year2025.length).toBe(quarters.reduce((n, q) => n + q.length, 0));
    expect(quarters.map((q) => q.length)).toEqual(Array(4).fill(quarters[0].length));
    expect(year2026.map((d) => [d.kind, d.period])).toEqual([['credit-note', '2026-03']]);

    const files = { 2025: await sie('2025'), 2026: await sie('2026') };
    expect(files[2025].fiscalYears).toEqual([{ index: 0, start: '2025-01-01', end: '2025-12-31' }]);
    const booked = [...files[2025].vouchers, ...files[2026].vouchers]
      .map((v) => voucherDocumentNumber(v.text))
      .filter((n): n is string => n !== undefined)
      .sort();
    expect(booked).toEqual([...year2025, ...year2026].map((d) => d.number).sort());
    for (const [year, file] of Object.entries(files))
      for (const v of file.vouchers) {
        expect(v.date.slice(0, 4)).toBe(year);
        expect({
          v: `${v.series}${v.number}`,
          sum: v.transactions.reduce((s, x) => s + x.amount.ore, 0n),
        }).toEqual({ v: `${v.series}${v.number}`, sum: 0n });
      }

    // Revenue (35xx, credit side negative) equals minus the net of 2025's invoices.
    const revenue = (file: SieDocument, account = /^351/) =>
      file.vouchers.flatMap((v) => v.transactions).filter((x) => account.test(x.account));
    const sum = (xs: { amount: { ore: bigint } }[]) => xs.reduce((s, x) => s + x.amount.ore, 0n);
    expect(sum(revenue(files[2025]))).toBe(-year2025.reduce((s, d) => s + ore(d.net), 0n));

    // By hand: the bolag's agreement fee 480 000.00 a year = 4 × 120 000.00, all of it in 2025.
    const feeTexts = new Set(
      year2025
        .filter((d) => d.buyer.id === 'bolag-ue')
        .flatMap((d) => d.lines.filter((l) => l.source === 'agreement-fee').map((l) => l.description)),
    );
    expect(feeTexts.size).toBe(4);
    expect(sum(revenue(files[2025]).filter((x) => feeTexts.has(x.text ?? '')))).toBe(-48_000_000n);

    // The 2026 file: the credit note reverses 25 000.00 receivable, 20 000.00 revenue, 5 000.00 VAT.
    const [credit] = files[2026].vouchers.filter((v) => v.series === 'K');
    expect(credit.date).toBe('2026-03-10');
    expect(credit.transactions.map((x) => [x.account, x.amount.toString()])).toEqual([
      ['1512', '-25000.00'],
      ['3512', '20000.00'],
      ['2611', '5000.00'],
    ]);
  });
});
