/**
 * The words of invoicing (DOMAIN.md 2, 3, 7), defined here so entities, use cases and files share them.
 */

/** How a consumer's share is paid: reported only, a ledger transfer inside one municipality, or an invoice. */
export type FundingMode = 'appropriation' | 'internal-charge' | 'external-invoice';
export const FUNDING_MODES: readonly FundingMode[] = ['appropriation', 'internal-charge', 'external-invoice'];

/** Who receives IT cost: a unit of a municipality, a municipal company or a joint committee. */
export type ConsumerKind = 'unit' | 'company' | 'joint-committee';

/** Who can hold a service agreement or be named as an invoice's buyer. */
export type PartyKind = 'municipality' | 'company' | 'joint-committee';
export const PARTY_KINDS: readonly PartyKind[] = ['municipality', 'company', 'joint-committee'];

/** How a service agreement prices its services. */
export type PriceModel = 'fixed-yearly' | 'unit-price' | 'hourly';
export const PRICE_MODELS: readonly PriceModel[] = ['fixed-yearly', 'unit-price', 'hourly'];

/** Where an invoice line or internal charge comes from (DOMAIN.md 7, invoice sources). */
export type LineSource =
  'cost-share' | 'agreement-fee' | 'on-call' | 'development' | 'settlement' | 'credit' | 'manual';
