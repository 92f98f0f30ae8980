import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { loadDemo } from '@it-samverkan/application';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '..', '..');
const WEB_SOURCE = join(ROOT, 'apps', 'web');
const WEB_BUILD = join(ROOT, 'dist', 'web', 'index.html');
export const SCREENSHOTS = join(ROOT, 'test-output', 'web');

/** Debian's Chromium (`apt-get install chromium`), or null when it is not installed. */
export function findChromium(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/**
 * Whether the browser stories can run here. Without Chromium they are skipped with the reason
 * printed, except in CI (CI=true), where a missing browser is a failure.
 */
export function browserAvailability(): { chromium: string | null; skipReason: string | null } {
  const path = findChromium();
  if (path) return { chromium: path, skipReason: null };
  if (process.env.CI === 'true') {
    throw new Error('CI=true men Chromium saknas: .ci/run installerar det (apt-get install chromium)');
  }
  return {
    chromium: null,
    skipReason: 'Webbläsartesterna hoppas över: Chromium finns inte (apt-get install chromium)',
  };
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the browser application into dist/web when its sources are newer than the build. */
export function ensureWebBuild(): void {
  if (existsSync(WEB_BUILD) && statSync(WEB_BUILD).mtimeMs >= newestChange(WEB_SOURCE)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: WEB_SOURCE,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Chromium headless with a fresh profile, as issue 13 prescribes. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'its-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`Fel i sidan: ${problems.join('; ')}`);
    },
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; returns the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the debugging protocol, so the page's CSP (script-src 'self') does not block it
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // runs in the page: the browser's globals, not Node's
    const { axe, document } = globalThis as any;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v: any) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n: any) => n.target.join(' '))
          .join(' | ')}`,
    );
  });
}

/** Saves a full-page screenshot under test-output/web/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The demo persons' password in the browser stories. */
export const WEB_DEMO_PASSWORD = 'webb-demo-losenord-2025';

/** The API with the demo loaded and the built web application, listening on a free local port. */
export async function startWebApp(): Promise<{ t: TestApp; base: string }> {
  ensureWebBuild();
  const t = await startTestApp({ env: { SESSION_COOKIE_SECURE: 'false' } });
  await loadDemo(t.dataSource, t.now.value, WEB_DEMO_PASSWORD);
  await t.app.listen(0, '127.0.0.1');
  return { t, base: `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}` };
}

/** Logs a demo person in through the login page and waits for the start page. */
export async function logInAs(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(WEB_DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Att göra nu' }).waitFor();
}
