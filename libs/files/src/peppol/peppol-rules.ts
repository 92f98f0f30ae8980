import { XMLValidator } from 'fast-xml-parser';
import { Problem, isValidSwedishVatNo, luhnValid } from '@it-samverkan/domain';
import {
  BANKGIRO_BRANCH,
  CUSTOMIZATION_ID,
  F_SKATT_TEXT,
  PAYMENT_MEANS_CREDIT_TRANSFER,
  SWEDISH_ORG_NO_SCHEME,
  UBL_NAMESPACES,
} from './peppol-codes';
import { checkAmounts } from './peppol-rules-amounts';
import {
  XmlNode,
  all,
  at,
  attr,
  decimal,
  forEachAmount,
  forEachEmptyElement,
  parseUbl,
  text,
  textAt,
} from './peppol-xml';

/** A broken rule: its id (EN 16931 BR-*, Peppol PEPPOL-*, Swedish SE-R-*, or ours ITS-R-*) and flag. */
export interface PeppolProblem extends Problem {
  rule: string;
  flag: 'fatal' | 'warning';
}

/**
 * Rules this system adds to Peppol's, because DOMAIN.md asks for more than the Swedish national
 * rules check (those test VAT and Bankgiro numbers for form only, not for check digits).
 */
export const HOUSE_RULES: Record<string, string> = {
  'ITS-R-001': 'Ett svenskt momsregistreringsnummer är SE + ett giltigt organisationsnummer + 01',
  'ITS-R-002': 'Säljaren ska ange Godkänd för F-skatt',
  'ITS-R-003': 'Bankgironumrets sista siffra ska vara en giltig kontrollsiffra',
  'ITS-R-004': 'En faktura ska ha betalningssätt 30 (kontoöverföring) till Bankgiro',
  'ITS-R-005': 'En kreditfaktura ska hänvisa till den krediterade fakturan',
  'ITS-R-006': 'Rabatter och tillägg på dokumentnivå stöds inte av denna kontroll',
};

export interface RuleContext {
  root: XmlNode;
  name: 'Invoice' | 'CreditNote';
  lineName: 'InvoiceLine' | 'CreditNoteLine';
  quantityName: 'InvoicedQuantity' | 'CreditedQuantity';
  lines: unknown[];
  add(rule: string, path: string, message: string, flag?: PeppolProblem['flag']): void;
}

/**
 * Every EN 16931, Peppol BIS 3.0 and Swedish rule (and ours, ITS-R-*) that a UBL Invoice or
 * CreditNote breaks, among those this system's documents can touch: mandatory fields, totals,
 * VAT per category, identifiers with check digits, F-skatt and Bankgiro. Empty means valid.
 */
export function checkPeppolInvoice(xml: string): PeppolProblem[] {
  const problems: PeppolProblem[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    return [
      {
        rule: 'XML',
        flag: 'fatal',
        path: `rad ${wellFormed.err.line}`,
        message: `Inte välformad XML: ${wellFormed.err.msg}`,
      },
    ];
  }
  const doc = parseUbl(xml);
  const name = 'Invoice' in doc ? 'Invoice' : 'CreditNote' in doc ? 'CreditNote' : null;
  const namespace = name === 'Invoice' ? UBL_NAMESPACES.invoice : UBL_NAMESPACES.creditNote;
  if (!name || !xml.includes(namespace)) {
    return [
      {
        rule: 'UBL',
        flag: 'fatal',
        path: '/',
        message: 'Dokumentet är varken en UBL 2.1 Invoice eller CreditNote',
      },
    ];
  }
  const root = (doc[name] ?? {}) as XmlNode;
  const lineName = name === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const ctx: RuleContext = {
    root,
    name,
    lineName,
    quantityName: name === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity',
    lines: all(root, lineName),
    add: (rule, path, message, flag = 'fatal') =>
      problems.push({ rule, flag, path: `${name}/${path}`, message }),
  };
  checkDocument(ctx);
  checkParties(ctx);
  checkPayment(ctx);
  checkAmounts(ctx);
  return problems;
}

