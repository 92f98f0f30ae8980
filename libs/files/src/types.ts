import { Money, Problem, isValidBankgiro, isValidOrgNo, isValidSwedishVatNo } from '@it-samverkan/domain';
import { bankgiroDigits } from './identifiers';

/**
 * Input types of the file writers: plain objects, money as `Money`, dates as 'YYYY-MM-DD'. The
 * writers never look anything up; whoever maps the database into these types owns the content,
 * the writers own the format. `checkInvoiceFile` holds the invariants every writer relies on.
 */

export type PartyKind = 'municipality' | 'company' | 'joint-committee';

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
  country: 'SE';
}

export interface Party {
  id: string;
  name: string;
  kind: PartyKind;
  /** 'NNNNNN-NNNN' with a valid check digit. */
  orgNo: string;
  /** 'SE' + the 10 digits of an org no + '01'. */
  vatNo?: string;
  /** '0007:' + 10 digits; when absent the org no is the Peppol address. */
  peppolId?: string;
  address: PostalAddress;
  /** The ledger's counterparty code (motpart). */
  counterpartyCode: string;
}

export interface SellerParty extends Party {
  /** 'NNN-NNNN' or 'NNNN-NNNN' with a valid check digit. */
  bankgiro: string;
  fSkatt: true;
  /** The seller's contact (Peppol BT-41..43; "Vår referens" on the PDF). */
  contact?: SellerContact;
}

export interface SellerContact {
  name: string;
  phone?: string;
  email?: string;
}

/** The Swedish VAT rates in percent; '0' is an exempt line (see DEFAULT_VAT_EXEMPTION_REASON). */
export type VatRate = '25' | '12' | '6' | '0';
export const VAT_RATES: readonly VatRate[] = ['25', '12', '6', '0'];

/**
 * Why a 0 % line carries no VAT, printed on the PDF and sent as the exemption reason of VAT
 * category E in Peppol. Between municipalities the shared IT cost is a cost split under the
 * cooperation agreement, not a taxable sale; an invoice may say otherwise in `vatExemptionReason`.
 */
export const DEFAULT_VAT_EXEMPTION_REASON = 'Momsfri omsättning mellan kommuner';

export interface InvoiceLineFile {
  lineNo: number;
  description: string;
  /** Decimal string, e.g. '1', '2.5'; negative only for a correction line. */
  quantity: string;
  /** UN/ECE recommendation 20 code: 'EA', 'C62', 'HUR', 'MON', 'ANN', ... */
  unit: string;
  unitPrice: Money;
  net: Money;
  vatRate: VatRate;
  /** The seller's responsibility code (ansvar) for this line; the invoice's when absent. */
  responsibilityCode?: string;
  /** The buyer's responsibility code (its ansvar) for this line, so it can book it (Peppol BT-133). */
  buyerAccountingCode?: string;
  service?: string;
  /** The service's name, for people (spreadsheets); `service` stays its id. */
  serviceName?: string;
}

export interface VatBreakdownFile {
  rate: VatRate;
  base: Money;
  vat: Money;
}

export interface InvoiceFile {
  id: string;
  number: string;
  kind: 'invoice' | 'credit-note';
  creditedInvoiceNumber?: string;
  /** Fakturadatum. */
  issueDate: string;
  dueDate: string;
  /** Bokföringsdag (DOMAIN.md 7): the ledger's voucher date; the invoice date when absent. */
  bookingDate?: string;
  /** '2025-Q1', '2025-T2', '2025-03' or '2025'. */
  period: string;
  seller: SellerParty;
  buyer: Party;
  buyerReference: string;
  /** A credit note's lines and totals are positive; the ledger negates them. */
  lines: InvoiceLineFile[];
  vatBreakdown: VatBreakdownFile[];
  totals: { net: Money; vat: Money; gross: Money };
  paymentTermsDays: number;
  /** The seller's IT unit, the default responsibility code of the lines. */
  responsibilityCode: string;
  /** Reason printed for 0 % lines; DEFAULT_VAT_EXEMPTION_REASON when absent. */
  vatExemptionReason?: string;
}

export interface InternalChargeFile {
  id: string;
  period: string;
  date: string;
  municipalityId: string;
  /** The municipality's name, for people (spreadsheets). */
  municipalityName?: string;
  description: string;
  /** The consuming unit, whose internal IT cost this is. */
  debitUnit: { name: string; responsibilityCode: string };
  /** The IT unit, whose internal revenue this is. */
  creditUnit: { name: string; responsibilityCode: string };
  amount: Money;
}

export interface AppropriationRow {
  municipality: string;
  consumerId: string;
  consumerName: string;
  responsibilityCode: string;
  service?: string;
  serviceName?: string;
  amount: Money;
}

