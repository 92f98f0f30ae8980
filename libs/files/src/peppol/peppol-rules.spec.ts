import {
  buildInvoiceFile,
  sampleCreditNote,
  sampleEnergi,
  sampleEnergiInvoice,
  sampleTranemoInvoice,
} from '../../../../test/factories/invoice-files';
import { HOUSE_RULES, checkPeppolInvoice, writePeppolInvoice } from '.';

const tranemo = writePeppolInvoice(sampleTranemoInvoice());
const energi = writePeppolInvoice(sampleEnergiInvoice());

/** Replaces exactly one occurrence, so a mutation cannot silently miss. */
function once(xml: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one "${from}", found ${count}`);
  return xml.replace(from, to);
}
function everywhere(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`"${from}" not in the document`);
  return xml.split(from).join(to);
}
const rules = (xml: string) => checkPeppolInvoice(xml).map((p) => p.rule);

describe('Peppol rule check', () => {
  it('finds nothing wrong with a valid invoice', () => {
    expect(checkPeppolInvoice(tranemo)).toEqual([]);
    expect(checkPeppolInvoice(energi)).toEqual([]);
  });

  it('catches a wrong amount due (BR-CO-16)', () => {
    const problems = checkPeppolInvoice(
      once(tranemo, /PayableAmount currencyID="SEK">115410.42/, 'PayableAmount currencyID="SEK">115410.43'),
    );
    expect(problems).toEqual([
      {
        rule: 'BR-CO-16',
        flag: 'fatal',
        path: 'Invoice/LegalMonetaryTotal/PayableAmount',
        message: 'Att betala 115410.43 är inte summa inklusive moms 115410.42',
      },
    ]);
  });

  it('catches a sum of lines that is not the lines’ sum (BR-CO-10, BR-CO-13)', () => {
    const xml = once(
      tranemo,
      '<cbc:LineExtensionAmount currencyID="SEK">112441.67',
      '<cbc:LineExtensionAmount currencyID="SEK">112441.68',
    );
    expect(rules(xml)).toEqual(['BR-CO-10', 'BR-CO-13']);
  });

  it('catches a VAT total that is not the sum per category (BR-CO-14, BR-CO-15)', () => {
    const xml = once(
      tranemo,
      '<cbc:TaxAmount currencyID="SEK">2968.75</cbc:TaxAmount>\n    <cac:TaxSubtotal>',
      '<cbc:TaxAmount currencyID="SEK">2968.76</cbc:TaxAmount>\n    <cac:TaxSubtotal>',
    );
    expect(rules(xml)).toEqual(['BR-CO-14', 'BR-CO-15']);
  });

  it('catches VAT rounded down instead of half-up, even when every total agrees (BR-S-09)', () => {
    // 33 116.50 × 25 % = 8 279.125 → 8 279.13; a document saying 8 279.12 throughout is consistent but wrong.
    let xml = everywhere(energi, '>8279.13<', '>8279.12<');
    xml = everywhere(xml, '>41395.63<', '>41395.62<');
    expect(rules(xml)).toEqual(['BR-S-09']);
  });

  it('catches a buyer org no with a wrong check digit (PEPPOL-COMMON-R049 on endpoint and legal entity)', () => {
    const xml = everywhere(tranemo, '>2120001538<', '>2120001539<');
    expect(checkPeppolInvoice(xml).map((p) => `${p.rule} ${p.path}`)).toEqual([
      'PEPPOL-COMMON-R049 Invoice/AccountingCustomerParty/Party/EndpointID',
      'PEPPOL-COMMON-R049 Invoice/AccountingCustomerParty/Party/PartyLegalEntity/CompanyID',
    ]);
  });

  it('catches a seller org no with a wrong check digit or length (SE-R-013, SE-R-004)', () => {
    const bad = everywhere(tranemo, '>2120001561<', '>2120001562<');
    expect(rules(bad)).toEqual(['PEPPOL-COMMON-R049', 'PEPPOL-COMMON-R049', 'SE-R-013']);
    expect(checkPeppolInvoice(bad).find((p) => p.rule === 'SE-R-013')?.flag).toBe('warning');
    const short = everywhere(tranemo, '>2120001561<', '>212000156<');
    expect(rules(short)).toEqual(['PEPPOL-COMMON-R049', 'PEPPOL-COMMON-R049', 'SE-R-004', 'SE-R-013']);
  });

  it('catches a VAT number that is not SE + org no + 01 (ITS-R-001, SE-R-001)', () => {
    expect(rules(once(tranemo, '>SE212000153801<', '>SE212000153802<'))).toEqual(['ITS-R-001']);
    expect(rules(once(tranemo, '>SE212000156101<', '>SE2120001561<'))).toEqual(['ITS-R-001', 'SE-R-001']);
  });

  it('catches a missing or empty buyer reference (PEPPOL-EN16931-R003)', () => {
    expect(rules(once(tranemo, '  <cbc:BuyerReference>IT-chef 4100</cbc:BuyerReference>\n', ''))).toEqual([
      'PEPPOL-EN16931-R003',
    ]);
    expect(rules(once(tranemo, '>IT-chef 4100<', '><'))).toEqual([
      'PEPPOL-EN16931-R008',
      'PEPPOL-EN16931-R003',
    ]);
  });

  it('catches a VAT rate Sweden does not have (SE-R-006), 20 % for 25 % throughout', () => {
    const xml = everywhere(tranemo, '<cbc:Percent>25</cbc:Percent>', '<cbc:Percent>20</cbc:Percent>');
    expect(rules(xml)).toEqual(['SE-R-006', 'SE-R-006', 'BR-S-09']);
  });

  it('accepts 12 %', () => {
    const doc = buildInvoiceFile({
      number: '2025-0050',
      buyer: sampleEnergi(),
      buyerReference: 'UEAB',
      lines: [
        {
          description: 'Livsmedel till konferens',
          quantity: '3',
          unit: 'EA',
          unitPrice: '33.33',
          net: '99.99',
          vatRate: '12',
        },
      ],
    });
    expect(doc.totals.vat.toString()).toBe('12.00'); // 99.99 × 12 % = 11.9988
    expect(checkPeppolInvoice(writePeppolInvoice(doc))).toEqual([]);
  });

  it('catches line and breakdown disagreeing on the taxable amount (BR-S-08, BR-E-08)', () => {
    const xml = once(
      tranemo,
      '<cbc:TaxableAmount currencyID="SEK">100566.67',
      '<cbc:TaxableAmount currencyID="SEK">100566.66',
    );
    expect(rules(xml)).toEqual(['BR-E-08']);
    const s = once(
      energi,
      '<cbc:TaxableAmount currencyID="SEK">33116.50',
      '<cbc:TaxableAmount currencyID="SEK">33116.51',
    );
    expect(rules(s)).toEqual(['BR-S-08']); // 33 116.51 × 25 % = 8 279.1275, still 8 279.13
  });

  it('catches an exempt category without a reason (BR-E-10) or with VAT (BR-E-09)', () => {
    expect(rules(once(tranemo, /\s*<cbc:TaxExemptionReason>[^<]*<\/cbc:TaxExemptionReason>/, ''))).toEqual([
      'BR-E-10',
    ]);
    expect(
      rules(once(tranemo, '<cbc:TaxAmount currencyID="SEK">0.00', '<cbc:TaxAmount currencyID="SEK">1.00')),
    ).toEqual(['BR-E-09', 'BR-CO-14']);
  });

  it('catches a Bankgiro number with a wrong check digit (ITS-R-003) or length (SE-R-009)', () => {
    expect(rules(once(tranemo, '<cbc:ID>5912340</cbc:ID>', '<cbc:ID>5912341</cbc:ID>'))).toEqual([
      'ITS-R-003',
    ]);
    expect(rules(once(tranemo, '<cbc:ID>5912340</cbc:ID>', '<cbc:ID>591234</cbc:ID>'))).toEqual(['SE-R-009']);
    expect(rules(once(tranemo, '<cbc:ID>SE:BANKGIRO</cbc:ID>', '<cbc:ID>SE:PLUSGIRO</cbc:ID>'))).toEqual([
      'ITS-R-004',
    ]);
  });

  it('catches F-skatt stated wrongly (SE-R-005) or not at all (ITS-R-002)', () => {
    expect(rules(once(tranemo, '>Godkänd för F-skatt<', '>F-skatt<'))).toEqual(['SE-R-005']);
    expect(rules(once(tranemo, '>Godkänd för F-skatt<', '>GODKÄND FÖR F-SKATT<'))).toEqual([]);
    const without = once(
      tranemo,
      /\s*<cac:PartyTaxScheme>\s*<cbc:CompanyID>Godkänd för F-skatt<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>TAX<\/cbc:ID>\s*<\/cac:TaxScheme>\s*<\/cac:PartyTaxScheme>/,
      '',
    );
    expect(rules(without)).toEqual(['ITS-R-002']);
  });

  it('catches missing mandatory parts (BR-02, BR-16, PEPPOL-EN16931-R010)', () => {
    expect(rules(once(tranemo, '  <cbc:ID>2025-0001</cbc:ID>\n', ''))).toEqual(['BR-02']);
    const noLines = tranemo.replace(/\s*<cac:InvoiceLine>[\s\S]*<\/cac:InvoiceLine>/, '');
    expect(rules(noLines)).toEqual(expect.arrayContaining(['BR-16', 'BR-CO-10']));
    const noEndpoint = once(tranemo, /\s*<cbc:EndpointID schemeID="0007">2120001538<\/cbc:EndpointID>/, '');
    expect(rules(noEndpoint)).toEqual(['PEPPOL-EN16931-R010']);
  });

  it('catches a line whose net is not quantity × price (PEPPOL-EN16931-R120) and a currency mix (R051)', () => {
    expect(
      rules(
        once(tranemo, '<cbc:PriceAmount currencyID="SEK">950.00', '<cbc:PriceAmount currencyID="SEK">950.10'),
      ),
    ).toEqual(['PEPPOL-EN16931-R120']);
    expect(
      rules(
        once(tranemo, '<cbc:PriceAmount currencyID="SEK">950.00', '<cbc:PriceAmount currencyID="EUR">950.00'),
      ),
    ).toEqual(['PEPPOL-EN16931-R051']);
  });

  it('catches a credit note that does not say what it credits (ITS-R-005)', () => {
    const cn = writePeppolInvoice(sampleCreditNote());
    expect(rules(cn)).toEqual([]);
    expect(rules(cn.replace(/\s*<cac:BillingReference>[\s\S]*<\/cac:BillingReference>/, ''))).toEqual([
      'ITS-R-005',
    ]);
  });

  it('reports a document that is not XML or not UBL, instead of throwing', () => {
    expect(rules('<Invoice><cbc:ID>1</Invoice>')).toEqual(['XML']);
    expect(rules('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>')).toEqual(['UBL']);
  });

  it('documents every house rule it reports', () => {
    const mutated = [
      once(tranemo, '>SE212000153801<', '>SE212000153802<'),
      once(tranemo, '<cbc:ID>5912340</cbc:ID>', '<cbc:ID>5912341</cbc:ID>'),
    ];
    for (const xml of mutated) {
      for (const rule of rules(xml).filter((r) => r.startsWith('ITS-')))
        expect(HOUSE_RULES[rule]).toBeDefined();
    }
  });
});
