import { XMLParser } from 'fast-xml-parser';
import { Money, ValidationError } from '@it-samverkan/domain';
import {
  buildInvoiceFile,
  sampleCreditNote,
  sampleEnergi,
  sampleEnergiInvoice,
  sampleInvoices,
  sampleLonenamndInvoice,
  sampleTranemo,
  sampleTranemoInvoice,
} from '../../../../test/factories/invoice-files';
import { expectOfficiallyValid } from '../../../../test/support/peppol-official';
import { checkPeppolInvoice, periodDates, writePeppolInvoice } from '.';

/** Reads the document back with a parser of its own, so the writer is not checked by its own reader. */
function readBack(xml: string): any {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (name) => ['InvoiceLine', 'CreditNoteLine', 'TaxSubtotal', 'PartyTaxScheme'].includes(name),
  }).parse(xml);
}

describe('Peppol BIS Billing 3.0 invoice', () => {
  const xml = writePeppolInvoice(sampleTranemoInvoice());
  const inv = readBack(xml).Invoice;

  it('is a UBL 2.1 Invoice with the Peppol BIS 3.0 identifiers', () => {
    expect(xml).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"');
    expect(inv.CustomizationID).toBe(
      'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
    );
    expect(inv.ProfileID).toBe('urn:fdc:peppol.eu:2017:poacc:billing:01:1.0');
    expect(inv).toMatchObject({
      ID: '2025-0001',
      IssueDate: '2025-03-31',
      DueDate: '2025-04-30',
      InvoiceTypeCode: '380',
      DocumentCurrencyCode: 'SEK',
      BuyerReference: 'IT-chef 4100',
      InvoicePeriod: { StartDate: '2025-01-01', EndDate: '2025-03-31' },
    });
  });

  it('names the seller by org no (0007), VAT number and "Godkänd för F-skatt"', () => {
    const seller = inv.AccountingSupplierParty.Party;
    expect(seller.EndpointID).toEqual({ '#text': '2120001561', '@schemeID': '0007' });
    expect(seller.PartyLegalEntity).toEqual({
      RegistrationName: 'Ulricehamns kommun',
      CompanyID: { '#text': '2120001561', '@schemeID': '0007' },
    });
    expect(seller.PartyTaxScheme).toEqual([
      { CompanyID: 'SE212000156101', TaxScheme: { ID: 'VAT' } },
      { CompanyID: 'Godkänd för F-skatt', TaxScheme: { ID: 'TAX' } },
    ]);
    expect(seller.PostalAddress).toMatchObject({
      CityName: 'Ulricehamn',
      PostalZone: '523 86',
      Country: { IdentificationCode: 'SE' },
    });
  });

  it('names the buyer by Peppol id, org no and VAT number', () => {
    const buyer = inv.AccountingCustomerParty.Party;
    expect(buyer.EndpointID).toEqual({ '#text': '2120001538', '@schemeID': '0007' });
    expect(buyer.PartyLegalEntity.CompanyID['#text']).toBe('2120001538');
    expect(buyer.PartyTaxScheme).toEqual([{ CompanyID: 'SE212000153801', TaxScheme: { ID: 'VAT' } }]);
  });

  it('is paid by Bankgiro (payment means 30) with the invoice number as reference', () => {
    expect(inv.PaymentMeans).toEqual({
      PaymentMeansCode: { '#text': '30', '@name': 'Bankgiro' },
      PaymentID: '2025-0001',
      PayeeFinancialAccount: { ID: '5912340', FinancialInstitutionBranch: { ID: 'SE:BANKGIRO' } },
    });
    expect(inv.PaymentTerms.Note).toMatch(/^30 dagar netto/);
  });

  it('breaks VAT down per category: S 25 % and exempt E with a reason (values by hand)', () => {
    expect(inv.TaxTotal.TaxAmount).toEqual({ '#text': '2968.75', '@currencyID': 'SEK' });
    const [s, e] = inv.TaxTotal.TaxSubtotal;
    expect([s.TaxableAmount['#text'], s.TaxAmount['#text'], s.TaxCategory.ID, s.TaxCategory.Percent]).toEqual(
      ['11875.00', '2968.75', 'S', '25'],
    );
    expect([e.TaxableAmount['#text'], e.TaxAmount['#text'], e.TaxCategory.ID, e.TaxCategory.Percent]).toEqual(
      ['100566.67', '0.00', 'E', '0'],
    );
    expect(e.TaxCategory.TaxExemptionReason).toBe('Momsfri omsättning mellan kommuner');
  });

  it('totals: lines 112 441.67, VAT 2 968.75, payable 115 410.42, every amount in SEK with two decimals', () => {
    const t = inv.LegalMonetaryTotal;
    expect(
      [t.LineExtensionAmount, t.TaxExclusiveAmount, t.TaxInclusiveAmount, t.PayableAmount].map(
        (a: any) => a['#text'],
      ),
    ).toEqual(['112441.67', '112441.67', '115410.42', '115410.42']);
    const amounts = [...xml.matchAll(/currencyID="([A-Z]+)">([^<]+)</g)];
    expect(amounts.length).toBeGreaterThan(10);
    for (const [, currency, value] of amounts) {
      expect(currency).toBe('SEK');
      expect(value).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it('writes each line with quantity and unit, net, item name, tax category and price', () => {
    const line = inv.InvoiceLine[2];
    expect(line).toEqual({
      ID: '3',
      InvoicedQuantity: { '#text': '12.5', '@unitCode': 'HUR' },
      LineExtensionAmount: { '#text': '11875.00', '@currencyID': 'SEK' },
      Item: {
        Name: 'Tilläggsuppdrag e-tjänst bygglov',
        SellersItemIdentification: { ID: 'utveckling' },
        ClassifiedTaxCategory: { ID: 'S', Percent: '25', TaxScheme: { ID: 'VAT' } },
      },
      Price: { PriceAmount: { '#text': '950.00', '@currencyID': 'SEK' } },
    });
    expect(inv.InvoiceLine[1].Item.Name).toBe('Beredskapsärende 2025-03-11 16:00–16:50, "Omsorg"');
  });

  it('passes every rule for each sample document, the 6 % line and the credit note included', () => {
    for (const doc of [...sampleInvoices(), sampleCreditNote()])
      expect(checkPeppolInvoice(writePeppolInvoice(doc))).toEqual([]);
  });

  it('escapes XML characters in texts', () => {
    const doc = sampleEnergiInvoice();
    doc.lines[0].description = 'Licenser <Office> & "Teams"';
    const back = readBack(writePeppolInvoice(doc)).Invoice;
    expect(back.InvoiceLine[0].Item.Name).toBe('Licenser <Office> & "Teams"');
  });
});

describe('Peppol BIS Billing 3.0 credit note', () => {
  const cn = readBack(writePeppolInvoice(sampleCreditNote())).CreditNote;

  it('is a CreditNote of type 381 that refers to the credited invoice, with positive amounts', () => {
    expect(cn.CreditNoteTypeCode).toBe('381');
    expect(cn.BillingReference.InvoiceDocumentReference.ID).toBe('2025-0002');
    expect(cn.DueDate).toBeUndefined();
    expect(cn.PaymentMeans).toBeUndefined();
    expect(cn.PaymentTerms.Note).toBe('Krediteras mot faktura 2025-0002');
    expect(cn.CreditNoteLine[0].CreditedQuantity).toEqual({ '#text': '10', '@unitCode': 'EA' });
    expect(cn.TaxTotal.TaxAmount['#text']).toBe('291.68'); // 1 166.70 × 25 % = 291.675, half-up
    expect(cn.LegalMonetaryTotal.PayableAmount['#text']).toBe('1458.38');
  });
});

describe('Peppol input that cannot be sent', () => {
  const pathsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).details.map((d) => `${d.path}: ${d.message.split(':')[0]}`);
    }
    throw new Error('expected a ValidationError');
  };

  it('refuses an empty buyer reference', () => {
    const doc = sampleLonenamndInvoice();
    doc.buyerReference = '  ';
    expect(pathsOf(() => writePeppolInvoice(doc))).toEqual([
      'invoice.buyerReference: Köparens referens saknas (krävs på varje extern faktura)',
    ]);
  });

  it('refuses a line whose net is not quantity × price (PEPPOL-EN16931-R120)', () => {
    const doc = buildInvoiceFile({
      number: '2025-0099',
      buyer: sampleEnergi(),
      buyerReference: 'x',
      lines: [
        {
          description: 'Arbetsplats',
          quantity: '600',
          unit: 'EA',
          unitPrice: '933.33',
          net: '560000.00',
          vatRate: '25',
        },
      ],
    });
    expect(pathsOf(() => writePeppolInvoice(doc))).toEqual(['invoice.lines[0].net: PEPPOL-EN16931-R120']);
  });

  it('refuses totals that disagree with the lines', () => {
    const doc = sampleEnergiInvoice();
    doc.totals.vat = Money.parse('8279.12');
    expect(pathsOf(() => writePeppolInvoice(doc))).toEqual(
      expect.arrayContaining(['invoice.totals.vat: Momssumman 8279.12 är inte summan per momssats 8279.13']),
    );
  });
});

