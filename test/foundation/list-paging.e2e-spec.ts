import { tariffDocument } from '../on-call/on-call-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The lists that used to answer every row answer one page (`?page&pageSize`, at most 500 per
 * page, 50 by default) with total, pages and next, on both databases.
 */
describe('Paged lists: agreements, organisation, persons, tokens, on-call tariffs, register mappings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    // at least three rows in every list, so a page of two has a next page
    for (const role of ['readonly', 'finance', 'drift']) await t.token(role);
    for (const username of ['sida.ett', 'sida.tva', 'sida.tre'])
      await t.person({ username, role: 'readonly', password: 'ett-langt-losenord-2025' });
    const drift = await t.token('drift');
    for (const validFrom of ['2026-01-01', '2027-01-01'])
      await t.http
        .post('/api/v1/on-call/tariffs')
        .set(t.auth(drift))
        .send(tariffDocument({ validFrom }))
        .expect(201);
    const tjf = await t.token('tjanstefiering');
    for (const name of ['Mappning A', 'Mappning B', 'Mappning C'])
      await t.http
        .post('/api/v1/register-mappings')
        .set(t.auth(tjf))
        .send({ name, rules: [{ match: { Ansvar: '1100' }, consumer: 'ulr-ks' }] })
        .expect(201);
    const styrgrupp = await t.token('styrgrupp');
    for (const year of [2026, 2027])
      await t.http
        .post('/api/v1/cooperation-agreements')
        .set(t.auth(styrgrupp))
        .send({
          name: `Samverkansavtal IT ${year}`,
          hostId: 'ulricehamn',
          validFrom: `${year}-01-01`,
          costPrinciple: 'Godkänd modell per år',
          parties: [
            { municipalityId: 'ulricehamn', role: 'host' },
            { municipalityId: 'tranemo', role: 'partner', buyerReference: 'IT 1000', vatRate: '25' },
          ],
        })
        .expect(201);
    const finance = await t.token('finance');
    await t.http
      .post('/api/v1/service-agreements')
      .set(t.auth(finance))
      .send({
        name: 'Skrivartjänst',
        partyKind: 'company',
        partyId: 'bolag-ue',
        services: ['skrivare'],
        priceModel: 'unit-price',
        unitPrice: '1200.00',
        volume: '12',
        frequency: 'year',
        vatRate: '25',
        buyerReference: 'UE-1',
        validFrom: '2025-01-01',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const LISTS = [
    { path: '/api/v1/cooperation-agreements', table: 'cooperation_agreement' },
    { path: '/api/v1/service-agreements', table: 'service_agreement' },
    { path: '/api/v1/persons', table: 'person' },
    { path: '/api/v1/tokens', table: 'api_token' },
    { path: '/api/v1/on-call/tariffs', table: 'on_call_tariff' },
    { path: '/api/v1/register-mappings', table: 'register_mapping' },
  ];
  const rows = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  describe.each(LISTS)('$path', ({ path, table }) => {
    it('answers the first page of 50 by default, with total, pages and next', async () => {
      const total = await rows(table);
      const res = await t.http.get(path).set(t.auth()).expect(200);
      // fewer than 50 rows in every list here: one page holding all of them
      expect(total).toBeLessThan(50);
      expect(res.body).toEqual({
        items: expect.any(Array),
        page: 1,
        pageSize: 50,
        total,
        pages: 1,
        next: null,
      });
      expect(res.body.items).toHaveLength(total);
    });

    it('pages of two follow each other by next, and together are the whole list once', async () => {
      const whole = (await t.http.get(path).set(t.auth()).expect(200)).body.items.map(
        (r: { id: string }) => r.id,
      );
      expect(whole.length).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let page: number | null = 1;
      let pages = 0;
      while (page !== null) {
        const res: { body: any } = await t.http
          .get(`${path}?page=${page}&pageSize=2`)
          .set(t.auth())
          .expect(200);
        // ceil(total / 2) pages; every page but the last holds two
        expect(res.body).toMatchObject({
          page,
          pageSize: 2,
          total: whole.length,
          pages: Math.ceil(whole.length / 2),
        });
        expect(res.body.items).toHaveLength(
          page < res.body.pages ? 2 : whole.length - 2 * (res.body.pages - 1),
        );
        expect(res.body.next).toBe(page < res.body.pages ? page + 1 : null);
        seen.push(...res.body.items.map((r: { id: string }) => r.id));
        page = res.body.next;
        pages++;
      }
      expect(pages).toBe(Math.ceil(whole.length / 2));
      expect(seen).toEqual(whole);
      // past the last page: no items, still the total
      const past = await t.http
        .get(`${path}?page=${pages + 1}&pageSize=2`)
        .set(t.auth())
        .expect(200);
      expect(past.body).toMatchObject({ items: [], total: whole.length, next: null });
    });

    it('refuses a page size over 500, under 1 or not a number, and a page under 1, naming the field (400)', async () => {
      const bad = async (query: string, fields: string[]) => {
        const res = await t.http.get(`${path}?${query}`).set(t.auth());
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        expect([...new Set(res.body.details.map((d: { path: string }) => d.path))].sort()).toEqual(fields);
      };
      await bad('pageSize=501', ['pageSize']);
      await bad('pageSize=0', ['pageSize']);
      await bad('pageSize=femtio', ['pageSize']);
      await bad('page=0&pageSize=1000', ['page', 'pageSize']);
      expect((await t.http.get(`${path}?pageSize=500`).set(t.auth())).body.pageSize).toBe(500);
    });
  });

  describe('/api/v1/organisation', () => {
    it('pages each list by the same page request: totals per list, pages and next by the longest', async () => {
      const units = await rows('org_unit');
      const companies = await rows('company');
      const committees = await rows('joint_committee');
      const first = await t.http.get('/api/v1/organisation?pageSize=1').set(t.auth()).expect(200);
      // the demo's three municipalities: Svenljunga, Tranemo, Ulricehamn
      expect(first.body.totals).toEqual({ municipalities: 3, units, companies, jointCommittees: committees });
      const longest = Math.max(3, units, companies, committees);
      expect(first.body).toMatchObject({ page: 1, pageSize: 1, pages: longest, next: 2 });
      expect(first.body.municipalities.map((m: { id: string }) => m.id)).toEqual(['svenljunga']);
      expect(first.body.units).toHaveLength(1);

      const municipalities: string[] = [];
      const unitIds: string[] = [];
      for (let page: number | null = 1; page !== null;) {
        const res: { body: any } = await t.http
          .get(`/api/v1/organisation?page=${page}&pageSize=2`)
          .set(t.auth())
          .expect(200);
        municipalities.push(...res.body.municipalities.map((m: { id: string }) => m.id));
        unitIds.push(...res.body.units.map((u: { id: string }) => u.id));
        page = res.body.next;
      }
      expect(municipalities).toEqual(['svenljunga', 'tranemo', 'ulricehamn']);
      expect(new Set(unitIds).size).toBe(units);
      expect(unitIds).toHaveLength(units);
    });

    it("answers every column of each party in the columns' order (the demo's, by hand)", async () => {
      // JSON.stringify keeps an object literal's key order, so comparing text compares the order too
      const first = await t.http.get('/api/v1/organisation?pageSize=1').set(t.auth()).expect(200);
      expect(first.text).toBe(
        JSON.stringify({
          municipalities: [
            {
              id: 'svenljunga',
              name: 'Svenljunga kommun',
              orgNo: '212000-1520',
              vatNo: 'SE212000152001',
              peppolId: '0007:2120001520',
              street: 'Kommunhuset, Box 3',
              postalCode: '512 80',
              city: 'Svenljunga',
              bankgiro: null,
              counterpartyCode: '81-SVE',
              invoicePrefix: null,
              invoiceContactName: null,
              invoiceContactPhone: null,
              invoiceContactEmail: null,
            },
          ],
          units: [
            {
              id: 'tra-kl',
              municipalityId: 'tranemo',
              parentId: null,
              name: 'Tranemo kommunledningssektionen',
              kind: 'sektion',
              responsibilityCode: '1000',
              fundingMode: 'external-invoice',
              validTo: null,
            },
          ],
          companies: [
            {
              id: 'bolag-ue',
              name: 'Ulricehamns Energi AB',
              orgNo: '556012-3456',
              vatNo: 'SE556012345601',
              peppolId: '0007:5560123456',
              ownerMunicipalityId: 'ulricehamn',
              street: 'Box 101',
              postalCode: '523 22',
              city: 'Ulricehamn',
              counterpartyCode: '85-UE',
            },
          ],
          jointCommittees: [
            {
              id: 'lonenamnd',
              name: 'Lönenämnden Ulricehamn, Tranemo och Svenljunga',
              hostMunicipalityId: 'svenljunga',
              members: ['ulricehamn', 'tranemo', 'svenljunga'],
              responsibilityCode: '1900',
              counterpartyCode: '82-LON',
            },
          ],
          page: 1,
          pageSize: 1,
          // the demo's 3 municipalities, 7 units (4 of Ulricehamn, 3 of Tranemo), 1 company, 1 committee
          totals: { municipalities: 3, units: 7, companies: 1, jointCommittees: 1 },
          pages: 7,
          next: 2,
        }),
      );
      // the host: its bankgiro and what its invoices carry; a unit inside another (ulr-it in ulr-ks)
      const third = await t.http.get('/api/v1/organisation?page=3&pageSize=1').set(t.auth()).expect(200);
      expect(JSON.stringify(third.body.municipalities)).toBe(
        JSON.stringify([
          {
            id: 'ulricehamn',
            name: 'Ulricehamns kommun',
            orgNo: '212000-1561',
            vatNo: 'SE212000156101',
            peppolId: '0007:2120001561',
            street: 'Stadshuset, Box 1',
            postalCode: '523 21',
            city: 'Ulricehamn',
            bankgiro: '5050-1055',
            counterpartyCode: '81-ULR',
            invoicePrefix: 'ULR',
            invoiceContactName: 'Ekonomienheten, kundreskontra',
            invoiceContactPhone: '0321-100 00',
            invoiceContactEmail: 'kundfaktura@ulricehamn.example',
          },
        ]),
      );
      // units by municipality, then id: tra-kl, tra-oms, tra-utb, ulr-bou, ulr-it
      const fifth = await t.http.get('/api/v1/organisation?page=5&pageSize=1').set(t.auth()).expect(200);
      expect(JSON.stringify(fifth.body.units)).toBe(
        JSON.stringify([
          {
            id: 'ulr-it',
            municipalityId: 'ulricehamn',
            parentId: 'ulr-ks',
            name: 'IT-avdelningen',
            kind: 'enhet',
            responsibilityCode: '1150',
            fundingMode: 'appropriation',
            validTo: null,
          },
        ]),
      );
    });

    it('a scoped reader counts and pages only its own units', async () => {
      const own = Number(
        (await t.dataSource.query(`SELECT COUNT(*) AS n FROM org_unit WHERE municipality_id = 'tranemo'`))[0]
          .n,
      );
      expect(own).toBeGreaterThan(0);
      const tranemo = await t.token('finance', 'tranemo');
      const res = await t.http.get('/api/v1/organisation?pageSize=500').set(t.auth(tranemo)).expect(200);
      expect(res.body.totals.units).toBe(own);
      expect(res.body.units.every((u: { municipalityId: string }) => u.municipalityId === 'tranemo')).toBe(
        true,
      );
      expect(res.body.totals.municipalities).toBe(3);
    });

    it('refuses a page size over 500 with the field path (400)', async () => {
      const res = await t.http.get('/api/v1/organisation?pageSize=501').set(t.auth());
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['pageSize']);
    });
  });
});
