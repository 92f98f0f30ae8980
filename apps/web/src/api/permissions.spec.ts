import type { Me } from './client';
import { directoryOf } from './directory';
import { mayClosePeriod, mayOnShared, mayReadOwn, OUTSIDE_COOPERATION } from './permissions';
import type { Organisation } from './types';

/** A municipality of the demo as GET /organisation answers it (only its id and name matter here). */
const municipality = (id: string, name: string, orgNo: string, city: string) => ({
  id,
  name,
  orgNo,
  vatNo: `SE${orgNo.replace('-', '')}01`,
  peppolId: `0007:${orgNo.replace('-', '')}`,
  street: 'Kommunhuset',
  postalCode: '500 00',
  city,
  bankgiro: null,
  counterpartyCode: `81-${id.slice(0, 3).toUpperCase()}`,
  invoicePrefix: null,
  invoiceContactName: null,
  invoiceContactPhone: null,
  invoiceContactEmail: null,
});
const organisation: Organisation = {
  municipalities: [
    municipality('ulricehamn', 'Ulricehamns kommun', '212000-1561', 'Ulricehamn'),
    municipality('tranemo', 'Tranemo kommun', '212000-1538', 'Tranemo'),
    municipality('svenljunga', 'Svenljunga kommun', '212000-1520', 'Svenljunga'),
  ],
  units: [],
  companies: [],
  jointCommittees: [],
};
// the demo's cooperation: Ulricehamn hosts, Tranemo is a party, Svenljunga is not
const directory = directoryOf(organisation, [], 'ulricehamn', ['ulricehamn', 'tranemo']);

const person = (role: string, scope: string | null): Me => ({
  name: role,
  role,
  scope,
  via: null,
  personId: null,
  person: null,
  csrfToken: null,
  expiresAt: null,
});

describe('what the page offers is what the one policy allows (DOMAIN.md 9)', () => {
  it('comparing saved scenarios is a read: every role of a party of the cooperation', () => {
    for (const me of [
      person('readonly', null),
      person('finance', 'tranemo'),
      person('drift', 'ulricehamn'),
      person('styrgrupp', 'tranemo'),
    ])
      expect([me.role, me.scope, mayOnShared(me, 'read', directory)]).toEqual([me.role, me.scope, true]);
  });

  it('no comparing for a municipality outside the cooperation; building scenarios only for styrgrupp and tjänstefiering', () => {
    expect(mayOnShared(person('styrgrupp', 'svenljunga'), 'read', directory)).toBe(false);
    expect(mayOnShared(person('finance', 'tranemo'), 'write-scenario', directory)).toBe(false);
    expect(mayOnShared(person('readonly', null), 'write-scenario', directory)).toBe(false);
    expect(mayOnShared(person('styrgrupp', 'tranemo'), 'write-scenario', directory)).toBe(true);
    expect(mayOnShared(person('tjanstefiering', null), 'write-scenario', directory)).toBe(true);
  });

  it("the forums' own acts: drift imports for the cooperation, utveckling decides at the host", () => {
    expect(mayOnShared(person('drift', 'tranemo'), 'import-forum-data', directory)).toBe(true);
    expect(mayOnShared(person('finance', 'ulricehamn'), 'import-forum-data', directory)).toBe(false);
    expect(mayOnShared(person('utveckling', 'ulricehamn'), 'decide-development', directory)).toBe(true);
    expect(mayOnShared(person('utveckling', 'tranemo'), 'decide-development', directory)).toBe(false);
  });

  it('without an agreement every municipality of the organisation is a party', () => {
    const noAgreement = directoryOf(organisation);
    expect(noAgreement.partyIds).toEqual(['ulricehamn', 'tranemo', 'svenljunga']);
    expect(mayOnShared(person('readonly', 'svenljunga'), 'read', noAgreement)).toBe(true);
  });

  it("the start page's boxes: closing periods only for the issuer's finance and admin", () => {
    expect(mayClosePeriod(person('finance', 'ulricehamn'), directory.hostId)).toBe(true);
    expect(mayClosePeriod(person('admin', null), directory.hostId)).toBe(true);
    expect(mayClosePeriod(person('finance', 'tranemo'), directory.hostId)).toBe(false);
    expect(mayClosePeriod(person('finance', 'bolag-ue'), directory.hostId)).toBe(false);
    expect(mayClosePeriod(person('tjanstefiering', 'ulricehamn'), directory.hostId)).toBe(false);
  });

  it("a bolag's finance, refused the cooperation's parties, reads its own and nothing shared", () => {
    const bolag = person('finance', 'bolag-ue');
    expect([mayReadOwn(bolag, OUTSIDE_COOPERATION), mayOnShared(bolag, 'read', OUTSIDE_COOPERATION)]).toEqual(
      [true, false],
    );
    // and were the parties known, a company is still none of them
    expect(mayOnShared(bolag, 'read', directory)).toBe(false);
    // an unscoped reader is never refused the cooperation's parties, but would read shared anyway
    expect(mayOnShared(person('readonly', null), 'read', OUTSIDE_COOPERATION)).toBe(true);
    expect(mayReadOwn(person('finance', 'tranemo'), directory)).toBe(true);
  });
});
