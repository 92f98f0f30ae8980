import Decimal from 'decimal.js';
import type { Page } from 'playwright-core';
import { Money } from '@it-samverkan/domain';
import { CostModelVersionEntity } from '@it-samverkan/persistence';
import { describeInBrowser, norm, webStory } from './browser';

/**
 * Budget against actual in the browser (issues 13 and 14): the tjänstefiering group chooses 2025
 * and reads per municipality, service and consumer the figures the API answers; the Tranemo
 * finance officer sees charged and settled only for Tranemo's own units, "–" for the others. A figure
 * the API answers null (a year without a budget or actual model, nothing charged or settled yet) shows –.
 */

interface Figures {
  id: string;
  budget: string | null;
  actual: string | null;
  charged: string | null;
  settled: string | null;
}
interface ApiYear {
  year: number;
  total: Omit<Figures, 'id'>;
  municipalities: Figures[];
  services: Figures[];
  consumers: (Figures & { municipality: string })[];
}

const kr = (amount: string | null) => (amount === null ? '–' : `${Money.parse(amount).toSwedish()} kr`);

/**
 * What a row shows after its name: budget, actual, charged, settled, actual − budget in kr and in %;
 * without a budget or an actual (null: the year has no such model) it and both differences show –.
 */
function expectedCells(f: Omit<Figures, 'id'>): string[] {
  const diff =
    f.budget === null || f.actual === null
      ? null
      : Money.parse(f.actual).minus(Money.parse(f.budget)).toString();
  const share =
    diff === null || f.budget === null || Money.parse(f.budget).isZero()
      ? '–'
      : `${new Decimal(diff).div(f.budget).times(100).toFixed(1).replace('.', ',')} %`;
  return [kr(f.budget), kr(f.actual), kr(f.charged), kr(f.settled), kr(diff), share].map(norm);
}

async function tableRows(
  page: Page,
  caption: string,
  part: 'tbody' | 'tfoot' = 'tbody',
): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table
    .locator(`${part} tr`)
    .evaluateAll((rows) =>
      rows.map((r) => Array.from((r as any).querySelectorAll('td')).map((c: any) => c.textContent ?? '')),
    )
    .then((rows) => rows.map((r) => r.map(norm)));
}

