import type { Page } from 'playwright-core';
import { insertDocument } from '../invoicing/support';
import type { ApiCall } from './browser';
import { describeInBrowser, norm, webStory } from './browser';

/**
 * The start page ("Att göra nu") shows each reader the boxes the policy lets it read, each box's
 * figures as the API answers that reader: the host's finance all five, Tranemo's finance no periods
 * to close (only the issuer closes them), a bolag's finance only its own drafts (the cooperation's
 * models, service levels and development requests are refused it) and no box failing.
 *
 * Ulricehamn's documents, by hand: 2025-10 issued to Tranemo and to the bolag (nothing left to
 * issue: a period to close); 2025-11 drafts to Tranemo, Svenljunga and twice to the bolag; 2025-12
 * a draft to Tranemo. So the host sees 5 drafts, Tranemo 2 (one a month), the bolag 2 (2025-11).
 */

const BOXES = {
  drafts: 'Utkast att utfärda',
  toClose: 'Perioder att stänga',
  models: 'Modellversioner att godkänna',
  misses: 'Missade servicenivåer',
  requests: 'Utvecklingsärenden att besluta',
} as const;

describeInBrowser('the start page in the browser', () => {
  const story = webStory({
    prepare: async (t) => {
      await insertDocument(t.dataSource, {
        period: '2025-10',
        status: 'issued',
        buyer: 'tranemo',
        gross: '1000.00',
        number: 'UH-901',
      });
      await insertDocument(t.dataSource, {
        period: '2025-10',
        status: 'issued',
        buyer: 'bolag-ue',
        gross: '2000.00',
        number: 'UH-902',
      });
      for (const buyer of ['tranemo', 'svenljunga', 'bolag-ue', 'bolag-ue'] as const)
        await insertDocument(t.dataSource, { period: '2025-11', status: 'draft', buyer, gross: '100.00' });
      await insertDocument(t.dataSource, {
        period: '2025-12',
        status: 'draft',
        buyer: 'tranemo',
        gross: '100.00',
      });
    },
  });

  /** What the API answers the reader for each box: the drafts per period and the periods to close. */
  async function invoicing(who: ApiCall): Promise<{ drafts: string[]; toClose: string[] }> {
    const drafts = await story.api<{ items: { period: string }[] }>(
      '/invoices?status=draft&pageSize=500',
      who,
    );
    const periods = await story.api<{ period: string; closed: boolean; drafts: number; issued: number }[]>(
      '/periods',
      who,
    );
    return {
      drafts: drafts.items.map((d) => d.period).sort(),
      toClose: periods
        .filter((p) => !p.closed && p.drafts === 0 && p.issued > 0)
        .map((p) => `${p.period} ${p.issued}`),
    };
  }

  /** The draft model versions and received development requests the API answers the reader. */
  async function shared(who: ApiCall): Promise<{ models: string[]; requests: number }> {
    const models = await story.api<{ items: { name: string; status: string }[] }>(
      '/cost-models?pageSize=500',
      who,
    );
    const requests = await story.api<{ items: { status: string }[] }>(
      '/utveckling/requests?pageSize=500',
      who,
    );
    return {
      models: models.items.filter((m) => m.status === 'draft').map((m) => m.name),
      requests: requests.items.filter((r) => r.status === 'received').length,
    };
  }

  /** The boxes' headings once `boxes` are shown and `loaded` of them (all unless told) have their figure. */
  async function headings(page: Page, boxes: number, loaded = boxes): Promise<string[]> {
    await page.waitForFunction(
      ([n, figured]) => {
        // runs in the page: the browser's globals, not Node's
        const hs: { textContent: string | null }[] = [
          ...(globalThis as any).document.querySelectorAll('.cards h2'),
        ];
        return hs.length === n && hs.filter((h) => /: \d+$/.test(h.textContent ?? '')).length === figured;
      },
      [boxes, loaded],
    );
    return page.locator('.cards h2').allTextContents();
  }

  /** The links listed in a box, as a reader reads them. */
  async function links(page: Page, box: string): Promise<string[]> {
    const card = page.locator('.cards > *').filter({ has: page.getByRole('heading', { name: box }) });
    return (await card.getByRole('link').allTextContents()).map((l) => norm(l));
  }

  it("the host's finance sees all five boxes, each as the API answers it", async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.ulricehamn');
    const who = { person: 'ekonomi.ulricehamn' };
    const own = await invoicing(who);
    expect(own).toEqual({
      drafts: ['2025-11', '2025-11', '2025-11', '2025-11', '2025-12'],
      toClose: ['2025-10 2'],
    });
    const common = await shared(who);
    const shown = await headings(page, 5);
    expect([shown[0], shown[1], shown[2], shown[4]]).toEqual([
      `${BOXES.drafts}: 5`,
      `${BOXES.toClose}: 1`,
      `${BOXES.models}: ${common.models.length}`,
      `${BOXES.requests}: ${common.requests}`,
    ]);
    expect(shown[3]).toMatch(new RegExp(`^${BOXES.misses}: \\d+$`));
    expect(await links(page, BOXES.drafts)).toEqual(['2025-11: 4 utkast', '2025-12: 1 utkast']);
    expect(await links(page, BOXES.toClose)).toEqual(['2025-10: 2 utfärdade, inga utkast']);
    expect(await links(page, BOXES.models)).toEqual(common.models);
    expect(await page.getByRole('alert').count()).toBe(0);
    await story.look(page, 'start-1-ulricehamn-ekonomi');
  }, 180_000);

  it("Tranemo's finance is not offered periods to close: only the issuer closes them", async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.tranemo');
    const who = { person: 'ekonomi.tranemo' };
    // the API gives Tranemo its own of 2025-10, which it may read but not close
    expect(await invoicing(who)).toEqual({ drafts: ['2025-11', '2025-12'], toClose: ['2025-10 1'] });
    const common = await shared(who);
    const shown = await headings(page, 4);
    expect([shown[0], shown[1], shown[3]]).toEqual([
      `${BOXES.drafts}: 2`,
      `${BOXES.models}: ${common.models.length}`,
      `${BOXES.requests}: ${common.requests}`,
    ]);
    expect(shown[2]).toMatch(new RegExp(`^${BOXES.misses}: \\d+$`));
    expect(await links(page, BOXES.drafts)).toEqual(['2025-11: 1 utkast', '2025-12: 1 utkast']);
    expect(await page.getByRole('heading', { name: new RegExp(BOXES.toClose) }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await story.look(page, 'start-2-tranemo-ekonomi');

    // one box failing fails only that box, in Swedish; the others still show theirs
    await page.route('**/api/v1/utveckling/requests?**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'UNAVAILABLE', message: 'Tjänsten är tillfälligt otillgänglig' }),
      }),
    );
    await page.reload();
    const failed = page
      .locator('.cards > *')
      .filter({ has: page.getByRole('heading', { name: BOXES.requests }) });
    await failed.getByRole('alert').waitFor();
    expect(norm(await failed.getByRole('alert').textContent())).toBe(
      'Kunde inte hämta utvecklingsärendena: Tjänsten är tillfälligt otillgänglig',
    );
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await headings(page, 4, 3)).toEqual([...shown.slice(0, 3), BOXES.requests]);
  }, 180_000);

  it("a bolag's finance sees its own drafts and no refusal: the cooperation's data is not asked for", async () => {
    const page = story.browser.page;
    const token = await story.t.token('finance', 'bolag-ue');
    // the API refuses the bolag what only the cooperation's municipalities read
    await story.api('/cost-models?pageSize=500', { token, status: 403 });
    await story.api('/utveckling/requests?pageSize=500', { token, status: 403 });
    expect(await invoicing({ token })).toEqual({ drafts: ['2025-11', '2025-11'], toClose: ['2025-10 1'] });

    await story.goto(page, '/');
    await page.getByText('Logga in med API-token').click();
    await page.getByLabel('API-token', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'Logga in med token' }).click();
    await story.heading(page, 'Att göra nu');
    expect(await headings(page, 1)).toEqual([`${BOXES.drafts}: 2`]);
    expect(await links(page, BOXES.drafts)).toEqual(['2025-11: 2 utkast']);
    expect(await page.getByRole('alert').count()).toBe(0);
    await story.look(page, 'start-3-bolag-ekonomi');
  }, 180_000);
});
