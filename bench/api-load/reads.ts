import { BENCH_ADMIN_TOKEN, BENCH_PASSWORD } from './protocol';
import type { Read } from './load';

const API = '/api/v1';
const ADMIN = { Authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };

async function call(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(base + path, init);
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function json<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  return (await (await call(base, path, init)).json()) as T;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { ...ADMIN, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** A demo person's session cookie, as a Cookie header. */
async function sessionOf(base: string, username: string): Promise<Record<string, string>> {
  const response = await call(base, `${API}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('its_session='));
  if (!cookie) throw new Error(`ingen sessionskaka för ${username}`);
  return { Cookie: cookie.split(';')[0] };
}

/**
 * Brings the demo to where the pages have something to show (an invoice run of 2025-Q1, a split
 * of the approved budget), logs the demo persons in, and returns the reads the web pages make,
 * each as the person whose page makes it.
 */
export async function prepareReads(base: string): Promise<Read[]> {
  await call(base, `${API}/invoice-runs`, post({ period: '2025-Q1' }));
  const models = await json<{ items: { id: string; status: string; year: number }[] }>(
    base,
    `${API}/cost-models?pageSize=500`,
    { headers: ADMIN },
  );
  const approved = models.items.find((m) => m.status === 'approved');
  if (!approved) throw new Error('demon saknar en godkänd kostnadsmodell');
  const split = await json<{ id: string }>(base, `${API}/cost-models/${approved.id}/splits`, post({}));
  const scenarios = await json<{ items: { id: string }[] }>(base, `${API}/scenarios`, { headers: ADMIN });
  if (scenarios.items.length === 0) throw new Error('demon saknar scenarier');

  const finance = await sessionOf(base, 'ekonomi.ulricehamn');
  const services = await sessionOf(base, 'tjanstefiering');
  const steering = await sessionOf(base, 'styrgrupp');
  const invoices = await json<{ items: { id: string; buyer: { id: string } }[] }>(
    base,
    `${API}/invoices?period=2025-Q1`,
    {
      headers: finance,
    },
  );
  if (invoices.items.length === 0) throw new Error('fakturakörningen gav inga fakturor för 2025-Q1');
  const year = Math.max(...models.items.map((m) => m.year));
  const reads: Read[] = [
    { name: '/health', paths: ['/health'], headers: {} },
    {
      // apps/web/src/start/start-page.tsx and api/directory.ts, in the order the page asks
      name: 'startsida (12 anrop i tur)',
      paths: [
        `${API}/auth/me`,
        `${API}/invoices?status=draft&pageSize=500`,
        `${API}/periods`,
        `${API}/cost-models?pageSize=500`,
        `${API}/utveckling/requests?pageSize=500`,
        `${API}/drift/reports/${year}-T3`,
        `${API}/drift/reports/${year}-T2`,
        `${API}/drift/reports/${year}-T1`,
        `${API}/organisation?pageSize=500`,
        `${API}/cost-models?pageSize=500`,
        `${API}/cost-models/${approved.id}`,
        `${API}/cooperation-agreements?pageSize=500`,
      ],
      headers: services,
    },
    { name: 'fakturalista 2025-Q1', paths: [`${API}/invoices?period=2025-Q1`], headers: finance },
    { name: 'en faktura', paths: [`${API}/invoices/${invoices.items[0].id}`], headers: finance },
    { name: 'fördelningsresultat', paths: [`${API}/splits/${split.id}`], headers: services },
    {
      name: 'scenariojämförelse',
      paths: [`${API}/scenarios/${scenarios.items[0].id}/comparison`],
      headers: steering,
    },
    { name: 'servicenivårapport 2025-T1', paths: [`${API}/drift/reports/2025-T1`], headers: steering },
    // lists whose tables grow with the years: a page of each, filtered as the pages filter them
    {
      name: 'fakturor till en köpare',
      paths: [`${API}/invoices?buyerId=${invoices.items[0].buyer.id}`],
      headers: finance,
    },
    { name: 'utfärdade fakturor', paths: [`${API}/invoices?status=issued`], headers: finance },
    // apps/web/src/ekonomi/ekonomi-page.tsx: the periods with invoices, newest first, twelve a page
    {
      name: 'perioder med fakturor',
      paths: [`${API}/invoices/periods?page=1&pageSize=12`],
      headers: finance,
    },
    {
      name: 'loggen för en faktura',
      paths: [`${API}/audit?entityType=invoice&entityId=${invoices.items[0].id}`],
      headers: ADMIN,
    },
    {
      name: 'modellens fördelningar',
      paths: [`${API}/cost-models/${approved.id}/splits`],
      headers: services,
    },
  ];
  // every read answers 200 for its person before it is measured
  for (const read of reads) for (const path of read.paths) await call(base, path, { headers: read.headers });
  return reads;
}
