import { Money } from '@it-samverkan/domain';
import {
  AppropriationRow,
  InternalChargeFile,
  InvoiceFile,
  InvoiceLineFile,
  Party,
  SellerParty,
  VAT_RATES,
  VatBreakdownFile,
  vatAt,
} from '@it-samverkan/files';

/**
 * A realistic sample for the file writers: Ulricehamns kommun (host) invoices Tranemo kommun,
 * its company Ulricehamns Energi AB and a joint payroll committee, credits part of one invoice,
 * and charges two of its own units internally. Organisation numbers other than Ulricehamn's
 * 212000-1561 (from DOMAIN.md) are invented with check digits computed by the Luhn rule (the
 * identifiers spec asserts each one); the Bankgiro number is invented the same way.
 */

export const ULRICEHAMN_ORG_NO = '212000-1561';
export const TRANEMO_ORG_NO = '212000-1538';
export const ENERGI_ORG_NO = '556417-4521';
export const LONENAMND_ORG_NO = '212000-1496';
export const ULRICEHAMN_BANKGIRO = '591-2340';
export const ALL_SAMPLE_ORG_NOS = [ULRICEHAMN_ORG_NO, TRANEMO_ORG_NO, ENERGI_ORG_NO, LONENAMND_ORG_NO];

/** The seller: the host municipality that employs the joint IT department. */
export function sampleSeller(): SellerParty {
  return {
    id: 'ulricehamn',
    name: 'Ulricehamns kommun',
    kind: 'municipality',
    orgNo: ULRICEHAMN_ORG_NO,
    vatNo: 'SE212000156101',
    peppolId: '0007:2120001561',
    address: { street: 'Stadshuset, Nygatan 14', postalCode: '523 86', city: 'Ulricehamn', country: 'SE' },
    counterpartyCode: 'K-ULR',
    bankgiro: ULRICEHAMN_BANKGIRO,
    fSkatt: true,
    contact: {
      name: 'Ekonomienheten, Eva Ek',
      phone: '0321-100 00',
      email: 'kundfaktura@ulricehamn.example',
    },
  };
}

export function sampleTranemo(): Party {
  return {
    id: 'tranemo',
    name: 'Tranemo kommun',
    kind: 'municipality',
    orgNo: TRANEMO_ORG_NO,
    vatNo: 'SE212000153801',
    peppolId: '0007:2120001538',
    address: { street: 'Kommunhuset, Torget 2', postalCode: '514 80', city: 'Tranemo', country: 'SE' },
    counterpartyCode: 'K-TRA',
  };
}

export function sampleEnergi(): Party {
  return {
    id: 'ulricehamns-energi',
    name: 'Ulricehamns Energi AB',
    kind: 'company',
    orgNo: ENERGI_ORG_NO,
    vatNo: 'SE556417452101',
    address: { street: 'Lassalyckan 3', postalCode: '523 37', city: 'Ulricehamn', country: 'SE' },
    counterpartyCode: 'B-UEAB',
  };
}

/** A joint committee is no legal entity of its own: it carries its host municipality's org no. */
export function sampleLonenamnd(): Party {
  return {
    id: 'lonenamnd',
    name: 'Gemensamma lönenämnden, Svenljunga kommun',
    kind: 'joint-committee',
    orgNo: LONENAMND_ORG_NO,
    vatNo: 'SE212000149601',
    address: { street: 'Lönecentrum, Storgatan 12', postalCode: '512 80', city: 'Svenljunga', country: 'SE' },
    counterpartyCode: 'N-LON',
  };
}

export interface LineSpec {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  net: string;
  vatRate: InvoiceLineFile['vatRate'];
  responsibilityCode?: string;
  buyerAccountingCode?: string;
  service?: string;
}

export interface InvoiceSpec {
  number: string;
  kind?: InvoiceFile['kind'];
  creditedInvoiceNumber?: string;
  issueDate?: string;
  dueDate?: string;
  period?: string;
  buyer: Party;
  buyerReference: string;
  lines: LineSpec[];
}