function checkDocument(ctx: RuleContext): void {
  const { root, add } = ctx;
  forEachEmptyElement(root, '', (path) => add('PEPPOL-EN16931-R008', path.slice(1), 'Tomt element'));
  const customization = textAt(root, 'CustomizationID');
  if (!customization) add('BR-01', 'CustomizationID', 'Specifikationsidentitet saknas');
  else if (!customization.startsWith(CUSTOMIZATION_ID)) {
    add('PEPPOL-EN16931-R004', 'CustomizationID', `Specifikationsidentiteten ska vara ${CUSTOMIZATION_ID}`);
  }
  const profile = textAt(root, 'ProfileID');
  if (!profile) add('PEPPOL-EN16931-R001', 'ProfileID', 'Affärsprocess (ProfileID) saknas');
  else if (!/^urn:fdc:peppol\.eu:2017:poacc:billing:\d{2}:1\.0$/.test(profile)) {
    add(
      'PEPPOL-EN16931-R007',
      'ProfileID',
      'Affärsprocessen ska ha formen urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0',
    );
  }
  if (!textAt(root, 'ID')) add('BR-02', 'ID', 'Fakturanummer saknas');
  const issue = textAt(root, 'IssueDate');
  if (!issue) add('BR-03', 'IssueDate', 'Fakturadatum saknas');
  const typeCode = ctx.name === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode';
  if (!textAt(root, typeCode)) add('BR-04', typeCode, 'Fakturatyp saknas');
  const currency = textAt(root, 'DocumentCurrencyCode');
  if (!currency) add('BR-05', 'DocumentCurrencyCode', 'Valuta saknas');
  else {
    forEachAmount(root, '', (path, id) => {
      if (id !== currency)
        add('PEPPOL-EN16931-R051', path.slice(1), `Beloppets valuta ${id} är inte dokumentets ${currency}`);
    });
  }
  if (all(root, 'Note').length > 1) add('PEPPOL-EN16931-R002', 'Note', 'Högst en anteckning på dokumentnivå');
  // Peppol also accepts an order reference; DOMAIN.md requires the buyer's reference itself.
  if (!textAt(root, 'BuyerReference'))
    add('PEPPOL-EN16931-R003', 'BuyerReference', 'Köparens referens saknas');
  if (ctx.lines.length === 0) add('BR-16', ctx.lineName, 'Fakturan har ingen rad');
  const billing = all(root, 'BillingReference');
  billing.forEach((ref, i) => {
    if (!textAt(ref, 'InvoiceDocumentReference/ID')) {
      add('BR-55', `BillingReference[${i + 1}]`, 'Hänvisningen saknar fakturanummer');
    }
  });
  if (ctx.name === 'CreditNote' && billing.length === 0) {
    add('ITS-R-005', 'BillingReference', 'Kreditfakturan anger inte vilken faktura den krediterar');
  }
}

function checkParties(ctx: RuleContext): void {
  const { root, add } = ctx;
  const sides = [
    {
      path: 'AccountingSupplierParty/Party',
      who: 'Säljarens',
      name: 'BR-06',
      address: 'BR-08',
      country: 'BR-09',
      endpoint: 'PEPPOL-EN16931-R020',
      scheme: 'BR-62',
    },
    {
      path: 'AccountingCustomerParty/Party',
      who: 'Köparens',
      name: 'BR-07',
      address: 'BR-10',
      country: 'BR-11',
      endpoint: 'PEPPOL-EN16931-R010',
      scheme: 'BR-63',
    },
  ];
  for (const side of sides) {
    const party = at(root, side.path);
    if (!textAt(party, 'PartyLegalEntity/RegistrationName'))
      add(side.name, `${side.path}/PartyLegalEntity`, `${side.who} namn saknas`);
    const postal = at(party, 'PostalAddress');
    if (postal === undefined) add(side.address, `${side.path}/PostalAddress`, `${side.who} adress saknas`);
    else if (!textAt(postal, 'Country/IdentificationCode'))
      add(side.country, `${side.path}/PostalAddress`, `${side.who} landskod saknas`);
    const endpoint = at(party, 'EndpointID');
    if (endpoint === undefined)
      add(side.endpoint, `${side.path}/EndpointID`, `${side.who} elektroniska adress saknas`);
    else if (!attr(endpoint, 'schemeID'))
      add(side.scheme, `${side.path}/EndpointID`, `${side.who} elektroniska adress saknar schemeID`);

    const identifiers: [string, unknown][] = [
      ['EndpointID', endpoint],
      ['PartyLegalEntity/CompanyID', at(party, 'PartyLegalEntity/CompanyID')],
      ...all(party, 'PartyIdentification').map((p, i): [string, unknown] => [
        `PartyIdentification[${i + 1}]/ID`,
        at(p, 'ID'),
      ]),
    ];
    for (const [path, node] of identifiers) {
      const value = text(node) ?? '';
      if (attr(node, 'schemeID') === SWEDISH_ORG_NO_SCHEME && !(/^\d{10}$/.test(value) && luhnValid(value))) {
        add(
          'PEPPOL-COMMON-R049',
          `${side.path}/${path}`,
          `"${value}" är inget giltigt svenskt organisationsnummer (tio siffror med kontrollsiffra)`,
        );
      }
    }
    for (const [i, scheme] of all(party, 'PartyTaxScheme').entries()) {
      const id = textAt(scheme, 'CompanyID') ?? '';
      if (textAt(scheme, 'TaxScheme/ID') !== 'VAT') continue;
      const path = `${side.path}/PartyTaxScheme[${i + 1}]/CompanyID`;
      if (!/^[A-Z]{2}/.test(id))
        add('BR-CO-09', path, `Momsregistreringsnumret "${id}" ska börja med en landskod`);
      if (id.startsWith('SE') && !isValidSwedishVatNo(id)) {
        add(
          'ITS-R-001',
          path,
          `"${id}" är inget giltigt svenskt momsregistreringsnummer (SE + organisationsnummer + 01)`,
        );
      }
    }
  }
  checkSwedishSeller(ctx);
}

