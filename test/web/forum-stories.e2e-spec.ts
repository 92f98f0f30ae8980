import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryBody } from '../support/finance-files';
import { describeInBrowser, webStory, kr, norm } from './browser';

/**
 * The cost-model group uploads a model with errors (every problem shown at its sheet and row,
 * nothing saved), then the fixed file, splits it and follows a consumer's trace; IT-forum drift's
 * tertial report; IT-styrgruppen's scenario comparison and decisions. Figures checked against the
 * API, axe on every page, screenshots under test-output/web.
 */

describeInBrowser('the forums in the browser', () => {
  const story = webStory({ folder: 'its-web-files-' });

  /** The approved demo model exported as XLSX, with changes made to cells, saved as a file to upload. */
  async function modelFile(name: string, change: (workbook: ExcelJS.Workbook) => void): Promise<string> {
    const approved = (await story.api<{ items: { id: string }[] }>('/cost-models?status=approved')).items[0];
    const xlsx = await story.t.http
      .get(`/api/v1/cost-models/${approved.id}/model.xlsx`)
      .set(story.t.auth())
      .buffer(true)
      .parse(binaryBody);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    change(workbook);
    const path = join(story.folder, name);
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    return path;
  }

  it('the cost-model group uploads a model with errors, then the fixed file, splits it and follows a trace', async () => {
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Tjänstefiering' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tjänstefiering' }).waitFor();
    await page
      .getByRole('table', { name: 'Modellversioner, nyast först' })
      .locator('tbody tr')
      .first()
      .waitFor();
    await story.look(page, 'tjanstefiering-1-versioner');
    const before = (await story.api<{ total: number }>('/cost-models')).total;

    const renamed = (w: ExcelJS.Workbook) => {
      w.getWorksheet('Modell')!.getCell('B3').value = 'Tjänstefiering 2025, budget (revision 2)';
    };
    const bad = await modelFile('modell-med-fel.xlsx', (w) => {
      renamed(w);
      w.getWorksheet('Kostnadspooler')!.getCell('C3').value = 'femtusen';
      w.getWorksheet('Volymer')!.getCell('B4').value = -5;
    });
    await page.getByLabel(/^Modellfil/).setInputFiles(bad);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    await page.getByText('Filen har fel och sparades inte:').waitFor();
    const problems = page.locator('ds-error-summary li, [class*="error-summary"] li');
    const listed = (await problems.allTextContents()).map(norm);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain('blad Kostnadspooler, rad 3');
    expect(listed[0]).toContain('"femtusen"');
    expect(listed[1]).toContain('blad Volymer, rad 4');
    expect((await story.api<{ total: number }>('/cost-models')).total).toBe(before);
    await story.look(page, 'tjanstefiering-2-fel-i-filen');

    const good = await modelFile('modell-ratt.xlsx', renamed);
    await page.getByLabel(/^Modellfil/).setInputFiles(good);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tjänstefiering 2025, budget (revision 2)' }).waitFor();
    expect((await story.api<{ total: number }>('/cost-models')).total).toBe(before + 1);
    await page.getByText('Inte godkänd ännu').waitFor();

    await page.getByRole('button', { name: 'Fördela versionen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Fördelning: / }).waitFor();
    const runId = page.url().split('/').pop()!;
    interface Split {
      result: {
        total: string;
        services: { id: string; unitPrice: string | null }[];
        municipalities: { id: string; total: string }[];
      };
    }
    const split = await story.api<Split>(`/splits/${runId}`);
    const prices = norm(await page.getByRole('table', { name: /^Tjänster och à-priser/ }).textContent());
    for (const s of split.result.services.filter((x) => x.unitPrice))
      expect(prices).toContain(norm(kr(s.unitPrice!)));
    const perMunicipality = norm(await page.getByRole('table', { name: 'Andel per kommun' }).textContent());
    for (const m of split.result.municipalities) expect(perMunicipality).toContain(norm(kr(m.total)));
    expect(perMunicipality).toContain(norm(kr(split.result.total)));

    // the Sankey chart is drawn, and its numbers are in the table beside it
    await page.locator('[data-chart-ready="true"]').waitFor();
    const flows = page.getByRole('table', { name: 'Flöden i diagrammet (exakta belopp)' });
    const intoMunicipalities = await flows
      .locator('tbody tr')
      .filter({ hasText: /Ulricehamns kommun|Tranemo kommun/ })
      .count();
    expect(intoMunicipalities).toBeGreaterThan(0);

    // a consumer's trace: its paths add up to its share, as the API says
    await page.getByLabel('Förbrukare', { exact: true }).selectOption('tra-oms');
    const trace = await story.api<{ total: string; paths: unknown[] }>(`/splits/${runId}/trace/tra-oms`);
    const paths = page.getByRole('table', {
      name: 'Tranemo omsorgssektionen: från kostnadspool via tjänster',
    });
    await paths.waitFor();
    expect(await paths.locator('tbody tr').count()).toBe(trace.paths.length);
    expect(norm(await paths.locator('tfoot').textContent())).toContain(norm(kr(trace.total)));
    await story.look(page, 'tjanstefiering-3-fordelning-och-sparning');
  });

  it('IT-forum drift reads the tertial report: misses in text and colour, the trend with its table', async () => {
    const page = story.browser.page;
    await story.login(page, 'styrgrupp');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'IT-forum drift' })
      .click();
    await page.getByRole('heading', { level: 2, name: /^2025-T1/ }).waitFor();
    interface Report {
      municipalities: {
        name: string;
        measures: { label: string; share: string | null; met: boolean | null }[];
      }[];
    }
    const report = await story.api<Report>('/drift/reports/2025-T1');
    for (const m of report.municipalities) {
      const table = page.getByRole('table', { name: `${m.name} 2025-T1: servicenivåer mot mål` });
      for (const measure of m.measures) {
        const row = norm(
          await table.getByRole('row', { name: new RegExp(`^${measure.label}`) }).textContent(),
        );
        expect(row).toContain(measure.met ? '✓ Uppfyllt' : '✗ Missat');
        if (measure.share) expect(row).toContain(`${measure.share.replace('.', ',')} %`);
      }
    }
    const missed = page.locator('.miss').first();
    // a miss is said in words and shown in the danger colour (not by colour alone)
    expect(norm(await missed.textContent())).toBe('✗ Missat');
    await page.locator('[data-chart-ready="true"]').waitFor();
    await page.getByRole('table', { name: /^Trend: andel per mått och tertial/ }).waitFor();
    await story.look(page, 'drift-1-tertialrapport');
  });

  it('IT-styrgruppen compares a scenario per municipality and reads the decisions register', async () => {
    const page = story.browser.page;
    await story.login(page, 'styrgrupp');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'IT-styrgruppen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'IT-styrgruppen' }).waitFor();
    const scenarios = await story.api<{ items: { id: string; name: string }[] }>('/scenarios');
    const chosen = scenarios.items[0];
    interface Comparison {
      municipalities: { id: string; base: string; scenario: string }[];
    }
    const comparison = await story.api<Comparison>(`/scenarios/${chosen.id}/comparison`);
    const table = page.getByRole('table', { name: 'Per kommun: bas, scenario och förändring' });
    await table.waitFor();
    const shown = norm(await table.textContent());
    for (const m of comparison.municipalities) {
      expect(shown).toContain(norm(kr(m.base)));
      expect(shown).toContain(norm(kr(m.scenario)));
    }
    await page.locator('[data-chart-ready="true"][aria-label^="Per kommun: bas och scenario"]').waitFor();
    const decisions = await story.api<{ items: { date: string; subject: string }[] }>(
      '/decisions?order=desc',
    );
    const register = page.getByRole('table', { name: 'Beslut, nyast först' });
    expect(await register.locator('tbody tr').count()).toBe(decisions.items.length);
    // Newest first, as the caption says: the first row is the API's newest decision.
    const dates = decisions.items.map((d) => d.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await register.locator('tbody tr').first().textContent()).toContain(decisions.items[0].subject);
    await story.look(page, 'styrgrupp-1-scenario-och-beslut');
  });

  it('a CEO builds "Mark ansluter" in the page, sees the result as it is built, saves it and prints one page', async () => {
    const page = story.browser.page;
    await story.login(page, 'styrgrupp');
    await page.goto(`${story.base}/styrgrupp`);
    await page.getByRole('link', { name: 'Bygg ett nytt scenario' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt scenario' }).waitFor();
    await page.getByLabel('Scenariots namn').fill('Mark ansluter, förslag till mötet');
    const volumes: Record<string, string> = { devices: '380', users: '420', ports: '200', licenses: '300' };
    await page.getByLabel('Antal datorer (st)').fill(volumes.devices);
    await page.getByLabel('Antal användarkonton (st)').fill(volumes.users);
    await page.getByLabel('Antal nätverksanslutningar (st)').fill(volumes.ports);
    await page.getByLabel('Antal verksamhetssystemlicenser (st)').fill(volumes.licenses);
    await page.getByRole('button', { name: 'Lägg till ändringen' }).click();
    const table = page.getByRole('table', { name: 'Per kommun: bas, scenario och förändring' });
    await table.waitFor();
    await page.getByText(/^Omräknat på \d+ ms\.$/).waitFor();

    // the page shows what the API computes for the same scenario
    const approved = (await story.api<{ items: { id: string }[] }>('/cost-models?status=approved')).items[0];
    const preview = await story.t.http
      .post('/api/v1/scenarios/preview')
      .set(story.t.auth())
      .send({
        name: 'Mark ansluter, förslag till mötet',
        baseModelVersionId: approved.id,
        changes: [
          {
            type: 'add-consumers',
            consumers: [
              {
                id: 'mark-kl',
                name: 'Marks kommun kommunledningsförvaltningen',
                municipality: 'mark',
                municipalityName: 'Marks kommun',
              },
            ],
            volumes: Object.fromEntries(Object.entries(volumes).map(([d, v]) => [d, { 'mark-kl': v }])),
          },
        ],
      })
      .expect(200);
    const shown = norm(await table.textContent());
    for (const m of preview.body.municipalities as { base: string; scenario: string }[]) {
      expect(shown).toContain(norm(kr(m.base)));
      expect(shown).toContain(norm(kr(m.scenario)));
    }
    // the joining municipality by its name (the page's default, sent with the change), never its id
    expect(preview.body.municipalityNames.mark).toBe('Marks kommun');
    const markRow = preview.body.municipalities.find((m: { id: string }) => m.id === 'mark');
    expect(norm(await table.getByRole('row', { name: /^Marks kommun/ }).textContent())).toContain(
      norm(kr(markRow.scenario)),
    );
    expect(await table.getByRole('cell', { name: 'mark', exact: true }).count()).toBe(0);
    await story.look(page, 'styrgrupp-2-scenario-byggs');

    const saved = (await story.api<{ total: number }>('/scenarios')).total;
    await page.getByRole('button', { name: 'Spara scenariot' }).click();
    await page.getByRole('heading', { level: 1, name: 'IT-styrgruppen' }).waitFor();
    await page.getByText('Mark ansluter, förslag till mötet, på').waitFor();
    expect((await story.api<{ total: number }>('/scenarios')).total).toBe(saved + 1);

    // the meeting summary: printed, it is one dated page with names
    await page.emulateMedia({ media: 'print' });
    await story.photograph(page, 'styrgrupp-3-motesunderlag-utskrift');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
  });
});
