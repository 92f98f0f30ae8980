import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Money } from '@it-samverkan/domain';
import { describeInBrowser, webStory, kr, norm } from './browser';

/**
 * The finance story continued past the quarter (finance-stories.e2e-spec.ts ends it): with 2025-Q1
 * issued and 100.00 of Tranemo's invoice credited in April, the Ulricehamn finance officer follows
 * the year to date per consumer and settles the year, first refused because the actual model is a
 * draft, then against the actual IT-styrgruppen approved; the Tranemo finance officer sees its own
 * consumers and cannot settle. Figures checked against the API, axe on every page.
 */

interface YearToDateApi {
  consumers: {
    consumerId: string;
    name: string;
    municipalityId: string;
    charged: string;
    yearlyShare: string;
    remaining: string;
  }[];
  municipalities: { name: string; charged: string; yearlyShare: string }[];
  total: { yearlyShare: string; charged: string; remaining: string };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeInBrowser('finance through the year in the browser', () => {
  const story = webStory({
    // the quarter as finance-stories.e2e-spec.ts leaves it: Q1 issued on 2025-04-01, 100.00 of Tranemo's line 1 credited
    prepare: async (t) => {
      const finance = await t.token('finance', 'ulricehamn');
      const post = (path: string, body: object) =>
        t.http.post(`/api/v1${path}`).set(t.auth(finance)).send(body);
      expect((await post('/invoice-runs', { period: '2025-Q1' })).status).toBe(201);
      const drafts = (await t.http.get('/api/v1/invoices?period=2025-Q1&pageSize=500').set(t.auth())).body
        .items;
      for (const d of drafts)
        expect((await post(`/invoices/${d.id}/issue`, { invoiceDate: '2025-04-01' })).status).toBe(200);
      const tranemo = drafts.find((d: { buyer: { id: string } }) => d.buyer.id === 'tranemo');
      const credit = await post(`/invoices/${tranemo.id}/credit`, {
        reason: 'Fel antal datorer i underlaget',
        lines: [{ lineId: tranemo.lines[0].id, amount: '100.00' }],
      });
      expect(credit.status).toBe(201);
    },
  });

  async function yearToDate(query: string): Promise<YearToDateApi> {
    return story.api<YearToDateApi>(`/reports/year-to-date?${query}`);
  }

  async function invoicesOf(period: string): Promise<{ lines: { net: string; source: string }[] }[]> {
    return (
      await story.api<{ items: { lines: { net: string; source: string }[] }[] }>(
        `/invoices?period=${period}&pageSize=500`,
      )
    ).items;
  }

  it('the Ulricehamn finance officer follows the year to date and settles the year against the approved actual', async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.ulricehamn');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
    await story.heading(page, 'Ekonomi');
    await page.getByRole('link', { name: /^Året hittills/ }).click();
    await story.heading(page, 'Året hittills');

    // through Q1 (the page's default): its rows and sums are the API's to the öre
    const q1 = await yearToDate('year=2025&through=2025-Q1');
    const consumers = page.getByRole('table', {
      name: 'Året hittills 2025 per förbrukare, debiterat till och med 2025-Q1',
    });
    await consumers.locator('tbody tr').first().waitFor();
    expect(await consumers.locator('tbody tr').count()).toBe(q1.consumers.length);
    for (const c of q1.consumers) {
      const row = norm(await consumers.getByRole('row', { name: new RegExp(escape(c.name)) }).textContent());
      for (const amount of [c.yearlyShare, c.charged, c.remaining]) expect(row).toContain(norm(kr(amount)));
    }
    const foot = norm(await consumers.locator('tfoot').textContent());
    for (const amount of [q1.total.yearlyShare, q1.total.charged, q1.total.remaining])
      expect(foot).toContain(norm(kr(amount)));
    // the parts add up: consumers to the total, municipalities to the total
    expect(Money.sum(q1.consumers.map((c) => Money.parse(c.charged))).toString()).toBe(q1.total.charged);
    expect(Money.sum(q1.municipalities.map((m) => Money.parse(m.charged))).toString()).toBe(q1.total.charged);
    await page.locator('[data-chart-ready="true"]').waitFor();
    await page
      .getByRole('table', { name: 'Året hittills 2025 per kommun, debiterat till och med 2025-Q1' })
      .waitFor();
    await story.look(page, 'ekonomi-ulricehamn-8-aret-hittills');

    // a bad period is shown at its field
    await page.getByLabel('Till och med period').fill('2025-Q7');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByText('Perioden skrivs 2025-03, 2025-Q2, 2025-T1 eller 2025').waitFor();
    expect(await page.getByLabel('Till och med period').getAttribute('aria-invalid')).toBe('true');

    // through the whole year the April credit counts: 100.00 less charged than through Q1
    await page.getByLabel('Till och med period').fill('2025');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    const year = await yearToDate('year=2025&through=2025');
    expect(Money.parse(q1.total.charged).minus(Money.parse(year.total.charged)).toString()).toBe('100.00');
    const yearTable = page.getByRole('table', {
      name: 'Året hittills 2025 per förbrukare, debiterat till och med 2025',
    });
    await yearTable.waitFor();
    expect(norm(await yearTable.locator('tfoot').textContent())).toContain(norm(kr(year.total.charged)));

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Året hittills (XLSX)', exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('aret-hittills-2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await file.path())!) as any);
    const sheet = wb.getWorksheet('Per förbrukare')!;
    expect([sheet.getCell(1, 2).value, sheet.getCell(2, 2).value]).toEqual([
      'Förbrukare',
      year.consumers[0].name,
    ]);
    expect(sheet.headerFooter.oddFooter).toMatch(/^&LBeslut: IT-styrgruppen 2024-11-20/);
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1, printTitlesRow: '1:1' });

    // settlement: the demo's actual model is a draft, so the page says why nothing was settled
    await page.getByRole('link', { name: 'Tillbaka till Ekonomi' }).click();
    await story.heading(page, 'Ekonomi');
    await page.getByRole('link', { name: 'Slutavräkning mot utfallsmodellen' }).click();
    await story.heading(page, 'Slutavräkning');
    await page.getByRole('button', { name: 'Kör slutavräkning för 2025' }).click();
    await page
      .getByText(/kunde inte köras: Utfallsmodellen för 2025 är inte godkänd av IT-styrgruppen/)
      .waitFor();
    await page
      .getByText(/Låt IT-styrgruppen godkänna utfallsmodellen för 2025/)
      .first()
      .waitFor();
    expect(await invoicesOf('2026-01')).toHaveLength(0);
    await story.look(page, 'ekonomi-ulricehamn-9-slutavrakning-ej-godkand');

    // IT-styrgruppen approves the actual model; the page then settles and shows paid, actual and difference
    const models = (await story.t.http.get('/api/v1/cost-models?pageSize=500').set(story.t.auth())).body
      .items as {
      id: string;
      kind: string;
      year: number;
      status: string;
    }[];
    const actual = models.find((m) => m.kind === 'actual' && m.year === 2025 && m.status === 'draft')!;
    const approved = await story.t.http
      .post(`/api/v1/cost-models/${actual.id}/approve`)
      .set(story.t.auth(await story.t.token('styrgrupp')))
      .send({ decision: { date: '2026-01-15', paragraph: '3', subject: 'Utfall 2025 för slutavräkning' } });
    expect(approved.status).toBe(200);
    await page.getByRole('button', { name: 'Kör slutavräkning för 2025' }).click();
    const done = page.getByText(/Slutavräkningen är klar/);
    await done.waitFor();
    const settled = await invoicesOf('2026-01');
    expect(settled.length).toBeGreaterThan(0);
    expect(norm(await done.textContent())).toContain(`${settled.length} fakturautkast i 2026-01`);
    expect(norm(await done.textContent())).toContain('IT-styrgruppen 2026-01-15 § 3');
    // every settlement line on the drafts is a difference shown in the table
    const result = norm(
      await page
        .getByRole('table', { name: 'Betalt, utfall och skillnad per förbrukare 2025' })
        .textContent(),
    );
    const lines = settled.flatMap((i) => i.lines.filter((l) => l.source === 'settlement'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(result).toContain(norm(kr(line.net)));
    await story.look(page, 'ekonomi-ulricehamn-10-slutavrakning');
  }, 180_000);

  it("the Ulricehamn finance officer reads the quarter's internal charges and appropriation with its decision; a month of it points to the quarter", async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.ulricehamn');
    const charges = (period: string) =>
      story.api<{ charges: { amount: string }[]; total: string; notes: string[] }>(
        `/reports/internal-charges?period=${period}`,
      );
    const quarter = await charges('2025-Q1');
    // two units charged internally × four services, the skolskjuts request's two hour reports, two on-call incidents
    expect(quarter.charges).toHaveLength(2 * 4 + 2 + 2);
    expect(quarter.notes).toEqual([]);
    const appropriation = await story.api<{ decision: string | null }>(
      '/reports/appropriation?period=2025-Q1',
    );
    // the 2025 budget model's approval (config/demo/cost-model-2025.ts)
    expect(appropriation.decision).toBe('IT-styrgruppen 2024-11-20 § 14');

    await page.goto(`${story.base}/ekonomi/perioder/2025-Q1`);
    await story.heading(page, 'Ekonomi 2025-Q1');
    const table = page.getByRole('table', { name: /^Interndebiteringar 2025-Q1/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(quarter.charges.length);
    expect(norm(await table.locator('tfoot').textContent())).toContain(norm(kr(quarter.total)));
    expect(await page.getByText(/^Interndebiteringar i längre perioder/).count()).toBe(0);
    const anslag = page.getByRole('region', { name: 'Anslagsrapport' });
    await anslag.getByRole('table').waitFor();
    expect(await anslag.locator('dl > *').allTextContents()).toEqual([
      'Beslut',
      'IT-styrgruppen 2024-11-20 § 14',
    ]);

    // March alone holds no internal charge: Ulricehamn is charged by quarter, and the page says where they are
    const march = await charges('2025-03');
    expect(march.charges).toEqual([]);
    expect(march.notes).toEqual([
      `Interndebiteringar för Ulricehamns kommun avser kvartal 2025-Q1, som omfattar men är längre än 2025-03 (12 st); fråga efter 2025-Q1`,
    ]);
    await page.goto(`${story.base}/ekonomi/perioder/2025-03`);
    await story.heading(page, 'Ekonomi 2025-03');
    await page.getByText('Inga interndebiteringar i perioden.').waitFor();
    const notes = page.getByRole('list', {
      name: 'Interndebiteringar i längre perioder som omfattar 2025-03 ingår inte ovan:',
    });
    expect((await notes.getByRole('listitem').allTextContents()).map(norm)).toEqual(march.notes);
    await story.look(page, 'ekonomi-ulricehamn-11-manad-i-kvartal');
  }, 180_000);

  it('the Tranemo finance officer sees its own consumers and no settlement button; the API refuses the run', async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.tranemo');
    await page.goto(`${story.base}/ekonomi/slutavrakning`);
    await story.heading(page, 'Slutavräkning');
    await page.getByText(/Slutavräkningen körs av den utfärdande kommunens ekonomi/).waitFor();
    expect(await page.getByRole('button', { name: /Kör slutavräkning/ }).count()).toBe(0);
    await story.look(page, 'ekonomi-tranemo-3-slutavrakning');
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/invoice-runs/settlement', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ year: 2025, period: '2026-02' }),
      });
      return res.status;
    });
    expect(status).toBe(403);

    await page.goto(`${story.base}/ekonomi/aret-hittills`);
    await story.heading(page, 'Året hittills');
    const table = page.getByRole('table', { name: /per förbrukare/ });
    await table.locator('tbody tr').first().waitFor();
    const all = await yearToDate('year=2025&through=2025-Q1');
    const tranemos = all.consumers.filter((c) => c.municipalityId === 'tranemo');
    expect(tranemos.length).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(tranemos.length);
    for (const c of tranemos) await table.getByRole('row', { name: new RegExp(escape(c.name)) }).waitFor();
    await story.look(page, 'ekonomi-tranemo-4-aret-hittills');
  }, 180_000);
});
