import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from './support';

/**
 * Year to date per consumer (issue 13): GET /api/v1/reports/year-to-date on the invoicing test
 * model (support.ts), whose yearly shares are, by hand:
 * arbetsplats 1 200 000.00 over 600 devices = 2 000.00 each → ulr-bou 400 000.00, tra-oms and
 * tra-utb 300 000.00; servicedesk 100 000.01 over 3 users → 33 333.34, 33 333.34, 33 333.33 (the
 * two öre left go to the first listed on equal fractions: ulr-ks, tra-oms). ulr-ks is funded by
 * appropriation, so it is never charged and not listed. Yearly: ulr-bou 400 000.00, tra-oms
 * 333 333.34, tra-utb 333 333.33.
 */
describe('year to date per consumer: charged so far against the yearly share', () => {
  let t: TestApp;
  let finance: string;

  const report = (query: string, token = finance) =>
    t.http.get(`/api/v1/reports/year-to-date?${query}`).set(t.auth(token));

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-07-10T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance', 'ulricehamn');
    for (const period of ['2025-Q1', '2025-Q2'])
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period }).expect(201);
    // Tranemo's Q1 invoice is issued; its Q2 invoice stays a draft (not charged yet)
    const q1 = (await t.http.get('/api/v1/invoices?period=2025-Q1&buyerId=tranemo').set(t.auth(finance))).body
      .items[0];
    await t.http
      .post(`/api/v1/invoices/${q1.id}/issue`)
      .set(t.auth(finance))
      .send({ invoiceDate: '2025-04-01' })
      .expect(200);
    // in July 1 000.00 of tra-oms's Q1 arbetsplats line is credited (a credit note of 2025-07)
    const line = q1.lines.find(
      (l: { sourceKey: string }) => l.sourceKey === 'cost-share:2025-Q1:tra-oms:arbetsplats',
    );
    await t.http
      .post(`/api/v1/invoices/${q1.id}/credit`)
      .set(t.auth(finance))
      .send({
        reason: 'Fel antal datorer',
        invoiceDate: '2025-07-10',
        lines: [{ lineId: line.id, amount: '1000.00' }],
      })
      .expect(201);
  });
  afterAll(async () => t.close());

  const figures = (body: { consumers: Record<string, unknown>[] }) =>
    body.consumers.map((c) => [c.consumerId, c.yearlyShare, c.charged, c.remaining, c.percentCharged]);

  it('through 2025-Q2: internal charges of both quarters, Tranemo’s issued Q1 invoice, not its Q2 draft', async () => {
    const res = await report('year=2025&through=2025-Q2').expect(200);
    expect(res.body).toMatchObject({
      year: 2025,
      through: '2025-Q2',
      model: { name: 'Fakturatest 2025, budget' },
    });
    // ulr-bou: 400 000.00 / 4 quarters = 100 000.00 a quarter, two quarters 200 000.00 (50.0 %)
    // tra-oms: 333 333.34 / 4 → 83 333.34 in Q1 (the earliest quarters take the öre), 25.0000…%
    // tra-utb: 333 333.33 / 4 → 83 333.34 in Q1; left 249 999.99
    expect(figures(res.body)).toEqual([
      ['ulr-bou', '400000.00', '200000.00', '200000.00', '50.0'],
      ['tra-oms', '333333.34', '83333.34', '250000.00', '25.0'],
      ['tra-utb', '333333.33', '83333.34', '249999.99', '25.0'],
    ]);
    expect(
      res.body.consumers.map((c: { name: string; fundingMode: string }) => [c.name, c.fundingMode]),
    ).toEqual([
      ['Ulricehamn förvaltningen för barn och utbildning', 'internal-charge'],
      ['Tranemo omsorgssektionen', 'external-invoice'],
      ['Tranemo utbildningssektionen', 'external-invoice'],
    ]);
    // per municipality the consumers add up: Tranemo 666 666.67 yearly, 166 666.68 charged (25.0000…%)
    expect(
      res.body.municipalities.map((m: Record<string, unknown>) => [
        m.municipalityId,
        m.name,
        m.yearlyShare,
        m.charged,
        m.remaining,
        m.percentCharged,
      ]),
    ).toEqual([
      ['ulricehamn', 'Ulricehamns kommun', '400000.00', '200000.00', '200000.00', '50.0'],
      ['tranemo', 'Tranemo kommun', '666666.67', '166666.68', '499999.99', '25.0'],
    ]);
    // in all 1 066 666.67, charged 366 666.68 (34.3750…%), left 699 999.99
    expect(res.body.total).toEqual({
      yearlyShare: '1066666.67',
      charged: '366666.68',
      remaining: '699999.99',
      percentCharged: '34.4',
    });
  });

  it('through the whole year the July credit counts: tra-oms 83 333.34 − 1 000.00 = 82 333.34', async () => {
    const res = await report('year=2025').expect(200);
    expect(res.body.through).toBe('2025');
    expect(figures(res.body)[1]).toEqual(['tra-oms', '333333.34', '82333.34', '251000.00', '24.7']);
    expect(res.body.total.charged).toBe('365666.68');
  });

  it('Tranemo’s finance sees only Tranemo’s consumers, with the same figures', async () => {
    const tranemo = await t.token('finance', 'tranemo');
    const res = await report('year=2025&through=2025-Q2', tranemo).expect(200);
    expect(figures(res.body)).toEqual([
      ['tra-oms', '333333.34', '83333.34', '250000.00', '25.0'],
      ['tra-utb', '333333.33', '83333.34', '249999.99', '25.0'],
    ]);
    expect(res.body.municipalities.map((m: { municipalityId: string }) => m.municipalityId)).toEqual([
      'tranemo',
    ]);
    expect(res.body.total.charged).toBe('166666.68');
  });

  it('the same report as XLSX and CSV: names, the figures, totals that add up, set up to print', async () => {
    const xlsx = await t.http
      .get('/api/v1/files/year-to-date?year=2025&through=2025-Q2&format=xlsx')
      .set(t.auth(finance))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="aret-hittills-2025-Q2.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.getWorksheet('Per förbrukare')!;
    expect([2, 3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 7))).toEqual([
      [
        'Ulricehamns kommun',
        'Ulricehamn förvaltningen för barn och utbildning',
        'Interndebitering',
        400000,
        200000,
        200000,
      ],
      ['Tranemo kommun', 'Tranemo omsorgssektionen', 'Extern faktura', 333333.34, 83333.34, 250000],
      ['Tranemo kommun', 'Tranemo utbildningssektionen', 'Extern faktura', 333333.33, 83333.34, 249999.99],
      [
        'Summa',
        undefined,
        undefined,
        ...[1066666.67, 366666.68, 699999.99].map((result, i) => ({
          formula: `SUM(${'DEF'[i]}2:${'DEF'[i]}4)`,
          result,
        })),
      ],
    ]);
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1, printTitlesRow: '1:1', orientation: 'landscape' });
    expect(sheet.headerFooter.oddHeader).toBe(
      '&L&BÅret hittills 2025, debiterat till och med 2025-Q2&RSkapad 2025-07-10',
    );

    const csv = await t.http
      .get('/api/v1/files/year-to-date?year=2025&through=2025-Q2&format=csv')
      .set(t.auth(finance))
      .expect(200);
    expect(csv.text.split('\r\n')[2]).toBe(
      'Tranemo kommun;Tranemo omsorgssektionen;Extern faktura;333333,34;83333,34;250000,00;25,0;tra-oms;2025-07-10',
    );
    await t.http.get('/api/v1/files/year-to-date?year=2025&format=pdf').set(t.auth(finance)).expect(400);
  });

  it('a year without an approved budget model lists nobody and says why', async () => {
    const res = await report('year=2026').expect(200);
    expect(res.body.consumers).toEqual([]);
    expect(res.body.notes).toEqual([
      'Det finns ingen godkänd budgetmodell för 2026, så ingen har någon årsandel',
    ]);
  });

  it('bad input is refused with every problem at its field; a bolag’s grant is refused', async () => {
    const bad = await report('year=tjugo&through=2025-13').expect(400);
    expect([...new Set(bad.body.details.map((d: { path: string }) => d.path))].sort()).toEqual([
      'through',
      'year',
    ]);
    const other = await report('year=2025&through=2024-Q4').expect(400);
    expect(other.body.details).toEqual([{ path: 'through', message: 'Perioden 2024-Q4 ligger inte i 2025' }]);
    const bolag = await t.token('finance', 'bolag-ue');
    await report('year=2025', bolag).expect(403);
    await t.http.get('/api/v1/reports/year-to-date?year=2025').expect(401);
  });
});
