import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser, kr, norm, webStory } from './browser';

/**
 * The cost-model group's yearly cycle by clicking: next year's budget from the approved 2025 budget
 * with an index per pool (a bad index refused at its field first), the devices of a fresh register
 * counted through a mapping made in the page (one row unmatched), the changes against 2025, and a
 * consumer added to the draft and removed again. Figures checked against the API and by hand, axe
 * on every page, screenshots in test-output/web.
 */

/** Six devices: Ulricehamn 1100 (ulr-ks), 3000 twice (ulr-bou), Tranemo 1000 (tra-kl), 3000 (tra-utb), 7777 (no rule). */
const DEVICES_CSV = [
  'Serienummer;Modell;Kommun;Ansvar',
  'PC-001;Dell 5440;Ulricehamn;1100',
  'PC-002;Dell 5440;Ulricehamn;3000',
  'PC-003;Dell 5440;Ulricehamn;3000',
  'PC-004;HP 840;Tranemo;1000',
  'PC-005;HP 840;Tranemo;3000',
  'PC-006;HP 840;Tranemo;7777',
].join('\r\n');

const RULES: [string, string, string][] = [
  ['Ulricehamn', '1100', 'Ulricehamn kommunstyrelsens förvaltning'],
  ['Ulricehamn', '3000', 'Ulricehamn förvaltningen för barn och utbildning'],
  ['Tranemo', '1000', 'Tranemo kommunledningssektionen'],
  ['Tranemo', '3000', 'Tranemo utbildningssektionen'],
];

interface Version {
  id: string;
  name: string;
  year: number;
  kind: string;
  status: string;
  documentHash: string;
  document: {
    consumers: { id: string; name: string; municipality: string }[];
    volumes: Record<string, Record<string, string | number>>;
  };
}

/** The part of a browser table row the story reads (the test's types have no DOM). */
interface TableRow {
  cells: ArrayLike<{ textContent: string | null }>;
}

interface Change {
  id: string;
  name: string;
  last: string | null;
  next: string | null;
  change: string | null;
  percent: string | null;
}