describe('invoice period', () => {
  it('turns quarter, tertial, month and year into dates, leap years included', () => {
    expect(periodDates('2025-Q1')).toEqual({ start: '2025-01-01', end: '2025-03-31' });
    expect(periodDates('2024-T1')).toEqual({ start: '2024-01-01', end: '2024-04-30' });
    expect(periodDates('2025-T3')).toEqual({ start: '2025-09-01', end: '2025-12-31' });
    expect(periodDates('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodDates('2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(periodDates('Q1 2025')).toBeNull();
  });
});

/**
 * A year-end settlement as DOMAIN 7 writes negative amounts: negative quantity × positive price.
 * 0 %: 12 000.00 − 10 000.00 = 2 000.00; 25 %: −2.5 h × 950 = −2 375.00 and 5 h × 950 = 4 750.00,
 * base 2 375.00, VAT 593.75; 12 %: 1 200.00, VAT 144.00. Net 5 575.00, VAT 737.75, gross 6 312.75.
 */
function settlementWithNegativeLines() {
  return buildInvoiceFile({
    number: '2026-0007',
    issueDate: '2026-03-16',
    dueDate: '2026-04-15',
    period: '2025',
    buyer: sampleTranemo(),
    buyerReference: 'IT-chef 4100',
    lines: [
      {
        description: 'Slutreglering 2025: andel enligt fastställd utfallsmodell',
        quantity: '1',
        unit: 'C62',
        unitPrice: '12000.00',
        net: '12000.00',
        vatRate: '0',
      },
      {
        description: 'Avgår: fakturerad andel 2025',
        quantity: '-1',
        unit: 'C62',
        unitPrice: '10000.00',
        net: '-10000.00',
        vatRate: '0',
      },
      {
        description: 'Utvecklingstimmar 2025, rättelse',
        quantity: '-2.5',
        unit: 'HUR',
        unitPrice: '950.00',
        net: '-2375.00',
        vatRate: '25',
      },
      {
        description: 'Utvecklingstimmar december 2025',
        quantity: '5',
        unit: 'HUR',
        unitPrice: '950.00',
        net: '4750.00',
        vatRate: '25',
      },
      {
        description: 'Logi utbildningsdag',
        quantity: '1',
        unit: 'EA',
        unitPrice: '1200.00',
        net: '1200.00',
        vatRate: '12',
      },
    ],
  });
}

/** Credits the settlement in full: the same lines, so the negative ones stay negative quantities. */
function fullCreditOfSettlement() {
  const settlement = settlementWithNegativeLines();
  return {
    ...settlement,
    id: 'inv-2026-0008',
    number: '2026-0008',
    kind: 'credit-note' as const,
    creditedInvoiceNumber: settlement.number,
    issueDate: '2026-03-20',
    dueDate: '2026-03-20',
  };
}

describe('official validation: UBL 2.1 XSD, CEN EN 16931 and Peppol BIS 3.0 with the SE-R rules', () => {
  it('writes a negative line as negative quantity × positive price (−2.5 h × 950.00 = −2 375.00)', () => {
    const line = readBack(writePeppolInvoice(settlementWithNegativeLines())).Invoice.InvoiceLine[2];
    expect([
      line.InvoicedQuantity['#text'],
      line.Price.PriceAmount['#text'],
      line.LineExtensionAmount['#text'],
    ]).toEqual(['-2.5', '950.00', '-2375.00']);
    const totals = readBack(writePeppolInvoice(settlementWithNegativeLines())).Invoice.LegalMonetaryTotal;
    expect(totals.PayableAmount['#text']).toBe('6312.75');
  });

  it('passes every document the writer makes with no finding at all: 0, 6, 12 and 25 %, credit notes, negative lines', async () => {
    const docs = [
      ...sampleInvoices(),
      sampleCreditNote(),
      settlementWithNegativeLines(),
      fullCreditOfSettlement(),
    ];
    const findings = await expectOfficiallyValid(
      docs.map((doc) => ({ name: doc.number, xml: writePeppolInvoice(doc) })),
    );
    expect(findings).toEqual([]);
  });
});

describe('what the buyer needs to book the invoice (DOMAIN.md 7)', () => {
  it('puts the buyer’s responsibility code on its line (BT-133) and the seller’s contact (BT-41..43)', async () => {
    const xml = writePeppolInvoice(sampleEnergiInvoice());
    const doc = readBack(xml).Invoice;
    expect(doc.InvoiceLine.map((l: { AccountingCost?: string }) => l.AccountingCost)).toEqual([
      'UE-720',
      undefined,
      undefined,
    ]);
    expect(doc.AccountingSupplierParty.Party.Contact).toEqual({
      Name: 'Ekonomienheten, Eva Ek',
      Telephone: '0321-100 00',
      ElectronicMail: 'kundfaktura@ulricehamn.example',
    });
    expect(doc.AccountingCustomerParty.Party.Contact).toBeUndefined();
    expect(await expectOfficiallyValid([{ name: 'energi-accounting-cost', xml }])).toEqual([]);
  });

  it('refuses a blank buyer code and a malformed contact e-mail, naming the fields', () => {
    const doc = sampleEnergiInvoice();
    doc.lines[1].buyerAccountingCode = ' ';
    doc.seller.contact = { name: 'Eva', email: 'eva.ulricehamn' };
    try {
      writePeppolInvoice(doc);
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect((e as ValidationError).details.map((p) => p.path).sort()).toEqual([
        'invoice.lines[1].buyerAccountingCode',
        'invoice.seller.contact.email',
      ]);
    }
  });
});
