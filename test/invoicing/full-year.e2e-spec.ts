import { INVOICING_MODEL } from './support';
import { downloadPeppol, downloadSie, voucherDocumentNumber } from '../support/finance-files';
import { expectOfficiallyValid } from '../support/peppol-official';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A whole year of finance work through the API, as Ulricehamn (issuer) and Tranemo (buyer) do it:
 * the budget approved by IT-styrgruppen, four quarterly runs with on-call incidents and development
 * hours, Q4 issued in arrears in January, the year closed, the actual model approved and settled
 * (one consumer credited, one charged), a partial credit of a 2025 invoice in March 2026, and the
 * files of both fiscal years. Figures are worked out by hand below; every issued document must pass
 * the official Peppol validation and land in exactly one SIE file of each year pair.
 *
 * Budget (INVOICING_MODEL): arbetsplats 1 200 000.00 over 600 devices = 2 000.00 a device;
 * servicedesk 100 000.01 over 3 users = 33 333.33 each and 2 öre to the first two (ulr-ks, tra-oms).
 *   tra-oms: 150 × 2 000.00 + 33 333.34 = 333 333.34   tra-utb: 150 × 2 000.00 + 33 333.33 = 333 333.33
 * Spread over four quarters (DOMAIN 5.6, earliest first):
 *   tra-oms 83 333.34, 83 333.34, 83 333.33, 83 333.33   tra-utb 83 333.34, 83 333.33, 83 333.33, 83 333.33
 *   Tranemo's cost share per quarter: 166 666.68, 166 666.67, 166 666.66, 166 666.66 = 666 666.67
 * On-call (demo tariff, DOMAIN 6.3): Q1 demo BER-2025-0001 2 300.00 and BER-2025-0007 3 950.00
 * (tra-oms); added here: Q2 Saturday 10:00–11:00 weekend 60 min 1 200.00 + 500.00 = 1 700.00, Q3
 * Wednesday 19:00–19:40 evening 40 → 60 min 900.00 + 500.00 = 1 400.00, Q4 Sunday 09:00–10:30
 * weekend 90 min 1 800.00 + 500.00 = 2 300.00 (tra-utb).
 * Development hours at 950.00: Q1 demo 4 h = 3 800.00; added Q2 3 h = 2 850.00, Q3 2.5 h = 2 375.00,
 * Q4 5 h = 4 750.00 (tra-oms).
 *   Tranemo net per quarter: Q1 166 666.68 + 2 300.00 + 3 950.00 + 3 800.00 = 176 716.68
 *                            Q2 166 666.67 + 1 700.00 + 2 850.00 = 171 216.67
 *                            Q3 166 666.66 + 1 400.00 + 2 375.00 = 170 441.66
 *                            Q4 166 666.66 + 2 300.00 + 4 750.00 = 173 716.66
 *   2025: 692 091.67 = 666 666.67 + incidents 11 650.00 + hours 13 775.00; VAT 25 % per invoice.
 * Ulricehamns Energi (demo agreement, fixed 480 000.00 a year, quarterly): 120 000.00 a quarter, and
 * the demo's Q1 incidents BER-2025-0003 1 850.00 and BER-2025-0008 1 700.00: 483 550.00 in 2025.
 * Lönenämnden (demo agreement, 35 × 4 200.00 = 147 000.00 a year, quarterly): 36 750.00 a quarter,
 * and BER-2025-0002 on Trettondedag jul, holiday 60 min 1 800.00 + 500.00 = 2 300.00 in Q1
 * (BER-2025-0006 lies in support hours: nothing): 149 300.00 in 2025.
 * Actual 2025: arbetsplats 1 260 000.00 over 600 devices = 2 100.00, tra-oms 120 and tra-utb 180
 * devices; servicedesk as budgeted.
 *   tra-oms 120 × 2 100.00 + 33 333.34 = 285 333.34, charged 333 333.34: credit −48 000.00
 *   tra-utb 180 × 2 100.00 + 33 333.33 = 411 333.33, charged 333 333.33: charge  78 000.00
 *   Settlement invoice to Tranemo: net 30 000.00, VAT 7 500.00, gross 37 500.00.
 * Partial credit in March 2026 of 1 000.00 of the Q1 incident line BER-2025-0001: net 1 000.00,
 * VAT 250.00, gross 1 250.00.
 */

type Line = {
  id: string;
  source: string;
  description: string;
  consumerId: string | null;
  quantity: string;
  unitPrice: string;
  net: string;
};
type Invoice = {
  id: string;
  number: string;
  kind: 'invoice' | 'credit-note';
  status: string;
  period: string;
  buyer: { kind: string; id: string };
  net: string;
  vat: string;
  gross: string;
  issueDate: string;
  bookingDate: string;
  lines: Line[];
};

