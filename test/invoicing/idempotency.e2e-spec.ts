import type { Response } from 'supertest';
import { AuditEntryEntity, IdempotencyRecordEntity, InvoiceEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from './support';

const PARALLEL = 20;

/**
 * Every answer to concurrent requests with one Idempotency-Key is either the one result (same
 * status, same body) or an honest 409 that saved nothing; returns the successful answers.
 */
function oneAnswer(answers: Response[], status: number): Response[] {
  const ok = answers.filter((a) => a.status === status);
  const others = answers.filter((a) => a.status !== status);
  expect(others.map((a) => [a.status, a.body.error])).toEqual(
    others.map(() => [409, 'IDEMPOTENCY_KEY_BUSY']),
  );
  expect(ok.length).toBeGreaterThan(0);
  for (const a of ok) expect(a.body).toEqual(ok[0].body);
  return ok;
}

describe('Idempotency-Key: concurrent retries of one request run it once', () => {
  let t: TestApp;
  let finance: string;
  let bolagInvoiceId: string;
  let feeLineId: string;

  const audits = (action: string) => t.dataSource.getRepository(AuditEntryEntity).countBy({ action });

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it(`${PARALLEL} parallel invoice runs with one key: one run, one answer`, async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.http
          .post('/api/v1/invoice-runs')
          .set(t.auth(finance))
          .set('Idempotency-Key', 'run-2025-Q1')
          .send({ period: '2025-Q1' }),
      ),
    );
    const ok = oneAnswer(answers, 201);
    // The drafts were created by the one run that did the work; every replay says the same.
    expect(ok[0].body.createdInvoices).toBeGreaterThan(0);
    expect(await audits('run')).toBe(1);
    expect(await t.dataSource.getRepository(InvoiceEntity).countBy({ period: '2025-Q1' })).toBe(
      ok[0].body.createdInvoices,
    );
    const bolag = await t.dataSource
      .getRepository(InvoiceEntity)
      .findOneByOrFail({ period: '2025-Q1', buyerId: 'bolag-ue' });
    bolagInvoiceId = bolag.id;
  });

  it(`${PARALLEL} parallel issues of one draft with one key: one number, one answer`, async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.http
          .post(`/api/v1/invoices/${bolagInvoiceId}/issue`)
          .set(t.auth(finance))
          .set('Idempotency-Key', 'issue-bolag'),
      ),
    );
    const ok = oneAnswer(answers, 200);
    expect(ok[0].body.status).toBe('issued');
    expect(ok.filter((a) => a.headers['idempotent-replayed'] === 'true').length).toBe(ok.length - 1);
    expect(await audits('issue')).toBe(1);
    feeLineId = ok[0].body.lines.find((l: { source: string }) => l.source === 'agreement-fee').id;
  });

  it(`${PARALLEL} parallel credits with one key: exactly one credit note, one answer`, async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.http
          .post(`/api/v1/invoices/${bolagInvoiceId}/credit`)
          .set(t.auth(finance))
          .set('Idempotency-Key', 'credit-bolag-1')
          .send({ reason: 'Fel avgift', lines: [{ lineId: feeLineId, amount: '100.00' }] }),
      ),
    );
    const ok = oneAnswer(answers, 201);
    // 100.00 net at 25 % VAT: 25.00, gross 125.00.
    expect(ok[0].body).toMatchObject({ kind: 'credit-note', net: '100.00', vat: '25.00', gross: '125.00' });
    const notes = await t.dataSource
      .getRepository(InvoiceEntity)
      .findBy({ creditedInvoiceId: bolagInvoiceId, kind: 'credit-note' });
    expect(notes.map((n) => n.number)).toEqual([ok[0].body.number]);
    expect(await audits('credit')).toBe(1);
  });

  it('the same key with another body is refused with 422 and changes nothing', async () => {
    const other = await t.http
      .post(`/api/v1/invoices/${bolagInvoiceId}/credit`)
      .set(t.auth(finance))
      .set('Idempotency-Key', 'credit-bolag-1')
      .send({ reason: 'Fel avgift', lines: [{ lineId: feeLineId, amount: '200.00' }] });
    expect(other.status).toBe(422);
    expect(other.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      await t.dataSource.getRepository(InvoiceEntity).countBy({ creditedInvoiceId: bolagInvoiceId }),
    ).toBe(1);
  });

  it('concurrent requests with one key and different bodies: one wins, the others get 422', async () => {
    const answers = await Promise.all(
      ['1.00', '2.00', '3.00', '4.00', '5.00'].map((amount) =>
        t.http
          .post(`/api/v1/invoices/${bolagInvoiceId}/credit`)
          .set(t.auth(finance))
          .set('Idempotency-Key', 'credit-bolag-2')
          .send({ reason: 'Rättelse', lines: [{ lineId: feeLineId, amount }] }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(
      await t.dataSource.getRepository(InvoiceEntity).countBy({ creditedInvoiceId: bolagInvoiceId }),
    ).toBe(2);
  });

  it('a refused request stores no key, so the corrected request may use it', async () => {
    // 120 000.00 fee − 100.00 − at most 5.00 credited: 120 000.00 is more than is left.
    const refused = await t.http
      .post(`/api/v1/invoices/${bolagInvoiceId}/credit`)
      .set(t.auth(finance))
      .set('Idempotency-Key', 'credit-bolag-3')
      .send({ reason: 'För mycket', lines: [{ lineId: feeLineId, amount: '120000.00' }] });
    expect(refused.status).toBe(400);
    expect(await t.dataSource.getRepository(IdempotencyRecordEntity).countBy({})).toBe(4);
    const corrected = await t.http
      .post(`/api/v1/invoices/${bolagInvoiceId}/credit`)
      .set(t.auth(finance))
      .set('Idempotency-Key', 'credit-bolag-3')
      .send({ reason: 'Rätt belopp', lines: [{ lineId: feeLineId, amount: '10.00' }] });
    expect(corrected.status).toBe(201);
    expect(corrected.body.net).toBe('10.00');
  });
});
