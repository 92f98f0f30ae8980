import ExcelJS from 'exceljs';
import { cloneDocument, exampleModel } from '../factories/cost-model';
import { binaryBody } from '../support/finance-files';
import { addDemoMunicipality } from '../support/parties';
import { pdfText } from '../support/pdf-text';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Budget 2026 = the model of 5.1 with licences 400 000.00 and a new telephony service (by hand):
 * arbetsplats 500 000 + 400 000 = 900 000.00; ledning 200 000.00 proportional 900 000 : 400 000 →
 * 138 461.538… and 61 538.461…, floors leave one öre, to the larger fraction: arbetsplats
 * 138 461.54, servicedesk 61 538.46. Totals 1 038 461.54 and 461 538.46 over 1 000 devices and
 * 1 000 accounts → 1 038.46 and 461.54 per unit; telefoni 50 000.00 / 1 000 = 50.00.
 * Against budget 2025 (933.33, 466.67 by DOMAIN.md 5.3): +105.13 (105.13 / 933.33 = 11.26…% → 11.3)
 * and −5.13 (−5.13 / 466.67 = −1.099…% → −1.1); telefoni is new.
 */
export function budget2026() {
  const doc = cloneDocument(exampleModel());
  doc.name = 'Tjänstefiering 2026, budget';
  doc.year = 2026;
  doc.pools[1].amount = '400000.00';
  doc.pools.push({ id: 'telefoni', name: 'Telefoniavtal', amount: '50000.00', to: { telefoni: 1 } });
  doc.services[1].description = 'Dator, användarkonto, e-post och kontorsprogram';
  doc.services[2].description = 'Support per telefon och e-post under kontorstid';
  doc.services.push({
    id: 'telefoni',
    name: 'Mobiltelefoni',
    description: 'Abonnemang och växel',
    allocate: { method: 'driver', driver: 'users' },
  });
  return doc;
}

