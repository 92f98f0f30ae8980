import { decimal } from '../../apps/web/src/api/format';
import { describeInBrowser, webStory, kr, norm } from './browser';

/**
 * The auditor's trace in the browser: the Ulricehamn finance officer runs a quarter, opens an
 * invoice and follows a cost-share line's "Spåra" link to the trace page, whose figures are the
 * API's trace; then the 2025 price list page against GET /price-lists/2025. axe runs on every page.
 */

const PERIOD = '2025-Q1';

interface ApiLine {
  id: string;
  lineNo: number;
  description: string;
  sourceKey: string;
}

describeInBrowser("the auditor's trace and the price list in the browser", () => {
  const story = webStory();

  it('a cost-share line of an invoice leads to its trace: split run, decision, volumes, unit prices, pools', async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.ulricehamn');
    await page.goto(`${story.base}/ekonomi/perioder/${PERIOD}`);
    await page.getByRole('button', { name: `Kör perioden ${PERIOD}` }).click();
    await page.getByText(`Körningen av ${PERIOD} är klar`).waitFor();

    const list = await story.t.http.get(`/api/v1/invoices?period=${PERIOD}&pageSize=500`).set(story.t.auth());
    expect(list.status).toBe(200);
    const invoices = list.body.items as { id: string; buyer: { id: string }; lines: ApiLine[] }[];
    const invoice = invoices.find((i) => i.lines.some((l) => l.sourceKey.startsWith('cost-share:')))!;
    expect(invoice).toBeDefined();
    const line = invoice.lines.find((l) => l.sourceKey.startsWith('cost-share:'))!;
    const untraceable = invoices
      .flatMap((i) => i.lines)
      .filter((l) => !/^(cost-share|settlement):/.test(l.sourceKey));

    await page.goto(`${story.base}/ekonomi/fakturor/${invoice.id}`);
    const lines = page.getByRole('table', { name: /^Rader på/ });
    await lines.waitFor();
    const links = lines.getByRole('link', { name: /^Spåra rad / });
    expect(await links.count()).toBe(
      invoice.lines.filter((l) => /^(cost-share|settlement):/.test(l.sourceKey)).length,
    );
    // a line not from the split gets no link, and the API refuses its trace
    for (const other of untraceable.slice(0, 1)) {
      const owner = invoices.find((i) => i.lines.some((l) => l.id === other.id))!;
      const refused = await story.t.http
        .get(`/api/v1/invoices/${owner.id}/lines/${other.id}/trace`)
        .set(story.t.auth());
      expect(refused.status).toBe(422);
      expect(refused.body.code ?? refused.body.error?.code ?? JSON.stringify(refused.body)).toContain(
        'TRACE_NOT_FROM_SPLIT',
      );
    }
    await lines.getByRole('link', { name: `Spåra rad ${line.lineNo}: ${line.description}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Spårning för revisionen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/revision/fakturarader/${invoice.id}/${line.id}/sparning`);

    const res = await story.t.http
      .get(`/api/v1/invoices/${invoice.id}/lines/${line.id}/trace`)
      .set(story.t.auth());
    expect(res.status).toBe(200);
    const trace = res.body;
    expect(trace.format).toBe('it-samverkan/audit-trace@1');
    await page.getByText(trace.source.label, { exact: true }).first().waitFor();
    const main = norm(await page.locator('main').textContent());
    if (trace.splitRun) {
      expect(main).toContain(trace.splitRun.inputHash);
      expect(main).toContain(trace.splitRun.resultHash);
      expect(main).toContain(trace.splitRun.engineVersion);
    } else {
      expect(main).toContain('Ingen sparad körning');
    }
    expect(main).toContain(trace.model.name);
    expect(trace.decision).not.toBeNull();
    expect(main).toContain(`${trace.decision.reference}: ${trace.decision.subject}`);
    expect(main).not.toContain('§ §');
    expect(trace.consumers.length).toBe(1);
    const consumer = trace.consumers[0];
    const table = page.getByRole('table', { name: `${consumer.name}: volym, à-pris och belopp per tjänst` });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(consumer.lines.length);
    for (let i = 0; i < consumer.lines.length; i++) {
      const l = consumer.lines[i];
      const cells = (await rows.nth(i).locator('td').allTextContents()).map(norm);
      expect(cells[0]).toBe(l.serviceName);
      expect(cells[2]).toBe(norm(decimal(l.volume)));
      expect(cells[3]).toBe(norm(decimal(l.totalVolume)));
      expect(cells[6]).toBe(norm(kr(l.amount)));
      if (l.unitPrice) expect(cells[5]).toBe(norm(kr(l.unitPrice)));
    }
    expect(norm(await table.locator('tfoot').textContent())).toContain(norm(kr(consumer.total)));
    const pools = page.getByRole('table', { name: 'Kostnadspooler bakom tjänsterna' });
    expect(await pools.locator('tbody tr').count()).toBe(trace.pools.length);
    const poolText = norm(await pools.textContent());
    for (const p of trace.pools) {
      expect(poolText).toContain(p.name);
      expect(poolText).toContain(norm(kr(p.amount)));
    }
    await page.getByRole('button', { name: 'Spårningen som XLSX' }).waitFor();
    await page.getByRole('button', { name: 'Spårningen som PDF' }).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Spårningen som XLSX', exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await story.look(page, 'revision-1-sparning');
  }, 180_000);

  it("the 2025 price list page shows the API's unit prices", async () => {
    const page = story.browser.page;
    await story.login(page, 'ekonomi.ulricehamn');
    const res = await story.t.http.get('/api/v1/price-lists/2025').set(story.t.auth());
    expect(res.status).toBe(200);
    await page.goto(`${story.base}/tjanstefiering/prislista/2025`);
    await page.getByRole('heading', { level: 1, name: 'Prislista IT-tjänster 2025' }).waitFor();
    const table = page.getByRole('table', { name: 'À-priser 2025 och förändring mot 2024' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    const lines = res.body.lines as { name: string; unitPrice: string }[];
    expect(lines.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map(norm);
      expect(cells[0]).toBe(lines[i].name);
      expect(cells[4]).toBe(norm(kr(lines[i].unitPrice)));
    }
    await story.look(page, 'tjanstefiering-prislista');
  }, 180_000);
});
