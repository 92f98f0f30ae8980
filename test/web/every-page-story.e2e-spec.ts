import { describeInBrowser, kr, norm, webStory } from './browser';

/**
 * Every page of the menu as the Tranemo finance officer (a party's reader, who may act on little)
 * and as the administrator (who may do everything): each has its heading, zero axe violations and
 * no refusal from the API, because each page offers only what the one policy allows. Then the
 * Tranemo finance officer compares two saved scenarios side by side: comparing is reading.
 */
const PAGES = [
  '/',
  '/ekonomi',
  '/ekonomi/perioder/2025-Q1',
  '/ekonomi/aret-hittills',
  '/ekonomi/slutavrakning',
  '/tjanstefiering',
  '/tjanstefiering/prislista/2025',
  '/tjanstefiering/budget-mot-utfall',
  '/styrgrupp',
  '/styrgrupp/nytt-scenario',
  '/drift',
  '/utveckling',
  '/revision',
];

/** What the API says when it refuses (DomainError FORBIDDEN): never on a page a person was offered. */
const REFUSAL = /får inte göra detta/;

describeInBrowser('every page for a reader and for the administrator', () => {
  const story = webStory();

  for (const person of ['ekonomi.tranemo', 'admin'])
    it(`${person}: every page has its heading, zero axe violations and no refusal`, async () => {
      const page = story.browser.page;
      await story.login(page, person);
      for (const path of PAGES) {
        await story.goto(page, path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect({ path, refused: REFUSAL.test(norm(await page.locator('main').textContent())) }).toEqual({
          path,
          refused: false,
        });
        await story.look(page, `alla-sidor-${person.replace('.', '-')}${path.replace(/\//g, '-')}`);
      }
      // Uploading a model version is offered by the policy (edit-model): to the admin, not to Tranemo's finance.
      await story.goto(page, '/tjanstefiering');
      await page.getByRole('heading', { level: 1, name: 'Tjänstefiering' }).waitFor();
      const upload = page.getByRole('heading', { name: 'Ny modellversion från fil' });
      if (person === 'admin') await upload.waitFor();
      else {
        await page.waitForLoadState('networkidle');
        expect(await upload.count()).toBe(0);
      }
    }, 300_000);

  it('the Tranemo finance officer may not build a scenario, but compares two saved ones as the API does', async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.tranemo');
    await story.goto(page, '/styrgrupp/nytt-scenario');
    await page.getByText('Scenarier byggs av IT-styrgruppen och tjänstefieringsgruppen.').waitFor();
    expect(await page.getByRole('button', { name: 'Spara scenariot' }).count()).toBe(0);

    await story.goto(page, '/styrgrupp');
    await page.getByRole('heading', { level: 2, name: 'Scenarier sida vid sida' }).waitFor();
    await page.getByRole('checkbox', { name: 'Mark ansluter' }).check();
    await page.getByRole('checkbox', { name: 'Ulricehamn går från anslag till interndebitering' }).check();
    await page.getByRole('button', { name: 'Jämför valda scenarier' }).click();
    const table = page.getByRole('table', { name: /^Scenarier sida vid sida per kommun/ });
    await table.waitFor();

    interface Saved {
      id: string;
      name: string;
      baseModelVersionId: string;
    }
    const saved = (await story.api<{ items: Saved[] }>('/scenarios', { person: 'ekonomi.tranemo' })).items;
    const mark = saved.find((s) => s.name === 'Mark ansluter')!;
    const ulr = saved.find((s) => s.name === 'Ulricehamn går från anslag till interndebitering')!;
    const side = await story.api<{
      municipalities: { id: string; base: string; scenarios: { amount: string }[] }[];
      municipalityNames: Record<string, string>;
    }>('/scenarios/compare', {
      person: 'ekonomi.tranemo',
      body: { baseModelVersionId: mark.baseModelVersionId, scenarioIds: [mark.id, ulr.id] },
    });
    const rows = (await table.locator('tbody tr').allTextContents()).map(norm);
    expect(rows).toHaveLength(side.municipalities.length);
    side.municipalities.forEach((m, i) => {
      // each municipality by its name (Mark, who joins, too), then base and each scenario's amount
      expect(rows[i].startsWith(side.municipalityNames[m.id])).toBe(true);
      expect(rows[i]).toContain(norm(kr(m.base)));
      for (const s of m.scenarios) expect(rows[i]).toContain(norm(kr(s.amount)));
    });
    await story.look(page, 'ekonomi-tranemo-scenarier-sida-vid-sida');
  });
});
