import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Dec, DomainError, Money, Problem, ValidationError } from '@it-samverkan/domain';
import { bankgiroDigits, orgNoDigits } from '../identifiers';
import { DEFAULT_VAT_EXEMPTION_REASON, InvoiceFile, Party, SellerParty, checkInvoiceFile } from '../types';
import {
  BANKGIRO_BRANCH,
  CREDIT_NOTE_TYPE_CODE,
  CURRENCY,
  CUSTOMIZATION_ID,
  F_SKATT_TEXT,
  INVOICE_TYPE_CODE,
  PAYMENT_MEANS_CREDIT_TRANSFER,
  PROFILE_ID,
  SWEDISH_ORG_NO_SCHEME,
  UBL_NAMESPACES,
  periodDates,
  vatCategory,
} from './peppol-codes';
import { checkPeppolInvoice } from './peppol-rules';

/**
 * A Peppol BIS Billing 3.0 document for an external invoice: a UBL 2.1 Invoice, or a CreditNote
 * (type 381, referring to the credited invoice) for a credit note. Invalid input throws a
 * ValidationError; the written document is checked with `checkPeppolInvoice` before it is
 * returned, so this never hands out a document the rules reject.
 */
export function writePeppolInvoice(invoice: InvoiceFile): string {
  const problems = [...checkInvoiceFile(invoice), ...checkPeppolInput(invoice)];
  if (problems.length > 0) throw new ValidationError(problems, 'Peppol-fakturan kan inte skapas');

  const credit = invoice.kind === 'credit-note';
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    credit ? UBL_NAMESPACES.creditNote : UBL_NAMESPACES.invoice,
    credit ? 'CreditNote' : 'Invoice',
  );
  root.att('xmlns:cac', UBL_NAMESPACES.cac).att('xmlns:cbc', UBL_NAMESPACES.cbc);

  cbc(root, 'CustomizationID', CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', PROFILE_ID);
  cbc(root, 'ID', invoice.number);
  cbc(root, 'IssueDate', invoice.issueDate);
  if (!credit) cbc(root, 'DueDate', invoice.dueDate);
  cbc(
    root,
    credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode',
    credit ? CREDIT_NOTE_TYPE_CODE : INVOICE_TYPE_CODE,
  );
  cbc(
    root,
    'Note',
    credit
      ? `Kreditfaktura avser faktura ${invoice.creditedInvoiceNumber}, period ${invoice.period}`
      : `Period ${invoice.period}`,
  );
  cbc(root, 'DocumentCurrencyCode', CURRENCY);
  cbc(root, 'BuyerReference', invoice.buyerReference);
  const period = periodDates(invoice.period);
  if (period) {
    const p = cac(root, 'InvoicePeriod');
    cbc(p, 'StartDate', period.start);
    cbc(p, 'EndDate', period.end);
  }
  if (credit) {
    const ref = cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference');
    cbc(ref, 'ID', invoice.creditedInvoiceNumber as string);
  }
  party(cac(root, 'AccountingSupplierParty'), invoice.seller, true);
  party(cac(root, 'AccountingCustomerParty'), invoice.buyer, false);

  if (!credit) {
    const means = cac(root, 'PaymentMeans');
    cbc(means, 'PaymentMeansCode', PAYMENT_MEANS_CREDIT_TRANSFER, { name: 'Bankgiro' });
    cbc(means, 'PaymentID', invoice.number);
    const account = cac(means, 'PayeeFinancialAccount');
    cbc(account, 'ID', bankgiroDigits(invoice.seller.bankgiro) as string);
    cbc(cac(account, 'FinancialInstitutionBranch'), 'ID', BANKGIRO_BRANCH);
  }
  cbc(
    cac(root, 'PaymentTerms'),
    'Note',
    credit
      ? `Krediteras mot faktura ${invoice.creditedInvoiceNumber}`
      : `${invoice.paymentTermsDays} dagar netto. Ange fakturanummer ${invoice.number} vid betalning till bankgiro ${invoice.seller.bankgiro}.`,
  );

  const taxTotal = cac(root, 'TaxTotal');
  amount(taxTotal, 'TaxAmount', invoice.totals.vat);
  for (const b of invoice.vatBreakdown) {
    const sub = cac(taxTotal, 'TaxSubtotal');
    amount(sub, 'TaxableAmount', b.base);
    amount(sub, 'TaxAmount', b.vat);
    const category = cac(sub, 'TaxCategory');
    cbc(category, 'ID', vatCategory(b.rate));
    cbc(category, 'Percent', b.rate);
    if (vatCategory(b.rate) === 'E') {
      cbc(category, 'TaxExemptionReason', invoice.vatExemptionReason ?? DEFAULT_VAT_EXEMPTION_REASON);
    }
    cbc(cac(category, 'TaxScheme'), 'ID', 'VAT');
  }

  const total = cac(root, 'LegalMonetaryTotal');
  amount(total, 'LineExtensionAmount', invoice.totals.net);
  amount(total, 'TaxExclusiveAmount', invoice.totals.net);
  amount(total, 'TaxInclusiveAmount', invoice.totals.gross);
  amount(total, 'PayableAmount', invoice.totals.gross);

  for (const line of invoice.lines) {
    const el = cac(root, credit ? 'CreditNoteLine' : 'InvoiceLine');
    cbc(el, 'ID', String(line.lineNo));
    cbc(el, credit ? 'CreditedQuantity' : 'InvoicedQuantity', line.quantity, { unitCode: line.unit });
    amount(el, 'LineExtensionAmount', line.net);
    // BT-133: the buyer's accounting reference, so it books the line on its own responsibility code.
    if (line.buyerAccountingCode) cbc(el, 'AccountingCost', line.buyerAccountingCode);
    const item = cac(el, 'Item');
    cbc(item, 'Name', line.description);
    if (line.service) cbc(cac(item, 'SellersItemIdentification'), 'ID', line.service);
    const category = cac(item, 'ClassifiedTaxCategory');
    cbc(category, 'ID', vatCategory(line.vatRate));
    cbc(category, 'Percent', line.vatRate);
    cbc(cac(category, 'TaxScheme'), 'ID', 'VAT');
    amount(cac(el, 'Price'), 'PriceAmount', line.unitPrice);
  }

  const xml = root.end({ prettyPrint: true });
  const violations = checkPeppolInvoice(xml);
  if (violations.length > 0) {
    throw new DomainError(
      'PEPPOL_INVALID',
      `Peppol-fakturan ${invoice.number} bryter mot ${violations.map((v) => v.rule).join(', ')}`,
      'unprocessable',
      violations,
    );
  }
  return xml;
}

