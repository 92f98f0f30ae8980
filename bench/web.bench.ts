/**
 * The browser application, `npm run bench -- web`: the initial JavaScript (gzipped, what the first
 * page loads before any chart) against the 300 kB budget of issue 13, and, with Chromium installed,
 * timings from a real browser on the demo: the start page interactive after navigation, and a split
 * result with its Sankey chart drawn. Baseline measured in the same run: the start page's API
 * calls made directly, without a browser. Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadDemo } from '@it-samverkan/application';
import { loadEnv } from '@it-samverkan/config/env';
import { createApp } from '../apps/api/src/bootstrap';
import { ensureWebBuild, findChromium, launchBrowser } from '../test/web/browser';

const WEB = resolve(__dirname, '..', 'dist', 'web');
const BUDGET_KB = 300;
const ROUNDS = 7;
const PASSWORD = 'bench-demo-losenord-2025';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

/** The files index.html loads at once: its module script, the chunks it preloads, its CSS. */
function initialFiles(): { js: string[]; css: string[] } {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  return { js: refs.filter((r) => r.endsWith('.js')), css: refs.filter((r) => r.endsWith('.css')) };
}

function gzipped(file: string): number {
  return gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length;
}

export async function run(): Promise<void> {
  ensureWebBuild();
  const { js, css } = initialFiles();
  const initialJs = js.reduce((n, f) => n + gzipped(f), 0);
  const initialCss = css.reduce((n, f) => n + gzipped(f), 0);
  const all = readFileSync(join(WEB, 'index.html'), 'utf8');
  process.stdout.write(
    `initial JavaScript (gzip -9): ${kb(initialJs)} of ${BUDGET_KB} kB budget (${js.join(', ')})\n` +
      `initial CSS (gzip -9): ${kb(initialCss)}\n`,
  );
  const chartChunk = readdirSync(join(WEB, 'assets')).find((f) => f.startsWith('echarts-setup'));
  if (chartChunk)
    process.stdout.write(
      `chart chunk, loaded on first chart (gzip -9): ${kb(gzipped(`assets/${chartChunk}`))}\n`,
    );
  if (!all.includes('<div id="root">')) throw new Error('dist/web/index.html is not the app');

  const chromium = findChromium();
  if (!chromium) {
    process.stdout.write('Chromium saknas: webbläsartiderna mäts inte (apt-get install chromium)\n');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'its-bench-web-'));
  const env = loadEnv({
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    IT_SAMVERKAN_BOOTSTRAP_TOKEN: 'its_bench-admin-token-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '100000',
    SESSION_COOKIE_SECURE: 'false',
  });
  const { app, dataSource } = await createApp({ env, logger: false });
  await loadDemo(dataSource, new Date(), PASSWORD);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchBrowser(chromium);
  try {
    const page = browser.page;
    await page.goto(`${base}/`);
    await page.getByLabel('Användarnamn').fill('tjanstefiering');
    await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Att göra nu' }).waitFor();

    // baseline: the start page's own API calls, straight from the browser's fetch (no page)
    const direct: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      direct.push(
        await page.evaluate(async () => {
          const started = performance.now();
          await Promise.all(
            [
              '/api/v1/invoices?status=draft&pageSize=500',
              '/api/v1/cost-models?pageSize=500',
              '/api/v1/utveckling/requests?pageSize=500',
            ].map((u) => fetch(u).then((r) => r.json())),
          );
          return performance.now() - started;
        }),
      );
    }

    const interactive: number[] = [];
    const start: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const began = Date.now();
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Ekonomi' }).waitFor();
      interactive.push(Date.now() - began);
      await page.getByRole('heading', { name: /^Utkast att utfärda/ }).waitFor();
      start.push(Date.now() - began);
    }

    const model = (await (await page.request.get(`${base}/api/v1/cost-models?status=approved`)).json())
      .items[0];
    const csrf = (await (await page.request.get(`${base}/api/v1/auth/me`)).json()).csrfToken;
    const split = await (
      await page.request.post(`${base}/api/v1/cost-models/${model.id}/splits`, {
        headers: { 'X-CSRF-Token': csrf },
      })
    ).json();
    const sankey: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const began = Date.now();
      await page.goto(`${base}/tjanstefiering/fordelningar/${split.id}`);
      await page.locator('[data-chart-ready="true"]').waitFor();
      sankey.push(Date.now() - began);
    }
    // a scenario result shown after a change in the builder: from typing a new name (it is part of
    // the result) to the recomputed result on the page; the builder waits RECOMPUTE_AFTER_MS for typing
    await page.goto(`${base}/styrgrupp/nytt-scenario`);
    await page.getByLabel('Slag av ändring').selectOption('switch-funding');
    await page.locator('#switch-municipality').selectOption('ulricehamn');
    await page.getByRole('button', { name: 'Lägg till ändringen' }).click();
    await page.getByText(/^Omräknat på \d+ ms\.$/).waitFor();
    const scenarioShown: number[] = [];
    const previewDirect: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const began = Date.now();
      await page.getByLabel('Scenariots namn').fill(`Bänkrunda ${i}`);
      await page.getByText(`Bänkrunda ${i}, på`).waitFor();
      scenarioShown.push(Date.now() - began);
      previewDirect.push(
        await page.evaluate(
          async ({ modelId, csrfToken, round }) => {
            const started = performance.now();
            await fetch('/api/v1/scenarios/preview', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
              body: JSON.stringify({
                name: `Direkt ${round}`,
                baseModelVersionId: modelId,
                changes: [
                  {
                    type: 'switch-funding',
                    municipality: 'ulricehamn',
                    from: 'appropriation',
                    to: 'internal-charge',
                  },
                ],
              }),
            }).then((r) => r.json());
            return performance.now() - started;
          },
          { modelId: model.id, csrfToken: csrf, round: i },
        ),
      );
    }
    process.stdout.write(
      `scenario builder, a change typed to its result shown (${ROUNDS} rounds, includes the builder's 100 ms wait for typing): ${ms(scenarioShown)}\n` +
        `  baseline, the same preview's API call alone from the page: ${ms(previewDirect)}\n`,
    );
    process.stdout.write(
      `start page, navigation to interactive (menu and heading usable, ${ROUNDS} rounds): ${ms(interactive)}\n` +
        `start page, navigation to attention lists shown: ${ms(start)}\n` +
        `  baseline, its API calls alone from the page: ${ms(direct)}\n` +
        `split result, navigation to Sankey chart drawn (${ROUNDS} rounds): ${ms(sankey)}\n`,
    );
  } finally {
    await browser.close();
    await app.close();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
