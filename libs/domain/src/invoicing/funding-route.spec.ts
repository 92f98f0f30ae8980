import { FundedConsumer, fundingModeOf, routeCharge } from './funding-route';

const unit = (
  municipalityId: string,
  fundingMode: FundedConsumer['fundingMode'],
  serviceModes?: Map<string, FundedConsumer['fundingMode']>,
): FundedConsumer => ({
  id: `${municipalityId}-unit`,
  kind: 'unit',
  municipalityId,
  fundingMode,
  serviceModes,
});
const committee = (host: string): FundedConsumer => ({
  id: 'lonenamnd',
  kind: 'joint-committee',
  municipalityId: host,
  fundingMode: 'external-invoice',
});

describe('routing a consumer’s charge by funding mode and host (DOMAIN.md 3, 7)', () => {
  it('a joint committee hosted by the issuer is an internal charge: no invoice to itself', () => {
    expect(routeCharge(committee('ulricehamn'), 'ulricehamn', 'arbetsplats')).toEqual({
      mode: 'internal-charge',
      municipalityId: 'ulricehamn',
    });
  });

  it('a joint committee hosted elsewhere is invoiced, its host municipality being the legal buyer', () => {
    expect(routeCharge(committee('svenljunga'), 'ulricehamn', 'arbetsplats')).toEqual({
      mode: 'external-invoice',
      buyer: { kind: 'joint-committee', id: 'lonenamnd', municipalityId: 'svenljunga' },
    });
  });

  it('the partner’s units and companies are always invoiced; the partner is the buyer of its units', () => {
    expect(routeCharge(unit('tranemo', 'appropriation'), 'ulricehamn', null)).toEqual({
      mode: 'external-invoice',
      buyer: { kind: 'municipality', id: 'tranemo', municipalityId: 'tranemo' },
    });
    expect(
      fundingModeOf(
        { id: 'bolag-ue', kind: 'company', municipalityId: 'ulricehamn', fundingMode: 'appropriation' },
        'ulricehamn',
        null,
      ),
    ).toBe('external-invoice');
  });

  it('the issuer’s units follow their own and per-service choice, never an invoice to themselves', () => {
    const ks = unit('ulricehamn', 'appropriation', new Map([['arbetsplats', 'internal-charge' as const]]));
    expect(fundingModeOf(ks, 'ulricehamn', 'arbetsplats')).toBe('internal-charge');
    expect(fundingModeOf(ks, 'ulricehamn', 'servicedesk')).toBe('appropriation');
    expect(fundingModeOf(unit('ulricehamn', 'external-invoice'), 'ulricehamn', null)).toBe('internal-charge');
    expect(routeCharge(ks, 'ulricehamn', 'servicedesk')).toEqual({ mode: 'appropriation' });
  });

  it('additional development is charged even to a unit on appropriation', () => {
    expect(
      routeCharge(unit('ulricehamn', 'appropriation'), 'ulricehamn', null, { outsideFramework: true }),
    ).toEqual({
      mode: 'internal-charge',
      municipalityId: 'ulricehamn',
    });
  });
});
