import type { TestApp } from '../support/test-app';
import { HandMadeDocument, insertDocument, startWithDocuments } from './support';

/**
 * Ulricehamn's documents, by hand (gross including VAT). Tranemo is a buyer of its own; bolag-ue
 * is Ulricehamn's company (its buyer municipality Ulricehamn), which Tranemo does not see.
 */
const DOCUMENTS: HandMadeDocument[] = [
  { period: '2024-Q4', status: 'issued', buyer: 'tranemo', gross: '1250.00', number: 'ULR-2024-00001' },
  { period: '2024-Q4', status: 'issued', buyer: 'bolag-ue', gross: '500.00', number: 'ULR-2024-00002' },
  // 0.10 + 0.20 summed as floats is 0.30000000000000004
  { period: '2025-Q1', status: 'issued', buyer: 'tranemo', gross: '1000.10', number: 'ULR-2025-00001' },
  { period: '2025-Q1', status: 'issued', buyer: 'tranemo', gross: '0.20', number: 'ULR-2025-00002' },
  { period: '2025-Q1', status: 'issued', buyer: 'bolag-ue', gross: '2000.00', number: 'ULR-2025-00003' },
  { period: '2025-Q1', status: 'draft', buyer: 'bolag-ue', gross: '40.00' },
  {
    period: '2025-04',
    status: 'issued',
    kind: 'credit-note',
    buyer: 'tranemo',
    gross: '125.00',
    number: 'ULR-2025-00004',
  },
  { period: '2025-Q2', status: 'draft', buyer: 'bolag-ue', gross: '100.00' },
  { period: '2025-Q2', status: 'draft', buyer: 'bolag-ue', gross: '100.00' },
  { period: '2025', status: 'issued', buyer: 'bolag-ue', gross: '12000.00', number: 'ULR-2025-00005' },
  { period: '2025-12', status: 'draft', buyer: 'tranemo', gross: '300.00' },
];

const row = (period: string, counts: Partial<Record<string, unknown>> = {}) => ({
  period,
  drafts: 0,
  issued: 0,
  creditNotes: 0,
  issuedTotal: '0.00',
  creditedTotal: '0.00',
  closed: false,
  ...counts,
});

/** Every period, newest first (the later end first; 2025-12 before 2025, which ends the same day). */
const ALL = [
  row('2025-12', { drafts: 1 }),
  row('2025', { issued: 1, issuedTotal: '12000.00' }),
  row('2025-Q2', { drafts: 2 }),
  row('2025-04', { creditNotes: 1, creditedTotal: '125.00' }),
  row('2025-Q1', { drafts: 1, issued: 3, issuedTotal: '3000.30' }),
  row('2024-Q4', { issued: 2, issuedTotal: '1750.00', closed: true }),
];