const ore = (amount: string) => BigInt(amount.replace('.', ''));
const kronor = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};
const sum = (amounts: string[]) => kronor(amounts.reduce((s, a) => s + ore(a), 0n));

const ACTUAL = {
  ...INVOICING_MODEL,
  name: 'Fakturatest 2025, utfall',
  pools: [
    { id: 'p1', name: 'Arbetsplats', amount: '1260000.00', to: { arbetsplats: 1 } },
    { id: 'p2', name: 'Servicedesk', amount: '100000.01', to: { servicedesk: 1 } },
  ],
  volumes: {
    ...INVOICING_MODEL.volumes,
    devices: { 'ulr-ks': 100, 'ulr-bou': 200, 'tra-oms': 120, 'tra-utb': 180 },
  },
};

/**
 * Where a document is booked (DOMAIN 7): in the file of its period's fiscal year, on its invoice
 * date, except Q4 invoiced in January 2026, which books on 31 December 2025.
 */
function expectedBooking(doc: Invoice): string {
  if (doc.period === '2025-Q4') return '2025 2025-12-31';
  return `${doc.period.slice(0, 4)} ${doc.issueDate}`;
}

/**
 * One quarter: an on-call incident of tra-utb [start, end] and hours of tra-oms [hours, day]
 * reported in it, and the day finance issues it with the invoice date it gives.
 */
const quarter = (
  period: string,
  issuedOn: string,
  invoiceDate: string,
  incident?: [string, string],
  hours?: [string, string],
) => ({ period, issuedOn, invoiceDate, incident, hours });

const QUARTERS = [
  quarter('2025-Q1', '2025-04-03', '2025-04-03'),
  quarter(
    '2025-Q2',
    '2025-07-03',
    '2025-07-03',
    ['2025-05-17 10:00', '2025-05-17 11:00'],
    ['3', '2025-05-21'],
  ),
  quarter(
    '2025-Q3',
    '2025-10-03',
    '2025-10-03',
    ['2025-08-13 19:00', '2025-08-13 19:40'],
    ['2.5', '2025-09-09'],
  ),
  // Billed in arrears: finance issues on 14 January with the invoice date 12 January 2026.
  quarter(
    '2025-Q4',
    '2026-01-14',
    '2026-01-12',
    ['2025-11-16 09:00', '2025-11-16 10:30'],
    ['5', '2025-12-04'],
  ),
];