describeInBrowser('budget against actual in the browser', () => {
  const story = webStory({
    // the whole demo: 2023 and 2024 invoiced, closed and settled
    history: true,
    // the first quarter invoiced and issued, so that 2025 has something charged
    prepare: async (t) => {
      const finance = await t.token('finance', 'ulricehamn');
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
      const drafts = await t.http.get('/api/v1/invoices?status=draft&pageSize=500').set(t.auth(finance));
      expect(drafts.body.items.length).toBeGreaterThan(0);
      for (const d of drafts.body.items as { id: string }[])
        await t.http.post(`/api/v1/invoices/${d.id}/issue`).set(t.auth(finance)).expect(200);
      // and a year with an actual model but no budget model: 2025's draft actual, stored as 2027's
      const report = await t.http
        .get('/api/v1/reports/budget-vs-actual')
        .set(t.auth(await t.token('tjanstefiering')))
        .expect(200);
      const { actualModel } = report.body.years.find((y: { year: number }) => y.year === 2025);
      const versions = t.dataSource.getRepository(CostModelVersionEntity);
      const actual = await versions.findOneByOrFail({ id: actualModel.id });
      const name = 'Tjänstefiering 2027, utfall';
      await versions.insert({
        ...actual,
        id: '7e57a027-0000-4000-8000-000000002027',
        name,
        year: 2027,
        status: 'draft',
        decisionId: null,
        approvedAt: null,
        document: { ...(actual.document as object), name, year: 2027 },
      });
    },
  });

  async function apiYear(username: string, year: number): Promise<{ visibleFor: string; y: ApiYear }> {
    const body = await story.api<{ chargedVisibleFor: string; years: ApiYear[] }>(
      '/reports/budget-vs-actual',
      { person: username },
    );
    const y = body.years.find((x: ApiYear) => x.year === year)!;
    expect(y).toBeDefined();
    return { visibleFor: body.chargedVisibleFor, y };
  }

  async function open(page: Page, year = '2025'): Promise<void> {
    await page.getByRole('heading', { level: 1, name: 'Budget mot utfall' }).waitFor();
    await page.getByLabel('År', { exact: true }).selectOption(year);
    await page.locator('[data-chart-ready="true"]').waitFor();
    // The chart's kronor axis is labelled the Swedish way (3 000 000), not 3,000,000.
    const axis = (await page.locator('[data-chart-ready="true"] svg text').allTextContents()).join(' | ');
    expect(axis).toMatch(/\d{1,3}(\u00a0\d{3})+/);
    expect(axis).not.toMatch(/\d,\d{3}/);
  }

  /** The tjänstefiering group opens the page by its address and chooses the year once the report lists it. */
  async function openByAddress(page: Page, year: string): Promise<void> {
    await story.login(page, 'tjanstefiering');
    await page.goto(`${story.base}/tjanstefiering/budget-mot-utfall`);
    await page.getByRole('heading', { level: 1, name: 'Budget mot utfall' }).waitFor();
    await page
      .getByLabel('År', { exact: true })
      .locator('option', { hasText: year })
      .waitFor({ state: 'attached' });
    await open(page, year);
  }

  it('the tjänstefiering group reads 2025: every figure as the API answers, totals in the sum rows', async () => {
    const { visibleFor, y } = await apiYear('tjanstefiering', 2025);
    expect(visibleFor).toBe('all');
    expect(Money.parse(y.total.charged!).isPositive()).toBe(true);
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Tjänstefiering' })
      .click();
    await page.getByRole('link', { name: 'Budget mot utfall per år' }).click();
    await open(page);

    const years = await page.getByLabel('År', { exact: true }).locator('option').allTextContents();
    expect(years).toContain('2025');

    const municipalities = await tableRows(page, 'Budget mot utfall 2025 per kommun');
    expect(municipalities.map((r) => r.slice(1))).toEqual(y.municipalities.map(expectedCells));
    expect(municipalities.map((r) => r[0])).toContain('Tranemo kommun');
    expect(await tableRows(page, 'Budget mot utfall 2025 per kommun', 'tfoot')).toEqual([
      ['Summa', ...expectedCells(y.total)],
    ]);
    const services = await tableRows(page, 'Budget mot utfall 2025 per tjänst');
    expect(services.map((r) => r.slice(1))).toEqual(y.services.map(expectedCells));
    const consumers = await tableRows(page, 'Budget mot utfall 2025 per förbrukare');
    expect(consumers.map((r) => r.slice(2))).toEqual(y.consumers.map(expectedCells));
    expect(await page.getByText('visas bara för egna enheter').count()).toBe(0);

    await story.look(page, 'tjanstefiering-budget-mot-utfall');
  });

  it('the tjänstefiering group reads a closed year, 2024: charged and settled as the API answers', async () => {
    const { y } = await apiYear('tjanstefiering', 2024);
    // Tranemo was invoiced its budget share and settled the difference to its actual share
    // (8 672 973.63 − 8 643 327.68 = 29 645.95, test/cost-model/demo-history.e2e-spec.ts)
    const tranemo = y.municipalities.find((m) => m.id === 'tranemo')!;
    expect([tranemo.charged, tranemo.settled]).toEqual([tranemo.budget, '29645.95']);
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await page.goto(`${story.base}/tjanstefiering/budget-mot-utfall`);
    await page.getByRole('heading', { level: 1, name: 'Budget mot utfall' }).waitFor();
    // the year list comes with the report: wait for its last year before reading the options
    const yearField = page.getByLabel('År', { exact: true });
    await yearField.locator('option', { hasText: '2025' }).waitFor({ state: 'attached' });
    const years = await yearField.locator('option').allTextContents();
    expect(years.map((o) => o.trim()).filter((o) => ['2023', '2024', '2025'].includes(o))).toEqual([
      '2023',
      '2024',
      '2025',
    ]);
    await open(page, '2024');
    const municipalities = await tableRows(page, 'Budget mot utfall 2024 per kommun');
    expect(municipalities.map((r) => r.slice(1))).toEqual(y.municipalities.map(expectedCells));
    expect(await tableRows(page, 'Budget mot utfall 2024 per kommun', 'tfoot')).toEqual([
      ['Summa', ...expectedCells(y.total)],
    ]);
    const consumers = await tableRows(page, 'Budget mot utfall 2024 per förbrukare');
    expect(consumers.map((r) => r.slice(2))).toEqual(y.consumers.map(expectedCells));
    await story.look(page, 'tjanstefiering-budget-mot-utfall-2024');
  });

  it('the tjänstefiering group reads 2026, whose budget is still a draft: shown and marked as not approved', async () => {
    const body = await story.api<{ years: (ApiYear & { budgetModel: { name: string; status: string } })[] }>(
      '/reports/budget-vs-actual',
      { person: 'tjanstefiering' },
    );
    const y = body.years.find((x) => x.year === 2026)!;
    // the demo's 2026 budget drafted from 2025's with indices: 27 121 000.00 (demo-history.e2e-spec.ts)
    expect([y.budgetModel, y.total.budget]).toEqual([
      { id: expect.any(String), name: 'Tjänstefiering 2026, budget', status: 'draft' },
      '27121000.00',
    ]);
    const page = story.browser.page;
    await openByAddress(page, '2026');
    await page
      .getByText('Budgeten för 2026 är ett utkast som IT-styrgruppen ännu inte har godkänt')
      .waitFor();
    expect(await page.getByText('Budget: Tjänstefiering 2026, budget (utkast).').count()).toBe(1);
    const table = page.getByRole('table', { name: 'Budget mot utfall 2026 per kommun' });
    expect((await table.locator('thead th').allTextContents()).map(norm)[1]).toBe(
      'Budget (utkast, ej godkänd)',
    );
    // no actual model for 2026 yet: the API answers actual null, and the page shows actual and the
    // differences as –, not 0 kr and −100 %
    expect(await page.getByText('Utfall: saknas.').count()).toBe(1);
    expect([y.total.actual, ...y.municipalities.map((m) => m.actual)].every((a) => a === null)).toBe(true);
    const noActual = (f: Omit<Figures, 'id'>) => {
      const [budget, , charged, settled] = expectedCells(f);
      return [budget, '–', charged, settled, '–', '–'];
    };
    const municipalities = await tableRows(page, 'Budget mot utfall 2026 per kommun');
    expect(municipalities.map((r) => r.slice(1))).toEqual(y.municipalities.map(noActual));
    expect(await tableRows(page, 'Budget mot utfall 2026 per kommun', 'tfoot')).toEqual([
      ['Summa', ...noActual(y.total)],
    ]);
    const services = await tableRows(page, 'Budget mot utfall 2026 per tjänst');
    expect(services.map((r) => r.slice(1))).toEqual(y.services.map(noActual));
    await story.look(page, 'tjanstefiering-budget-mot-utfall-2026-utkast');
  });

  it("the Tranemo finance officer sees charged and settled only for Tranemo: the others' show –", async () => {
    const { visibleFor, y } = await apiYear('ekonomi.tranemo', 2025);
    expect(visibleFor).toBe('tranemo');
    const others = y.municipalities.filter((m) => m.id !== 'tranemo');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((m) => m.charged === null && m.settled === null)).toBe(true);
    const tranemo = y.municipalities.find((m) => m.id === 'tranemo')!;
    // charged its first quarter; 2025 is not settled yet, so settled is null (not 0.00) even for its own
    expect([Money.parse(tranemo.charged!).isPositive(), tranemo.settled]).toEqual([true, null]);

    const page = story.browser.page;
    await story.login(page, 'ekonomi.tranemo');
    await page.goto(`${story.base}/tjanstefiering/budget-mot-utfall`);
    await open(page);
    await page.getByText('visas bara för egna enheter', { exact: false }).waitFor();

    const rows = await tableRows(page, 'Budget mot utfall 2025 per kommun');
    expect(rows.map((r) => r.slice(1))).toEqual(y.municipalities.map(expectedCells));
    y.municipalities.forEach((m, i) => {
      const [charged, settled] = [rows[i][3], rows[i][4]];
      if (m.id === 'tranemo') expect([charged.endsWith(' kr'), settled]).toEqual([true, '–']);
      else expect([charged, settled]).toEqual(['–', '–']);
    });
    const consumers = await tableRows(page, 'Budget mot utfall 2025 per förbrukare');
    expect(consumers.map((r) => r.slice(2))).toEqual(y.consumers.map(expectedCells));
    await story.look(page, 'ekonomi-tranemo-budget-mot-utfall');
  });

  it('the tjänstefiering group reads 2027, with an actual model but no budget: budget and differences –', async () => {
    const body = await story.api<{ years: (ApiYear & { budgetModel: unknown; actualModel: unknown })[] }>(
      '/reports/budget-vs-actual',
      { person: 'tjanstefiering' },
    );
    const y = body.years.find((x) => x.year === 2027)!;
    expect([y.budgetModel, y.actualModel]).toEqual([
      null,
      { id: '7e57a027-0000-4000-8000-000000002027', name: 'Tjänstefiering 2027, utfall', status: 'draft' },
    ]);
    // the API answers budget null (no budget, not 0.00), the actual as 2025's draft (26 690 935.90,
    // demo-history.e2e-spec.ts), and nothing charged or settled for 2027 (null)
    expect(y.total).toEqual({ budget: null, actual: '26690935.90', charged: null, settled: null });
    expect(y.municipalities.every((m) => m.budget === null && m.actual !== null)).toBe(true);
    const page = story.browser.page;
    await openByAddress(page, '2027');
    expect(
      await page.getByText('Budget: saknas. Utfall: Tjänstefiering 2027, utfall (utkast).').count(),
    ).toBe(1);
    const table = page.getByRole('table', { name: 'Budget mot utfall 2027 per kommun' });
    expect((await table.locator('thead th').allTextContents()).map(norm)[1]).toBe('Budget');
    // budget, charged, settled and both differences –; actual as the API answers
    const onlyActual = (f: Omit<Figures, 'id'>) => ['–', norm(kr(f.actual)), '–', '–', '–', '–'];
    expect(y.municipalities.map(expectedCells)).toEqual(y.municipalities.map(onlyActual));
    const municipalities = await tableRows(page, 'Budget mot utfall 2027 per kommun');
    expect(municipalities.map((r) => r.slice(1))).toEqual(y.municipalities.map(onlyActual));
    expect(await tableRows(page, 'Budget mot utfall 2027 per kommun', 'tfoot')).toEqual([
      ['Summa', ...onlyActual(y.total)],
    ]);
    expect(municipalities.find((r) => r[0] === 'Tranemo kommun')!.slice(1)).toEqual(
      onlyActual(y.municipalities.find((m) => m.id === 'tranemo')!),
    );
    const services = await tableRows(page, 'Budget mot utfall 2027 per tjänst');
    expect(services.map((r) => r.slice(1))).toEqual(y.services.map(onlyActual));
    const consumers = await tableRows(page, 'Budget mot utfall 2027 per förbrukare');
    expect(consumers.map((r) => r.slice(2))).toEqual(y.consumers.map(onlyActual));
    await story.look(page, 'tjanstefiering-budget-mot-utfall-2027-utan-budget');
  });
});
