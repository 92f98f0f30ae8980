import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { loadDemo } from '@it-samverkan/application';
import { Money } from '@it-samverkan/domain';
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

/**
 * The API with the demo loaded and the built web application, listening on a free local port;
 * `history`: with the demo's earlier years 2023–2024 and the 2026 draft, as `npm start` loads it.
 */
export async function startWebApp(
  options: { history?: boolean } = {},
): Promise<{ t: TestApp; base: string }> {
  ensureWebBuild();
  const t = await startTestApp({ env: { SESSION_COOKIE_SECURE: 'false' } });
  await loadDemo(t.dataSource, t.now.value, WEB_DEMO_PASSWORD, { history: options.history ?? false });
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

/** Amounts as the pages write them: "1 234,50 kr" (with the page's no-break spaces). */
export const kr = (amount: string) => `${Money.parse(amount).toSwedish()} kr`;

/** Text as a reader sees it: every run of white space (no-break spaces too) one space, trimmed. */
export const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * A story group that runs in Chromium: `describe` where Chromium is installed, otherwise
 * `describe.skip` with the reason printed (and in CI a failure, see browserAvailability).
 */
export function describeInBrowser(name: string, body: () => void): void {
  const { chromium, skipReason } = browserAvailability();
  if (skipReason) process.stdout.write(`${skipReason}\n`);
  (chromium ? describe : describe.skip)(name, body);
}

/** A request to the API from a story: GET, or POST with a body; as admin, a token or a person. */
export interface ApiCall {
  body?: unknown;
  /** An API token's secret (admin's when neither this nor `person` is given). */
  token?: string;
  /** A demo person, logged in with the demo password (the cookie a browser would have). */
  person?: string;
  /** The status the call must answer (200 unless told). */
  status?: number;
}

/** What every browser story shares: the app with the demo, a fresh browser per test, its checks. */
export interface WebStory {
  /** The API under test (demo loaded). */
  readonly t: TestApp;
  /** Where the app listens, e.g. http://127.0.0.1:41234. */
  readonly base: string;
  /** This test's browser (a fresh profile). */
  readonly browser: Browser;
  /** The screenshots taken so far, printed when the group ends. */
  readonly shots: string[];
  /** A folder of this group's own for files to upload (with `folder` given), removed at the end. */
  readonly folder: string;
  /** axe finds zero WCAG 2.1 A/AA violations on the page as it is now; then a screenshot. */
  look(page: Page, name: string): Promise<void>;
  /** A screenshot without axe (e.g. the page as printed). */
  photograph(page: Page, name: string): Promise<void>;
  /** Logs a demo person in through the login page and waits for the start page. */
  login(page: Page, username: string): Promise<void>;
  /** Opens one of the app's addresses ("/styrgrupp"). */
  goto(page: Page, path: string): Promise<void>;
  /** Waits for the page's one h1. */
  heading(page: Page, name: string | RegExp): Promise<void>;
  /** The API's answer to a call (the status checked). */
  api<T>(path: string, call?: ApiCall): Promise<T>;
}

/**
 * Sets up a story group (call it inside describeInBrowser): the API with the demo and the built web
 * application before all (then `prepare`), a fresh Chromium before each test and closed after
 * (failing on errors in the page), the screenshots' paths printed and the app closed after all.
 */
export function webStory(
  options: {
    prepare?: (t: TestApp) => Promise<void>;
    /** The prefix of the group's temporary folder, e.g. 'its-web-files-'. */
    folder?: string;
    /** The whole demo, as `npm start` loads it: with its years 2023–2024 and the 2026 draft. */
    history?: boolean;
  } = {},
): WebStory {
  let t: TestApp | undefined;
  let base = '';
  let browser: Browser | undefined;
  let folder: string | undefined;
  const shots: string[] = [];
  beforeAll(async () => {
    ({ t, base } = await startWebApp({ history: options.history }));
    if (options.folder) folder = mkdtempSync(join(tmpdir(), options.folder));
    await options.prepare?.(t);
  }, 180_000);
  afterAll(async () => {
    process.stdout.write(`Skärmbilder:\n${shots.map((s) => `  ${s}`).join('\n')}\n`);
    if (folder) rmSync(folder, { recursive: true, force: true });
    await t?.close();
  });
  beforeEach(async () => {
    browser = await launchBrowser(findChromium()!);
  });
  afterEach(async () => browser?.close());

  const app = () => {
    if (!t) throw new Error('Appen startade inte');
    return t;
  };
  return {
    get t() {
      return app();
    },
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('Webbläsaren startade inte');
      return browser;
    },
    shots,
    get folder() {
      if (!folder) throw new Error('Gruppen har ingen mapp: ange webStory({ folder })');
      return folder;
    },
    async look(page, name) {
      expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
      shots.push(await screenshot(page, name));
    },
    async photograph(page, name) {
      shots.push(await screenshot(page, name));
    },
    login: (page, username) => logInAs(page, base, username),
    async goto(page, path) {
      await page.goto(`${base}${path}`);
    },
    async heading(page, name) {
      await page.getByRole('heading', { level: 1, name }).waitFor();
    },
    async api<T>(path: string, call: ApiCall = {}): Promise<T> {
      const a = app();
      const request =
        call.body === undefined
          ? a.http.get(`/api/v1${path}`)
          : a.http.post(`/api/v1${path}`).send(call.body as object);
      if (call.person) {
        const session = await a.login(call.person, WEB_DEMO_PASSWORD);
        // a change made with a session carries its CSRF token, as the browser's client sends it
        request.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf);
      } else request.set(a.auth(call.token));
      const res = await request;
      expect({ path, status: res.status }).toEqual({ path, status: call.status ?? 200 });
      return res.body as T;
    },
  };
}
