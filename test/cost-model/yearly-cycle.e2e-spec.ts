import ExcelJS from 'exceljs';
import type { CostModelDocument } from '@it-samverkan/domain';
import { binaryBody } from '../support/finance-files';
import { startTestApp, TestApp } from '../support/test-app';
import { EXAMPLE_LEDGER_MAPPING, exampleLedgerSie } from '../factories/ledger';

/**
 * Issue 14's yearly cycle, end to end on the demo cooperation (its parties, agreements and periods):
 * a hand-made SIE 4 ledger (test/factories/ledger.ts) and a device register → actual model 2025,
 * reconciled to the öre with the unmapped amounts listed → settlement → budget 2026 with indices →
 * approved → price list (JSON, PDF, XLSX) → a 2026 invoice line traced back to the ledger accounts
 * and the decision. Two consumers (ulr-ks, tra-oms) on the services of DOMAIN.md 5.1; every figure
 * by hand (largest remainder, 5.2):
 *
 * Actual 2025: pools from the ledger personal 1 100 000.00, licenser 300 000.00, lokaler
 * 100 000.00 (unmapped −9 250.00). personal 10/50/40 → ledning 110 000.00 + lokaler 100 000.00 =
 * 210 000.00; arbetsplats 550 000.00 + 300 000.00 = 850 000.00; servicedesk 440 000.00. ledning in
 * proportion 850 000 : 440 000 → exact 138 372.093… / 71 627.906…, the öre to servicedesk (.697):
 * 138 372.09 / 71 627.91 → arbetsplats 988 372.09, servicedesk 511 627.91. Devices from the
 * register 600 : 400 → 593 023.254 / 395 348.836 → 593 023.25 / 395 348.84 (öre to .6); users
 * 700 : 300 → 358 139.537 / 153 488.373 → 358 139.54 / 153 488.37. ulr-ks 951 162.79, tra-oms
 * 548 837.21, total 1 500 000.00.
 *
 * Budget 2026 drafted from the approved actual 2025 with indices (POST …/next-year): personal +3.5 % → 1 138 500.00, licenser +6 % → 318 000.00,
 * lokaler ±0 → 100 000.00. ledning 113 850.00 + 100 000.00 = 213 850.00; arbetsplats 569 250.00 +
 * 318 000.00 = 887 250.00; servicedesk 455 400.00. ledning 887 250 : 455 400 → exact
 * 141 316.3613… / 72 533.6386… → 141 316.36 / 72 533.64; arbetsplats 1 028 566.36 by 600 : 400 →
 * 617 139.816 / 411 426.544 → 617 139.82 / 411 426.54; servicedesk 527 933.64 by 700 : 300 →
 * 369 553.548 / 158 380.092 → 369 553.55 / 158 380.09. tra-oms 569 806.63, ulr-ks 986 693.37.
 * Unit prices: 1 028 566.36 / 1 000 = 1 028.566… → 1 028.57 per device; 527 933.64 / 1 000 →
 * 527.93 per account. tra-oms 2026 by quarter: 569 806.63 / 4 → 142 451.66 ×3 + 142 451.65; Q1
 * over arbetsplats 411 426.54 : servicedesk 158 380.09 → exact 102 856.636… / 39 595.023… →
 * 102 856.64 / 39 595.02.
 */
const CONSUMERS = [
  { id: 'ulr-ks', name: 'Ulricehamn kommunstyrelsens förvaltning', municipality: 'ulricehamn' },
  { id: 'tra-oms', name: 'Tranemo omsorgssektionen', municipality: 'tranemo' },
];

function actual2025(): CostModelDocument {
  return {
    format: 'it-samverkan/cost-model@1',
    name: 'Cykeltest 2025, utfall',
    year: 2025,
    currency: 'SEK',
    consumers: CONSUMERS,
    drivers: [
      { id: 'devices', name: 'Antal datorer', unit: 'st' },
      { id: 'users', name: 'Antal användarkonton', unit: 'st' },
    ],
    pools: [
      {
        id: 'personal',
        name: 'Personalkostnader',
        amount: '0.00',
        to: { ledning: 10, arbetsplats: 50, servicedesk: 40 },
      },
      { id: 'licenser', name: 'Licenser', amount: '0.00', to: { arbetsplats: 1 } },
      { id: 'lokaler', name: 'Lokaler', amount: '0.00', to: { ledning: 1 } },
    ],
    services: [
      {
        id: 'ledning',
        name: 'Ledning och administration',
        allocate: { method: 'proportional', to: ['arbetsplats', 'servicedesk'] },
      },
      { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
      { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } },
    ],
    volumes: { devices: {}, users: { 'ulr-ks': 700, 'tra-oms': 300 } },
    ledgerMapping: EXAMPLE_LEDGER_MAPPING,
  };
}

