import { AgreementCoverage, agreementCovering, coverageConflict } from './agreement-coverage';

const agreement = (
  id: string,
  services: string[],
  validFrom: string,
  validTo: string | null = null,
): AgreementCoverage => ({
  id,
  name: `Avtal ${id}`,
  partyKind: 'company',
  partyId: 'bolag-ue',
  services,
  validFrom,
  validTo,
});
const q1 = { firstDay: '2025-01-01', lastDay: '2025-03-31' };

describe('which agreement covers a service, and overlapping coverage (DOMAIN.md 7)', () => {
  const arbetsplats = agreement('a', ['arbetsplats'], '2025-01-01');
  const servicedesk = agreement('b', ['servicedesk'], '2025-01-01');

  it('a line takes the agreement that covers its service', () => {
    const party = { kind: 'company' as const, id: 'bolag-ue' };
    expect(agreementCovering([arbetsplats, servicedesk], party, 'servicedesk', q1)?.id).toBe('b');
    expect(agreementCovering([arbetsplats, servicedesk], party, 'arbetsplats', q1)?.id).toBe('a');
    expect(agreementCovering([arbetsplats, servicedesk], party, 'natverk', q1)).toBeNull();
    expect(agreementCovering([arbetsplats], { kind: 'company', id: 'other' }, 'arbetsplats', q1)).toBeNull();
  });

  it('prefers the agreement in force on the period’s first day', () => {
    const ending = agreement('old', ['arbetsplats'], '2024-01-01', '2025-02-14');
    const starting = agreement('new', ['arbetsplats'], '2025-02-15');
    const party = { kind: 'company' as const, id: 'bolag-ue' };
    expect(agreementCovering([starting, ending], party, 'arbetsplats', q1)?.id).toBe('old');
    expect(
      agreementCovering([starting, ending], party, 'arbetsplats', {
        firstDay: '2025-04-01',
        lastDay: '2025-06-30',
      })?.id,
    ).toBe('new');
  });

  it('finds the agreement a new one would overlap, with the services in conflict', () => {
    expect(
      coverageConflict([arbetsplats], agreement('c', ['servicedesk', 'arbetsplats'], '2025-06-01')),
    ).toEqual({
      agreement: arbetsplats,
      services: ['arbetsplats'],
    });
    // Every service: conflicts with any agreement of the party in force at the same time.
    expect(coverageConflict([servicedesk], agreement('d', [], '2025-06-01'))?.services).toEqual([
      'servicedesk',
    ]);
  });

  it('no conflict for other services, other dates or another party', () => {
    expect(coverageConflict([arbetsplats], servicedesk)).toBeNull();
    const ended = agreement('e', ['arbetsplats'], '2024-01-01', '2024-12-31');
    expect(coverageConflict([ended], arbetsplats)).toBeNull();
    expect(
      coverageConflict(
        [{ ...arbetsplats, partyId: 'bolag-x' }],
        agreement('f', ['arbetsplats'], '2025-01-01'),
      ),
    ).toBeNull();
    // Ending on the day before the new one starts is no overlap; ending on its first day is.
    expect(
      coverageConflict(
        [agreement('g', ['arbetsplats'], '2024-01-01', '2025-05-31')],
        agreement('h', ['arbetsplats'], '2025-06-01'),
      ),
    ).toBeNull();
    expect(
      coverageConflict(
        [agreement('i', ['arbetsplats'], '2024-01-01', '2025-06-01')],
        agreement('j', ['arbetsplats'], '2025-06-01'),
      )?.agreement.id,
    ).toBe('i');
  });
});
