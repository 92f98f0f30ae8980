import { Money } from '@it-samverkan/domain';
import { InvoiceCounterEntity, InvoiceEntity, InvoiceLineEntity } from '@it-samverkan/persistence';
import { loadScaleData, SCALE_YEARS } from '../../bench/api-load/scale-data';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The load bench's scaled data set (bench/api-load/scale-data.ts) keeps the schema's invariants:
 * gapless yearly series, parts adding up to the whole; and the paged invoice list reads it.
 * Factor 10: 20 buyers × 20 quarters × 1 invoice = 400 invoices with 4 lines each.
 */
describe('the scaled data set of the load bench', () => {
  let t: TestApp;
  let figures: Awaited<ReturnType<typeof loadScaleData>>;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    figures = await loadScaleData(t.dataSource, 10, t.now.value);
  });
  afterAll(() => t.close());

  it('adds 2×10 buyers, 20 × 20 × 1 invoices, 4 lines and an audit entry each, 10 split runs, five closed years', () => {
    expect(figures).toMatchObject({
      buyers: 20,
      invoices: 400,
      lines: 1600,
      auditEntries: 400,
      splitRuns: 10,
      closedMonths: 60,
    });
  });

  it("numbers each year's invoices 1..80 without a gap, and the counter holds 80 (20 buyers × 4 quarters)", async () => {
    for (const year of SCALE_YEARS) {
      const rows = await t.dataSource
        .getRepository(InvoiceEntity)
        .createQueryBuilder('i')
        .where('i.period LIKE :year', { year: `${year}-%` })
        .getMany();
      const numbers = rows.map((r) => r.number).sort();
      expect(numbers).toEqual(
        Array.from({ length: 80 }, (_, i) => `ULR-${year}-${String(i + 1).padStart(5, '0')}`),
      );
      const counter = await t.dataSource
        .getRepository(InvoiceCounterEntity)
        .findOneByOrFail({ issuerId: 'ulricehamn', year });
      expect(counter.lastNumber).toBe(80);
    }
  });

  it('every invoice is the sum of its lines, VAT 25 % of the net rounded half up, gross net + VAT', async () => {
    const invoices = await t.dataSource
      .getRepository(InvoiceEntity)
      .createQueryBuilder('i')
      .where('i.buyerId LIKE :buyer', { buyer: 'skala-bolag-%' })
      .getMany();
    const lines = await t.dataSource
      .getRepository(InvoiceLineEntity)
      .createQueryBuilder('l')
      .where('l.sourceKey LIKE :key', { key: 'skala:%' })
      .getMany();
    expect(invoices).toHaveLength(400);
    const linesOf = new Map<string, InvoiceLineEntity[]>();
    for (const line of lines) linesOf.set(line.invoiceId, [...(linesOf.get(line.invoiceId) ?? []), line]);
    for (const invoice of invoices) {
      const own = linesOf.get(invoice.id) ?? [];
      expect(own.map((l) => l.lineNo).sort()).toEqual([1, 2, 3, 4]);
      for (const line of own) expect(line.net.equals(line.unitPrice.timesHalfUp(line.quantity))).toBe(true);
      expect(invoice.net.equals(Money.sum(own.map((l) => l.net)))).toBe(true);
      expect(invoice.vat.equals(invoice.net.timesHalfUp('0.25'))).toBe(true);
      expect(invoice.gross.equals(invoice.net.plus(invoice.vat))).toBe(true);
    }
  });

  it('the invoice list pages a year of it: 80 invoices in 2022, 50 on page 1 and 30 on page 2, by period and number', async () => {
    const first = await t.http.get('/api/v1/invoices?period=2022&pageSize=50').set(t.auth()).expect(200);
    expect(first.body).toMatchObject({ total: 80, pages: 2, next: 2 });
    const second = await t.http
      .get('/api/v1/invoices?period=2022&pageSize=50&page=2')
      .set(t.auth())
      .expect(200);
    expect(second.body).toMatchObject({ total: 80, pages: 2, next: null });
    expect(second.body.items).toHaveLength(30);
    const numbers = [...first.body.items, ...second.body.items].map((i: { number: string }) => i.number);
    // quarters follow each other and so does the series: Q1 holds 1–20, Q4 61–80
    expect(numbers).toEqual(
      Array.from({ length: 80 }, (_, i) => `ULR-2022-${String(i + 1).padStart(5, '0')}`),
    );
  });
});
