import { Money } from '@it-samverkan/domain';
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

  it("a 2026 line of a budget drafted from the approved actual 2025: each pool's basis, its ledger, the consumer's part per pool", async () => {
    // The cycle through the API: the demo's actual 2025 (its pools imported from the host's ledger)
    // approved, the budget 2026 drafted from it with an index on the first pool, approved, Q1 run.
    const t = story.t;
    t.now.value = new Date('2026-02-01T08:00:00Z');
    const [tjf, styrgrupp] = [await t.token('tjanstefiering'), await t.token('styrgrupp')];
    const actuals = await t.http.get('/api/v1/cost-models?year=2025&kind=actual').set(t.auth(tjf));
    expect(actuals.status).toBe(200);
    const actual = actuals.body.items[0] as { id: string; name: string };
    const decision = (subject: string, paragraph: string) => ({
      decision: { date: '2026-01-28', paragraph, subject },
    });
    await t.http
      .post(`/api/v1/cost-models/${actual.id}/approve`)
      .set(t.auth(styrgrupp))
      .send(decision('Utfall 2025', '§ 2'))
      .expect(200);
    const document = (await t.http.get(`/api/v1/cost-models/${actual.id}`).set(t.auth(tjf))).body.document;
    const firstPool = document.pools[0].id as string;
    const drafted = await t.http
      .post(`/api/v1/cost-models/${actual.id}/next-year`)
      .set(t.auth(tjf))
      .send({ indices: { [firstPool]: '3.5' }, name: 'Tjänstefiering 2026, budget' })
      .expect(201);
    await t.http
      .post(`/api/v1/cost-models/${drafted.body.version.id}/approve`)
      .set(t.auth(styrgrupp))
      .send(decision('Budget 2026', '§ 3'))
      .expect(200);
    t.now.value = new Date('2026-04-02T08:00:00Z');
    await t.http.post('/api/v1/invoice-runs').set(t.auth()).send({ period: '2026-Q1' }).expect(201);
    const list = await t.http.get('/api/v1/invoices?period=2026-Q1&pageSize=500').set(t.auth());
    const invoices = list.body.items as { id: string; lines: ApiLine[] }[];
    const invoice = invoices.find((i) => i.lines.some((l) => l.sourceKey.startsWith('cost-share:')))!;
    const line = invoice.lines.find((l) => l.sourceKey.startsWith('cost-share:'))!;
    const trace = (await t.http.get(`/api/v1/invoices/${invoice.id}/lines/${line.id}/trace`).set(t.auth()))
      .body;
    type Basis = {
      model: { name: string };
      amount: string;
      index: string;
      indexed: string;
      ledger: unknown[];
    };
    const bases = (trace.pools as { name: string; basis: Basis | null }[]).filter((p) => p.basis);
    expect(bases.length).toBe(trace.pools.length);
    expect(bases.every((p) => p.basis!.model.name === actual.name)).toBe(true);

    const page = story.browser.page;
    await story.login(page, 'ekonomi.ulricehamn');
    await page.goto(`${story.base}/revision/fakturarader/${invoice.id}/${line.id}/sparning`);
    await page.getByRole('heading', { level: 1, name: 'Spårning för revisionen' }).waitFor();
    const basis = page.getByRole('table', { name: 'Poolernas underlag: belopp, index och beslut' });
    await basis.waitFor();
    const rows = basis.locator('tbody tr');
    expect(await rows.count()).toBe(bases.length);
    for (let i = 0; i < bases.length; i++) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map(norm);
      const b = bases[i].basis!;
      expect(cells[0]).toBe(bases[i].name);
      expect(cells[1]).toBe(`${actual.name} (utfall 2025)`);
      expect(cells[2]).toBe('IT-styrgruppen 2026-01-28 § 2: Utfall 2025');
      expect(cells[3]).toBe(norm(kr(b.amount)));
      expect(cells[4]).toBe(`${b.index.replace('.', ',')} %`);
      expect(cells[5]).toBe(norm(kr(b.indexed)));
    }
    const ledger = page.getByRole('table', { name: 'Huvudbokskonton och verifikationer bakom underlaget' });
    const accounts = bases.reduce((n, p) => n + p.basis!.ledger.length, 0);
    expect(accounts).toBeGreaterThan(0);
    expect(await ledger.locator('tbody tr').count()).toBe(accounts);
    const consumer = trace.consumers[0] as { name: string; total: string; pools: { amount: string }[] };
    const parts = page.getByRole('table', { name: `${consumer.name}: varje pools del av årsbeloppet` });
    expect(await parts.locator('tbody tr').count()).toBe(consumer.pools.length);
    expect(consumer.pools.reduce((x, p) => x.plus(Money.parse(p.amount)), Money.ZERO).toString()).toBe(
      consumer.total,
    );
    expect(norm(await parts.locator('tfoot').textContent())).toContain(norm(kr(consumer.total)));
    await story.look(page, 'revision-3-sparning-underlag');
  }, 240_000);
});