describe('a whole year of invoicing through the API, into the next year (issue 11)', () => {
  let t: TestApp;
  let finance: string;
  let styrgrupp: string;
  let drift: string;
  let utveckling: string;
  const at = (iso: string) => (t.now.value = new Date(iso));
  const list = async (query: string): Promise<Invoice[]> =>
    (await t.http.get(`/api/v1/invoices?${query}&pageSize=200`).set(t.auth(finance)).expect(200)).body.items;
  /** Everything issued in the two fiscal years; Tranemo's six documents must be among them. */
  const issuedDocuments = async (): Promise<Invoice[]> => {
    const issued = [
      ...(await list('period=2025&status=issued')),
      ...(await list('period=2026&status=issued')),
    ];
    expect(
      issued
        .filter((i) => i.buyer.id === 'tranemo')
        .map((i) => `${i.period} ${i.kind}`)
        .sort(),
    ).toEqual([
      '2025-Q1 invoice',
      '2025-Q2 invoice',
      '2025-Q3 invoice',
      '2025-Q4 invoice',
      '2026-02 invoice',
      '2026-03 credit-note',
    ]);
    expect(issued.filter((i) => i.buyer.id === 'bolag-ue')).toHaveLength(4);
    return issued;
  };
  beforeAll(async () => {
    // The demo loads what has happened by its date: Q1's incidents and hours are in by 31 March.
    t = await startTestApp({ demo: true, now: new Date('2025-03-31T08:00:00Z') });
    [finance, styrgrupp, drift, utveckling] = await Promise.all(
      ['finance', 'styrgrupp', 'drift', 'utveckling'].map((role) => t.token(role)),
    );
  });
  afterAll(async () => t.close());

  async function approveModel(kind: 'budget' | 'actual', document: object, decision: object) {
    const created = await t.http
      .post(`/api/v1/cost-models?kind=${kind}`)
      .set(t.auth())
      .send(document)
      .expect(201);
    await t.http
      .post(`/api/v1/cost-models/${created.body.id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision })
      .expect(200);
  }

  async function issueAll(period: string, invoiceDate: string): Promise<Invoice[]> {
    const drafts = await list(`period=${period}&status=draft`);
    const issued: Invoice[] = [];
    for (const d of drafts) {
      const res = await t.http
        .post(`/api/v1/invoices/${d.id}/issue`)
        .set(t.auth(finance))
        .send({ invoiceDate })
        .expect(200);
      issued.push(res.body);
    }
    return issued;
  }

  it('bills four quarters with incidents and hours, Q4 in arrears, exact to the öre', async () => {
    at('2025-03-31T13:00:00Z'); // after the demo's own approval: the latest approved budget is used
    await approveModel('budget', INVOICING_MODEL, {
      date: '2024-12-11',
      paragraph: '41',
      subject: 'Tjänstefiering 2025: reviderad budget',
    });
    const requests = (
      await t.http.get('/api/v1/utveckling/requests?unitId=tra-oms').set(t.auth(utveckling)).expect(200)
    ).body.items as { id: string; status: string }[];
    const omsorgRequest = requests.find((r) => r.status === 'in-progress')!;

    for (const q of QUARTERS) {
      if (q.incident) {
        const [start, end] = q.incident;
        at(`${start.slice(0, 10)}T20:00:00Z`);
        await t.http
          .post('/api/v1/on-call/incidents')
          .set(t.auth(drift))
          .send({
            id: `FY-${q.period}`,
            start,
            end,
            consumer: 'tra-utb',
            system: 'Elevnätverk',
            description: 'Nätverket nere',
          })
          .expect(201);
      }
      if (q.hours) {
        const [hours, reportedOn] = q.hours;
        at(`${reportedOn}T15:00:00Z`);
        await t.http
          .post(`/api/v1/utveckling/requests/${omsorgRequest.id}/hours`)
          .set(t.auth(utveckling))
          .send({ hours, reportedOn, note: `Arbete ${q.period}` })
          .expect(201);
      }
      at(`${q.issuedOn}T08:00:00Z`);
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: q.period }).expect(201);
      await issueAll(q.period, q.invoiceDate);
    }

    const byPeriod = (a: Invoice, b: Invoice) => a.period.localeCompare(b.period);
    const tranemo = (await list('period=2025&buyerId=tranemo&kind=invoice')).sort(byPeriod);
    expect(tranemo.map((i) => [i.period, i.net, i.vat, i.gross])).toEqual([
      // VAT 25 %: 44 179.17; 42 804.1675 → .17; 42 610.415 → .42; 43 429.165 → .17 (half-up)
      ['2025-Q1', '176716.68', '44179.17', '220895.85'],
      ['2025-Q2', '171216.67', '42804.17', '214020.84'],
      ['2025-Q3', '170441.66', '42610.42', '213052.08'],
      ['2025-Q4', '173716.66', '43429.17', '217145.83'],
    ]);
    expect(sum(tranemo.map((i) => i.net))).toBe('692091.67');
    // Billed in arrears: invoice date 12 January 2026, booked on the last day of 2025-Q4.
    expect(tranemo.map((i) => [i.issueDate, i.bookingDate])).toEqual([
      ['2025-04-03', '2025-04-03'],
      ['2025-07-03', '2025-07-03'],
      ['2025-10-03', '2025-10-03'],
      ['2026-01-12', '2025-12-31'],
    ]);
    const energi = (await list('period=2025&buyerId=bolag-ue&kind=invoice')).sort(byPeriod);
    expect(energi.map((i) => i.net)).toEqual(['123550.00', '120000.00', '120000.00', '120000.00']);
    expect(sum(energi.map((i) => i.net))).toBe('483550.00');
    const lonenamnd = (await list('period=2025&buyerId=lonenamnd&kind=invoice')).sort(byPeriod);
    expect(lonenamnd.map((i) => i.net)).toEqual(['39050.00', '36750.00', '36750.00', '36750.00']);
    // Everything billed for 2025: 692 091.67 + 483 550.00 + 149 300.00.
    expect(sum((await list('period=2025&kind=invoice')).map((i) => i.net))).toBe('1324941.67');
  });

  it('closes 2025, settles against the approved actual model with a credit and a charge line', async () => {
    at('2026-01-20T08:00:00Z');
    await t.http.post('/api/v1/periods/2025/close').set(t.auth(finance)).expect(200);
    at('2026-02-10T08:00:00Z');
    await approveModel('actual', ACTUAL, {
      date: '2026-02-10',
      paragraph: '3',
      subject: 'Tjänstefiering 2025: utfall',
    });
    const run = await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-02' })
      .expect(201);
    const byConsumer = Object.fromEntries(
      run.body.lines.map((l: { consumerId: string }) => [l.consumerId, l]),
    );
    expect(byConsumer['tra-oms']).toMatchObject({
      charged: '333333.34',
      actual: '285333.34',
      difference: '-48000.00',
    });
    expect(byConsumer['tra-utb']).toMatchObject({
      charged: '333333.33',
      actual: '411333.33',
      difference: '78000.00',
    });
    at('2026-02-12T08:00:00Z');
    const [settlement] = await issueAll('2026-02', '2026-02-12');
    expect(settlement).toMatchObject({ kind: 'invoice', net: '30000.00', vat: '7500.00', gross: '37500.00' });
    // The credit is a negative quantity at a positive price (EN 16931 forbids negative prices).
    expect(settlement.lines.map((l) => [l.consumerId, l.quantity, l.unitPrice, l.net])).toEqual([
      ['tra-oms', '-1', '48000.00', '-48000.00'],
      ['tra-utb', '1', '78000.00', '78000.00'],
    ]);
  });

  it('credits part of a 2025 invoice in March 2026, in the period it is issued', async () => {
    at('2026-03-16T09:00:00Z');
    const [q1] = await list('period=2025-Q1&buyerId=tranemo&kind=invoice');
    const incident = q1.lines.find((l) => l.description.includes('BER-2025-0001'))!;
    const note = await t.http
      .post(`/api/v1/invoices/${q1.id}/credit`)
      .set(t.auth(finance))
      .send({
        reason: 'Ärendet debiterades för lång tid',
        lines: [{ lineId: incident.id, amount: '1000.00' }],
      })
      .expect(201);
    expect(note.body).toMatchObject({
      kind: 'credit-note',
      period: '2026-03',
      net: '1000.00',
      vat: '250.00',
      gross: '1250.00',
    });
  });

  it('every öre billed to Tranemo is its approved actual shares plus incidents and hours, less the credit', async () => {
    const tranemo = (await issuedDocuments()).filter((i) => i.buyer.id === 'tranemo');
    const signed = tranemo.map((i) => (i.kind === 'credit-note' ? `-${i.net}` : i.net));
    // Actual shares 285 333.34 + 411 333.33 = 696 666.67 (= budget 666 666.67 + settlement 30 000.00);
    // incidents 11 650.00; hours 13 775.00; credited 1 000.00: 721 091.67.
    expect(sum(signed)).toBe('721091.67');
  });

  it('every issued document passes the official Peppol validation, the settlement’s credit line included', async () => {
    const issued = await issuedDocuments();
    await expectOfficiallyValid(await Promise.all(issued.map((d) => downloadPeppol(t, finance, d))));
  });

  it('the SIE files of 2025 and 2026 hold every issued document exactly once, balanced', async () => {
    const files = {
      2025: await downloadSie(t, finance, '2025'),
      2026: await downloadSie(t, finance, '2026'),
    };
    const issued = await issuedDocuments();
    for (const doc of issued) {
      const where = Object.entries(files).flatMap(([year, f]) =>
        f.vouchers
          .filter((v) => voucherDocumentNumber(v.text) === doc.number)
          .map((v) => `${year} ${v.date}`),
      );
      expect({ number: doc.number, where }).toEqual({
        number: doc.number,
        where: [expectedBooking(doc)],
      });
    }
    const vouchers = Object.values(files).flatMap((f) =>
      f.vouchers.filter((v) => voucherDocumentNumber(v.text)),
    );
    expect(vouchers).toHaveLength(issued.length);
    for (const f of Object.values(files))
      for (const v of f.vouchers) expect(v.transactions.reduce((s, tr) => s + tr.amount.ore, 0n)).toBe(0n);
  });

  it('Tranemo’s purchase files of 2025 and 2026 hold each of its documents exactly once, on its own codes', async () => {
    const tranemoFinance = await t.token('finance', 'tranemo');
    const files = {
      2025: await downloadSie(t, tranemoFinance, '2025', 'tranemo'),
      2026: await downloadSie(t, tranemoFinance, '2026', 'tranemo'),
    };
    const received = (await issuedDocuments()).filter((d) => d.buyer.id === 'tranemo');
    for (const doc of received) {
      const where = Object.entries(files).flatMap(([year, f]) =>
        f.vouchers
          .filter((v) => voucherDocumentNumber(v.text) === doc.number)
          .map((v) => `${year} ${v.date}`),
      );
      expect({ number: doc.number, where }).toEqual({ number: doc.number, where: [expectedBooking(doc)] });
    }
    const vouchers = Object.values(files).flatMap((f) => f.vouchers);
    expect(vouchers).toHaveLength(received.length);
    for (const v of vouchers) expect(v.transactions.reduce((s, tr) => s + tr.amount.ore, 0n)).toBe(0n);
    // Costs land on Tranemo's own responsibility codes: Omsorg 5000, Utbildning 3000 (demo organisation).
    const codes = vouchers.flatMap((v) =>
      v.transactions.flatMap((tr) => tr.objects.filter((o) => o.dimension === 1).map((o) => o.id)),
    );
    expect([...new Set(codes)].sort()).toEqual(['3000', '5000']);
  });
});
