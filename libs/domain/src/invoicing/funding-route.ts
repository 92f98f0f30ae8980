import { ConsumerKind, FundingMode, PartyKind } from './funding-mode';

/** A consumer as routing sees it. */
export interface FundedConsumer {
  id: string;
  kind: ConsumerKind;
  /** A unit's municipality, a company's owner, a joint committee's host. */
  municipalityId: string;
  /** A unit's own mode, as its municipality decided (companies and committees: ignored). */
  fundingMode: FundingMode;
  /** Per-service modes of a unit, overriding its own mode. */
  serviceModes?: ReadonlyMap<string, FundingMode>;
}

/** The party an external invoice is addressed to; `municipalityId` is the legal buyer's municipality. */
export interface BuyerParty {
  kind: PartyKind;
  id: string;
  municipalityId: string;
}

/** Where a consumer's charge goes. */
export type Route =
  | { mode: 'appropriation' }
  | { mode: 'internal-charge'; municipalityId: string }
  | { mode: 'external-invoice'; buyer: BuyerParty };

/**
 * The funding mode of a consumer's share of a service (DOMAIN.md 3, 7), seen from the issuing
 * municipality: companies are always invoiced; a joint committee is an organ of its host, so it is
 * charged internally when the issuer hosts it and invoiced (to its host) otherwise; another
 * municipality's units are invoiced; the issuer's own units follow their (per-service) choice,
 * which can never be an invoice to itself.
 */
export function fundingModeOf(
  consumer: FundedConsumer,
  issuerId: string,
  serviceId: string | null,
): FundingMode {
  if (consumer.kind === 'company') return 'external-invoice';
  if (consumer.municipalityId !== issuerId) return 'external-invoice';
  if (consumer.kind === 'joint-committee') return 'internal-charge';
  const mode =
    (serviceId !== null ? consumer.serviceModes?.get(serviceId) : undefined) ?? consumer.fundingMode;
  return mode === 'external-invoice' ? 'internal-charge' : mode;
}

/**
 * Who is invoiced for a consumer: a unit's municipality, the company itself, or a joint committee
 * (named as buyer reference and unit) whose legal buyer is its host municipality (DOMAIN.md 3).
 */
export function buyerOf(consumer: FundedConsumer): BuyerParty {
  if (consumer.kind === 'unit')
    return { kind: 'municipality', id: consumer.municipalityId, municipalityId: consumer.municipalityId };
  return { kind: consumer.kind, id: consumer.id, municipalityId: consumer.municipalityId };
}

/**
 * Routes a consumer's charge. Work outside the framework (additional development) is charged to
 * the requester even where its share is funded by appropriation.
 */
export function routeCharge(
  consumer: FundedConsumer,
  issuerId: string,
  serviceId: string | null,
  options: { outsideFramework?: boolean } = {},
): Route {
  let mode = fundingModeOf(consumer, issuerId, serviceId);
  if (mode === 'appropriation' && options.outsideFramework) mode = 'internal-charge';
  if (mode === 'appropriation') return { mode };
  if (mode === 'internal-charge') return { mode, municipalityId: consumer.municipalityId };
  return { mode, buyer: buyerOf(consumer) };
}

/** The party whose agreements cover a consumer: a unit's municipality, else the consumer itself. */
export function agreementPartyOf(consumer: FundedConsumer): { kind: PartyKind; id: string } {
  return consumer.kind === 'unit'
    ? { kind: 'municipality', id: consumer.municipalityId }
    : { kind: consumer.kind, id: consumer.id };
}
