import { issueInvoice } from '@it-samverkan/application';
import { startTestApp, TestApp } from '../support/test-app';
import { insertDrafts, storeApprovedModel } from './support';

type Line = { source: string; consumerId: string; serviceId: string | null; net: string; vatRate: string };
type Invoice = {
  id: string;
  buyer: { id: string };
  lines: Line[];
  net: string;
  vat: string;
  gross: string;
  number: string | null;
  status: string;
  vatBreakdown: { rate: string; base: string; vat: string }[];
};

describe('invoice runs, issuing, credit notes and periods (2025-Q1, demo cooperation)', () => {
  let t: TestApp;
  let finance: string;
  const byBuyer = new Map<string, Invoice>();

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it('drafts invoices to Tranemo, the bolag and the lönenämnd with VAT on the sum of nets', async () => {
    const run = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q1' })
      .expect(201);
    expect(run.body.model.name).toBe('Fakturatest 2025, budget');
    const list = await t.http
      .get('/api/v1/invoices?period=2025-Q1&status=draft')
      .set(t.auth(finance))
      .expect(200);
    for (const inv of list.body.items as Invoice[]) byBuyer.set(inv.buyer.id, inv);
    expect([...byBuyer.keys()].sort()).toEqual(['bolag-ue', 'lonenamnd', 'tranemo']);

    // Tranemo (DOMAIN.md 5.6): each unit's yearly amount spread over four quarters (earliest take the
    // öre), the quarter divided over its services by what each has left.
    // tra-oms: 300 000.00 + 33 333.34 = 333 333.34 → Q1 83 333.34; over 300 000.00 : 33 333.34 exact
    //   75 000.0015… and 8 333.3384…, floors 75 000.00 + 8 333.33, the öre to servicedesk (.338 > .0015).
    // tra-utb: 300 000.00 + 33 333.33 = 333 333.33 → Q1 83 333.34; over 300 000.00 : 33 333.33 exact
    //   75 000.0067… and 8 333.3332…, floors 75 000.00 + 8 333.33, the öre to arbetsplats (.67 > .33).
    //   (Before 5.6 each service was spread alone: 75 000.00 + 8 333.34 = 83 333.34, same total, other split.)
    const tranemo = byBuyer.get('tranemo')!;
    const shares = tranemo.lines
      .filter((l) => l.source === 'cost-share')
      .map((l) => [l.consumerId, l.serviceId, l.net]);
    expect(shares.sort()).toEqual([
      ['tra-oms', 'arbetsplats', '75000.00'],
      ['tra-oms', 'servicedesk', '8333.34'],
      ['tra-utb', 'arbetsplats', '75000.01'],
      ['tra-utb', 'servicedesk', '8333.33'],
    ]);
    // Every invoice: VAT 25 % half-up on the sum of nets; gross = net + VAT.
    for (const inv of byBuyer.values()) {
      const netOre = inv.lines.reduce((s, l) => s + BigInt(l.net.replace('.', '')), 0n);
      expect(BigInt(inv.net.replace('.', ''))).toBe(netOre);
      const vatOre = (netOre * 25n + 50n) / 100n;
      expect(BigInt(inv.vat.replace('.', ''))).toBe(vatOre);
      expect(BigInt(inv.gross.replace('.', ''))).toBe(netOre + vatOre);
    }
    // The bolag pays by its agreement (480 000.00 a year), not by its model share.
    const bolag = byBuyer.get('bolag-ue')!;
    expect(bolag.lines.filter((l) => l.source !== 'on-call').map((l) => [l.source, l.net])).toEqual([
      ['agreement-fee', '120000.00'],
    ]);
    // The lönenämnd is hosted by Svenljunga (outside the cooperation): an external invoice to Svenljunga
    // kommun naming the committee (DOMAIN.md 3), its agreement's 35 × 4 200.00 / 4 = 36 750.00 at 25 %.
    const lonenamnd = byBuyer.get('lonenamnd')!;
    expect(lonenamnd.buyer).toEqual({
      kind: 'joint-committee',
      id: 'lonenamnd',
      municipalityId: 'svenljunga',
    });
    expect((lonenamnd as unknown as { buyerReference: string }).buyerReference).toBe('Lönenämnden LN-200');
    expect(
      lonenamnd.lines.filter((l) => l.source !== 'on-call').map((l) => [l.source, l.net, l.vatRate]),
    ).toEqual([['agreement-fee', '36750.00', '25']]);
  });

  it('gives internal charges for the host units on internal charge and reports the appropriation', async () => {
    const internal = await t.http
      .get('/api/v1/reports/internal-charges?period=2025-Q1')
      .set(t.auth(finance))
      .expect(200);
    const shares = internal.body.charges.filter((c: { source: string }) => c.source === 'cost-share');
    expect(shares.map((c: { unitId: string; amount: string }) => [c.unitId, c.amount])).toEqual([
      ['ulr-bou', '100000.00'],
    ]);
    const appropriation = await t.http
      .get('/api/v1/reports/appropriation?period=2025-Q1')
      .set(t.auth(finance))
      .expect(200);
    expect(
      appropriation.body.rows.map((r: { unitId: string; serviceId: string; amount: string }) => [
        r.unitId,
        r.serviceId,
        r.amount,
      ]),
    ).toEqual([
      ['ulr-ks', 'arbetsplats', '50000.00'],
      ['ulr-ks', 'servicedesk', '8333.34'],
    ]);
    expect(appropriation.body.total).toBe('58333.34');
  });

  it('running the period again creates nothing twice', async () => {
    const again = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q1' })
      .expect(201);
    expect(again.body.addedLines).toBe(0);
    expect(again.body.addedInternalCharges).toBe(0);
    expect(again.body.createdInvoices).toBe(0);
    const list = await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(finance)).expect(200);
    expect(list.body.total).toBe(3);
  });

  it('two concurrent runs of one period create every line once', async () => {
    const [a, b] = await Promise.all([
      t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q2' }),
      t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q2' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.addedLines + b.body.addedLines).toBe(Math.max(a.body.addedLines, b.body.addedLines));
    const list = await t.http.get('/api/v1/invoices?period=2025-Q2').set(t.auth(finance)).expect(200);
    expect(list.body.total).toBe(3);
  });

  it('lets a draft line change and refuses changes once issued', async () => {
    const tranemo = byBuyer.get('tranemo')!;
    const line = (await t.http.get(`/api/v1/invoices/${tranemo.id}`).set(t.auth(finance))).body.lines[0];
    const changed = await t.http
      .patch(`/api/v1/invoices/${tranemo.id}/lines/${line.id}`)
      .set(t.auth(finance))
      .send({ description: 'Arbetsplatstjänst Q1 (granskad)' })
      .expect(200);
    expect(changed.body.lines[0].description).toBe('Arbetsplatstjänst Q1 (granskad)');
    const patch = (body: object) =>
      t.http.patch(`/api/v1/invoices/${tranemo.id}/lines/${line.id}`).set(t.auth(finance)).send(body);
    const lineOf = (body: { lines: { id: string }[] }) => body.lines.find((l) => l.id === line.id);
    // Quantity and unit price are kept; the net follows: 6.5 × 950.00 = 6 175.00. The invoice's net
    // drops by the line's 75 000.00 and takes 6 175.00 instead; VAT 25 % on the new sum.
    const hours = (await patch({ quantity: '6.5', unitPrice: '950.00' }).expect(200)).body;
    expect(lineOf(hours)).toMatchObject({ quantity: '6.5', unitPrice: '950.00', net: '6175.00' });
    const ore = (x: string) => BigInt(x.replace('.', ''));
    expect(ore(hours.net)).toBe(ore(tranemo.net) - 7_500_000n + 617_500n);
    const described = (await patch({ description: 'Konsulttimmar (granskad)' }).expect(200)).body;
    expect(lineOf(described)).toMatchObject({ quantity: '6.5', unitPrice: '950.00', net: '6175.00' });
    // A reduction is a negative quantity × a positive price: −2 × 950.00 = −1 900.00.
    const reduced = (await patch({ quantity: '-2' }).expect(200)).body;
    expect(lineOf(reduced)).toMatchObject({ quantity: '-2', unitPrice: '950.00', net: '-1900.00' });
    const bad = await patch({ quantity: '0', unitPrice: '-1.00' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['quantity', 'unitPrice']);
    expect((await patch({ net: '1.00' })).status).toBe(400);
    const restored = (await patch({ quantity: '1', unitPrice: '75000.00' }).expect(200)).body;
    expect(restored.net).toBe(tranemo.net);
  });

  it('issues with consecutive numbers, idempotently, and an issued invoice never changes', async () => {
    const numbers: string[] = [];
    for (const buyer of ['tranemo', 'bolag-ue', 'lonenamnd']) {
      const inv = byBuyer.get(buyer)!;
      const res = await t.http
        .post(`/api/v1/invoices/${inv.id}/issue`)
        .set(t.auth(finance))
        .set('Idempotency-Key', `issue-${buyer}`)
        .expect(200);
      numbers.push(res.body.number);
      expect(res.body.issueDate).toBe('2025-04-02');
      expect(res.body.dueDate).toBe('2025-05-02');
    }
    expect(numbers).toEqual(['ULR-2025-00001', 'ULR-2025-00002', 'ULR-2025-00003']);
    const tranemo = byBuyer.get('tranemo')!;
    const replay = await t.http
      .post(`/api/v1/invoices/${tranemo.id}/issue`)
      .set(t.auth(finance))
      .set('Idempotency-Key', 'issue-tranemo')
      .expect(200);
    expect(replay.body.number).toBe('ULR-2025-00001');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const reused = await t.http
      .post(`/api/v1/invoices/${byBuyer.get('bolag-ue')!.id}/issue`)
      .set(t.auth(finance))
      .set('Idempotency-Key', 'issue-tranemo');
    expect(reused.status).toBe(422);
    expect(reused.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = await t.http.post(`/api/v1/invoices/${tranemo.id}/issue`).set(t.auth(finance));
    expect(again.status).toBe(409);
    const line = (await t.http.get(`/api/v1/invoices/${tranemo.id}`).set(t.auth(finance))).body.lines[0];
    const change = await t.http
      .patch(`/api/v1/invoices/${tranemo.id}/lines/${line.id}`)
      .set(t.auth(finance))
      .send({ unitPrice: '1.00' });
    expect(change.status).toBe(409);
  });

  it('credits with a note that references the invoice, never more than it', async () => {
    const bolag = (await t.http.get(`/api/v1/invoices/${byBuyer.get('bolag-ue')!.id}`).set(t.auth(finance)))
      .body;
    const fee = bolag.lines.find((l: Line) => l.source === 'agreement-fee');
    const tooMuch = await t.http
      .post(`/api/v1/invoices/${bolag.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'Fel avgift', lines: [{ lineId: fee.id, amount: '120000.01' }] });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.details[0].path).toBe('lines[0].amount');
    const note = await t.http
      .post(`/api/v1/invoices/${bolag.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'Fel avgift', lines: [{ lineId: fee.id, amount: '20000.00' }] })
      .expect(201);
    expect(note.body).toMatchObject({
      kind: 'credit-note',
      status: 'issued',
      number: 'ULR-2025-00004',
      creditedInvoiceId: bolag.id,
      net: '20000.00',
      vat: '5000.00',
      gross: '25000.00',
    });
    const second = await t.http
      .post(`/api/v1/invoices/${bolag.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'Resten', lines: [{ lineId: fee.id, amount: '100000.01' }] });
    expect(second.status).toBe(400);
  });

  it('a token scoped to Tranemo sees Tranemo’s invoice but not the bolag’s', async () => {
    const scoped = await t.token('finance', 'tranemo');
    await t.http
      .get(`/api/v1/invoices/${byBuyer.get('tranemo')!.id}`)
      .set(t.auth(scoped))
      .expect(200);
    const hidden = await t.http.get(`/api/v1/invoices/${byBuyer.get('bolag-ue')!.id}`).set(t.auth(scoped));
    expect(hidden.status).toBe(404);
    const list = await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(scoped)).expect(200);
    expect(list.body.items.map((i: Invoice) => i.buyer.id)).toEqual(['tranemo']);
    const internal = await t.http
      .get('/api/v1/reports/internal-charges?period=2025-Q1')
      .set(t.auth(scoped))
      .expect(200);
    expect(internal.body.charges).toEqual([]);
  });

  it('closes the period: no new run, reopening only by admin', async () => {
    await t.http.post('/api/v1/periods/2025-Q1/close').set(t.auth(finance)).expect(200);
    const run = await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-03' });
    expect(run.status).toBe(409);
    expect(run.body.error).toBe('PERIOD_CLOSED');
    await t.http.post('/api/v1/periods/2025-Q1/reopen').set(t.auth(finance)).expect(403);
    await t.http.post('/api/v1/periods/2025-Q1/reopen').set(t.auth()).expect(200);
    const audit = await t.http.get('/api/v1/audit?entityType=period&action=reopen').set(t.auth()).expect(200);
    expect(audit.body.total).toBe(1);
  });

  it('50 concurrent issues get consecutive numbers without gap or duplicate; a failed issue leaves no gap', async () => {
    const ids = await insertDrafts(t.dataSource, 51);
    const actor = {
      principal: { id: null, name: 'test', role: 'finance' as const, scope: null },
      correlationId: null,
    };
    await expect(
      issueInvoice(t.dataSource, ids[50], actor, t.now.value, {
        beforeCommit: async () => {
          throw new Error('simulated failure inside the transaction');
        },
      }),
    ).rejects.toThrow('simulated failure');
    const issued = await Promise.all(
      ids.slice(0, 50).map((id) => issueInvoice(t.dataSource, id, actor, t.now.value)),
    );
    const numbers = issued.map((i) => Number(i.number!.slice(9))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => 5 + i));
    const last = await issueInvoice(t.dataSource, ids[50], actor, t.now.value);
    expect(last.number).toBe('ULR-2025-00055');
  });
});