/** A sheet's rows as plain values (without ExcelJS's leading hole). */
async function sheetRows(file: ExcelJS.Buffer, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('The yearly cycle: ledger and registers in, price list out, an invoice line traced back', () => {
  let t: TestApp;
  let tjf: string;
  let styrgrupp: string;
  let finance: string;
  let actualId: string;
  let budgetId: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-01-15T08:00:00Z') });
    [tjf, styrgrupp, finance] = [
      await t.token('tjanstefiering'),
      await t.token('styrgrupp'),
      await t.token('finance'),
    ];
    t.now.value = new Date('2026-01-16T08:00:00Z'); // after the demo's own actual 2025: the latest
    actualId = (
      await t.http.post('/api/v1/cost-models?kind=actual').set(t.auth(tjf)).send(actual2025()).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('1. registers and the ledger make the actual model 2025, reconciled to the öre', async () => {
    const mapping = await t.http
      .post('/api/v1/register-mappings')
      .set(t.auth(tjf))
      .send({
        name: 'Cykeltest ansvar',
        rules: [
          { match: { Ansvar: '1100' }, consumer: 'ulr-ks' },
          { match: { Ansvar: '5000' }, consumer: 'tra-oms' },
        ],
      })
      .expect(201);
    const rows = [
      ...Array.from({ length: 600 }, (_, i) => `PC-U${i};1100`),
      ...Array.from({ length: 400 }, (_, i) => `PC-T${i};5000`),
      'PC-X1;9999',
    ];
    const register = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=devices&kind=devices&asOf=2025-10-01&mapping=${mapping.body.id}&fileName=datorer.csv`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send(['Serienummer;Ansvar', ...rows].join('\n'))
      .expect(200);
    expect(register.body.unmatched).toHaveLength(1);

    const ledger = await t.http
      .post(`/api/v1/cost-models/${actualId}/ledger-imports?format=sie4&fileName=huvudbok-it-2025.se`)
      .set(t.auth(tjf))
      .set('Content-Type', 'application/octet-stream')
      .send(exampleLedgerSie())
      .expect(201);
    expect(ledger.body).toMatchObject({
      mappedTotal: '1500000.00',
      unmappedTotal: '-9250.00',
      scopeTotal: '1490750.00',
      reconciled: true,
    });
    expect(
      ledger.body.unmapped.map((u: { account: string; objects: object; amount: string }) => [
        u.account,
        u.objects,
        u.amount,
      ]),
    ).toEqual([
      ['3590', { responsibility: '1150' }, '-12500.00'],
      ['6071', { responsibility: '1150' }, '3250.00'],
    ]);
    const version = await t.http.get(`/api/v1/cost-models/${actualId}`).set(t.auth(tjf)).expect(200);
    expect(version.body.document.volumes.devices).toEqual({ 'ulr-ks': '600', 'tra-oms': '400' });
    expect(version.body.document.pools.map((p: { amount: string }) => p.amount)).toEqual([
      '1100000.00',
      '300000.00',
      '100000.00',
    ]);

    const split = await t.http.post(`/api/v1/cost-models/${actualId}/splits`).set(t.auth(tjf)).expect(201);
    expect(
      split.body.result.consumers.map((c: { id: string; total: string }) => `${c.id} ${c.total}`),
    ).toEqual(['ulr-ks 951162.79', 'tra-oms 548837.21']);
  });

  it('2. the settlement of 2025 against what was charged', async () => {
    const res = await t.http
      .post('/api/v1/cost-models/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, charged: { 'ulr-ks': '900000.00', 'tra-oms': '500000.00' } })
      .expect(200);
    expect(res.body.actualModel.id).toBe(actualId);
    expect(
      res.body.lines.map((l: Record<string, string>) => [
        l.consumer,
        l.charged,
        l.actual,
        l.difference,
        l.kind,
      ]),
    ).toEqual([
      ['ulr-ks', '900000.00', '951162.79', '51162.79', 'slutfaktura'],
      ['tra-oms', '500000.00', '548837.21', '48837.21', 'slutfaktura'],
    ]);
    await t.http
      .post(`/api/v1/cost-models/${actualId}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision: { date: '2026-02-11', paragraph: '§ 4', subject: 'Tjänstefiering 2025, utfall' } })
      .expect(200);
  });

  it('3. the budget 2026 drafted from the actual with indices, approved', async () => {
    t.now.value = new Date('2026-02-20T08:00:00Z');
    const drafted = await t.http
      .post(`/api/v1/cost-models/${actualId}/next-year`)
      .set(t.auth(tjf))
      .send({ indices: { personal: '3.5', licenser: '6' }, name: 'Cykeltest 2026, budget' })
      .expect(201);
    budgetId = drafted.body.version.id;
    expect(drafted.body.version).toMatchObject({ year: 2026, kind: 'budget', status: 'draft' });
    const draft = await t.http.get(`/api/v1/cost-models/${budgetId}`).set(t.auth(tjf)).expect(200);
    expect(
      draft.body.document.pools.map((p: { id: string; amount: string }) => `${p.id} ${p.amount}`),
    ).toEqual(['personal 1138500.00', 'licenser 318000.00', 'lokaler 100000.00']);
    expect(draft.body.document.volumes.devices).toEqual({ 'ulr-ks': '600', 'tra-oms': '400' });
    const approved = await t.http
      .post(`/api/v1/cost-models/${budgetId}/approve`)
      .set(t.auth(styrgrupp))
      .send({
        decision: {
          date: '2026-02-25',
          paragraph: '§ 9',
          subject: 'Tjänstefiering 2026: budget och prislista',
        },
      })
      .expect(200);
    expect(approved.body.status).toBe('approved');
  });

  it('4. the price list 2026 as JSON, PDF and XLSX, tied to the decision', async () => {
    const list = await t.http.get('/api/v1/price-lists/2026').set(t.auth(finance)).expect(200);
    expect(list.body.title).toBe('Prislista IT-tjänster 2026');
    expect(list.body.model.id).toBe(budgetId);
    expect(list.body.decision).toMatchObject({
      date: '2026-02-25',
      subject: 'Tjänstefiering 2026: budget och prislista',
    });
    expect(
      list.body.lines.map((l: Record<string, string>) => [
        l.serviceId,
        l.unit,
        l.volume,
        l.total,
        l.unitPrice,
      ]),
    ).toEqual([
      ['arbetsplats', 'st', '1000', '1028566.36', '1028.57'],
      ['servicedesk', 'st', '1000', '527933.64', '527.93'],
    ]);
    const pdf = await t.http
      .get('/api/v1/price-lists/2026/pdf')
      .set(t.auth(finance))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.http
      .get('/api/v1/price-lists/2026/xlsx')
      .set(t.auth(finance))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('5. a 2026 invoice line of Tranemo traced back to the ledger accounts and the decision', async () => {
    t.now.value = new Date('2026-04-02T08:00:00Z');
    const run = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2026-Q1' })
      .expect(201);
    expect(run.body.model.name).toBe('Cykeltest 2026, budget');
    const list = await t.http
      .get('/api/v1/invoices?period=2026-Q1&status=draft')
      .set(t.auth(finance))
      .expect(200);
    const tranemo = list.body.items.find((i: { buyer: { id: string } }) => i.buyer.id === 'tranemo');
    const lines = tranemo.lines
      .filter(
        (l: { source: string; consumerId: string }) =>
          l.source === 'cost-share' && l.consumerId === 'tra-oms',
      )
      .map((l: { serviceId: string; net: string }) => [l.serviceId, l.net]);
    expect(lines).toEqual([
      ['arbetsplats', '102856.64'],
      ['servicedesk', '39595.02'],
    ]);

    // The line's own trace: its split run, the approving decision, the pools and — a budget's pools have
    // no ledger import of their own — the actual 2025 each was drafted from, with its ledger.
    const line = tranemo.lines.find(
      (l: { source: string; consumerId: string; serviceId: string }) =>
        l.source === 'cost-share' && l.consumerId === 'tra-oms' && l.serviceId === 'arbetsplats',
    );
    const lineTrace = await t.http
      .get(`/api/v1/invoices/${tranemo.id}/lines/${line.id}/trace`)
      .set(t.auth(finance))
      .expect(200);
    const trace = lineTrace.body;
    expect(trace.model).toMatchObject({ id: budgetId, year: 2026, kind: 'budget', status: 'approved' });
    expect(trace.decision).toMatchObject({ forum: 'styrgrupp', date: '2026-02-25', paragraph: '§ 9' });
    // Each pool of the budget: 2025's amount × (1 + index) = 2026's (personal 1 100 000.00 × 1.035 =
    // 1 138 500.00, licenser 300 000.00 × 1.06 = 318 000.00, lokaler 100 000.00 × 1 = 100 000.00),
    // no ledger of its own, the actual 2025 approved by IT-styrgruppen 2026-02-11 § 4 behind it.
    type Basis = { amount: string; index: string; indexed: string; model: object; decision: object };
    type Pool = { id: string; amount: string; ledger: unknown[]; basis: Basis & { ledger: Account[] } };
    type Account = { account: string; amount: string; vouchers: Voucher[] };
    type Voucher = { series: string; number: string; date: string; amount: string };
    expect(
      trace.pools.map((p: Pool) => [
        p.id,
        p.amount,
        p.ledger.length,
        p.basis.amount,
        p.basis.index,
        p.basis.indexed,
      ]),
    ).toEqual([
      ['personal', '1138500.00', 0, '1100000.00', '3.5', '1138500.00'],
      ['licenser', '318000.00', 0, '300000.00', '6', '318000.00'],
      ['lokaler', '100000.00', 0, '100000.00', '0', '100000.00'],
    ]);
    for (const p of trace.pools as Pool[]) {
      expect(p.basis.model).toMatchObject({
        id: actualId,
        name: 'Cykeltest 2025, utfall',
        year: 2025,
        kind: 'actual',
      });
      expect(p.basis.decision).toMatchObject({ forum: 'styrgrupp', date: '2026-02-11', paragraph: '§ 4' });
    }
    // The ledger of 2025 behind each pool (test/factories/ledger.ts): personal 1 100 000.00 = 5010
    // 837 500.00 (A 1 600 000.00 + A 2 237 500.00) + 5410 262 500.00 (A 2); licenser 300 000.00 = 6540
    // (L 1 310 000.00 − L 2 10 000.00); lokaler 100 000.00 = 6110 (L 3).
    const ledgerOf = (p: Pool) =>
      p.basis.ledger.map((a) => [
        `${a.account} ${a.amount}`,
        a.vouchers.map((v) => `${v.series} ${v.number} ${v.date} ${v.amount}`),
      ]);
    expect(trace.pools.map(ledgerOf)).toEqual([
      [
        ['5010 837500.00', ['A 1 2025-01-25 600000.00', 'A 2 2025-06-25 237500.00']],
        ['5410 262500.00', ['A 2 2025-06-25 262500.00']],
      ],
      [['6540 300000.00', ['L 1 2025-02-10 310000.00', 'L 2 2025-03-01 -10000.00']]],
      [['6110 100000.00', ['L 3 2025-01-02 100000.00']]],
    ]);
    // The pools behind the services: ledning's 213 850.00 (personal 113 850.00 + lokaler 100 000.00)
    // went 141 316.36 to arbetsplats → personal 141 316.36 × 113 850 / 213 850 = 75 234.358…, lokaler
    // 66 082.001… → floors 75 234.35 + 66 082.00, the öre to personal (.598): arbetsplats personal
    // 569 250.00 + 75 234.36 = 644 484.36, licenser 318 000.00, lokaler 66 082.00 (= 1 028 566.36);
    // 72 533.64 to servicedesk → personal 38 615.641…, lokaler 33 917.998… → the öre to lokaler:
    // servicedesk personal 455 400.00 + 38 615.64 = 494 015.64, lokaler 33 918.00 (= 527 933.64).
    type PoolPart = { poolId: string; amount: string };
    expect(
      trace.services.map((s: { id: string; pools: PoolPart[] }) => [
        s.id,
        s.pools.map((p) => `${p.poolId} ${p.amount}`),
      ]),
    ).toEqual([
      ['arbetsplats', ['personal 644484.36', 'licenser 318000.00', 'lokaler 66082.00']],
      ['servicedesk', ['personal 494015.64', 'lokaler 33918.00']],
    ]);
    // tra-oms's 569 806.63 (arbetsplats 411 426.54 + servicedesk 158 380.09) per pool, exactly:
    // personal 411 426.54 × 644 484.36 / 1 028 566.36 + 158 380.09 × 494 015.64 / 527 933.64
    //   = 257 793.741… + 148 204.690… = 405 998.431…
    // licenser 411 426.54 × 318 000.00 / 1 028 566.36 = 127 199.998…
    // lokaler 411 426.54 × 66 082.00 / 1 028 566.36 + 158 380.09 × 33 918.00 / 527 933.64
    //   = 26 432.799… + 10 175.399… = 36 608.199…
    // floors 405 998.43 + 127 199.99 + 36 608.19 = 569 806.61: 2 öre left, to lokaler (.199… → .961 of
    // an öre) and licenser (.876): 405 998.43 + 127 200.00 + 36 608.20 = 569 806.63.
    const [tra] = trace.consumers;
    expect(tra.id).toBe('tra-oms');
    expect(tra.total).toBe('569806.63');
    expect(tra.pools.map((p: PoolPart) => `${p.poolId} ${p.amount}`)).toEqual([
      'personal 405998.43',
      'licenser 127200.00',
      'lokaler 36608.20',
    ]);
    // The same trace as XLSX and PDF: the basis sheet carries the ledger of 2025.
    const xlsx = await t.http
      .get(`/api/v1/invoices/${tranemo.id}/lines/${line.id}/trace.xlsx`)
      .set(t.auth(finance))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const basis = ['Cykeltest 2025, utfall (utfall 2025)', 'IT-styrgruppen 2026-02-11 § 4'];
    expect((await sheetRows(xlsx.body, 'Underlag')).slice(1)).toEqual([
      [
        'Personalkostnader',
        ...basis,
        1100000,
        3.5,
        1138500,
        '5010',
        'Månadslön',
        'responsibility 1150',
        837500,
        'A 1',
        '2025-01-25',
        'Löner januari',
        600000,
      ],
      [
        'Personalkostnader',
        ...basis,
        1100000,
        3.5,
        1138500,
        '5010',
        'Månadslön',
        'responsibility 1150',
        837500,
        'A 2',
        '2025-06-25',
        'Löner juni med sociala avgifter',
        237500,
      ],
      [
        'Personalkostnader',
        ...basis,
        1100000,
        3.5,
        1138500,
        '5410',
        'Sociala avgifter',
        'responsibility 1150',
        262500,
        'A 2',
        '2025-06-25',
        'Löner juni med sociala avgifter',
        262500,
      ],
      [
        'Licenser',
        ...basis,
        300000,
        6,
        318000,
        '6540',
        'IT-licenser',
        'responsibility 1150',
        300000,
        'L 1',
        '2025-02-10',
        'Microsoft 365, årslicens',
        310000,
      ],
      [
        'Licenser',
        ...basis,
        300000,
        6,
        318000,
        '6540',
        'IT-licenser',
        'responsibility 1150',
        300000,
        'L 2',
        '2025-03-01',
        'Rättat belopp',
        -10000,
      ],
      [
        'Lokaler',
        ...basis,
        100000,
        0,
        100000,
        '6110',
        'Lokalhyra',
        'responsibility 1150',
        100000,
        'L 3',
        '2025-01-02',
        'Lokalhyra 2025',
        100000,
      ],
    ]);
    expect((await sheetRows(xlsx.body, 'Poolandelar')).slice(1)).toEqual([
      ['Tranemo omsorgssektionen', 'Personalkostnader', 405998.43],
      ['Tranemo omsorgssektionen', 'Licenser', 127200],
      ['Tranemo omsorgssektionen', 'Lokaler', 36608.2],
    ]);
    const pdf = await t.http
      .get(`/api/v1/invoices/${tranemo.id}/lines/${line.id}/trace.pdf`)
      .set(t.auth(finance))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