/** The Swedish national rules on the seller (SE-R-001 to SE-R-006 and SE-R-013). */
function checkSwedishSeller(ctx: RuleContext): void {
  const seller = at(ctx.root, 'AccountingSupplierParty/Party');
  if (textAt(seller, 'PostalAddress/Country/IdentificationCode') !== 'SE') return;
  const path = 'AccountingSupplierParty/Party';
  const schemes = all(seller, 'PartyTaxScheme');
  const vat = schemes.find((s) => textAt(s, 'TaxScheme/ID') === 'VAT');
  const vatNo = textAt(vat, 'CompanyID') ?? '';
  if (vatNo.startsWith('SE')) {
    if (vatNo.length !== 14)
      ctx.add('SE-R-001', `${path}/PartyTaxScheme`, 'Svenskt momsregistreringsnummer ska ha 14 tecken');
    if (!/^\d+$/.test(vatNo.slice(2, 14))) {
      ctx.add(
        'SE-R-002',
        `${path}/PartyTaxScheme`,
        'Svenskt momsregistreringsnummer ska vara siffror efter SE',
      );
    }
  }
  const orgNo = textAt(seller, 'PartyLegalEntity/CompanyID');
  if (orgNo !== undefined) {
    const where = `${path}/PartyLegalEntity/CompanyID`;
    if (!/^\d+$/.test(orgNo))
      ctx.add('SE-R-003', where, 'Svenskt organisationsnummer ska vara numeriskt', 'warning');
    if (orgNo.length !== 10)
      ctx.add('SE-R-004', where, 'Svenskt organisationsnummer ska ha tio tecken', 'warning');
    if (!/^\d{10}$/.test(orgNo) || !luhnValid(orgNo)) {
      ctx.add(
        'SE-R-013',
        where,
        'Organisationsnumrets sista siffra är ingen giltig kontrollsiffra',
        'warning',
      );
    }
  }
  const others = schemes.filter((s) => textAt(s, 'TaxScheme/ID')?.toUpperCase() !== 'VAT');
  for (const s of others) {
    if (textAt(s, 'CompanyID')?.toUpperCase() !== F_SKATT_TEXT.toUpperCase()) {
      ctx.add(
        'SE-R-005',
        `${path}/PartyTaxScheme`,
        `Säljarens skatteregistrering ska lyda "${F_SKATT_TEXT}"`,
      );
    }
  }
  if (others.length === 0) ctx.add('ITS-R-002', `${path}/PartyTaxScheme`, `"${F_SKATT_TEXT}" saknas`);
}

function checkPayment(ctx: RuleContext): void {
  const { root, add } = ctx;
  const means = all(root, 'PaymentMeans');
  let bankgiro = false;
  means.forEach((m, i) => {
    const path = `PaymentMeans${means.length > 1 ? `[${i + 1}]` : ''}`;
    const code = textAt(m, 'PaymentMeansCode');
    if (!code) add('BR-49', path, 'Betalningssätt saknar kod');
    if (code === '50' || code === '56') {
      add('SE-R-011', path, 'Bankgiro och Plusgiro anges med kod 30 och SE:BANKGIRO/SE:PLUSGIRO', 'warning');
    }
    if (
      code !== PAYMENT_MEANS_CREDIT_TRANSFER ||
      textAt(m, 'PayeeFinancialAccount/FinancialInstitutionBranch/ID') !== BANKGIRO_BRANCH
    ) {
      return;
    }
    bankgiro = true;
    const account = textAt(m, 'PayeeFinancialAccount/ID') ?? '';
    const where = `${path}/PayeeFinancialAccount/ID`;
    if (!/^\d+$/.test(account)) add('SE-R-008', where, 'Bankgironumret ska vara numeriskt', 'warning');
    if (account.length !== 7 && account.length !== 8)
      add('SE-R-009', where, 'Bankgironumret ska ha 7–8 siffror', 'warning');
    if (/^\d{7,8}$/.test(account) && !luhnValid(account)) {
      add('ITS-R-003', where, `Bankgironumret ${account} har fel kontrollsiffra`);
    }
  });
  if (ctx.name === 'Invoice' && !bankgiro)
    add('ITS-R-004', 'PaymentMeans', 'Betalningssätt 30 till Bankgiro saknas');
  const payable = decimal(textAt(root, 'LegalMonetaryTotal/PayableAmount'));
  if (payable?.greaterThan(0) && !textAt(root, 'DueDate') && !textAt(root, 'PaymentTerms/Note')) {
    add('BR-CO-25', 'DueDate', 'Förfallodatum eller betalningsvillkor krävs när ett belopp ska betalas');
  }
}
