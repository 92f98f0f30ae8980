import { VatRate } from '../types';

/** Identifiers and codes of Peppol BIS Billing 3.0 (UBL 2.1) as this system uses them. */

export const UBL_NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
export const INVOICE_TYPE_CODE = '380';
export const CREDIT_NOTE_TYPE_CODE = '381';
export const CURRENCY = 'SEK';
/** ISO 6523 ICD of Swedish organisation numbers. */
export const SWEDISH_ORG_NO_SCHEME = '0007';
/** UNCL 4461 credit transfer; with the branch below it means Bankgiro (SE-R-011). */
export const PAYMENT_MEANS_CREDIT_TRANSFER = '30';
export const BANKGIRO_BRANCH = 'SE:BANKGIRO';
/** The Seller tax registration text SE-R-005 requires of Swedish sellers. */
export const F_SKATT_TEXT = 'Godkänd för F-skatt';

/**
 * The VAT category of a Swedish rate: S (standard) for 25, 12 and 6 %. A 0 % line is E
 * (exempt) with a reason text (BR-E-10): category O ("outside the scope") would describe a
 * cost split between municipalities more literally, but EN 16931 forbids O together with any
 * other category and with a seller VAT number (BR-O-*), and a municipality's invoice may mix
 * exempt and taxable lines.
 */
export function vatCategory(rate: VatRate): 'S' | 'E' {
  return rate === '0' ? 'E' : 'S';
}

/** Start and end date of a period written '2025-Q1', '2025-T2' (tertial), '2025-03' or '2025'; null otherwise. */
export function periodDates(period: string): { start: string; end: string } | null {
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const span = (year: number, first: number, last: number) => ({
    start: `${year}-${String(first).padStart(2, '0')}-01`,
    end: `${year}-${String(last).padStart(2, '0')}-${lastDay(year, last)}`,
  });
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return span(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-T([1-3])$/.exec(period);
  if (m) return span(Number(m[1]), Number(m[2]) * 4 - 3, Number(m[2]) * 4);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return span(Number(m[1]), Number(m[2]), Number(m[2]));
  m = /^(\d{4})$/.exec(period);
  if (m) return span(Number(m[1]), 1, 12);
  return null;
}
