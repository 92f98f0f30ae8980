import { readFileSync } from 'node:fs';
import { Money } from '@it-samverkan/domain';
import { pdfText } from '../support/pdf-text';
import { describeInBrowser, kr, norm, webStory } from './browser';

/**
 * IT-styrgruppen in the browser: the money moving between appropriation and internal charge,
 * the meeting summary as a PDF from its button, several scenarios side by side, and a
 * municipality's history across years. Figures checked against the API, axe on every view,
 * screenshots under test-output/web.
 */

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describeInBrowser('IT-styrgruppen in the browser', () => {
  // the whole demo, as npm start loads it: the history shows 2023–2025
  const story = webStory({ history: true });

  interface Saved {
    id: string;
    name: string;
    baseModelVersionId: string;
  }

  it('a CEO reads what moves from appropriation to internal charge and downloads the one-page summary', async () => {
    const page = story.browser.page;
    await story.login(page, 'styrgrupp');
    const scenarios = (await story.api<{ items: Saved[] }>('/scenarios')).items;
    const switched = scenarios.find((s) => s.name === 'Ulricehamn går från anslag till interndebitering')!;
    await page.goto(`${story.base}/styrgrupp?scenario=${switched.id}`);
    const moves = page.getByRole('table', {
      name: 'Pengar mellan anslag och interndebitering per kommun (kronor per år)',
    });
    await moves.waitFor();
    const comparison = await story.api<{
      fundingMoves: { municipality: string; toInternalCharge: string; toAppropriation: string }[];
    }>(`/scenarios/${switched.id}/comparison`);
    const ulr = comparison.fundingMoves.find((m) => m.municipality === 'ulricehamn')!;
    const row = norm(await moves.getByRole('row', { name: /^Ulricehamns kommun/ }).textContent());
    expect(row).toContain(norm(kr(ulr.toInternalCharge)));
    expect(row).toContain(norm(kr(ulr.toAppropriation)));
    await page.locator('[data-chart-ready="true"]').first().waitFor();
    await story.look(page, 'styrgrupp-4-pengar-mellan-anslag-och-interndebitering');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Mötesunderlaget (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^motesunderlag-2025-\d{4}-\d{2}-\d{2}\.pdf$/);
    const { text, pages } = pdfText(readFileSync((await file.path())!));
    expect(pages).toBe(1);
    expect(text).toContain('Ulricehamn går från anslag till interndebitering');
    expect(text).toContain(`Ulricehamns kommun ${plain(Money.parse(ulr.toInternalCharge).toSwedish())}`);
    await page.getByText(/^Sparad: motesunderlag-/).waitFor();
  });

  it('several scenarios side by side per municipality, and a municipality’s history across years', async () => {
    const page = story.browser.page;
    await story.login(page, 'styrgrupp');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'IT-styrgruppen' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Scenarier sida vid sida' }).waitFor();
    // one chosen is not enough: said at the field, nothing asked of the API
    await page.getByRole('checkbox', { name: 'Mark ansluter' }).check();
    await page.getByRole('button', { name: 'Jämför valda scenarier' }).click();
    await page.getByText('Välj minst två scenarier att jämföra').waitFor();
    await page.getByRole('checkbox', { name: 'Ulricehamn går från anslag till interndebitering' }).check();
    await page.getByRole('button', { name: 'Jämför valda scenarier' }).click();
    const table = page.getByRole('table', { name: /^Scenarier sida vid sida per kommun/ });
    await table.waitFor();
    const scenarios = (await story.api<{ items: Saved[] }>('/scenarios')).items;
    const mark = scenarios.find((s) => s.name === 'Mark ansluter')!;
    const ulr = scenarios.find((s) => s.name !== 'Mark ansluter')!;
    const side = await story.api<{
      municipalities: { id: string; base: string; scenarios: { amount: string; difference: string }[] }[];
    }>('/scenarios/compare', {
      body: { baseModelVersionId: mark.baseModelVersionId, scenarioIds: [mark.id, ulr.id] },
    });
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(side.municipalities.length);
    side.municipalities.forEach((m, i) => {
      const shown = norm(rows[i]);
      expect(shown).toContain(norm(kr(m.base)));
      for (const s of m.scenarios) expect(shown).toContain(norm(kr(s.amount)));
    });
    await story.look(page, 'styrgrupp-5-scenarier-sida-vid-sida');

    await page.getByLabel('Kommun', { exact: true }).selectOption('tranemo');
    const history = await story.api<{
      years: { year: number; budget: string | null; actual: string | null }[];
    }>('/history/municipalities/tranemo');
    // the demo's three years, each with its approved budget (2026 is only a draft, so not history)
    expect(history.years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    const years = page.getByRole('table', { name: 'Tranemo kommun: andel per år ur godkända modeller' });
    await years.waitFor();
    expect(await years.locator('tbody tr').count()).toBe(history.years.length);
    for (const y of history.years) {
      const shown = norm(await years.getByRole('row', { name: new RegExp(`^${y.year}`) }).textContent());
      expect(shown).toContain(y.budget ? norm(kr(y.budget)) : 'Ej godkänd');
      expect(shown).toContain(y.actual ? norm(kr(y.actual)) : 'Ej godkänt');
    }
    expect(await page.getByLabel('Kommun', { exact: true }).inputValue()).toBe('tranemo');
    await story.look(page, 'styrgrupp-6-historik');
  });
});
