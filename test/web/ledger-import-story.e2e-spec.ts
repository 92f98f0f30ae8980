import * as iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser, webStory, kr, norm } from './browser';

/**
 * The cost-model group opens the demo's actual model 2025, sees its pools reconciled against the
 * host's ledger, uploads a changed ledger (every problem shown at its line, nothing saved), then
 * the right one. Figures checked against the API, axe on every page, screenshots in test-output/web.
 */

const DEMO_LEDGER = join(__dirname, '..', '..', 'config', 'demo', 'huvudbok-it-2025.se');

interface ImportView {
  id: string;
  mappedTotal: string;
  unmappedTotal: string;
  scopeTotal: string;
  pools: { poolName: string; amount: string }[];
  unmapped: { account: string; amount: string }[];
}

describeInBrowser('the ledger import in the browser', () => {
  const story = webStory({ folder: 'its-web-ledger-' });

  async function expectFigures(page: Page, view: ImportView): Promise<void> {
    expect(norm(await page.getByTestId('mapped-total').textContent())).toBe(norm(kr(view.mappedTotal)));
    expect(norm(await page.getByTestId('unmapped-total').textContent())).toBe(norm(kr(view.unmappedTotal)));
    expect(norm(await page.getByTestId('scope-total').textContent())).toBe(norm(kr(view.scopeTotal)));
    const pools = page.getByRole('table', { name: 'Poolernas belopp från huvudboken' });
    const rows = (await pools.locator('tbody tr').allTextContents()).map(norm);
    expect(rows).toHaveLength(view.pools.length);
    view.pools.forEach((p, i) => {
      expect(rows[i]).toContain(p.poolName);
      expect(rows[i]).toContain(norm(kr(p.amount)));
    });
    const unmapped = page.getByRole('table', { name: 'Rader inom omfattningen som ingen regel mappar' });
    const listed = (await unmapped.locator('tbody tr').allTextContents()).map(norm);
    expect(listed.map((r) => r.slice(0, 4))).toEqual(view.unmapped.map((u) => u.account));
    view.unmapped.forEach((u, i) => expect(listed[i]).toContain(norm(kr(u.amount))));
  }

  it('reconciles the demo actual model against the ledger, refuses a changed file at its lines, imports the right one', async () => {
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Tjänstefiering' })
      .click();
    await page.getByRole('link', { name: 'Tjänstefiering 2025, utfall' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tjänstefiering 2025, utfall' }).waitFor();
    await page.getByRole('link', { name: 'Huvudbok: poolerna från bokföringen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Huvudbok: Tjänstefiering 2025, utfall' }).waitFor();
    const versionId = page.url().split('/').slice(-2)[0];
    const [first] = await story.api<{ id: string }[]>(`/cost-models/${versionId}/ledger-imports`);
    const demoImport = await story.api<ImportView>(`/cost-models/${versionId}/ledger-imports/${first.id}`);
    expect(demoImport.mappedTotal).toBe('26690935.90');
    await page.getByTestId('mapped-total').waitFor();
    await expectFigures(page, demoImport);
    await story.look(page, 'huvudbok-1-avstamning');

    // A changed file: one amount with a decimal comma. The line, its voucher and the checksum are named.
    const text = iconv.decode(readFileSync(DEMO_LEDGER), 'cp437');
    const changed = text.replace('#TRANS 6110 {1 "1150"} 228100.00', '#TRANS 6110 {1 "1150"} 228100,00');
    const lines = changed.split('\r\n');
    const badLine = lines.findIndex((l) => l.includes('228100,00')) + 1;
    const broken = join(story.folder, 'huvudbok-andrad.se');
    writeFileSync(broken, iconv.encode(changed, 'cp437'));
    await page.getByLabel(/^Huvudboksfil/).setInputFiles(broken);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByText('Filen kunde inte läsas och ingenting sparades:').waitFor();
    const problems = (
      await page.locator('ds-error-summary li, [class*="error-summary"] li').allTextContents()
    ).map(norm);
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      `Rad ${badLine}`,
      `Rad ${badLine + 2}`,
      `Rad ${lines.length - 1}`,
    ]);
    expect(problems[0]).toContain('ogiltigt belopp "228100,00"');
    expect(problems[2]).toContain('kontrollsumman stämmer inte');
    expect(await story.api<unknown[]>(`/cost-models/${versionId}/ledger-imports`)).toHaveLength(1);
    await story.look(page, 'huvudbok-2-fel-pa-rad');

    await page.getByLabel(/^Huvudboksfil/).setInputFiles(DEMO_LEDGER);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page
      .getByText('huvudbok-it-2025.se är importerad; poolerna har fått huvudbokens belopp.')
      .waitFor();
    await page.getByText('(import 2)').waitFor();
    const list = await story.api<{ id: string }[]>(`/cost-models/${versionId}/ledger-imports`);
    expect(list).toHaveLength(2);
    await expectFigures(
      page,
      await story.api<ImportView>(`/cost-models/${versionId}/ledger-imports/${list[0].id}`),
    );
    await story.look(page, 'huvudbok-3-importerad');
  });
});
