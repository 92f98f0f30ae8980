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
    const [first] = (await story.api<{ items: { id: string }[] }>(`/cost-models/${versionId}/ledger-imports`))
      .items;
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
    expect((await story.api<{ total: number }>(`/cost-models/${versionId}/ledger-imports`)).total).toBe(1);
    await story.look(page, 'huvudbok-2-fel-pa-rad');

    await page.getByLabel(/^Huvudboksfil/).setInputFiles(DEMO_LEDGER);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page
      .getByText('huvudbok-it-2025.se är importerad; poolerna har fått huvudbokens belopp.')
      .waitFor();
    await page.getByText('(import 2)').waitFor();
    const list = (await story.api<{ items: { id: string }[] }>(`/cost-models/${versionId}/ledger-imports`))
      .items;
    expect(list).toHaveLength(2);
    await expectFigures(
      page,
      await story.api<ImportView>(`/cost-models/${versionId}/ledger-imports/${list[0].id}`),
    );
    await story.look(page, 'huvudbok-3-importerad');
  });
  it('pages the imports ten at a time, newest first, and shows an earlier import’s reconciliation', async () => {
    const t = story.t;
    const tjf = await t.token('tjanstefiering');
    const versionId = (
      await story.api<{ items: { id: string; name: string }[] }>('/cost-models?year=2025&kind=actual')
    ).items.find((v) => v.name === 'Tjänstefiering 2025, utfall')!.id;
    const path = `/cost-models/${versionId}/ledger-imports`;
    // eleven imports of the demo ledger in all: two pages of ten
    for (let n = (await story.api<{ total: number }>(path)).total + 1; n <= 11; n++)
      await t.http
        .post(`/api/v1${path}?format=sie4&fileName=huvudbok-${n}.se`)
        .set(t.auth(tjf))
        .set('Content-Type', 'application/octet-stream')
        .send(readFileSync(DEMO_LEDGER))
        .expect(201);
    type Listed = {
      items: { id: string; sequence: number; fileName: string }[];
      total: number;
      pages: number;
    };
    const first = await story.api<Listed>(`${path}?pageSize=10`);
    const second = await story.api<Listed>(`${path}?page=2&pageSize=10`);
    expect([first.total, first.pages, first.items.length, second.items.length]).toEqual([11, 2, 10, 1]);
    expect(first.items.map((i) => i.sequence)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(second.items.map((i) => i.sequence)).toEqual([1]);

    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await story.goto(page, `/tjanstefiering/modeller/${versionId}/huvudbok`);
    await story.heading(page, 'Huvudbok: Tjänstefiering 2025, utfall');
    const table = page.getByRole('table', { name: 'Huvudboksimporter, senaste först' });
    const sequences = async () =>
      (await table.locator('tbody tr td:first-child').allTextContents()).map((x) => Number(norm(x)));
    await table.getByText('huvudbok-11.se').waitFor();
    expect(await sequences()).toEqual(first.items.map((i) => i.sequence));
    await page.getByText('Sida 1 av 2, 11 importer.').waitFor();
    // the latest import's reconciliation is shown; the earliest is on page 2
    await page.getByText('(import 11)').waitFor();
    const pages = page.getByRole('navigation', { name: 'Sidor med huvudboksimporter' });
    await pages.getByRole('button', { name: 'Sida 2' }).click();
    await page.getByText('Sida 2 av 2, 11 importer.').waitFor();
    expect(await sequences()).toEqual([1]);
    await page.getByRole('button', { name: 'Visa import 1' }).click();
    await page.getByText('(import 1)').waitFor();
    const earliest = await story.api<ImportView>(`${path}/${second.items[0].id}`);
    await expectFigures(page, earliest);
    await story.look(page, 'huvudbok-4-importer-sida-2');
  });
});
