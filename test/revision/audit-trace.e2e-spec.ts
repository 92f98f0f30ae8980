import ExcelJS from 'exceljs';
import { COST_ENGINE_VERSION } from '@it-samverkan/domain';
import { SplitRunEntity } from '@it-samverkan/persistence';
import { cloneDocument, exampleModel } from '../factories/cost-model';
import { binaryBody } from '../support/finance-files';
import { pdfText } from '../support/pdf-text';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The model of DOMAIN.md 5.1 on the demo's consumers (ulr-bou on internal charge, tra-oms invoiced
 * to Tranemo): the figures of 5.3 — arbetsplats 933 333.33 (933.33 a device), servicedesk 466 666.67
 * (466.67 an account); tra-oms 300 of 1 000 devices → 280 000.00, 250 of 1 000 accounts → 116 666.67.
 * Behind arbetsplats: personal 500 000.00 direct + 66 666.67 through ledning, licenser 300 000.00,
 * lokaler 66 666.66 through ledning (ledning's 200 000.00 divided 133 333.33 / 66 666.67 by pool).
 */
function tracedModel() {
  const doc = cloneDocument(exampleModel());
  doc.consumers = [
    { id: 'ulr-bou', name: 'Barn och utbildning', municipality: 'ulricehamn' },
    { id: 'tra-oms', name: 'Tranemo omsorgssektionen', municipality: 'tranemo' },
    { id: 'bolag-ue', name: 'Ulricehamns Energi AB', municipality: 'ulricehamn' },
  ];
  const rename = (v: Record<string, number | string>) => ({
    'ulr-bou': v['ulr-ks'],
    'tra-oms': v['tra-oms'],
    'bolag-ue': v['bolag-b1'],
  });
  doc.volumes = { devices: rename(doc.volumes.devices), users: rename(doc.volumes.users) };
  return doc;
}

type Trace = {
  source: { kind: string; amount: string; consumerId: string; serviceId: string };
  splitRun: { id: string; engineVersion: string; inputHash: string; resultHash: string } | null;
  figures: { from: string; engineVersion: string; inputHash: string };
  model: { id: string; name: string; status: string };
  decision: { reference: string; date: string; paragraph: string; forum: string };
  total: string;
  pools: { id: string; name: string; amount: string; ledger: unknown[] }[];
  services: {
    id: string;
    driver: { name: string; unit: string } | null;
    totalVolume: string | null;
    unitPrice: string | null;
    pools: { poolName: string; weight: string | null; direct: string; amount: string }[];
  }[];
  consumers: {
    id: string;
    name: string;
    total: string;
    lines: { serviceId: string; volume: string; totalVolume: string; unitPrice: string; amount: string }[];
  }[];
};

describe("The auditor's trace: from an invoice line or internal charge to the split run and decision", () => {
  let t: TestApp;
  let ulricehamn: string;
  let tranemo: string;
  let modelId: string;
  let invoiceId: string;
  let lineId: string;
  let chargeId: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-01T07:00:00Z') });
    const styrgrupp = await t.token('styrgrupp');
    ulricehamn = await t.token('finance', 'ulricehamn');
    tranemo = await t.token('finance', 'tranemo');
    t.now.value = new Date('2025-04-01T09:00:00Z');
    const made = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(tracedModel());
    modelId = made.body.id;
    await t.http
      .post(`/api/v1/cost-models/${modelId}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision: { date: '2025-03-26', paragraph: '7', subject: 'Reviderad budget 2025' } })
      .expect(200);
    t.now.value = new Date('2025-04-02T08:00:00Z');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(ulricehamn)).send({ period: '2025-Q1' }).expect(201);
    const invoices = await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(ulricehamn));
    const toTranemo = invoices.body.items.find((i: { buyer: { id: string } }) => i.buyer.id === 'tranemo');
    invoiceId = toTranemo.id;
    const invoice = await t.http.get(`/api/v1/invoices/${invoiceId}`).set(t.auth(ulricehamn));
    lineId = invoice.body.lines.find(
      (l: { consumerId: string; serviceId: string }) =>
        l.consumerId === 'tra-oms' && l.serviceId === 'arbetsplats',
    ).id;
    const charges = await t.http
      .get('/api/v1/reports/internal-charges?period=2025-Q1')
      .set(t.auth(ulricehamn));
    chargeId = charges.body.charges.find(
      (c: { unitId: string; serviceId: string }) => c.unitId === 'ulr-bou' && c.serviceId === 'servicedesk',
    ).id;
  });
  afterAll(() => t.close());

  it('an invoice line: the split run stored at approval, the decision, volumes, unit prices and pools', async () => {
    const res = await t.http.get(`/api/v1/invoices/${invoiceId}/lines/${lineId}/trace`).set(t.auth(tranemo));
    expect(res.status).toBe(200);
    const trace = res.body as Trace;
    expect(trace.source).toMatchObject({
      kind: 'invoice-line',
      consumerId: 'tra-oms',
      serviceId: 'arbetsplats',
    });
    expect(trace.model).toMatchObject({
      id: modelId,
      name: 'Tjänstefiering 2025, budget',
      status: 'approved',
    });
    expect(trace.decision).toMatchObject({ forum: 'styrgrupp', date: '2025-03-26', paragraph: '§ 7' });
    expect(trace.decision.reference).toBe('IT-styrgruppen 2025-03-26 § 7');
    const runs = await t.http.get(`/api/v1/cost-models/${modelId}/splits`).set(t.auth());
    expect(runs.body.items).toHaveLength(1);
    expect(trace.splitRun).toMatchObject({
      id: runs.body.items[0].id,
      inputHash: runs.body.items[0].inputHash,
      resultHash: runs.body.items[0].resultHash,
      engineVersion: runs.body.items[0].engineVersion,
    });
    expect(trace.figures).toEqual({
      from: 'stored-run',
      engineVersion: runs.body.items[0].engineVersion,
      inputHash: runs.body.items[0].inputHash,
    });
    // tra-oms's 396 666.67 per pool: arbetsplats 280 000.00 of 933 333.33 (personal 566 666.67, licenser
    // 300 000.00, lokaler 66 666.66), servicedesk 116 666.67 of 466 666.67 (personal 433 333.33, lokaler
    // 33 333.34): personal 280 000 × 566 666.67 / 933 333.33 + 116 666.67 × 433 333.33 / 466 666.67 =
    // 170 000.0016… + 108 333.3348… = 278 333.3364…; licenser 280 000 × 300 000 / 933 333.33 = 90 000.0003…;
    // lokaler 19 999.9980… + 8 333.3351… = 28 333.3332…; floors 278 333.33 + 90 000.00 + 28 333.33 =
    // 396 666.66, the öre left to personal (.64 of an öre, the largest): 278 333.34.
    expect(trace.consumers).toEqual([
      {
        id: 'tra-oms',
        name: 'Tranemo omsorgssektionen',
        municipality: 'tranemo',
        total: '396666.67',
        pools: [
          { poolId: 'personal', poolName: 'Personalkostnader', amount: '278333.34' },
          { poolId: 'licenser', poolName: 'Licenser', amount: '90000.00' },
          { poolId: 'lokaler', poolName: 'Lokaler', amount: '28333.33' },
        ],
        lines: [
          {
            serviceId: 'arbetsplats',
            serviceName: 'Arbetsplatstjänst',
            volume: '300',
            totalVolume: '1000',
            share: '30.0000',
            unitPrice: '933.33',
            amount: '280000.00',
          },
          {
            serviceId: 'servicedesk',
            serviceName: 'Servicedesk',
            volume: '250',
            totalVolume: '1000',
            share: '25.0000',
            unitPrice: '466.67',
            amount: '116666.67',
          },
        ],
      },
    ]);
    const arbetsplats = trace.services.find((s) => s.id === 'arbetsplats')!;
    expect(arbetsplats.driver).toEqual({ id: 'devices', name: 'Antal datorer', unit: 'st' });
    expect(arbetsplats.pools).toEqual([
      {
        poolId: 'personal',
        poolName: 'Personalkostnader',
        weight: '50',
        direct: '500000.00',
        amount: '566666.67',
      },
      { poolId: 'licenser', poolName: 'Licenser', weight: '1', direct: '300000.00', amount: '300000.00' },
      { poolId: 'lokaler', poolName: 'Lokaler', weight: null, direct: '0.00', amount: '66666.66' },
    ]);
    expect(trace.pools.map((p) => [p.name, p.amount, p.ledger])).toEqual([
      ['Personalkostnader', '1000000.00', []],
      ['Licenser', '300000.00', []],
      ['Lokaler', '100000.00', []],
    ]);
  });

  it("an invoice line's trace follows the invoice's privacy: the bolag's finance gets 404", async () => {
    const bolag = await t.token('finance', 'bolag-ue');
    expect(
      (await t.http.get(`/api/v1/invoices/${invoiceId}/lines/${lineId}/trace`).set(t.auth(bolag))).status,
    ).toBe(404);
  });

  it('an internal charge: its municipality reads it, the partner does not', async () => {
    const res = await t.http.get(`/api/v1/internal-charges/${chargeId}/trace`).set(t.auth(ulricehamn));
    expect(res.status).toBe(200);
    const trace = res.body as Trace;
    expect(trace.source).toMatchObject({
      kind: 'internal-charge',
      consumerId: 'ulr-bou',
      serviceId: 'servicedesk',
    });
    expect(trace.consumers[0].lines.map((l) => [l.serviceId, l.volume, l.amount])).toEqual([
      ['arbetsplats', '600', '560000.00'],
      ['servicedesk', '700', '326666.67'],
    ]);
    expect((await t.http.get(`/api/v1/internal-charges/${chargeId}/trace`).set(t.auth(tranemo))).status).toBe(
      404,
    );
  });

  it('an unknown line answers 404', async () => {
    const missing = await t.http
      .get(`/api/v1/invoices/${invoiceId}/lines/00000000-0000-4000-8000-000000000000/trace`)
      .set(t.auth(ulricehamn));
    expect(missing.status).toBe(404);
  });

  it('as XLSX and PDF', async () => {
    const x = await t.http
      .get(`/api/v1/invoices/${invoiceId}/lines/${lineId}/trace.xlsx`)
      .set(t.auth(tranemo))
      .buffer(true)
      .parse(binaryBody);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Spårning',
      'Förbrukare',
      'Poolandelar',
      'Tjänster',
      'Pooler',
      'Huvudbok',
    ]);
    const consumers = wb.getWorksheet('Förbrukare')!;
    expect(consumers.getRow(2).values).toEqual([
      undefined,
      'Tranemo omsorgssektionen',
      'tranemo',
      'Arbetsplatstjänst',
      300,
      1000,
      30,
      933.33,
      280000,
    ]);
    expect(wb.getWorksheet('Spårning')!.getCell('B5').value).toBe(
      'IT-styrgruppen 2025-03-26 § 7: Reviderad budget 2025',
    );
    expect(consumers.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
    const p = await t.http
      .get(`/api/v1/invoices/${invoiceId}/lines/${lineId}/trace.pdf`)
      .set(t.auth(tranemo))
      .buffer(true)
      .parse(binaryBody);
    const { text } = pdfText(p.body);
    expect(text).toContain('IT-styrgruppen 2025-03-26 § 7: Reviderad budget 2025');
    expect(text).toContain('Arbetsplatstjänst 300 1000 30,0000 % 933,33 280 000,00');
    expect(text).toContain('Personalkostnader 50 500 000,00 66 666,67 566 666,67');
  });

  it("the whole model's trace: every consumer from one split, adding up to the split's total", async () => {
    const runs = await t.http.get(`/api/v1/cost-models/${modelId}/splits`).set(t.auth());
    const res = await t.http.get(`/api/v1/splits/${runs.body.items[0].id}/audit-trace`).set(t.auth(tranemo));
    expect(res.status).toBe(200);
    const trace = res.body as Trace;
    expect(trace.total).toBe('1400000.00');
    expect(trace.consumers.map((c) => [c.id, c.total])).toEqual([
      ['ulr-bou', '886666.67'],
      ['tra-oms', '396666.67'],
      ['bolag-ue', '116666.66'],
    ]);
    const x = await t.http
      .get(`/api/v1/splits/${runs.body.items[0].id}/audit-trace.xlsx`)
      .set(t.auth())
      .buffer(true)
      .parse(binaryBody);
    expect(x.status).toBe(200);
  });

  it('refuses to trace a run whose stored total the engine no longer gives (409), and traces it again once it does', async () => {
    const runs = await t.http.get(`/api/v1/cost-models/${modelId}/splits`).set(t.auth());
    const runId = runs.body.items[0].id;
    const repo = t.dataSource.getRepository(SplitRunEntity);
    const run = (await repo.findOneByOrFail({ id: runId })) as SplitRunEntity & {
      result: { splitResult: { total: string } };
    };
    const original = JSON.parse(JSON.stringify(run.result));
    run.result.splitResult.total = '1400000.01';
    await repo.update({ id: runId }, { result: run.result });
    try {
      const res = await t.http.get(`/api/v1/splits/${runId}/audit-trace`).set(t.auth());
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('ger 1400000.00, körningen 1400000.01');
    } finally {
      await repo.update({ id: runId }, { result: original });
    }
    const again = await t.http.get(`/api/v1/splits/${runId}/audit-trace`).set(t.auth());
    expect(again.status).toBe(200);
    expect(again.body.total).toBe('1400000.00');
  });

  it('a version with no stored split run: the figures computed now from the approved document, and the trace says so', async () => {
    const repo = t.dataSource.getRepository(SplitRunEntity);
    const runs = await repo.findBy({ modelVersionId: modelId });
    expect(runs).toHaveLength(1);
    // as for a version approved before split runs were stored
    await repo.delete({ modelVersionId: modelId });
    try {
      const res = await t.http
        .get(`/api/v1/invoices/${invoiceId}/lines/${lineId}/trace`)
        .set(t.auth(tranemo));
      expect(res.status).toBe(200);
      const trace = res.body as Trace;
      const version = await t.http.get(`/api/v1/cost-models/${modelId}`).set(t.auth()).expect(200);
      expect([trace.splitRun, trace.model.id]).toEqual([null, modelId]);
      expect(trace.figures).toEqual({
        from: 'computed-now',
        engineVersion: COST_ENGINE_VERSION,
        inputHash: version.body.documentHash,
      });
      // the run stored at approval split this same document: its input hash was the document's
      expect(runs[0].inputHash).toBe(version.body.documentHash);
      expect(trace.decision.reference).toBe('IT-styrgruppen 2025-03-26 § 7');
      // the same figures as from the run (above, by hand): tra-oms 280 000.00 + 116 666.67 =
      // 396 666.67, its pools 278 333.34 + 90 000.00 + 28 333.33
      expect(trace.total).toBe('396666.67');
      expect(
        trace.consumers.map((c) => [c.id, c.total, c.lines.map((l) => [l.unitPrice, l.amount])]),
      ).toEqual([
        [
          'tra-oms',
          '396666.67',
          [
            ['933.33', '280000.00'],
            ['466.67', '116666.67'],
          ],
        ],
      ]);
      expect(
        (trace.consumers[0] as unknown as { pools: { amount: string }[] }).pools.map((p) => p.amount),
      ).toEqual(['278333.34', '90000.00', '28333.33']);
      const pdf = await t.http
        .get(`/api/v1/invoices/${invoiceId}/lines/${lineId}/trace.pdf`)
        .set(t.auth(tranemo))
        .buffer(true)
        .parse(binaryBody);
      expect(pdf.status).toBe(200);
      const { text } = pdfText(pdf.body);
      expect(text).toContain('Ingen sparad körning');
      expect(text).toContain(`Beräknade nu (motor ${COST_ENGINE_VERSION})`);
    } finally {
      await repo.insert(runs);
    }
  });
});