describe('The price list (Prislista IT-tjänster) of a year', () => {
  let t: TestApp;
  let tranemo: string;

  beforeAll(async () => {
    t = await startTestApp();
    const styrgrupp = await t.token('styrgrupp');
    await addDemoMunicipality(t, 'tranemo');
    tranemo = await t.token('finance', 'tranemo');
    const approve = async (doc: object, decision: Record<string, string>) => {
      const made = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(doc);
      expect(made.status).toBe(201);
      const ok = await t.http
        .post(`/api/v1/cost-models/${made.body.id}/approve`)
        .set(t.auth(styrgrupp))
        .send({ decision });
      expect(ok.status).toBe(200);
    };
    await approve(exampleModel(), { date: '2024-11-20', paragraph: '14', subject: 'Budget 2025' });
    await approve(budget2026(), {
      date: '2025-11-19',
      paragraph: '12',
      subject: 'Budget och prislista 2026',
    });
    // A draft of 2027 has no price list.
    const draft = cloneDocument(budget2026());
    draft.year = 2027;
    await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(draft);
    t.now.value = new Date('2025-12-01T09:00:00Z');
  });
  afterAll(() => t.close());

  it('prices each driver service against last year, dated and tied to the decision (read by a partner)', async () => {
    const res = await t.http.get('/api/v1/price-lists/2026').set(t.auth(tranemo));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      format: 'it-samverkan/price-list@1',
      title: 'Prislista IT-tjänster 2026',
      year: 2026,
      generatedOn: '2025-12-01',
      model: { name: 'Tjänstefiering 2026, budget' },
      decision: {
        forum: 'styrgrupp',
        date: '2025-11-19',
        paragraph: '§ 12',
        subject: 'Budget och prislista 2026',
      },
      previous: { name: 'Tjänstefiering 2025, budget', year: 2025 },
    });
    expect(res.body.decision.reference).toBe('IT-styrgruppen 2025-11-19 § 12');
    expect(res.body.lines).toEqual([
      {
        serviceId: 'arbetsplats',
        name: 'Arbetsplatstjänst',
        description: 'Dator, användarkonto, e-post och kontorsprogram',
        driverId: 'devices',
        driverName: 'Antal datorer',
        unit: 'st',
        volume: '1000',
        total: '1038461.54',
        unitPrice: '1038.46',
        previousUnitPrice: '933.33',
        change: '105.13',
        changePercent: '11.3',
        isNew: false,
      },
      {
        serviceId: 'servicedesk',
        name: 'Servicedesk',
        description: 'Support per telefon och e-post under kontorstid',
        driverId: 'users',
        driverName: 'Antal användarkonton',
        unit: 'st',
        volume: '1000',
        total: '461538.46',
        unitPrice: '461.54',
        previousUnitPrice: '466.67',
        change: '-5.13',
        changePercent: '-1.1',
        isNew: false,
      },
      {
        serviceId: 'telefoni',
        name: 'Mobiltelefoni',
        description: 'Abonnemang och växel',
        driverId: 'users',
        driverName: 'Antal användarkonton',
        unit: 'st',
        volume: '1000',
        total: '50000.00',
        unitPrice: '50.00',
        previousUnitPrice: null,
        change: null,
        changePercent: null,
        isNew: true,
      },
    ]);
  });

  it('the first year has nothing to compare with: every service is new', async () => {
    const res = await t.http.get('/api/v1/price-lists/2025').set(t.auth());
    expect(res.body.previous).toBeNull();
    expect(res.body.lines.map((l: { unitPrice: string; isNew: boolean }) => [l.unitPrice, l.isNew])).toEqual([
      ['933.33', true],
      ['466.67', true],
    ]);
  });

  it('a year without an approved budget answers 404 in Swedish; a bad year 400 naming the field', async () => {
    const none = await t.http.get('/api/v1/price-lists/2027').set(t.auth());
    expect(none.status).toBe(404);
    expect(none.body.error).toBe('PRICE_LIST_NOT_FOUND');
    expect(none.body.message).toContain('ingen godkänd budgetmodell för 2027');
    const bad = await t.http.get('/api/v1/price-lists/tjugo').set(t.auth());
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toContain('year');
  });

  it('as XLSX: title, decision and date made in the sheet, set up to print with a repeated heading row', async () => {
    const res = await t.http
      .get('/api/v1/price-lists/2026/xlsx')
      .set(t.auth())
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('prislista-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const sheet = wb.getWorksheet('Prislista')!;
    expect(sheet.getCell('A1').value).toBe('Prislista IT-tjänster 2026');
    expect(sheet.getCell('B2').value).toBe(
      'Beslut IT-styrgruppen 2025-11-19 § 12: Budget och prislista 2026',
    );
    expect(sheet.getCell('B3').value).toBe('2025-12-01');
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'Tjänst',
      'Vad ingår',
      'Enhet',
      'À-pris 2026 (kr)',
      'À-pris 2025 (kr)',
      'Förändring (kr)',
      'Förändring (%)',
    ]);
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      'Arbetsplatstjänst',
      'Dator, användarkonto, e-post och kontorsprogram',
      'kr/st (Antal datorer)',
      1038.46,
      933.33,
      105.13,
      '+11,3 %',
    ]);
    expect(sheet.getRow(9).values).toEqual([
      undefined,
      'Mobiltelefoni',
      'Abonnemang och växel',
      'kr/st (Antal användarkonton)',
      50,
      'ny',
      'ny',
      'ny',
    ]);
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('6:6');
  });

  it('as PDF: the same prices, the decision and the date made', async () => {
    const res = await t.http.get('/api/v1/price-lists/2026/pdf').set(t.auth()).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    const { text, pages } = pdfText(res.body);
    expect(pages).toBe(1);
    expect(text).toContain('Prislista IT-tjänster 2026');
    expect(text).toContain('Beslut IT-styrgruppen 2025-11-19 § 12: Budget och prislista 2026');
    expect(text).toContain('Skapad 2025-12-01');
    expect(text).toContain('1 038,46 933,33 +105,13 +11,3 %');
    expect(text).toContain('461,54 466,67 -5,13 -1,1 %');
    expect(text).toContain('50,00 ny ny ny');
  });
});