describeInBrowser('the yearly cycle in the browser: next year, registers, changes, draft edits', () => {
  const story = webStory({ folder: 'its-web-cycle-' });
  const { api } = story;
  const look = (page: Page, name: string) => story.look(page, name);

  /** The text of the messages an input is described by (its error at the field). */
  async function messageAt(page: Page, selector: string): Promise<string> {
    const input = page.locator(selector);
    await input.and(page.locator('[aria-invalid="true"]')).waitFor();
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return norm(texts.join(' '));
  }

  /** A table's body rows, each as its cells' texts joined by a space. */
  const rowsOf = async (page: Page, table: string, part = 'tbody') =>
    (
      await page
        .getByRole('table', { name: table })
        .locator(`${part} tr`)
        .evaluateAll((rows) =>
          // runs in the page: a row's cells, as the browser has them
          rows.map((r) => Array.from((r as unknown as TableRow).cells, (c) => c.textContent).join(' ')),
        )
    ).map(norm);

  it('drafts 2026 with indices, replaces the devices from a register, shows the changes, adds and removes a consumer', async () => {
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Tjänstefiering' })
      .click();
    await page.getByRole('link', { name: 'Tjänstefiering 2025, budget' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tjänstefiering 2025, budget' }).waitFor();
    await page.getByRole('link', { name: 'Nästa års budget från den här versionen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Budget 2026 från Tjänstefiering 2025, budget' })
      .waitFor();

    // A bad index: refused at its field, nothing drafted, the form kept.
    const count = async () => (await api<{ items: Version[] }>('/cost-models?pageSize=500')).items.length;
    const before = await count();
    await page.locator('#index-personal').fill('3.5');
    await page.locator('#index-licenser').fill('sex');
    await page.getByRole('button', { name: 'Skapa utkast för 2026' }).click();
    await page.getByText('Utkastet skapades inte. Rätta följande:').waitFor();
    expect(await messageAt(page, '#index-licenser')).toMatch(/Index anges i procent/);
    expect(await page.locator('#index-personal').inputValue()).toBe('3.5');
    expect(await count()).toBe(before);
    await look(page, 'arscykel-1-index-med-fel');

    await page.locator('#index-licenser').fill('6');
    await page.getByLabel(/Ersätt en nyckels volymer med en registerimport/).check();
    await page.getByRole('button', { name: 'Skapa utkast för 2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register: Tjänstefiering 2026, budget' }).waitFor();
    const draftId = page.url().split('/').slice(-2)[0];
    const draft = await api<Version>(`/cost-models/${draftId}`);
    expect(draft).toMatchObject({ year: 2026, kind: 'budget', status: 'draft' });
    expect(await count()).toBe(before + 1);

    // A mapping made in the page: a rule without its consumer is refused at that field first.
    await page.getByRole('button', { name: 'Ny mappning' }).click();
    await page.getByLabel('Mappningens namn').fill('Ansvarskoder Ulricehamn och Tranemo');
    for (let i = 0; i < RULES.length; i++) {
      if (i > 0) await page.getByRole('button', { name: 'Lägg till regel' }).click();
      await page.locator(`#rule-${i}-value-0`).fill(RULES[i][0]);
      await page.locator(`#rule-${i}-value-1`).fill(RULES[i][1]);
      if (i < RULES.length - 1)
        await page.locator(`#rule-${i}-consumer`).selectOption({ label: RULES[i][2] });
    }
    await page.getByRole('button', { name: 'Spara mappningen' }).click();
    await page.getByText('Mappningen sparades inte. Rätta följande:').waitFor();
    expect(await messageAt(page, '#rule-3-consumer')).toMatch('Ange förbrukarens id');
    expect((await api<{ items: unknown[] }>('/register-mappings')).items).toHaveLength(0);
    await look(page, 'arscykel-2-mappning-med-fel');
    await page.locator('#rule-3-consumer').selectOption({ label: RULES[3][2] });
    await page.getByRole('button', { name: 'Spara mappningen' }).click();
    await page
      .getByRole('table', { name: 'Reglerna i Ansvarskoder Ulricehamn och Tranemo, i ordning' })
      .waitFor();
    const {
      items: [mapping],
    } = await api<{ items: { id: string; rules: unknown[] }[] }>('/register-mappings');
    expect(mapping.rules).toEqual([
      { match: { Kommun: 'Ulricehamn', Ansvar: '1100' }, consumer: 'ulr-ks' },
      { match: { Kommun: 'Ulricehamn', Ansvar: '3000' }, consumer: 'ulr-bou' },
      { match: { Kommun: 'Tranemo', Ansvar: '1000' }, consumer: 'tra-kl' },
      { match: { Kommun: 'Tranemo', Ansvar: '3000' }, consumer: 'tra-utb' },
    ]);

    // Review the register (nothing saved), then apply it to the draft's devices.
    const csv = join(story.folder, 'datorer-2025-10.csv');
    writeFileSync(csv, DEVICES_CSV);
    await page.getByLabel('Fördelningsnyckel vars volymer ersätts').selectOption('devices');
    await page.getByLabel(/^Inventarielista/).check();
    await page.getByLabel('Registrets datum (ögonblicksbild)').fill('2025-10-01');
    await page.getByLabel(/^Registerfil/).setInputFiles(csv);
    await page.getByRole('button', { name: 'Granska' }).click();
    await page.getByRole('heading', { name: 'Granskning (ingenting sparat)' }).waitFor();
    // Hand count: ulr-ks 1 (line 2), ulr-bou 2 (lines 3, 4), tra-kl 1 (line 5), tra-utb 1 (line 6); line 7 unmatched; 5 of 6.
    const volumes = await rowsOf(page, 'Antal datorer (st) per förbrukare ur registret');
    expect(volumes[0]).toBe('Ulricehamn kommunstyrelsens förvaltning 420 1 1');
    expect(volumes[1]).toBe('Ulricehamn förvaltningen för barn och utbildning 2 650 2 2');
    expect(volumes[2]).toBe('Ulricehamn vård- och omsorgsförvaltningen 980 0 0');
    expect(volumes[4]).toBe('Tranemo utbildningssektionen 1 480 1 1');
    // 420 + 2650 + 980 + 210 + 1480 + 540 + 120 + 35 = 6435 devices before; 5 from the register
    expect(await rowsOf(page, 'Antal datorer (st) per förbrukare ur registret', 'tfoot')).toEqual([
      'Summa 6 435 5 5',
    ]);
    expect(await rowsOf(page, 'Rader utan förbrukare (räknas inte)')).toEqual([
      '7 Tranemo / 7777 Ingen regel i mappningen passar värdet',
    ]);
    expect((await api<Version>(`/cost-models/${draftId}`)).documentHash).toBe(draft.documentHash);
    await look(page, 'arscykel-3-register-granskat');

    await page.getByRole('button', { name: 'Tillämpa på utkastet' }).click();
    await page.getByRole('heading', { name: 'Tillämpat på utkastet' }).waitFor();
    const applied = await api<Version>(`/cost-models/${draftId}`);
    expect(applied.document.volumes.devices).toEqual({
      'ulr-ks': '1',
      'ulr-bou': '2',
      'tra-kl': '1',
      'tra-utb': '1',
    });
    const imports = await api<{ items: { unmatched: { line: number }[]; countedRows: number }[] }>(
      `/cost-models/${draftId}/register-imports`,
    );
    expect(imports.items.map((i) => [i.countedRows, i.unmatched.map((u) => u.line)])).toEqual([[5, [7]]]);
    await page
      .getByRole('table', { name: 'Registerimporter, nyast först' })
      .getByText('datorer-2025-10.csv')
      .waitFor();
    await look(page, 'arscykel-4-register-tillampat');

    // A licence list with a quantity that is not a number: refused whole, the problem at its row and field.
    const licences = join(story.folder, 'licenser-2025.csv');
    writeFileSync(
      licences,
      ['System;Kommun;Ansvar;Antal', 'Procapita;Ulricehamn;1100;120', 'Tieto;Tranemo;3000;tolv'].join('\r\n'),
    );
    await page.getByLabel('Fördelningsnyckel vars volymer ersätts').selectOption('licenses');
    await page.getByLabel(/^Licenslista/).check();
    await page.getByLabel(/^Registerfil/).setInputFiles(licences);
    await page.getByRole('button', { name: 'Granska' }).click();
    await page.getByText('Registret lästes inte in och ingenting sparades:').waitFor();
    expect(await rowsOf(page, 'Fel i filen, per rad och fält')).toEqual([
      '3 Antal Antal "tolv" är inte ett icke-negativt tal',
    ]);
    expect((await api<{ total: number }>(`/cost-models/${draftId}/register-imports`)).total).toBe(1);
    await look(page, 'arscykel-4b-licenser-fel-pa-rad');

    // What changed against 2025, from the version page.
    await page.getByRole('link', { name: 'Tillbaka till versionen' }).click();
    await page.getByRole('link', { name: 'Förändringar mot förra året' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Förändringar mot förra året: Tjänstefiering 2026, budget' })
      .waitFor();
    const changes = await api<{
      changes: {
        total: Change;
        pools: Change[];
        services: Change[];
        volumes: (Change & { consumers: Change[] })[];
      };
    }>(`/cost-models/${draftId}/changes`);
    // personal 14 200 000.00 × 1.035 = 14 697 000.00; licenser 5 400 000.00 × 1.06 = 5 724 000.00;
    // total 26 300 000.00 + 497 000.00 + 324 000.00 = 27 121 000.00, 821 000 / 26 300 000 = 3.12 % → 3.1
    expect(changes.changes.total).toMatchObject({
      last: '26300000.00',
      next: '27121000.00',
      change: '821000.00',
      percent: '3.1',
    });
    expect(norm(await page.getByTestId('total-change').textContent())).toBe(
      '26 300 000,00 kr → 27 121 000,00 kr (+821 000,00 kr, +3,1 %)',
    );
    const pools = await rowsOf(page, 'Poolernas belopp 2025 → 2026');
    expect(pools[0]).toBe('Personalkostnader 14 200 000,00 kr 14 697 000,00 kr +497 000,00 kr +3,5 %');
    expect(pools[1]).toBe('Licenser 5 400 000,00 kr 5 724 000,00 kr +324 000,00 kr +6,0 %');
    expect(pools).toHaveLength(changes.changes.pools.length);
    // devices 6 435 → 5: −6 430, 6430 / 6435 = 99.92 % → −99.9 %
    const devices = changes.changes.volumes.find((d) => d.id === 'devices')!;
    expect(devices).toMatchObject({ last: '6435', next: '5', change: '-6430', percent: '-99.9' });
    const drivers = await rowsOf(page, 'Fördelningsnycklarnas totala volymer 2025 → 2026');
    expect(drivers[0]).toBe('Antal datorer 6 435 5 −6 430 −99,9 %');
    const perConsumer = await rowsOf(page, 'Antal datorer (st) per förbrukare 2025 → 2026');
    // ulr-bou 2 650 → 2: −2 648, 2648 / 2650 = 99.92 % → −99.9 %
    expect(perConsumer[1]).toBe('Ulricehamn förvaltningen för barn och utbildning 2 650 2 −2 648 −99,9 %');
    const prices = await rowsOf(page, 'À-pris per tjänst 2025 → 2026');
    const arbetsplats = changes.changes.services.find((s) => s.id === 'arbetsplats')!;
    expect(prices.find((r) => r.startsWith('Arbetsplatstjänst'))).toContain(norm(kr(arbetsplats.next!)));
    await look(page, 'arscykel-5-forandringar');

    // Add a consumer in the draft (a bad municipality refused at its field first), then remove it.
    await page.getByRole('link', { name: 'Redigera utkastet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Redigera: Tjänstefiering 2026, budget' }).waitFor();
    const edited = await api<Version>(`/cost-models/${draftId}`);
    const n = edited.document.consumers.length;
    await page.getByRole('button', { name: 'Lägg till förbrukare' }).click();
    await page.locator(`#consumer-${n}-id`).fill('tra-fri');
    await page.locator(`#consumer-${n}-name`).fill('Tranemo fritidssektionen');
    await page.locator(`#consumer-${n}-municipality`).fill('Tranemo kommun');
    await page.locator('#volume-devices-tra-fri').fill('3');
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet sparades inte. Rätta följande:').waitFor();
    expect(await messageAt(page, `#consumer-${n}-municipality`)).toMatch(/Kommunen måste anges som en slug/);
    expect(await page.locator(`#consumer-${n}-name`).inputValue()).toBe('Tranemo fritidssektionen');
    expect((await api<Version>(`/cost-models/${draftId}`)).documentHash).toBe(edited.documentHash);
    await look(page, 'arscykel-6-ny-forbrukare-med-fel');

    await page.locator(`#consumer-${n}-municipality`).fill('tranemo');
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet är sparat.', { exact: false }).waitFor();
    const withConsumer = await api<Version>(`/cost-models/${draftId}`);
    expect(withConsumer.document.consumers[n]).toEqual({
      id: 'tra-fri',
      name: 'Tranemo fritidssektionen',
      municipality: 'tranemo',
    });
    // 1 + 2 + 1 + 1 + 3 = 8 devices
    expect(withConsumer.document.volumes.devices).toMatchObject({ 'tra-fri': '3' });
    await look(page, 'arscykel-7-ny-forbrukare-sparad');

    await page.getByRole('button', { name: 'Ta bort Tranemo fritidssektionen' }).click();
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet är sparat.', { exact: false }).waitFor();
    const removed = await api<Version>(`/cost-models/${draftId}`);
    expect(removed.document.consumers.map((c) => c.id)).toEqual(edited.document.consumers.map((c) => c.id));
    expect(removed.document.volumes.devices).toEqual(edited.document.volumes.devices);
    await page.getByRole('button', { name: 'Fördela igen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Fördelning: / }).waitFor();
    const run = await api<{ result: { total: string } }>(`/splits/${page.url().split('/').pop()}`);
    expect(run.result.total).toBe('27121000.00');
  });
  it('pages the register snapshots, adds a driver with its volumes, moves a service to it, removes only a driver no service uses', async () => {
    // a draft of its own: the approved 2025 budget imported again as a 2026 draft
    type Doc = Version['document'] & {
      drivers: { id: string; name: string; unit: string }[];
      services: { id: string; name: string; allocate: { method: string; driver?: string } }[];
    };
    const approved = (await api<{ items: Version[] }>('/cost-models?year=2025&kind=budget&status=approved'))
      .items[0];
    const source = (await api<Version>(`/cost-models/${approved.id}`)).document as Doc;
    const draft = await api<Version>('/cost-models?kind=budget', {
      body: { ...source, name: 'Tjänstefiering 2026, nycklar', year: 2026 },
      status: 201,
    });
    const draftId = draft.id;

    // eleven device snapshots through a mapping: two pages of ten
    const mapping = await api<{ id: string }>('/register-mappings', {
      body: { name: 'Ansvar 1100', rules: [{ match: { Ansvar: '1100' }, consumer: 'ulr-ks' }] },
      status: 201,
    });
    const t = story.t;
    const tjf = await t.token('tjanstefiering');
    for (let n = 1; n <= 11; n++)
      await t.http
        .post(
          `/api/v1/cost-models/${draftId}/register-imports?driver=devices&kind=devices&asOf=2025-10-01` +
            `&mapping=${mapping.id}&fileName=datorer-${n}.csv`,
        )
        .set(t.auth(tjf))
        .set('Content-Type', 'text/csv')
        .send(DEVICES_CSV)
        .expect(200);
    type Snapshots = { items: { fileName: string }[]; total: number; pages: number };
    const second = await api<Snapshots>(`/cost-models/${draftId}/register-imports?page=2&pageSize=10`);
    expect([second.total, second.pages, second.items.length]).toEqual([11, 2, 1]);
    const page = story.browser.page;
    await story.login(page, 'tjanstefiering');
    await story.goto(page, `/tjanstefiering/modeller/${draftId}/register`);
    await story.heading(page, 'Register: Tjänstefiering 2026, nycklar');
    const snapshots = page.getByRole('table', { name: 'Registerimporter, nyast först' });
    await page.getByText('Sida 1 av 2, 11 registerimporter.').waitFor();
    expect(await snapshots.locator('tbody tr').count()).toBe(10);
    await page
      .getByRole('navigation', { name: 'Sidor med registerimporter' })
      .getByRole('button', { name: 'Nästa' })
      .click();
    await page.getByText('Sida 2 av 2, 11 registerimporter.').waitFor();
    expect((await snapshots.locator('tbody tr').allTextContents()).map(norm)).toEqual([
      expect.stringContaining(second.items[0].fileName),
    ]);
    await look(page, 'arscykel-8-registerimporter-sida-2');

    // A driver added in the editor: its unit left empty is refused at that field, the form kept.
    await story.goto(page, `/tjanstefiering/modeller/${draftId}/redigera`);
    await story.heading(page, 'Redigera: Tjänstefiering 2026, nycklar');
    const before = (await api<Version>(`/cost-models/${draftId}`)) as Version & { document: Doc };
    const k = before.document.drivers.length;
    const servicedesk = before.document.services.findIndex((s) => s.id === 'servicedesk');
    expect(before.document.services[servicedesk].allocate.driver).toBe('users');
    await page.getByRole('button', { name: 'Lägg till fördelningsnyckel' }).click();
    await page.locator(`#driver-${k}-id`).fill('telefoner');
    await page.locator(`#driver-${k}-name`).fill('Antal mobiltelefoner');
    await page.locator(`#driver-${k}-unit`).fill('');
    await page.locator('#volume-telefoner-ulr-ks').fill('300');
    await page.locator('#volume-telefoner-tra-kl').fill('100');
    await page.locator(`#service-${servicedesk}-driver`).selectOption({ label: 'Antal mobiltelefoner' });
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet sparades inte. Rätta följande:').waitFor();
    expect(await messageAt(page, `#driver-${k}-unit`)).toMatch('Fördelningsnyckeln måste ha en enhet');
    expect(await page.locator(`#driver-${k}-name`).inputValue()).toBe('Antal mobiltelefoner');
    expect((await api<Version>(`/cost-models/${draftId}`)).documentHash).toBe(before.documentHash);
    await look(page, 'arscykel-9-ny-nyckel-med-fel');

    await page.locator(`#driver-${k}-unit`).fill('st');
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet är sparat.', { exact: false }).waitFor();
    const saved = (await api<Version>(`/cost-models/${draftId}`)) as Version & { document: Doc };
    expect(saved.document.drivers[k]).toEqual({ id: 'telefoner', name: 'Antal mobiltelefoner', unit: 'st' });
    expect(saved.document.volumes.telefoner).toEqual({ 'ulr-ks': '300', 'tra-kl': '100' });
    expect(saved.document.services[servicedesk].allocate).toEqual({ method: 'driver', driver: 'telefoner' });

    // The new driver spreads Servicedesk: removing it is refused with the reason, nothing changes.
    await page.getByRole('button', { name: 'Ta bort Antal mobiltelefoner' }).click();
    await page.getByText('Antal mobiltelefoner används av Servicedesk och kan inte tas bort').waitFor();
    expect(norm(await page.locator(`#driver-${k}-name`).inputValue())).toBe('Antal mobiltelefoner');
    await look(page, 'arscykel-10-nyckel-anvands');

    // Antal användarkonton spreads nothing now: removed with its volumes, saved, split again.
    await page.getByRole('button', { name: 'Ta bort Antal användarkonton' }).click();
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByText('Utkastet är sparat.', { exact: false }).waitFor();
    const removed = (await api<Version>(`/cost-models/${draftId}`)) as Version & { document: Doc };
    expect(removed.document.drivers.map((d) => d.id)).toEqual(
      saved.document.drivers.map((d) => d.id).filter((id) => id !== 'users'),
    );
    expect(Object.keys(removed.document.volumes)).not.toContain('users');
    await page.getByRole('button', { name: 'Fördela igen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Fördelning: / }).waitFor();
    const run = await api<{
      result: { total: string; services: { id: string; driver: string; volume: string }[] };
    }>(`/splits/${page.url().split('/').pop()}`);
    // Servicedesk now by 300 + 100 telephones
    expect(run.result.services.find((s) => s.id === 'servicedesk')).toMatchObject({
      driver: 'telefoner',
      volume: '400',
    });
    await look(page, 'arscykel-11-fordelning-med-ny-nyckel');
  });
});