/** GET /api/v1/invoices/periods: the finance page's periods, newest first, as each reader may see them. */
describe('periods with invoices', () => {
  let t: TestApp;
  let tranemo: string;
  let bolag: string;
  let ulricehamn: string;
  let svenljunga: string;

  beforeAll(async () => {
    ({
      t,
      finance: { ulricehamn, tranemo, svenljunga, bolag },
    } = await startWithDocuments(DOCUMENTS, ['2024-10', '2024-11', '2024-12']));
  });
  afterAll(() => t.close());

  const periods = async (query: string, token?: string) =>
    (await t.http.get(`/api/v1/invoices/periods${query}`).set(t.auth(token)).expect(200)).body;

  it('lists every period newest first with its counts, exact totals and whether it is closed', async () => {
    expect(await periods('')).toEqual({ items: ALL, page: 1, pageSize: 50, total: 6, pages: 1, next: null });
    // the issuer's finance is a party to all of them
    expect((await periods('', ulricehamn)).items).toEqual(ALL);
  });

  it('pages the list: two a page, three pages, and past the end nothing', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((n) => periods(`?page=${n}&pageSize=2`)));
    expect(pages.map((p) => [p.items.map((r: { period: string }) => r.period), p.next])).toEqual([
      [['2025-12', '2025'], 2],
      [['2025-Q2', '2025-04'], 3],
      [['2025-Q1', '2024-Q4'], null],
      [[], null],
    ]);
    expect(pages.every((p) => p.total === 6 && p.pages === 3 && p.pageSize === 2)).toBe(true);
  });

  it("keeps one year's periods with ?year", async () => {
    expect((await periods('?year=2024')).items).toEqual([ALL[5]]);
    expect((await periods('?year=2025')).items).toEqual(ALL.slice(0, 5));
    expect(await periods('?year=2026')).toMatchObject({ items: [], total: 0, pages: 1, next: null });
  });

  it("shows Tranemo's finance only its own documents: not the issuer's periods with the bolag, nor the bolag's counts", async () => {
    const own = await periods('', tranemo);
    expect(own.items).toEqual([
      row('2025-12', { drafts: 1 }),
      row('2025-04', { creditNotes: 1, creditedTotal: '125.00' }),
      row('2025-Q1', { issued: 2, issuedTotal: '1000.30' }),
      row('2024-Q4', { issued: 1, issuedTotal: '1250.00', closed: true }),
    ]);
    expect(own.total).toBe(4);
    expect((await periods('?year=2025&pageSize=1&page=2', tranemo)).items).toEqual([own.items[1]]);
  });

  it("shows the bolag's finance only the bolag's documents", async () => {
    expect((await periods('', bolag)).items).toEqual([
      row('2025', { issued: 1, issuedTotal: '12000.00' }),
      row('2025-Q2', { drafts: 2 }),
      row('2025-Q1', { drafts: 1, issued: 1, issuedTotal: '2000.00' }),
      row('2024-Q4', { issued: 1, issuedTotal: '500.00', closed: true }),
    ]);
  });

  it('shows a municipality outside every invoice nothing', async () => {
    expect(await periods('', svenljunga)).toEqual({
      items: [],
      page: 1,
      pageSize: 50,
      total: 0,
      pages: 1,
      next: null,
    });
  });

  it("counts what GET /invoices lists for the same reader: the rows add up to each reader's documents", async () => {
    for (const token of [undefined, tranemo, bolag, svenljunga]) {
      const rows = (await periods('', token)).items as {
        drafts: number;
        issued: number;
        creditNotes: number;
      }[];
      const listed = (await t.http.get('/api/v1/invoices?pageSize=500').set(t.auth(token)).expect(200)).body;
      expect(rows.reduce((n, r) => n + r.drafts + r.issued + r.creditNotes, 0)).toBe(listed.total);
    }
  });

  it('answers a document added after a read on the next read (the cached read is emptied by the write)', async () => {
    expect((await periods('?year=2026')).total).toBe(0);
    await insertDocument(t.dataSource, {
      period: '2026-01',
      status: 'draft',
      buyer: 'tranemo',
      gross: '1.00',
    });
    expect((await periods('?year=2026')).items).toEqual([row('2026-01', { drafts: 1 })]);
    expect((await periods('?year=2026', bolag)).total).toBe(0);
  });

  it('refuses a bad page, page size and year at once, listing every problem, and needs a login', async () => {
    const res = await t.http
      .get('/api/v1/invoices/periods?page=0&pageSize=501&year=1999')
      .set(t.auth())
      .expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'page', message: 'page måste vara minst 1' },
        { path: 'pageSize', message: 'pageSize får vara högst 500' },
        { path: 'year', message: 'year måste vara ett rimligt år' },
      ]),
    );
    expect(res.body.details).toHaveLength(3);
    const word = await t.http.get('/api/v1/invoices/periods?year=tjugo').set(t.auth()).expect(400);
    expect(word.body.details).toContainEqual({ path: 'year', message: 'year måste vara ett heltal' });
    await t.http.get('/api/v1/invoices/periods').expect(401);
  });
});
