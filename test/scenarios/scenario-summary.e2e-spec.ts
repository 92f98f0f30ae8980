import { Money } from '@it-samverkan/domain';
import { binaryBody } from '../support/finance-files';
import { pdfText } from '../support/pdf-text';
import { startTestApp, TestApp } from '../support/test-app';

interface Row {
  id: string;
  base: string;
  scenario: string;
  difference: string;
  differencePercent: string | null;
}
interface Comparison {
  totals: Row;
  municipalities: Row[];
  fundingMoves: { municipality: string; toInternalCharge: string; toAppropriation: string }[];
  municipalityNames: Record<string, string>;
  administrativeLoad: {
    base: { internalCharges: number; invoices: number };
    scenario: { internalCharges: number; invoices: number };
  };
}

const kr = (amount: string) =>
  Money.parse(amount)
    .toSwedish()
    .replace(/\u00a0/g, ' ');

describe('GET /api/v1/scenarios/{id}/summary.pdf: the steering group’s one-page meeting summary', () => {
  let t: TestApp;
  let ids: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    const list = await t.http.get('/api/v1/scenarios').set(t.auth()).expect(200);
    ids = new Map(list.body.items.map((s: { name: string; id: string }) => [s.name, s.id]));
  });
  afterAll(async () => t?.close());

  const pdfOf = async (id: string, token?: string) =>
    t.http.get(`/api/v1/scenarios/${id}/summary.pdf`).set(t.auth(token)).buffer(true).parse(binaryBody);

  it('Ulricehamn switching to internal charge: one dated A4 page with names and the money that moves', async () => {
    const id = ids.get('Ulricehamn går från anslag till interndebitering')!;
    const comparison = (await t.http.get(`/api/v1/scenarios/${id}/comparison`).set(t.auth()).expect(200))
      .body as Comparison;
    // read-only users read it too: scenarios are shared within the cooperation (DOMAIN.md 9)
    const res = await pdfOf(id, await t.token('readonly', 'tranemo'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="motesunderlag-2025-2025-04-02.pdf"',
    );
    const { text, pages } = pdfText(res.body as Buffer);
    expect(pages).toBe(1);
    expect(text).toContain('Daterat 2025-04-02');
    expect(text).toContain('Ulricehamn går från anslag till interndebitering');
    expect(text).toMatch(/Godkänd genom beslut IT-styrgruppen \d{4}-\d{2}-\d{2} § ?\d+/);
    // names, not ids
    expect(text).toContain('Ulricehamns kommun');
    expect(text).toContain('Tranemo kommun');
    expect(text).not.toMatch(/\bulr-ks\b|\bulricehamn\b/);
    for (const m of comparison.municipalities) {
      expect(text).toContain(`${kr(m.base)} ${kr(m.scenario)} ${kr(m.difference)}`);
    }
    expect(text).toContain(`Summa ${kr(comparison.totals.base)} ${kr(comparison.totals.scenario)}`);
    const ulr = comparison.fundingMoves.find((m) => m.municipality === 'ulricehamn')!;
    expect(Money.parse(ulr.toInternalCharge).isZero()).toBe(false);
    expect(text).toContain(`Ulricehamns kommun ${kr(ulr.toInternalCharge)} ${kr(ulr.toAppropriation)}`);
    const { base, scenario } = comparison.administrativeLoad;
    expect(text).toContain(`Interndebiteringar ${base.internalCharges} ${scenario.internalCharges}`);
    expect(text).toContain(`Fakturor ${base.invoices} ${scenario.invoices}`);
  });

  it('Mark joining: the new municipality by name, its change with a sign and no percentage', async () => {
    const id = ids.get('Mark ansluter')!;
    const comparison = (await t.http.get(`/api/v1/scenarios/${id}/comparison`).set(t.auth()).expect(200))
      .body as Comparison;
    const { text, pages } = pdfText((await pdfOf(id)).body as Buffer);
    expect(pages).toBe(1);
    const mark = comparison.municipalities.find((m) => m.id === 'mark')!;
    // named as the demo's change names it (municipalityName), not by its id
    expect(comparison.municipalityNames.mark).toBe('Marks kommun');
    expect(text).toContain(`Marks kommun 0,00 ${kr(mark.scenario)} +${kr(mark.difference)} –`);
    expect(text).toContain('ansluter');
  });

  it('an unknown scenario is 404, and no login is 401', async () => {
    const missing = await t.http
      .get('/api/v1/scenarios/00000000-0000-4000-8000-000000000000/summary.pdf')
      .set(t.auth());
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('SCENARIO_NOT_FOUND');
    await t.http.get(`/api/v1/scenarios/${ids.get('Mark ansluter')}/summary.pdf`).expect(401);
  });
});
