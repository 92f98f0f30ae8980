import { expectOfficiallyValid } from '../support/peppol-official';
import { startTestApp, TestApp } from '../support/test-app';
import { downloadPeppol } from '../support/finance-files';
import { MARK_MUNICIPALITY, storeApprovedModel } from './support';

type Line = {
  id: string;
  source: string;
  consumerId: string | null;
  quantity: string;
  unitPrice: string;
  net: string;
  vatRate: string;
  description: string;
};
type Invoice = {
  id: string;
  kind: string;
  number: string | null;
  buyer: { kind: string; id: string; municipalityId: string };
  buyerReference: string;
  paymentTermsDays: number;
  lines: Line[];
  net: string;
  vat: string;
  gross: string;
  vatBreakdown: { rate: string; base: string; vat: string }[];
};

/**
 * DOMAIN.md 3 and 7 through the API on the demo cooperation (Ulricehamn issues): joint committees
 * by host, one agreement per service of a buyer, agreements with any party billed or warned about.
 */
describe('invoicing rules: committees by host, agreements per service, every agreement billed or warned', () => {
  let t: TestApp;
  let finance: string;
  const agreement = (body: object) =>
    t.http
      .post('/api/v1/service-agreements')
      .set(t.auth(finance))
      .send({
        frequency: 'quarter',
        priceModel: 'fixed-yearly',
        vatRate: '25',
        paymentTermsDays: 30,
        validFrom: '2025-01-01',
        ...body,
      });
  const drafts = async (period: string): Promise<Invoice[]> =>
    (await t.http.get(`/api/v1/invoices?period=${period}&pageSize=100`).set(t.auth(finance)).expect(200)).body
      .items;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it('refuses a second agreement of one buyer covering the same service at the same time, naming the first', async () => {
    const overlap = await agreement({
      name: 'Servicedesk UE',
      partyKind: 'company',
      partyId: 'bolag-ue',
      services: ['servicedesk'],
      yearlyFee: '10000.00',
      buyerReference: 'UE-9',
      validFrom: '2025-06-01',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error).toBe('AGREEMENT_COVERAGE_OVERLAP');
    expect(overlap.body.message).toContain('Avtalet "IT-tjänster Ulricehamns Energi AB 2025"');
    expect(overlap.body.message).toContain('tjänsten servicedesk');
    // Naming no service means every service: it overlaps too.
    const all = await agreement({
      name: 'Allt UE',
      partyKind: 'company',
      partyId: 'bolag-ue',
      yearlyFee: '1.00',
      buyerReference: 'UE-9',
    });
    expect(all.status).toBe(409);
    const list = await t.http.get('/api/v1/service-agreements').set(t.auth(finance)).expect(200);
    expect(list.body.items.map((a: { name: string }) => a.name)).not.toContain('Servicedesk UE');
  });

  it('sets up: a 0 % service for the bolag, a committee hosted by Ulricehamn, Mark buying a service', async () => {
    // The bolag's second agreement covers another service, with another VAT rate.
    await agreement({
      name: 'Utbildning UE',
      partyKind: 'company',
      partyId: 'bolag-ue',
      services: ['utbildning'],
      yearlyFee: '12000.00',
      vatRate: '0',
      buyerReference: 'UE-4711',
    }).expect(201);
    // A third on other terms (reference, 10 days): its lines go on an invoice of their own.
    await agreement({
      name: 'Skrivare UE',
      partyKind: 'company',
      partyId: 'bolag-ue',
      services: ['skrivare'],
      yearlyFee: '8000.00',
      buyerReference: 'UE-88',
      paymentTermsDays: 10,
    }).expect(201);
    await t.http
      .post('/api/v1/organisation/joint-committees')
      .set(t.auth())
      .send({
        id: 'overformyndare',
        name: 'Överförmyndarnämnden Ulricehamn–Tranemo',
        hostMunicipalityId: 'ulricehamn',
        members: ['ulricehamn', 'tranemo'],
        responsibilityCode: '1950',
        counterpartyCode: '82-OFN',
      })
      .expect(201);
    await agreement({
      name: 'IT-tjänster Överförmyndarnämnden',
      partyKind: 'joint-committee',
      partyId: 'overformyndare',
      services: ['arbetsplats'],
      yearlyFee: '40000.00',
      buyerReference: 'ÖFN-1',
    }).expect(201);
    await t.http
      .post('/api/v1/organisation/municipalities')
      .set(t.auth())
      .send(MARK_MUNICIPALITY)
      .expect(201);
    await agreement({
      name: 'E-arkiv Marks kommun',
      partyKind: 'municipality',
      partyId: 'mark',
      services: ['e-arkiv'],
      yearlyFee: '20000.00',
      buyerReference: 'MARK-1',
    }).expect(201);
    await agreement({
      name: 'Säkerhetskopiering Marks kommun',
      partyKind: 'municipality',
      partyId: 'mark',
      services: ['backup'],
      frequency: 'month',
      yearlyFee: '12000.00',
      buyerReference: 'MARK-1',
    }).expect(201);
    await agreement({
      name: 'Internt avtal Ulricehamn',
      partyKind: 'municipality',
      partyId: 'ulricehamn',
      services: ['skrivare'],
      yearlyFee: '4000.00',
      buyerReference: 'ULR',
    }).expect(201);
  });

  it('runs 2025-Q1: each line takes its agreement’s VAT; the host’s committee is charged internally', async () => {
    const run = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q1' })
      .expect(201);
    const invoices = await drafts('2025-Q1');
    const of = (kind: string, id: string) => invoices.find((i) => i.buyer.kind === kind && i.buyer.id === id);

    // Bolag: 480 000.00 / 4 = 120 000.00 at 25 %, 12 000.00 / 4 = 3 000.00 at 0 %.
    // VAT 120 000.00 × 0.25 = 30 000.00 (+ 0.00); gross 123 000.00 + 30 000.00 = 153 000.00 (on-call aside).
    const bolag = invoices.find((i) => i.buyer.id === 'bolag-ue' && i.buyerReference === 'UE-4711')!;
    // The agreement on other terms: 8 000.00 / 4 = 2 000.00, due in 10 days, reference UE-88.
    const printers = invoices.find((i) => i.buyer.id === 'bolag-ue' && i.buyerReference === 'UE-88')!;
    expect(printers.paymentTermsDays).toBe(10);
    expect(printers.lines.map((l) => [l.description, l.net, l.vatRate])).toEqual([
      ['Skrivare UE, 2025-Q1', '2000.00', '25'],
    ]);
    const fees = bolag.lines.filter((l) => l.source === 'agreement-fee');
    expect(fees.map((l) => [l.description, l.net, l.vatRate])).toEqual([
      ['IT-tjänster Ulricehamns Energi AB 2025, 2025-Q1', '120000.00', '25'],
      ['Utbildning UE, 2025-Q1', '3000.00', '0'],
    ]);
    const zero = bolag.vatBreakdown.find((b) => b.rate === '0');
    expect(zero).toEqual({ rate: '0', base: '3000.00', vat: '0.00' });

    // The committee hosted by the issuer gets no invoice (no invoice to itself): an internal charge
    // of 40 000.00 / 4 = 10 000.00 without VAT on its responsibility.
    expect(of('joint-committee', 'overformyndare')).toBeUndefined();
    const internal = await t.http
      .get('/api/v1/reports/internal-charges?period=2025-Q1')
      .set(t.auth(finance))
      .expect(200);
    expect(
      internal.body.charges
        .filter((c: { unitId: string }) => c.unitId === 'overformyndare')
        .map((c: { municipalityId: string; source: string; amount: string }) => [
          c.municipalityId,
          c.source,
          c.amount,
        ]),
    ).toEqual([['ulricehamn', 'agreement-fee', '10000.00']]);

    const file = await t.http
      .get('/api/v1/files/internal-charges?period=2025-Q1&format=csv')
      .set(t.auth(finance))
      .expect(200);
    expect(file.text).toContain('Överförmyndarnämnden Ulricehamn–Tranemo');

    // The committee hosted by Svenljunga: an invoice to Svenljunga kommun naming the committee.
    const lonenamnd = of('joint-committee', 'lonenamnd')!;
    expect(lonenamnd.buyer.municipalityId).toBe('svenljunga');
    expect(lonenamnd.buyerReference).toBe('Lönenämnden LN-200');

    // Mark, outside the cooperation, buys a service: 20 000.00 / 4 = 5 000.00 + 25 % = 6 250.00.
    const mark = of('municipality', 'mark')!;
    expect(mark).toMatchObject({
      buyerReference: 'MARK-1',
      net: '5000.00',
      vat: '1250.00',
      gross: '6250.00',
    });
    expect(mark.lines.map((l) => [l.consumerId, l.quantity, l.unitPrice, l.net])).toEqual([
      [null, '1', '5000.00', '5000.00'],
    ]);

    // What the run could not bill is said, with the reason.
    expect(run.body.warnings).toEqual(
      expect.arrayContaining([
        'Avtalet "Säkerhetskopiering Marks kommun" faktureras per månad och ingår inte i 2025-Q1: kör avtalets perioder',
        'Avtalet "Internt avtal Ulricehamn" debiteras inte: det gäller värdkommunen själv, som inte fakturerar sig själv',
      ]),
    );
  });

  it('the monthly agreement is billed by its months: 12 000.00 / 12 = 1 000.00 in 2025-01', async () => {
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-01' }).expect(201);
    const mark = (await drafts('2025-01')).find((i) => i.buyer.id === 'mark')!;
    expect(mark.lines.map((l) => [l.description, l.net, l.vatRate])).toEqual([
      ['Säkerhetskopiering Marks kommun, 2025-01', '1000.00', '25'],
    ]);
  });

  it('the committee’s Peppol invoice goes to Svenljunga kommun’s organisation number with the committee as reference', async () => {
    const lonenamnd = (await drafts('2025-Q1')).find((i) => i.buyer.id === 'lonenamnd')!;
    const issued = await t.http
      .post(`/api/v1/invoices/${lonenamnd.id}/issue`)
      .set(t.auth(finance))
      .expect(200);
    const peppol = await downloadPeppol(t, finance, issued.body);
    await expectOfficiallyValid([peppol]);
    const xml = peppol.xml;
    const buyer = xml.slice(
      xml.indexOf('<cac:AccountingCustomerParty>'),
      xml.indexOf('</cac:AccountingCustomerParty>'),
    );
    expect(buyer).toContain('2120001520'); // Svenljunga kommun, 212000-1520
    expect(buyer).not.toContain('2120001561'); // never Ulricehamn's own number
    expect(xml).toContain('<cbc:BuyerReference>Lönenämnden LN-200</cbc:BuyerReference>');
    await expectOfficiallyValid([{ name: 'lönenämndens faktura', xml }]);
  });
});