/** An invoice whose VAT breakdown and totals follow DOMAIN.md 7: VAT per rate on the sum of nets, half-up. */
export function buildInvoiceFile(spec: InvoiceSpec): InvoiceFile {
  const lines: InvoiceLineFile[] = spec.lines.map((l, i) => ({
    lineNo: i + 1,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: Money.parse(l.unitPrice),
    net: Money.parse(l.net),
    vatRate: l.vatRate,
    ...(l.responsibilityCode ? { responsibilityCode: l.responsibilityCode } : {}),
    ...(l.buyerAccountingCode ? { buyerAccountingCode: l.buyerAccountingCode } : {}),
    ...(l.service ? { service: l.service } : {}),
  }));
  const vatBreakdown: VatBreakdownFile[] = VAT_RATES.filter((rate) =>
    lines.some((l) => l.vatRate === rate),
  ).map((rate) => {
    const base = Money.sum(lines.filter((l) => l.vatRate === rate).map((l) => l.net));
    return { rate, base, vat: vatAt(rate, base) };
  });
  const net = Money.sum(lines.map((l) => l.net));
  const vat = Money.sum(vatBreakdown.map((b) => b.vat));
  return {
    id: `inv-${spec.number}`,
    number: spec.number,
    kind: spec.kind ?? 'invoice',
    ...(spec.creditedInvoiceNumber ? { creditedInvoiceNumber: spec.creditedInvoiceNumber } : {}),
    issueDate: spec.issueDate ?? '2025-03-31',
    dueDate: spec.dueDate ?? '2025-04-30',
    period: spec.period ?? '2025-Q1',
    seller: sampleSeller(),
    buyer: spec.buyer,
    buyerReference: spec.buyerReference,
    lines,
    vatBreakdown,
    totals: { net, vat, gross: net.plus(vat) },
    paymentTermsDays: 30,
    responsibilityCode: '1150',
  };
}

/**
 * Tranemo: net 112 441.67, VAT 2 968.75 (25 % of 11 875.00), gross 115 410.42. The cost share is
 * outside VAT (0 %, category E in Peppol); the additional development assignment is taxable.
 */
export function sampleTranemoInvoice(): InvoiceFile {
  return buildInvoiceFile({
    number: '2025-0001',
    buyer: sampleTranemo(),
    buyerReference: 'IT-chef 4100',
    lines: [
      {
        description: 'Andel gemensam IT-drift Q1 2025 enligt tjänstefiering',
        quantity: '1',
        unit: 'C62',
        unitPrice: '99166.67',
        net: '99166.67',
        vatRate: '0',
        service: 'samverkan',
      },
      {
        description: 'Beredskapsärende 2025-03-11 16:00–16:50, "Omsorg"',
        quantity: '1',
        unit: 'EA',
        unitPrice: '1400.00',
        net: '1400.00',
        vatRate: '0',
        responsibilityCode: '1151',
      },
      {
        description: 'Tilläggsuppdrag e-tjänst bygglov',
        quantity: '12.5',
        unit: 'HUR',
        unitPrice: '950.00',
        net: '11875.00',
        vatRate: '25',
        service: 'utveckling',
      },
    ],
  });
}

/** Ulricehamns Energi AB: net 33 116.50, VAT 8 279.13 (8 279.125 half-up), gross 41 395.63. */
export function sampleEnergiInvoice(): InvoiceFile {
  return buildInvoiceFile({
    number: '2025-0002',
    buyer: sampleEnergi(),
    buyerReference: 'UEAB-7788 Ekonomi',
    lines: [
      {
        description: 'Arbetsplatstjänst',
        quantity: '100',
        unit: 'EA',
        unitPrice: '233.33',
        net: '23333.00',
        vatRate: '25',
        service: 'arbetsplats',
        buyerAccountingCode: 'UE-720',
      },
      {
        description: 'Servicedesk, användarkonton',
        quantity: '50',
        unit: 'EA',
        unitPrice: '116.67',
        net: '5833.50',
        vatRate: '25',
        service: 'servicedesk',
      },
      {
        description: 'IT-beredskap, utryckning 2025-03-14 21:40–00:20',
        quantity: '1',
        unit: 'EA',
        unitPrice: '3950.00',
        net: '3950.00',
        vatRate: '25',
        responsibilityCode: '1151',
      },
    ],
  });
}

