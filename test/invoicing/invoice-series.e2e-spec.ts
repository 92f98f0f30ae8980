import { InvoiceEntity, MunicipalityEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import { insertDrafts } from './support';

/** Each issuer's numbers are its own series: a second issuing municipality never collides. */
describe('invoice numbers per issuer', () => {
  let t: TestApp;
  let finance: string;
  const issue = async (id: string) =>
    (await t.http.post(`/api/v1/invoices/${id}/issue`).set(t.auth(finance)).send({}).expect(200)).body.number;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it('Ulricehamn and Tranemo both start at 00001, each with its prefix', async () => {
    const ulr = await insertDrafts(t.dataSource, 2, '2025-12', 'ulricehamn');
    const tra = await insertDrafts(t.dataSource, 2, '2025-12', 'tranemo');
    // Interleaved: each series counts on its own.
    expect([await issue(ulr[0]), await issue(tra[0]), await issue(tra[1]), await issue(ulr[1])]).toEqual([
      'ULR-2025-00001',
      'TRA-2025-00001', // derived from the id: Tranemo has no prefix configured
      'TRA-2025-00002',
      'ULR-2025-00002',
    ]);
    await t.dataSource.getRepository(MunicipalityEntity).update({ id: 'tranemo' }, { invoicePrefix: 'TRM' });
    const [next] = await insertDrafts(t.dataSource, 1, '2025-12', 'tranemo');
    expect(await issue(next)).toBe('TRM-2025-00003');
  });

  it('the database keeps numbers unique per issuer, not across issuers', async () => {
    const [a, b] = await insertDrafts(t.dataSource, 2, '2025-11', 'ulricehamn');
    const [c] = await insertDrafts(t.dataSource, 1, '2025-11', 'tranemo');
    const repo = t.dataSource.getRepository(InvoiceEntity);
    await repo.update({ id: a }, { number: 'X-1' });
    await repo.update({ id: c }, { number: 'X-1' });
    await expect(repo.update({ id: b }, { number: 'X-1' })).rejects.toThrow();
  });
});
