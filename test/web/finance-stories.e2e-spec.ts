import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Money } from '@it-samverkan/domain';
import { insertDrafts } from '../invoicing/support';
import { describeInBrowser, webStory, kr, norm } from './browser';

/**
 * Finance in the browser, by clicking: the Ulricehamn finance officer's quarter end (run 2025-Q1,
 * review and correct the drafts, issue with an invoice date, credit part of a line, the files,
 * close the period), then the Tranemo finance officer, who sees what Tranemo received and can act
 * on nothing. Figures on the pages are checked against the API; axe runs on every page.
 */

const PERIOD = '2025-Q1';

const PERIODS_CAPTION = 'Perioder med fakturor och kreditfakturor, senaste först';

interface ApiPeriods {
  items: {
    period: string;
    drafts: number;
    issued: number;
    creditNotes: number;
    issuedTotal: string;
    creditedTotal: string;
    closed: boolean;
  }[];
  total: number;
  pages: number;
}

interface ApiInvoice {
  id: string;
  status: string;
  number: string | null;
  kind: string;
  buyer: { id: string; municipalityId: string };
  net: string;
  gross: string;
  invoiceDate?: string | null;
  issueDate?: string | null;
  lines: { id: string; description: string; net: string; unitPrice: string }[];
}

/** No-break spaces as plain ones (white space otherwise kept). */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describeInBrowser('finance in the browser', () => {
  const story = webStory();

  async function login(page: Page, username: string, name: string): Promise<void> {
    await story.login(page, username);
    await page.getByText(`Välkommen ${name}`).waitFor();
  }

  async function apiInvoices(query: string): Promise<ApiInvoice[]> {
    return (await story.api<{ items: ApiInvoice[] }>(`/invoices?${query}&pageSize=500`)).items;
  }

  async function download(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const path = await file.path();
    return { name: file.suggestedFilename(), body: readFileSync(path!) };
  }

  /** The periods table of the finance page, cell texts row by row, as a reader sees them. */
  async function periodRows(page: Page): Promise<string[][]> {
    const table = page.getByRole('table', { name: PERIODS_CAPTION });
    await table.locator('tbody tr').first().waitFor();
    const rows = table.locator('tbody tr');
    const cells: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      cells.push((await rows.nth(i).locator('td').allTextContents()).map((c) => plain(norm(c))));
    return cells;
  }

  /** What the periods table must show for a page of GET /invoices/periods. */
  const expectedRows = (list: ApiPeriods) =>
    list.items.map((p) =>
      [
        p.period,
        String(p.drafts),
        String(p.issued),
        String(p.creditNotes),
        kr(p.issuedTotal),
        kr(p.creditedTotal),
        p.closed ? 'Stängd' : 'Öppen',
      ].map((c) => plain(norm(c))),
    );

  it('the Ulricehamn finance officer closes the quarter: run, review, correct, issue with a date, credit, files, close', async () => {
    const page = story.browser.page;
    await page.goto(`${story.base}/`);
    await page.getByRole('heading', { level: 1, name: 'Logga in i IT-samverkan' }).waitFor();
    await story.look(page, 'ekonomi-ulricehamn-0-inloggning');

    // a wrong password: the message is shown, nothing else happens
    await page.getByLabel('Användarnamn').fill('ekonomi.ulricehamn');
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-losenord');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Användarnamn').inputValue()).toBe('ekonomi.ulricehamn');

    await login(page, 'ekonomi.ulricehamn', 'Anna Lind');
    // keyboard: the first Tab reaches the skip link, which moves focus to the main content
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe(
      'Hoppa till huvudinnehållet',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('huvudinnehall');
    await story.look(page, 'ekonomi-ulricehamn-1-start');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
    await story.heading(page, 'Ekonomi');
    await page.getByLabel('Period', { exact: true }).fill(PERIOD);
    await page.getByRole('button', { name: 'Öppna perioden' }).click();
    await story.heading(page, `Ekonomi ${PERIOD}`);

    // run the quarter
    await page.getByRole('button', { name: `Kör perioden ${PERIOD}` }).click();
    await page.getByText(`Körningen av ${PERIOD} är klar`).waitFor();
    const drafts = await apiInvoices(`period=${PERIOD}`);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((i) => i.status === 'draft')).toBe(true);
    const runMessage = norm(await page.getByText(`Körningen av ${PERIOD} är klar`).textContent());
    expect(runMessage).toContain(`${drafts.length} nya fakturautkast`);

    // every draft's amount to pay is in the table, and the sum row is the API's sum to the öre
    const table = page.getByRole('table', { name: `Fakturor och kreditfakturor ${PERIOD}` });
    await table.getByRole('link', { name: 'Faktura, utkast' }).first().waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(drafts.length);
    const tableText = plain(norm(await table.textContent()));
    for (const d of drafts) expect(tableText).toContain(plain(kr(d.gross)));
    const sum = Money.sum(drafts.map((d) => Money.parse(d.gross))).toString();
    expect(plain(norm(await table.locator('tfoot').textContent()))).toContain(plain(kr(sum)));
    await story.look(page, 'ekonomi-ulricehamn-2-utkast');

    // review Tranemo's draft and correct a line's description; a bad amount is refused at its field
    const toTranemo = drafts.find((d) => d.buyer.id === 'tranemo')!;
    await table
      .getByRole('row', { name: /Tranemo kommun/ })
      .getByRole('link')
      .click();
    await story.heading(page, 'Faktura, utkast');
    const lineTable = page.getByRole('table', { name: 'Rader på faktura, utkast' });
    expect(await lineTable.locator('tbody tr').count()).toBe(toTranemo.lines.length);
    await page.getByRole('button', { name: 'Ändra rad 1', exact: true }).click();
    const price = page.getByLabel('À-pris (kronor)');
    await price.fill('12,50 kronor');
    await page.getByRole('button', { name: 'Spara raden' }).click();
    await page.getByText('Det gick inte att spara. Rätta följande:').waitFor();
    expect(await price.inputValue()).toBe('12,50 kronor');
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    await story.look(page, 'ekonomi-ulricehamn-3-fel-pa-rad');
    const unchanged = (await story.t.http.get(`/api/v1/invoices/${toTranemo.id}`).set(story.t.auth()))
      .body as ApiInvoice;
    expect(unchanged.lines[0].unitPrice).toBe(toTranemo.lines[0].unitPrice);

    await price.fill(toTranemo.lines[0].unitPrice);
    const description = `${toTranemo.lines[0].description} (kontrollerad)`;
    await page.getByLabel('Beskrivning').fill(description);
    await page.getByRole('button', { name: 'Spara raden' }).click();
    await page.getByText('Raden är ändrad.').waitFor();
    const edited = (await story.t.http.get(`/api/v1/invoices/${toTranemo.id}`).set(story.t.auth()))
      .body as ApiInvoice;
    expect(edited.lines[0].description).toBe(description);
    await page.getByText(description).waitFor();

    // issue every draft of the period with the chosen invoice date
    await page.getByRole('link', { name: `Perioden ${PERIOD}` }).click();
    await story.heading(page, `Ekonomi ${PERIOD}`);
    await page.getByLabel('Fakturadatum').fill('2025-04-01');
    await page.getByRole('button', { name: `Utfärda ${drafts.length} utkast` }).click();
    await page.getByText(/fakturor utfärdade med fakturadatum 2025-04-01/).waitFor();
    const issued = await apiInvoices(`period=${PERIOD}`);
    expect(issued.every((i) => i.status === 'issued')).toBe(true);
    expect(issued.every((i) => (i.invoiceDate ?? i.issueDate) === '2025-04-01')).toBe(true);
    const numbers = issued.map((i) => i.number!).sort();
    const issuedMessage = norm(await page.getByText(/fakturor utfärdade/).textContent());
    for (const n of numbers) expect(issuedMessage).toContain(n);
    await page
      .getByRole('table', { name: `Fakturor och kreditfakturor ${PERIOD}` })
      .getByText(numbers[0])
      .waitFor();
    await story.look(page, 'ekonomi-ulricehamn-4-utfardade');

    // the period's files, one click each
    const sie = await download(page, 'SIE 4 (bokföring)');
    expect(sie.name).toMatch(/\.se$/);
    expect(sie.body.toString('latin1')).toContain('#FLAGGA 0');
    expect(sie.body.toString('latin1')).toContain('#VER');
    const xlsx = await download(page, 'Fakturor (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const csv = await download(page, 'Interndebiteringar (CSV)');
    expect(csv.name).toMatch(/\.csv$/);

    // Tranemo's invoice: its PDF shown in the page, PDF and Peppol one click away, then a partial credit
    const tranemoIssued = issued.find((i) => i.id === toTranemo.id)!;
    await page.getByRole('link', { name: `Faktura ${tranemoIssued.number}` }).click();
    await story.heading(page, `Faktura ${tranemoIssued.number}`);
    await page.locator('iframe[title$="som PDF"]').waitFor();
    const pdf = await download(page, 'PDF');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const peppol = await download(page, 'Peppol BIS 3.0 (XML)');
    expect(peppol.body.toString('utf8')).toContain(`<cbc:ID>${tranemoIssued.number}</cbc:ID>`);
    await story.look(page, 'ekonomi-ulricehamn-5-faktura-med-pdf');

    await page.getByLabel('Skäl till krediteringen').fill('Fel antal datorer i underlaget');
    await page.getByLabel(/^Rad 1:/).fill('100.00');
    await page.getByRole('button', { name: 'Skapa kreditfaktura' }).click();
    // 100.00 net at 25 % VAT: 100.00 + 25.00 = 125.00 to credit
    await page.getByText(`Kreditfaktura skapad (${kr('125.00')} inklusive moms).`).waitFor();
    const notes = await apiInvoices('kind=credit-note');
    expect(notes).toHaveLength(1);
    expect(notes[0].gross).toBe('125.00');
    await page.getByRole('link', { name: 'Öppna kreditfakturan' }).click();
    await story.heading(page, /^Kreditfaktura/);
    await story.look(page, 'ekonomi-ulricehamn-6-kreditfaktura');

    // the finance page lists the periods newest first: April's credit note, then the quarter, as the API counts them
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
    await story.heading(page, 'Ekonomi');
    const periods = await story.api<ApiPeriods>('/invoices/periods', { person: 'ekonomi.ulricehamn' });
    expect(periods.items.map((p) => `${p.period} ${p.drafts}/${p.issued}/${p.creditNotes}`)).toEqual([
      '2025-04 0/0/1',
      `${PERIOD} 0/${issued.length}/0`,
    ]);
    expect(periods.items[0].creditedTotal).toBe('125.00');
    expect(periods.items[1].issuedTotal).toBe(Money.sum(issued.map((i) => Money.parse(i.gross))).toString());
    expect(await periodRows(page)).toEqual(expectedRows(periods));
    await story.look(page, 'ekonomi-ulricehamn-6b-perioder');

    // the start page now lists the quarter among the periods to close, with the API's count
    const before = (await story.t.http.get(`/api/v1/periods/${PERIOD}`).set(story.t.auth())).body;
    expect(before).toMatchObject({ closed: false, drafts: 0 });
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    await story.heading(page, 'Att göra nu');
    await page.getByRole('link', { name: `${PERIOD}: ${before.issued} utfärdade, inga utkast` }).click();

    // close the quarter
    await story.heading(page, `Ekonomi ${PERIOD}`);
    await page.getByText('Öppen', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Stäng perioden ${PERIOD}` }).click();
    await page.getByText(`Perioden ${PERIOD} är stängd`).waitFor();
    await page.getByText('Stängd', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Stäng perioden ${PERIOD}` }).count()).toBe(0);
    const closed = await story.t.http
      .post('/api/v1/invoice-runs')
      .set(story.t.auth())
      .send({ period: PERIOD });
    expect(closed.status).toBe(409);
    await story.look(page, 'ekonomi-ulricehamn-7-stangd');
  }, 180_000);

  it('the Tranemo finance officer sees what Tranemo received and can act on nothing', async () => {
    const page = story.browser.page;
    await login(page, 'ekonomi.tranemo', 'Tomas Berg');
    await page.goto(`${story.base}/ekonomi/perioder/${PERIOD}`);
    await story.heading(page, `Ekonomi ${PERIOD}`);
    const table = page.getByRole('table', { name: `Fakturor och kreditfakturor ${PERIOD}` });
    await table.locator('tbody tr').first().waitFor();
    await page.getByText('den utfärdande kommunens ekonomi').waitFor();
    // the quarter's state: closed (by Ulricehamn, for everyone), counting only Tranemo's one invoice
    // of it, not the bolag's or the lönenämnd's, as the API gives it to Tranemo
    const state = await story.api<{ closed: boolean; drafts: number; issued: number }>(`/periods/${PERIOD}`, {
      person: 'ekonomi.tranemo',
    });
    expect(state).toMatchObject({ closed: true, drafts: 0, issued: 1 });
    await page.getByText('Stängd', { exact: true }).waitFor();
    await page.getByText('0 utkast och 1 utfärdade dokument.').waitFor();

    // the finance page: only the periods of what Tranemo received, as the API gives them to Tranemo
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
    await story.heading(page, 'Ekonomi');
    const periods = await story.api<ApiPeriods>('/invoices/periods', { person: 'ekonomi.tranemo' });
    // its one invoice of the quarter (closed by Ulricehamn) and the credit note of April; not the bolag's
    expect(
      periods.items.map((p) => `${p.period} ${p.drafts}/${p.issued}/${p.creditNotes} ${p.closed}`),
    ).toEqual(['2025-04 0/0/1 false', `${PERIOD} 0/1/0 true`]);
    expect(await periodRows(page)).toEqual(expectedRows(periods));
    await page.goBack();
    await story.heading(page, `Ekonomi ${PERIOD}`);
    // back on the period page, its table is read again: wait for its rows before counting them
    await table.locator('tbody tr').first().waitFor();

    // what the page lists is what the API gives Tranemo: its own invoice, not the bolag's or the lönenämnd's
    const all = await apiInvoices(`period=${PERIOD}`);
    const tranemos = all.filter((i) => i.buyer.municipalityId === 'tranemo' || i.buyer.id === 'tranemo');
    expect(tranemos.length).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(tranemos.length);
    const tableText = plain(norm(await table.textContent()));
    for (const i of tranemos) expect(tableText).toContain(plain(kr(i.gross)));
    expect(await page.getByRole('button', { name: `Kör perioden ${PERIOD}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Utfärda/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Stäng perioden ${PERIOD}` }).count()).toBe(0);
    // its own booking of what it received: a SIE file of its purchases
    const purchases = await download(page, 'Våra inköp (SIE 4)');
    expect(purchases.body.toString('latin1')).toContain('#FLAGGA 0');
    expect(purchases.body.toString('latin1')).toContain('#VER');
    await story.look(page, 'ekonomi-tranemo-1-period');

    const invoice = tranemos.find((i) => i.kind === 'invoice')!;
    await table.getByRole('link', { name: `Faktura ${invoice.number}` }).click();
    await story.heading(page, `Faktura ${invoice.number}`);
    await page.locator('iframe[title$="som PDF"]').waitFor();
    expect(await page.getByRole('heading', { name: 'Kreditera' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Ändra rad/ }).count()).toBe(0);
    const pdf = await download(page, 'PDF');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    await story.look(page, 'ekonomi-tranemo-2-faktura');

    // and if Tranemo's session asks anyway, the API refuses: nothing of the issuer's is Tranemo's to do
    const refused = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const post = (path: string, body: unknown) =>
        fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify(body),
        }).then((r) => r.status);
      return {
        run: await post('/api/v1/invoice-runs', { period: '2025-Q2' }),
        credit: await post(`/api/v1/invoices/${id}/credit`, { reason: 'försök' }),
      };
    }, invoice.id);
    expect(refused).toEqual({ run: 403, credit: 403 });
    expect(await apiInvoices('kind=credit-note')).toHaveLength(1);
  }, 180_000);

  it('the Ulricehamn finance officer pages back through the years, newest first', async () => {
    // a year of monthly drafts to the bolag in 2022: with April and the quarter, 14 periods, 12 a page
    for (let month = 1; month <= 12; month++)
      await insertDrafts(story.t.dataSource, 1, `2022-${String(month).padStart(2, '0')}`);
    const page = story.browser.page;
    await login(page, 'ekonomi.ulricehamn', 'Anna Lind');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
    await story.heading(page, 'Ekonomi');
    const first = await story.api<ApiPeriods>('/invoices/periods?pageSize=12', {
      person: 'ekonomi.ulricehamn',
    });
    expect({ total: first.total, pages: first.pages }).toEqual({ total: 14, pages: 2 });
    expect(first.items.map((p) => p.period).slice(0, 4)).toEqual(['2025-04', PERIOD, '2022-12', '2022-11']);
    expect(await periodRows(page)).toEqual(expectedRows(first));
    await page.getByText('Sida 1 av 2, 14 perioder.').waitFor();

    await page
      .getByRole('navigation', { name: 'Sidor med perioder' })
      .getByRole('button', { name: 'Sida 2' })
      .click();
    await page.getByText('Sida 2 av 2, 14 perioder.').waitFor();
    const second = await story.api<ApiPeriods>('/invoices/periods?pageSize=12&page=2', {
      person: 'ekonomi.ulricehamn',
    });
    expect(second.items.map((p) => `${p.period} ${p.drafts}`)).toEqual(['2022-02 1', '2022-01 1']);
    expect(await periodRows(page)).toEqual(expectedRows(second));
    await story.look(page, 'ekonomi-ulricehamn-8-perioder-sida-2');
  }, 180_000);
});