/** The payroll committee: 25 % and 6 % lines; net 14 400.00, VAT 3 375.00 + 54.00, gross 17 829.00. */
export function sampleLonenamndInvoice(): InvoiceFile {
  return buildInvoiceFile({
    number: '2025-0003',
    buyer: sampleLonenamnd(),
    buyerReference: 'Lönechef Åsa Öberg',
    lines: [
      {
        description: 'IT-stöd lönesystem',
        quantity: '3',
        unit: 'MON',
        unitPrice: '4500.00',
        net: '13500.00',
        vatRate: '25',
        service: 'lonesystem',
      },
      {
        description: 'Facklitteratur lönehandbok (e-bok)',
        quantity: '2',
        unit: 'EA',
        unitPrice: '450.00',
        net: '900.00',
        vatRate: '6',
      },
    ],
  });
}

/** Credits 10 of the 50 user accounts of 2025-0002: net 1 166.70, VAT 291.68 (291.675 half-up), gross 1 458.38. */
export function sampleCreditNote(): InvoiceFile {
  return buildInvoiceFile({
    number: '2025-0004',
    kind: 'credit-note',
    creditedInvoiceNumber: '2025-0002',
    issueDate: '2025-04-10',
    dueDate: '2025-04-10',
    buyer: sampleEnergi(),
    buyerReference: 'UEAB-7788 Ekonomi',
    lines: [
      {
        description: 'Kreditering servicedesk, 10 användarkonton för mycket',
        quantity: '10',
        unit: 'EA',
        unitPrice: '116.67',
        net: '1166.70',
        vatRate: '25',
        service: 'servicedesk',
      },
    ],
  });
}

/** The three invoices of the sample, in number order. */
export function sampleInvoices(): InvoiceFile[] {
  return [sampleTranemoInvoice(), sampleEnergiInvoice(), sampleLonenamndInvoice()];
}

const IT_UNIT = { name: 'IT-avdelningen', responsibilityCode: '1150' };

/** Two internal charges inside Ulricehamn: 140 000.00 + 81 666.67 = 221 666.67. */
export function sampleInternalCharges(): InternalChargeFile[] {
  return [
    {
      id: 'ic-1',
      period: '2025-Q1',
      date: '2025-03-31',
      municipalityId: 'ulricehamn',
      description: 'Arbetsplatstjänst Q1 2025',
      debitUnit: { name: 'Sektor vård och omsorg, Äldreomsorg Östra', responsibilityCode: '4100' },
      creditUnit: IT_UNIT,
      amount: Money.parse('140000.00'),
    },
    {
      id: 'ic-2',
      period: '2025-Q1',
      date: '2025-03-31',
      municipalityId: 'ulricehamn',
      description: 'Servicedesk Q1 2025',
      debitUnit: { name: 'Sektor lärande, Ådalsskolan', responsibilityCode: '3100' },
      creditUnit: IT_UNIT,
      amount: Money.parse('81666.67'),
    },
  ];
}

/** Appropriation shares (DOMAIN.md 5.3 figures for ulr-ks); total 1 003 333.33. */
export function sampleAppropriationRows(): AppropriationRow[] {
  const row = (
    consumerId: string,
    consumerName: string,
    responsibilityCode: string,
    service: string,
    amount: string,
  ) => ({
    municipality: 'ulricehamn',
    consumerId,
    consumerName,
    responsibilityCode,
    service,
    amount: Money.parse(amount),
  });
  return [
    row('ulr-ks', 'Ulricehamn kommunstyrelsens förvaltning', '1000', 'arbetsplats', '560000.00'),
    row('ulr-ks', 'Ulricehamn kommunstyrelsens förvaltning', '1000', 'servicedesk', '326666.67'),
    row('ulr-kultur', 'Ulricehamn kultur- och fritidsförvaltningen', '6000', 'arbetsplats', '93333.33'),
    row('ulr-kultur', 'Ulricehamn kultur- och fritidsförvaltningen', '6000', 'servicedesk', '23333.33'),
  ];
}

/** Names of the seller's responsibility codes, for the SIE file's #OBJEKT lines. */
export const SAMPLE_RESPONSIBILITY_NAMES: Record<string, string> = {
  '1150': 'IT-avdelningen',
  '1151': 'IT-beredskap',
};
