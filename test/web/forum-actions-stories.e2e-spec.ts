import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Money } from '@it-samverkan/domain';
import { describeInBrowser, webStory, norm } from './browser';

/**
 * Acting in the browser: the cost-model group edits a draft (bad input at its field, nothing saved,
 * the form kept; then saved and split again), IT-forum drift imports CSV files (every row error by
 * row and field, nothing saved; then what was imported), IT-forum utveckling records its decision,
 * moves a request on, reports hours and sees what has been billed. Figures checked against the API,
 * axe on every view, screenshots under test-output/web.
 */

describeInBrowser('the forums act in the browser', () => {
  const story = webStory({ folder: 'its-web-actions-' });

  interface Version {
    id: string;
    status: string;
    kind: string;
    documentHash: string;
    document: { pools: { id: string; amount: string }[]; volumes: Record<string, Record<string, unknown>> };
  }

  it('the cost-model group edits a draft: bad input at its field and nothing saved, then saved and split again', async () => {
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    const versions = (await story.api<{ items: Version[] }>('/cost-models')).items;
    const draft = versions.find((v) => v.status === 'draft')!;
    const approved = versions.find((v) => v.status === 'approved')!;
    const before = await story.api<Version>(`/cost-models/${draft.id}`);
    await page.goto(`${story.base}/tjanstefiering/modeller/${draft.id}`);
    await page.getByRole('link', { name: 'Redigera utkastet' }).click();
    await page.getByRole('heading', { level: 1, name: /^Redigera: / }).waitFor();

    const pool = page.locator('#pool-0-amount');
    await pool.fill('femtusen');
    const [driver, consumer] = [Object.keys(before.document.volumes)[0], 'tra-oms'];
    await page.locator(`#volume-${driver}-${consumer}`).fill('-5');
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet sparades inte. Rätta följande:').waitFor();
    // each problem at its field, the form kept as typed, nothing saved
    await page
      .getByText(/Ogiltigt belopp "femtusen"/)
      .first()
      .waitFor();
    await page
      .getByText(/Värdet får inte vara negativt/)
      .first()
      .waitFor();
    expect(await pool.inputValue()).toBe('femtusen');
    expect((await story.api<Version>(`/cost-models/${draft.id}`)).documentHash).toBe(before.documentHash);
    await story.look(page, 'tjanstefiering-4-utkast-med-fel');

    const amount = Money.parse(before.document.pools[0].amount).plus(Money.parse('1000.00')).toString();
    await pool.fill(amount);
    await page.locator(`#volume-${driver}-${consumer}`).fill('310');
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet är sparat.', { exact: false }).waitFor();
    const after = await story.api<Version>(`/cost-models/${draft.id}`);
    expect(after.document.pools[0].amount).toBe(amount);
    expect(String(after.document.volumes[driver][consumer])).toBe('310');
    await page.getByRole('button', { name: 'Fördela igen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Fördelning: / }).waitFor();
    const run = await story.api<{ result: { total: string } }>(`/splits/${page.url().split('/').pop()}`);
    const poolsTotal = Money.sum(after.document.pools.map((p) => Money.parse(p.amount))).toString();
    expect(run.result.total).toBe(poolsTotal);

    // an approved version is not edited: the page says so, and the API refuses
    await page.goto(`${story.base}/tjanstefiering/modeller/${approved.id}/redigera`);
    await page.getByText(/är godkänd .* och kan inte ändras/).waitFor();
    const refused = await story.t.http
      .put(`/api/v1/cost-models/${approved.id}`)
      .set(story.t.auth(await story.t.token('tjanstefiering')))
      .send(before.document);
    expect(refused.status).toBe(409);
  });

  it('IT-forum drift imports a tickets file: each row error by row and field, nothing saved; then the fixed file', async () => {
    const page = story.browser.page;
    await story.login(page, 'drift');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'IT-forum drift' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Läs in data' }).waitFor();
    const opened = async () =>
      (await story.api<{ total: { counts: { ticketsOpened: number } } }>('/drift/reports/2025-T2')).total
        .counts.ticketsOpened;
    const before = await opened();
    const header = 'id;opened;resolved;municipality;line;firstLine;ordinary';
    const bad = join(story.folder, 'arenden-med-fel.csv');
    writeFileSync(
      bad,
      `${header}\nW2-1;2025-05-06 09:00;2025-05-06 11:00;tranemo;1;ja;ja\nW2-2;igår;;tranemo;4;ja;ja\n`,
    );
    await page.getByLabel('Vad filen innehåller').selectOption('tickets');
    await page.getByLabel('CSV-fil').setInputFiles(bad);
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    const problems = page.getByRole('table', { name: 'Fel i filen, per rad och fält' });
    await problems.waitFor();
    const rows = (await problems.locator('tbody tr').allTextContents()).map(norm);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.startsWith('3opened'))).toBe(true);
    expect(rows.some((r) => r.startsWith('3line'))).toBe(true);
    expect(await opened()).toBe(before);
    await story.look(page, 'drift-2-inlasning-med-fel');

    const good = join(story.folder, 'arenden.csv');
    writeFileSync(
      good,
      `${header}\nW2-1;2025-05-06 09:00;2025-05-06 11:00;tranemo;1;ja;ja\nW2-2;2025-05-07 10:00;;ulricehamn;2;nej;ja\n`,
    );
    await page.getByLabel('CSV-fil').setInputFiles(good);
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await page.getByText('arenden.csv: 2 rader lästa: 2 nya, 0 ändrade, 0 oförändrade.').waitFor();
    expect(await opened()).toBe(before + 2);
    await story.look(page, 'drift-3-inlasning-klar');
  });

  it('IT-forum utveckling records its decision, moves a request on, reports hours and sees what is billed', async () => {
    const page = story.browser.page;
    await story.login(page, 'utveckling');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'IT-forum utveckling' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Hantera ett ärende' }).waitFor();
    interface Request {
      id: string;
      title: string;
      status: string;
      funding: string;
    }
    const requests = (await story.api<{ items: Request[] }>('/utveckling/requests?pageSize=500')).items;
    const portal = requests.find((r) => r.title === 'Ny elevportal')!;
    // a funding tag says whether it is what the request asks for or what the forum decided (DOMAIN.md 8.2)
    const fundingTag = async (title: string) =>
      norm(await page.getByRole('row', { name: title }).locator('td').nth(2).textContent());
    const funding = (title: string) => requests.find((r) => r.title === title)!;
    expect(funding('Ny elevportal')).toMatchObject({ status: 'received', funding: 'framework' });
    expect(await fundingTag('Ny elevportal')).toBe('Begärt: Inom ramuppdraget');
    expect(funding('Digital signering av journalanteckningar')).toMatchObject({
      status: 'decided',
      funding: 'framework',
    });
    expect(await fundingTag('Digital signering av journalanteckningar')).toBe('Beslutat: Inom ramuppdraget');
    await page.getByLabel('Ärende', { exact: true }).selectOption(portal.id);

    const decisionsBefore = (await story.api<{ total: number }>('/decisions')).total;
    await page.getByLabel('Paragraf').fill('');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByText('Beslutet registrerades inte:').waitFor();
    expect((await story.api<{ total: number }>('/decisions')).total).toBe(decisionsBefore);
    await page.getByLabel('Paragraf').fill('§ 31');
    await page.getByLabel('Sammanträdets datum').fill('2025-03-26');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page
      .getByText('Beslutet är registrerat: IT-forum utveckling 2025-03-26 § 31', { exact: false })
      .waitFor();

    for (const [status, label] of [
      ['prioritised', 'Prioriterat'],
      ['decided', 'Beslutat'],
      ['in-progress', 'Pågående'],
    ] as const) {
      await page.getByLabel('Ny status').selectOption(status);
      if (status === 'decided') {
        await page.getByLabel('Beslut', { exact: true });
        const made = (
          await story.api<{ items: { id: string; paragraph: string; date: string }[] }>('/decisions')
        ).items.find((d) => d.date === '2025-03-26' && d.paragraph === '§ 31')!;
        await page.getByLabel('Beslut', { exact: true }).selectOption(made.id);
        await page.getByLabel('Finansiering enligt beslutet').selectOption('additional');
      }
      await page.getByRole('button', { name: 'Ändra status' }).click();
      await page
        .getByRole('option', { name: new RegExp(`Ny elevportal \\(${label.toLowerCase()}\\)`) })
        .waitFor({
          state: 'attached',
        });
    }
    const decided = await story.api<{ status: string; funding: string; decision: { reference: string } }>(
      `/utveckling/requests/${portal.id}`,
    );
    expect(decided).toMatchObject({
      status: 'in-progress',
      funding: 'additional',
      decision: { reference: 'IT-forum utveckling 2025-03-26 § 31' },
    });
    expect(await fundingTag('Ny elevportal')).toBe('Beslutat: Tilläggsuppdrag (debiteras beställaren)');

    await page.getByLabel('Timmar').fill('sex');
    await page.getByRole('button', { name: 'Rapportera tiden' }).click();
    await page.getByText('Tiden rapporterades inte:').waitFor();
    await page.getByLabel('Timmar').fill('6.5');
    await page.getByLabel('Arbetsdag (ÅÅÅÅ-MM-DD)').fill('2025-03-27');
    await page.getByRole('button', { name: 'Rapportera tiden' }).click();
    await page.getByText(/^6,5 timmar rapporterade, debiteras 2025-0\d\./).waitFor();
    const hours = await story.api<{ hours: string; month: string }[]>(
      `/utveckling/requests/${portal.id}/hours`,
    );
    expect(hours.map((h) => h.hours)).toEqual(['6.5']);
    const table = page.getByRole('table', { name: 'Ny elevportal: rapporterad tid och vad som fakturerats' });
    await table.getByRole('row', { name: /2025-03-27/ }).waitFor();
    expect(norm(await table.locator('tbody').textContent())).toContain(hours[0].month);
    await story.look(page, 'utveckling-1-beslut-status-och-tid');

    // a request with hours from the demo: each reported hour and whether it is invoiced
    const school = requests.find((r) => r.title === 'E-tjänst för ansökan om skolskjuts')!;
    await page.getByLabel('Ärende', { exact: true }).selectOption(school.id);
    const schoolHours = await story.api<unknown[]>(`/utveckling/requests/${school.id}/hours`);
    const billed = page.getByRole('table', { name: /^E-tjänst för ansökan om skolskjuts: rapporterad tid/ });
    await billed.waitFor();
    expect(await billed.locator('tbody tr').count()).toBe(Math.max(1, schoolHours.length));
    await story.look(page, 'utveckling-2-fakturerat');
  });
});