/** What Peppol asks beyond the general invoice invariants (the rule id leads each message). */
function checkPeppolInput(invoice: InvoiceFile): Problem[] {
  const out: Problem[] = [];
  if (!invoice.seller.vatNo) {
    out.push({ path: 'invoice.seller.vatNo', message: 'BR-S-02: säljarens momsregistreringsnummer krävs' });
  }
  invoice.lines.forEach((line, i) => {
    if (line.unitPrice.isNegative()) {
      out.push({ path: `invoice.lines[${i}].unitPrice`, message: 'BR-27: à-priset får inte vara negativt' });
    }
    if (!/^-?\d+(\.\d+)?$/.test(line.quantity)) return;
    const expected = line.unitPrice.toDecimal().times(new Dec(line.quantity));
    if (expected.minus(line.net.toDecimal()).abs().greaterThan('0.02')) {
      out.push({
        path: `invoice.lines[${i}].net`,
        message: `PEPPOL-EN16931-R120: radbeloppet ${line.net} är inte antal × à-pris (${expected.toFixed(2)})`,
      });
    }
  });
  return out;
}

function party(parent: XMLBuilder, p: Party | SellerParty, seller: boolean): void {
  const el = cac(parent, 'Party');
  const digits = orgNoDigits(p.orgNo) as string;
  const [scheme, address] = p.peppolId ? p.peppolId.split(':') : [SWEDISH_ORG_NO_SCHEME, digits];
  cbc(el, 'EndpointID', address, { schemeID: scheme });
  cbc(cac(el, 'PartyName'), 'Name', p.name);
  const postal = cac(el, 'PostalAddress');
  cbc(postal, 'StreetName', p.address.street);
  cbc(postal, 'CityName', p.address.city);
  cbc(postal, 'PostalZone', p.address.postalCode);
  cbc(cac(postal, 'Country'), 'IdentificationCode', p.address.country);
  if (p.vatNo) {
    const vat = cac(el, 'PartyTaxScheme');
    cbc(vat, 'CompanyID', p.vatNo);
    cbc(cac(vat, 'TaxScheme'), 'ID', 'VAT');
  }
  if (seller) {
    const fSkatt = cac(el, 'PartyTaxScheme');
    cbc(fSkatt, 'CompanyID', F_SKATT_TEXT);
    cbc(cac(fSkatt, 'TaxScheme'), 'ID', 'TAX');
  }
  const legal = cac(el, 'PartyLegalEntity');
  cbc(legal, 'RegistrationName', p.name);
  cbc(legal, 'CompanyID', digits, { schemeID: SWEDISH_ORG_NO_SCHEME });
  const contact = seller ? (p as SellerParty).contact : undefined;
  if (contact) {
    // BT-41 contact point, BT-42 telephone, BT-43 e-mail.
    const c = cac(el, 'Contact');
    cbc(c, 'Name', contact.name);
    if (contact.phone) cbc(c, 'Telephone', contact.phone);
    if (contact.email) cbc(c, 'ElectronicMail', contact.email);
  }
}

function cac(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(UBL_NAMESPACES.cac, `cac:${name}`);
}

function cbc(
  parent: XMLBuilder,
  name: string,
  text: string,
  attributes: Record<string, string> = {},
): XMLBuilder {
  return parent.ele(UBL_NAMESPACES.cbc, `cbc:${name}`, attributes).txt(text);
}

function amount(parent: XMLBuilder, name: string, value: Money): XMLBuilder {
  return cbc(parent, name, value.toString(), { currencyID: CURRENCY });
}
