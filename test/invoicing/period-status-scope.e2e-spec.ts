import type { TestApp } from '../support/test-app';
import { HandMadeDocument, startWithDocuments } from './support';

/**
 * Ulricehamn's documents, by hand. Tranemo and Svenljunga buy as municipalities; bolag-ue is
 * Ulricehamn's company (its buyer municipality Ulricehamn), which no other party sees.
 */
const DOCUMENTS: HandMadeDocument[] = [
  /* D1 */ { period: '2024-Q4', status: 'issued', buyer: 'tranemo', gross: '1.00', number: 'ULR-2024-00001' },
  /* D2 */ { period: '2025-Q1', status: 'issued', buyer: 'tranemo', gross: '1.00', number: 'ULR-2025-00001' },
  /* D3 */ {
    period: '2025-Q1',
    status: 'issued',
    buyer: 'bolag-ue',
    gross: '1.00',
    number: 'ULR-2025-00002',
  },
  /* D4 */ { period: '2025-Q1', status: 'draft', buyer: 'bolag-ue', gross: '1.00' },
  /* D5 */ { period: '2025-03', status: 'draft', buyer: 'tranemo', gross: '1.00' },
  /* D6 */ { period: '2025', status: 'issued', buyer: 'bolag-ue', gross: '1.00', number: 'ULR-2025-00003' },
  /* D7 */ { period: '2025-Q2', status: 'draft', buyer: 'tranemo', gross: '1.00' },
  /* D8 */ { period: '2025-Q2', status: 'draft', buyer: 'svenljunga', gross: '1.00' },
  /* D9 */ {
    period: '2025-04',
    status: 'issued',
    kind: 'credit-note',
    buyer: 'tranemo',
    gross: '1.00',
    number: 'ULR-2025-00004',
  },
  /* D10 */ { period: '2026-T1', status: 'draft', buyer: 'bolag-ue', gross: '1.00' },
];

/** 2024-Q4 wholly closed (so not open), and January 2025: 2025-Q1 and 2025 are partly closed. */
const CLOSED = ['2024-10', '2024-11', '2024-12', '2025-01'];

/** "period drafts/issued closed-months": a status as the start page and the period page read it. */
const line = (s: { period: string; drafts: number; issued: number; closedMonths: string[] }) =>
  `${s.period} ${s.drafts}/${s.issued} [${s.closedMonths.join(' ')}]`;

/**
 * GET /api/v1/periods and /periods/{period} count only the documents the reader may see, by the
 * rule of GET /invoices (DOMAIN.md 9: a partner sees only its own books); which months are closed
 * is the period's, shown to every reader. A period's counts are of the documents of every period
 * touching it (2025-Q1: its months, 2025-T1 and 2025), as closing counts them.
 */
describe('period status as each reader may see it', () => {
  let t: TestApp;
  let ulricehamn: string;
  let tranemo: string;
  let bolag: string;
  let svenljunga: string;

  beforeAll(async () => {
    ({
      t,
      finance: { ulricehamn, tranemo, svenljunga, bolag },
    } = await startWithDocuments(DOCUMENTS, CLOSED));
  });
  afterAll(() => t.close());

  const open = async (token?: string) =>
    (
      (await t.http.get('/api/v1/periods').set(t.auth(token)).expect(200)).body as Parameters<
        typeof line
      >[0][]
    ).map(line);
  const status = async (period: string, token?: string) =>
    line((await t.http.get(`/api/v1/periods/${period}`).set(t.auth(token)).expect(200)).body);

  /** The issuer sees every document: 2025 touches D2–D9, 2025-03 and 2025-Q1 D2–D6, 2025-04 and 2025-Q2 D6–D9. */
  const ISSUERS_OPEN = [
    '2025 4/4 [2025-01]',
    '2025-03 2/3 []',
    '2025-04 2/2 []',
    '2025-Q1 2/3 [2025-01]',
    '2025-Q2 2/2 []',
    '2026-T1 1/0 []',
  ];

  it('counts every document for the admin and for the issuer’s finance', async () => {
    expect(await open()).toEqual(ISSUERS_OPEN);
    expect(await open(ulricehamn)).toEqual(ISSUERS_OPEN);
    expect(await status('2024-Q4', ulricehamn)).toBe('2024-Q4 0/1 [2024-10 2024-11 2024-12]');
    expect(await status('2025-Q1', ulricehamn)).toBe('2025-Q1 2/3 [2025-01]');
  });

  it("counts only Tranemo's own documents (D1, D2, D5, D7, D9) for Tranemo's finance, and lists only periods holding them", async () => {
    // 2025-03 and 2025-Q1 touch D2 and D5; 2025-04 and 2025-Q2 touch D7 and D9; 2025 and 2026-T1 hold only the bolag's
    expect(await open(tranemo)).toEqual([
      '2025-03 1/1 []',
      '2025-04 1/1 []',
      '2025-Q1 1/1 [2025-01]',
      '2025-Q2 1/1 []',
    ]);
    expect(await status('2025', tranemo)).toBe('2025 2/2 [2025-01]');
    // closed for everyone: the period's months, not Tranemo's books
    expect(await status('2024-Q4', tranemo)).toBe('2024-Q4 0/1 [2024-10 2024-11 2024-12]');
    expect(await status('2026-T1', tranemo)).toBe('2026-T1 0/0 []');
  });

  it("counts only the bolag's own documents (D3, D4, D6, D10) for the bolag's finance", async () => {
    expect(await open(bolag)).toEqual(['2025 1/2 [2025-01]', '2025-Q1 1/2 [2025-01]', '2026-T1 1/0 []']);
    // 2025-Q2 holds none of its own, but the year's D6 touches it
    expect(await status('2025-Q2', bolag)).toBe('2025-Q2 0/1 []');
    expect(await status('2024-Q4', bolag)).toBe('2024-Q4 0/0 [2024-10 2024-11 2024-12]');
  });

  it("counts Svenljunga's one draft (D8) for Svenljunga", async () => {
    expect(await open(svenljunga)).toEqual(['2025-Q2 1/0 []']);
    expect(await status('2025', svenljunga)).toBe('2025 1/0 [2025-01]');
  });

  it("never answers one reader's cached list to another: the admin's, then Tranemo's, then the admin's again", async () => {
    const tranemos = await open(tranemo);
    expect(await open()).toEqual(ISSUERS_OPEN);
    expect(await open(tranemo)).toEqual(tranemos);
    expect(await open(bolag)).toEqual(['2025 1/2 [2025-01]', '2025-Q1 1/2 [2025-01]', '2026-T1 1/0 []']);
    expect(await open()).toEqual(ISSUERS_OPEN);
  });

  it("counts what GET /invoices lists for the same reader: a year's status adds up to the reader's documents of the year", async () => {
    for (const [token, documents] of [
      [undefined, 8],
      [tranemo, 4],
      [bolag, 3],
      [svenljunga, 1],
    ] as const) {
      const year = (await t.http.get('/api/v1/periods/2025').set(t.auth(token)).expect(200)).body;
      const listed = (
        await t.http.get('/api/v1/invoices?period=2025&pageSize=500').set(t.auth(token)).expect(200)
      ).body;
      expect([year.drafts + year.issued, listed.total]).toEqual([documents, documents]);
    }
  });
});
