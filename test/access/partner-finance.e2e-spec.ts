import { InvoiceEntity, InvoiceLineEntity } from '@it-samverkan/persistence';
import { databaseSnapshot } from '../support/db-snapshot';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 11 item 9 / DOMAIN.md 9: invoicing acts belong to the issuer's finance. A Tranemo-scoped
 * finance token (the buyer) reads what it receives and acts on nothing of Ulricehamn's: each
 * refused write answers 403 and leaves every table exactly as it was.
 */
describe("a partner's finance cannot act on the issuer's books", () => {
  let t: TestApp;
  let tranemo: string;
  let ulricehamn: string;
  let draftId: string;
  let draftLineId: string;
  let issuedId: string;
  let issuedLineId: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    tranemo = await t.token('finance', 'tranemo');
    ulricehamn = await t.token('finance', 'ulricehamn');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(ulricehamn)).send({ period: '2025-Q1' }).expect(201);
    const drafts = await t.dataSource
      .getRepository(InvoiceEntity)
      .find({ where: { buyerId: 'tranemo', status: 'draft' }, order: { period: 'ASC' } });
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    issuedId = drafts[0].id;
    issuedLineId = (
      await t.dataSource.getRepository(InvoiceLineEntity).findOneByOrFail({ invoiceId: issuedId })
    ).id;
    await t.http.post(`/api/v1/invoices/${issuedId}/issue`).set(t.auth(ulricehamn)).expect(200);
    // Q2 gives a draft to Tranemo, and one to the bolag that Tranemo may not even see (the 404 case).
    await t.http.post('/api/v1/invoice-runs').set(t.auth(ulricehamn)).send({ period: '2025-Q2' }).expect(201);
    const q2 = await t.dataSource
      .getRepository(InvoiceEntity)
      .findOneByOrFail({ buyerId: 'tranemo', status: 'draft', period: '2025-Q2' });
    draftId = q2.id;
    draftLineId = (
      await t.dataSource.getRepository(InvoiceLineEntity).findOneByOrFail({ invoiceId: draftId })
    ).id;
  });
  afterAll(() => t.close());

  const refused = async (call: () => Promise<{ status: number; body: { error?: string } }>, status = 403) => {
    const before = await databaseSnapshot(t.dataSource);
    const res = await call();
    expect({ status: res.status, error: res.body.error }).toEqual({
      status,
      error: status === 403 ? 'FORBIDDEN' : 'NOT_FOUND',
    });
    expect(await databaseSnapshot(t.dataSource)).toBe(before);
  };

  it('still reads the invoice it receives', async () => {
    const res = await t.http.get(`/api/v1/invoices/${issuedId}`).set(t.auth(tranemo)).expect(200);
    expect(res.body.buyer.id).toBe('tranemo');
  });

  it("cannot run Ulricehamn's invoice run", async () => {
    await refused(() => t.http.post('/api/v1/invoice-runs').set(t.auth(tranemo)).send({ period: '2025-Q3' }));
  });

  it('cannot run the settlement', async () => {
    await refused(() =>
      t.http
        .post('/api/v1/invoice-runs/settlement')
        .set(t.auth(tranemo))
        .send({ year: 2025, period: '2026-Q1' }),
    );
  });

  it("cannot edit a line of Ulricehamn's draft to it", async () => {
    await refused(() =>
      t.http
        .patch(`/api/v1/invoices/${draftId}/lines/${draftLineId}`)
        .set(t.auth(tranemo))
        .send({ net: '0.01' }),
    );
  });

  it('cannot delete a line of the draft', async () => {
    await refused(() =>
      t.http.delete(`/api/v1/invoices/${draftId}/lines/${draftLineId}`).set(t.auth(tranemo)),
    );
  });

  it("cannot issue the draft (taking a number of Ulricehamn's series)", async () => {
    await refused(() => t.http.post(`/api/v1/invoices/${draftId}/issue`).set(t.auth(tranemo)));
  });

  it('cannot credit an issued invoice to itself', async () => {
    await refused(() =>
      t.http
        .post(`/api/v1/invoices/${issuedId}/credit`)
        .set(t.auth(tranemo))
        .send({ reason: 'Till oss själva', lines: [{ lineId: issuedLineId, amount: '1.00' }] }),
    );
  });

  it('cannot close or reopen a period', async () => {
    await refused(() => t.http.post('/api/v1/periods/2025-Q4/close').set(t.auth(tranemo)));
    await refused(() => t.http.post('/api/v1/periods/2025-Q1/reopen').set(t.auth(tranemo)));
  });

  it("does not see the bolag's draft at all: acting on it answers 404", async () => {
    const bolag = await t.dataSource
      .getRepository(InvoiceEntity)
      .findOneByOrFail({ buyerId: 'bolag-ue', status: 'draft', period: '2025-Q2' });
    await refused(() => t.http.post(`/api/v1/invoices/${bolag.id}/issue`).set(t.auth(tranemo)), 404);
  });

  it("Ulricehamn's finance (the issuer) does each of these", async () => {
    await t.http
      .patch(`/api/v1/invoices/${draftId}/lines/${draftLineId}`)
      .set(t.auth(ulricehamn))
      .send({ description: 'Ändrad av utfärdaren' })
      .expect(200);
    await t.http.post(`/api/v1/invoices/${draftId}/issue`).set(t.auth(ulricehamn)).expect(200);
    await t.http
      .post(`/api/v1/invoices/${issuedId}/credit`)
      .set(t.auth(ulricehamn))
      .send({ reason: 'Rättelse', lines: [{ lineId: issuedLineId, amount: '1.00' }] })
      .expect(201);
    await t.http.post('/api/v1/periods/2025-Q4/close').set(t.auth(ulricehamn)).expect(200);
  });
});
