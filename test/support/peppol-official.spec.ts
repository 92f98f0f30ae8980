import { writePeppolInvoice } from '@it-samverkan/files';
import { sampleCreditNote, sampleEnergiInvoice } from '../factories/invoice-files';
import { OfficialFinding, missingOfficialTools, validateOfficially } from './peppol-official';

/**
 * The official validation must be able to fail: each document below is a valid writer output with
 * one defect put in by hand, and each must come back with exactly the finding that defect causes
 * (and a clean document with none). All documents go through one call, one JVM.
 */
const officially =
  missingOfficialTools().length === 0 || process.env.CI === 'true' ? describe : describe.skip;

const invoice = writePeppolInvoice(sampleEnergiInvoice());
const creditNote = writePeppolInvoice(sampleCreditNote());

/** Replaces exactly one occurrence, so a changed writer cannot make a mutation silently miss. */
function once(xml: string, from: string, to: string): string {
  const parts = xml.split(from);
  if (parts.length !== 2) throw new Error(`"${from}" occurs ${parts.length - 1} times`);
  return parts.join(to);
}

const DOCUMENTS = {
  'clean invoice': invoice,
  'clean credit note': creditNote,
  // UBL 2.1 has no cbc:Colour under Invoice.
  'unknown element': once(
    invoice,
    '<cbc:DocumentCurrencyCode>',
    '<cbc:Colour>röd</cbc:Colour><cbc:DocumentCurrencyCode>',
  ),
  // -100 × -233.33 = 23 333.00 keeps the line amount right; only the price sign is wrong.
  'negative price': once(
    once(invoice, '<cbc:PriceAmount currencyID="SEK">233.33<', '<cbc:PriceAmount currencyID="SEK">-233.33<'),
    '<cbc:InvoicedQuantity unitCode="EA">100<',
    '<cbc:InvoicedQuantity unitCode="EA">-100<',
  ),
  'no buyer reference': once(invoice, '<cbc:BuyerReference>UEAB-7788 Ekonomi</cbc:BuyerReference>', ''),
  // 212000-1562: the Luhn check digit of 212000156 is 1.
  'wrong check digit': once(
    invoice,
    '<cbc:CompanyID schemeID="0007">2120001561</cbc:CompanyID>',
    '<cbc:CompanyID schemeID="0007">2120001562</cbc:CompanyID>',
  ),
  'bankgiro with a hyphen': once(invoice, '<cbc:ID>5912340</cbc:ID>', '<cbc:ID>591-2340</cbc:ID>'),
};

officially('official Peppol validation (UBL 2.1 XSD, CEN EN 16931, Peppol BIS 3.0)', () => {
  let findings: OfficialFinding[];
  const of = (name: keyof typeof DOCUMENTS) =>
    findings.filter((f) => f.document === name).map((f) => `${f.source} ${f.id} ${f.flag} ${f.location}`);

  beforeAll(async () => {
    findings = await validateOfficially(Object.entries(DOCUMENTS).map(([name, xml]) => ({ name, xml })));
  });

  it('finds nothing in the writer’s invoice and credit note', () => {
    expect(of('clean invoice')).toEqual([]);
    expect(of('clean credit note')).toEqual([]);
  });

  it('reports a schema error with its line', () => {
    expect(of('unknown element')).toEqual([expect.stringMatching(/^UBL 2\.1 XSD XSD fatal line \d+$/)]);
    expect(findings.find((f) => f.document === 'unknown element')!.text).toContain('Colour');
  });

  it('reports EN 16931 BR-27 for a negative item price, on the line', () => {
    expect(of('negative price')).toEqual(['CEN EN 16931 BR-27 fatal /Invoice[1]/InvoiceLine[1]']);
  });

  it('reports Peppol PEPPOL-EN16931-R003 for a missing buyer reference', () => {
    expect(of('no buyer reference')).toEqual(['Peppol BIS 3.0 PEPPOL-EN16931-R003 fatal /Invoice[1]']);
  });

  it('runs the Swedish rules: SE-R-013 for a seller org no that fails the Luhn check', () => {
    expect(of('wrong check digit')).toContain(
      'Peppol BIS 3.0 SE-R-013 fatal /Invoice[1]/AccountingSupplierParty[1]/Party[1]/PartyLegalEntity[1]',
    );
  });

  it('reports a warning (SE-R-008, a Bankgiro number that is not digits) without making it fatal', () => {
    expect(of('bankgiro with a hyphen')).toEqual([
      'Peppol BIS 3.0 SE-R-008 warning /Invoice[1]/PaymentMeans[1]/PayeeFinancialAccount[1]/ID[1]',
    ]);
  });
});
