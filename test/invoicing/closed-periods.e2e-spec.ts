import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction, lockPeriodYears } from '@it-samverkan/application';
import { InvoiceEntity, InvoiceLineEntity, PeriodCloseEntity } from '@it-samverkan/persistence';
import { parsePeriod, periodContains } from '@it-samverkan/domain';
import { TEST_DATABASE_KIND } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';
import { insertDrafts, storeApprovedModel } from './support';

const onMaria = TEST_DATABASE_KIND === 'mysql' ? it : it.skip;

/** DOMAIN.md 7 and 9: a closed period never changes; closing and every write into a period serialise. */
describe('closed periods never change', () => {
  let t: TestApp;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-02-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it('a draft left in a closed month is neither issued, edited nor stripped of lines', async () => {
    // The state the old race left behind: a draft in 2025-10, then the month closed under it.
    const [id] = await insertDrafts(t.dataSource, 1, '2025-10');
    await t.dataSource
      .getRepository(PeriodCloseEntity)
      .insert({ month: '2025-10', closedAt: new Date(), closedBy: 'test' });
    const line = await t.dataSource.getRepository(InvoiceLineEntity).findOneByOrFail({ invoiceId: id });
    const attempts = [
      t.http.post(`/api/v1/invoices/${id}/issue`).set(t.auth(finance)).send({}),
      t.http
        .patch(`/api/v1/invoices/${id}/lines/${line.id}`)
        .set(t.auth(finance))
        .send({ description: 'Ny' }),
      t.http.delete(`/api/v1/invoices/${id}/lines/${line.id}`).set(t.auth(finance)),
    ];
    for (const res of await Promise.all(attempts))
      expect([res.status, res.body.error]).toEqual([409, 'PERIOD_CLOSED']);
    const after = await t.dataSource.getRepository(InvoiceEntity).findOneByOrFail({ id });
    expect([after.status, after.number]).toEqual(['draft', null]);
    expect(
      (await t.dataSource.getRepository(InvoiceLineEntity).findOneByOrFail({ id: line.id })).description,
    ).toBe('Test');
  });

  it('an invoice whose booking date falls in a closed month is refused', async () => {
    // 2025-12 is open, but an invoice date of 2025-10-15 would book in the closed October.
    const [id] = await insertDrafts(t.dataSource, 1, '2025-12');
    const res = await t.http
      .post(`/api/v1/invoices/${id}/issue`)
      .set(t.auth(finance))
      .send({ invoiceDate: '2025-10-15' });
    expect([res.status, res.body.error]).toEqual([409, 'PERIOD_CLOSED']);
    // On 2026-01-31 it books on 2025-12-31, in the open December.
    const ok = await t.http
      .post(`/api/v1/invoices/${id}/issue`)
      .set(t.auth(finance))
      .send({ invoiceDate: '2026-01-31' })
      .expect(200);
    expect([ok.body.number, ok.body.bookingDate]).toEqual(['ULR-2026-00001', '2025-12-31']);
  });

  onMaria('a close waits while a write holds the period’s year, then sees its drafts', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = inTransaction(t.dataSource, async (m) => {
      await lockPeriodYears(m, t.dataSource, [2025]);
      locked();
      await held;
    });
    await isLocked;
    let answered = false;
    const close = t.http
      .post('/api/v1/periods/2025-11/close')
      .set(t.auth(finance))
      .then((r) => ((answered = true), r));
    await sleep(400);
    expect(answered).toBe(false);
    release();
    await holder;
    expect((await close).status).toBe(200);
  });

  onMaria(
    'runs and closes of the same period sent together never leave a draft in a closed month',
    async () => {
      // Each trial: a run and a close of one quarter at once. Whichever takes the year first wins:
      // the close then refuses (the run's drafts are there) or the run refuses (PERIOD_CLOSED).
      for (const period of ['2025-Q1', '2025-Q2', '2025-Q3']) {
        const [run, close] = await Promise.all([
          t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period }),
          sleep(5).then(() => t.http.post(`/api/v1/periods/${period}/close`).set(t.auth(finance))),
        ]);
        expect([201, 409]).toContain(run.status);
        expect([200, 409]).toContain(close.status);
        // The trial's drafts in a closed month (the first test's planted draft lies outside it).
        const closed = (await t.dataSource.getRepository(PeriodCloseEntity).find()).map((c) => c.month);
        const drafts = await t.dataSource.getRepository(InvoiceEntity).find({ where: { status: 'draft' } });
        const inClosed = drafts.filter(
          (d) =>
            periodContains(parsePeriod(period), parsePeriod(d.period)) &&
            parsePeriod(d.period).months.some((month) => closed.includes(month)),
        );
        expect({ period, run: run.status, close: close.status, draftsInClosed: inClosed.length }).toEqual({
          period,
          run: run.status,
          close: close.status,
          draftsInClosed: close.status === 200 ? 0 : inClosed.length,
        });
        if (close.status === 200) expect(run.body.error).toBe('PERIOD_CLOSED');
        else expect(close.body.error).toBe('PERIOD_HAS_DRAFTS');
      }
    },
  );
});
