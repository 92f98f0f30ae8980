import { startTestApp, TestApp } from '../support/test-app';
import { MARK_MUNICIPALITY, storeApprovedModel } from '../invoicing/support';

const paths = (body: { details: { path: string }[] }) => body.details.map((d) => d.path).sort();

describe('organisation, agreements and funding modes', () => {
  let t: TestApp;
  let finance: string;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it('adds a municipality with a checked organisation number and derives VAT number and Peppol id', async () => {
    const bad = await t.http.post('/api/v1/organisation/municipalities').set(t.auth()).send({
      id: 'M',
      name: 'Mark',
      orgNo: '212000-1497',
      street: 'Box 1',
      postalCode: '511 80',
      city: 'Kinna',
      counterpartyCode: '81-MAR',
    });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['id']);
    const luhn = await t.http.post('/api/v1/organisation/municipalities').set(t.auth()).send({
      id: 'mark',
      name: 'Marks kommun',
      orgNo: '212000-1497',
      street: 'Box 1',
      postalCode: '511 80',
      city: 'Kinna',
      counterpartyCode: '81-MAR',
    });
    expect(luhn.status).toBe(400);
    expect(paths(luhn.body)).toEqual(['orgNo']);
    const ok = await t.http
      .post('/api/v1/organisation/municipalities')
      .set(t.auth())
      .send(MARK_MUNICIPALITY)
      .expect(201);
    expect(ok.body).toMatchObject({
      orgNo: '212000-1496',
      vatNo: 'SE212000149601',
      peppolId: '0007:2120001496',
    });
  });

  it('nests units only within one municipality and keeps consumer ids unique', async () => {
    const cross = await t.http.post('/api/v1/organisation/units').set(t.auth()).send({
      id: 'mark-ks',
      municipalityId: 'mark',
      parentId: 'ulr-ks',
      name: 'KS',
      kind: 'forvaltning',
      responsibilityCode: '1000',
      fundingMode: 'external-invoice',
    });
    expect(cross.status).toBe(400);
    expect(paths(cross.body)).toEqual(['parentId']);
    const dup = await t.http.post('/api/v1/organisation/units').set(t.auth()).send({
      id: 'bolag-ue',
      municipalityId: 'mark',
      name: 'X',
      kind: 'sektion',
      responsibilityCode: '1',
      fundingMode: 'external-invoice',
    });
    expect(dup.status).toBe(409);
    await t.http
      .post('/api/v1/organisation/units')
      .set(t.auth())
      .send({
        id: 'mark-ks',
        municipalityId: 'mark',
        name: 'Marks kommunstyrelseförvaltning',
        kind: 'forvaltning',
        responsibilityCode: '1000',
        fundingMode: 'external-invoice',
      })
      .expect(201);
    const org = await t.http.get('/api/v1/organisation').set(t.auth(finance)).expect(200);
    expect(org.body.units.map((u: { id: string }) => u.id)).toContain('mark-ks');
  });

  it('validates a service agreement, listing every problem, and ends it by date', async () => {
    const bad = await t.http.post('/api/v1/service-agreements').set(t.auth(finance)).send({
      name: 'Avtal',
      partyKind: 'company',
      partyId: 'no-such',
      priceModel: 'fixed-yearly',
      frequency: 'quarter',
      vatRate: '25',
      buyerReference: 'R',
      validFrom: '2025-01-01',
      validTo: '2024-12-31',
    });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['partyId', 'validTo', 'yearlyFee']);
    const ok = await t.http
      .post('/api/v1/service-agreements')
      .set(t.auth(finance))
      .send({
        name: 'Skrivartjänst',
        partyKind: 'company',
        partyId: 'bolag-ue',
        // A service the bolag's demo agreement does not cover: one agreement per service (DOMAIN.md 7).
        services: ['skrivare'],
        priceModel: 'unit-price',
        unitPrice: '1200.00',
        volume: '12',
        frequency: 'year',
        vatRate: '25',
        buyerReference: 'UE-1',
        validFrom: '2025-01-01',
        indexation: { '2026': '3.5' },
      })
      .expect(201);
    const ended = await t.http
      .post(`/api/v1/service-agreements/${ok.body.id}/end`)
      .set(t.auth(finance))
      .send({ validTo: '2025-12-31' })
      .expect(200);
    expect(ended.body.validTo).toBe('2025-12-31');
    const reader = await t.token('readonly');
    await t.http.post('/api/v1/service-agreements').set(t.auth(reader)).send({}).expect(403);
  });

  it('a new cooperation version closes the previous one; versions never overlap', async () => {
    const version = {
      name: 'Samverkansavtal IT 2026',
      hostId: 'ulricehamn',
      validFrom: '2026-01-01',
      costPrinciple: 'Godkänd modell per år',
      parties: [
        { municipalityId: 'ulricehamn', role: 'host' },
        { municipalityId: 'tranemo', role: 'partner', buyerReference: 'IT 1000', vatRate: '25' },
      ],
    };
    const styrgrupp = await t.token('styrgrupp');
    await t.http.post('/api/v1/cooperation-agreements').set(t.auth(styrgrupp)).send(version).expect(201);
    const list = await t.http.get('/api/v1/cooperation-agreements').set(t.auth(finance)).expect(200);
    expect(
      list.body.items.map((v: { version: number; validFrom: string; validTo: string | null }) => [
        v.version,
        v.validFrom,
        v.validTo,
      ]),
    ).toEqual([
      // the demo's cooperation runs since 2023 (its history years); the 2026 version closes it
      [1, '2023-01-01', '2025-12-31'],
      [2, '2026-01-01', null],
    ]);
    const overlap = await t.http
      .post('/api/v1/cooperation-agreements')
      .set(t.auth(styrgrupp))
      .send({ ...version, validFrom: '2025-06-01' });
    expect(overlap.status).toBe(409);
  });

  it('a per-service funding mode moves one service of a unit from appropriation to internal charge', async () => {
    await storeApprovedModel(t.dataSource);
    await t.http
      .put('/api/v1/organisation/units/ulr-ks/services/arbetsplats/funding')
      .set(t.auth(finance))
      .send({ fundingMode: 'internal-charge' })
      .expect(200);
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    const internal = await t.http
      .get('/api/v1/reports/internal-charges?period=2025-Q1')
      .set(t.auth(finance))
      .expect(200);
    const shares = internal.body.charges
      .filter((c: { source: string }) => c.source === 'cost-share')
      .map((c: { unitId: string; serviceId: string; amount: string }) => [c.unitId, c.serviceId, c.amount]);
    expect(shares).toEqual([
      ['ulr-bou', 'arbetsplats', '100000.00'],
      ['ulr-ks', 'arbetsplats', '50000.00'],
    ]);
    const appropriation = await t.http
      .get('/api/v1/reports/appropriation?period=2025-Q1')
      .set(t.auth(finance))
      .expect(200);
    expect(
      appropriation.body.rows.map((r: { unitId: string; serviceId: string; amount: string }) => [
        r.unitId,
        r.serviceId,
        r.amount,
      ]),
    ).toEqual([['ulr-ks', 'servicedesk', '8333.34']]);
    const audit = await t.http
      .get('/api/v1/audit?entityType=unit&action=set-funding')
      .set(t.auth())
      .expect(200);
    expect(audit.body.items[0].after).toEqual({ serviceId: 'arbetsplats', fundingMode: 'internal-charge' });
  });
});