/** Every file carries the date it was made; the writers never read the clock. */
export interface GeneratedOn {
  generatedOn: string;
  /** The decision the figures rest on ("IT-styrgruppen 2024-11-20 § 14"), printed with them where there is one. */
  decision?: string | null;
}

export interface LedgerAccount {
  name: string;
  /** SIE #KTYP: T tillgång, S skuld, K kostnad, I intäkt. */
  type: 'T' | 'S' | 'K' | 'I';
}

/** Which accounts the ledger file books on; DEFAULT_ACCOUNT_PLAN in config/accounts.ts is one. */
export interface AccountPlan {
  name: string;
  accounts: Record<string, LedgerAccount>;
  receivable: Record<PartyKind, string>;
  revenue: Record<PartyKind, string>;
  outputVat: Record<Exclude<VatRate, '0'>, string>;
  internalRevenue: string;
  internalCost: string;
  /** How the buyer books what it receives: the supplier payable, the IT cost, deductible input VAT. */
  purchase: { payable: string; cost: string; inputVat: string };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The date a document is booked on: its booking date, or its invoice date when it has none. */
export function bookingDateOf(invoice: InvoiceFile): string {
  return invoice.bookingDate ?? invoice.issueDate;
}

/** The line's responsibility code, falling back to the invoice's. */
export function lineResponsibility(invoice: InvoiceFile, line: InvoiceLineFile): string {
  return line.responsibilityCode ?? invoice.responsibilityCode;
}

/** VAT at a Swedish rate on a net amount, half-up to öre (DOMAIN.md 7). */
export function vatAt(rate: VatRate, base: Money): Money {
  return base.timesHalfUp(`${rate}e-2`);
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function checkParty(party: Party, path: string, out: Problem[]): void {
  if (isBlank(party.name)) out.push({ path: `${path}.name`, message: 'Namn saknas' });
  if (!isValidOrgNo(party.orgNo)) {
    out.push({
      path: `${path}.orgNo`,
      message: `Ogiltigt organisationsnummer "${party.orgNo}" (NNNNNN-NNNN med kontrollsiffra)`,
    });
  }
  if (party.vatNo !== undefined && !isValidSwedishVatNo(party.vatNo)) {
    out.push({
      path: `${path}.vatNo`,
      message: `Ogiltigt momsregistreringsnummer "${party.vatNo}" (SE + organisationsnummer + 01)`,
    });
  }
  if (party.peppolId !== undefined && !/^0007:\d{10}$/.test(party.peppolId)) {
    out.push({
      path: `${path}.peppolId`,
      message: `Ogiltigt Peppol-id "${party.peppolId}" (0007: + tio siffror)`,
    });
  }
  const a = party.address;
  if (!a || isBlank(a.street) || isBlank(a.city) || !/^\d{3} ?\d{2}$/.test(a.postalCode ?? '')) {
    out.push({ path: `${path}.address`, message: 'Adressen måste ha gata, postnummer (NNN NN) och ort' });
  }
  if (isBlank(party.counterpartyCode))
    out.push({ path: `${path}.counterpartyCode`, message: 'Motpartskod saknas' });
}

const QUANTITY = /^-?\d{1,15}(\.\d{1,10})?$/;

/**
 * Every problem with an invoice as a file input: identities, dates, and that lines, VAT
 * breakdown and totals agree to the öre (VAT per rate on the sum of line nets, half-up).
 */
export function checkInvoiceFile(invoice: InvoiceFile, path = 'invoice'): Problem[] {
  const out: Problem[] = [];
  const p = (field: string, message: string) => out.push({ path: `${path}.${field}`, message });
  if (isBlank(invoice.number)) p('number', 'Fakturanummer saknas');
  if (invoice.kind !== 'invoice' && invoice.kind !== 'credit-note')
    p('kind', 'Typ måste vara invoice eller credit-note');
  if (invoice.kind === 'credit-note' && isBlank(invoice.creditedInvoiceNumber)) {
    p('creditedInvoiceNumber', 'En kreditfaktura måste ange vilken faktura den krediterar');
  }
  if (!isIsoDate(invoice.issueDate)) p('issueDate', `Ogiltigt datum "${invoice.issueDate}" (ÅÅÅÅ-MM-DD)`);
  if (invoice.bookingDate !== undefined && !isIsoDate(invoice.bookingDate))
    p('bookingDate', `Ogiltigt datum "${invoice.bookingDate}" (ÅÅÅÅ-MM-DD)`);
  if (!isIsoDate(invoice.dueDate)) p('dueDate', `Ogiltigt datum "${invoice.dueDate}" (ÅÅÅÅ-MM-DD)`);
  else if (isIsoDate(invoice.issueDate) && invoice.dueDate < invoice.issueDate)
    p('dueDate', 'Förfallodatum före fakturadatum');
  if (isBlank(invoice.period)) p('period', 'Period saknas');
  if (isBlank(invoice.buyerReference))
    p('buyerReference', 'Köparens referens saknas (krävs på varje extern faktura)');
  if (isBlank(invoice.responsibilityCode)) p('responsibilityCode', 'Säljarens ansvarskod saknas');
  if (invoice.vatExemptionReason !== undefined && isBlank(invoice.vatExemptionReason)) {
    p('vatExemptionReason', 'Skälet för momsfrihet får inte vara tomt');
  }
  if (!Number.isInteger(invoice.paymentTermsDays) || invoice.paymentTermsDays < 0) {
    p('paymentTermsDays', 'Betalningsvillkor måste vara ett icke-negativt antal dagar');
  }
  checkParty(invoice.seller, `${path}.seller`, out);
  const bankgiro = bankgiroDigits(invoice.seller.bankgiro);
  if (bankgiro === null || !isValidBankgiro(bankgiro)) {
    p(
      'seller.bankgiro',
      `Ogiltigt bankgironummer "${invoice.seller.bankgiro}" (7–8 siffror med kontrollsiffra)`,
    );
  }
  if (invoice.seller.fSkatt !== true) p('seller.fSkatt', 'Säljaren måste vara godkänd för F-skatt');
  const contact = invoice.seller.contact;
  if (contact !== undefined) {
    if (isBlank(contact.name)) p('seller.contact.name', 'Säljarens kontaktperson saknar namn');
    if (contact.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email))
      p('seller.contact.email', `Ogiltig e-postadress "${contact.email}"`);
  }
  checkParty(invoice.buyer, `${path}.buyer`, out);

  if (!Array.isArray(invoice.lines) || invoice.lines.length === 0) {
    p('lines', 'Fakturan saknar rader');
    return out;
  }
  const seen = new Set<number>();
  const baseByRate = new Map<VatRate, Money>();
  invoice.lines.forEach((line, i) => {
    const lp = (field: string, message: string) => p(`lines[${i}].${field}`, message);
    if (!Number.isInteger(line.lineNo) || line.lineNo < 1 || seen.has(line.lineNo)) {
      lp('lineNo', 'Radnummer måste vara ett unikt positivt heltal');
    }
    seen.add(line.lineNo);
    if (isBlank(line.description)) lp('description', 'Beskrivning saknas');
    if (line.buyerAccountingCode !== undefined && isBlank(line.buyerAccountingCode))
      lp('buyerAccountingCode', 'Köparens ansvarskod får inte vara tom');
    if (!QUANTITY.test(line.quantity ?? '')) lp('quantity', `Ogiltigt antal "${line.quantity}"`);
    if (!/^[A-Z0-9]{1,3}$/.test(line.unit ?? ''))
      lp('unit', `Ogiltig enhetskod "${line.unit}" (UN/ECE rek. 20)`);
    if (!VAT_RATES.includes(line.vatRate)) {
      lp('vatRate', `Momssatsen "${line.vatRate}" finns inte i Sverige (25, 12, 6 eller 0)`);
      return;
    }
    baseByRate.set(line.vatRate, (baseByRate.get(line.vatRate) ?? Money.ZERO).plus(line.net));
  });

  const net = Money.sum(invoice.lines.map((l) => l.net));
  if (!net.equals(invoice.totals.net)) {
    p('totals.net', `Nettosumman ${invoice.totals.net} är inte summan av raderna ${net}`);
  }
  const given = new Map(invoice.vatBreakdown.map((b) => [b.rate, b] as const));
  if (given.size !== invoice.vatBreakdown.length)
    p('vatBreakdown', 'Momssammanställningen har samma momssats flera gånger');
  for (const [rate, base] of baseByRate) {
    const b = given.get(rate);
    const expectedVat = vatAt(rate, base);
    if (!b) p('vatBreakdown', `Momssammanställningen saknar momssatsen ${rate} %`);
    else if (!b.base.equals(base) || !b.vat.equals(expectedVat)) {
      p(
        'vatBreakdown',
        `Moms ${rate} %: underlag ${b.base} och moms ${b.vat}, väntat ${base} och ${expectedVat}`,
      );
    }
  }
  for (const b of invoice.vatBreakdown) {
    if (!baseByRate.has(b.rate)) p('vatBreakdown', `Momssatsen ${b.rate} % finns inte på någon rad`);
  }
  const vat = Money.sum(invoice.vatBreakdown.map((b) => b.vat));
  if (!vat.equals(invoice.totals.vat))
    p('totals.vat', `Momssumman ${invoice.totals.vat} är inte summan per momssats ${vat}`);
  if (!invoice.totals.gross.equals(invoice.totals.net.plus(invoice.totals.vat))) {
    p('totals.gross', `Bruttosumman ${invoice.totals.gross} är inte netto + moms`);
  }
  return out;
}
