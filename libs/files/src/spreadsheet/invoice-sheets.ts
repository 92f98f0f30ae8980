import { Money, ValidationError } from '@it-samverkan/domain';
import {
  GeneratedOn,
  InvoiceFile,
  InvoiceLineFile,
  bookingDateOf,
  checkInvoiceFile,
  isIsoDate,
  lineResponsibility,
} from '../types';
import { csvAmount, csvDecimal, csvText, toCsv } from './csv-format';
import { lineVatShares } from './line-vat';
import { Column, addTableSheet, newWorkbook, workbookBytes } from './xlsx-format';

/**
 * Invoices and their lines as tables for finance. A credit note's amounts (and quantities) are
 * negative here, unlike in its own document, so that a column sum is what was invoiced net of
 * credits; "Typ" says which is which and "Krediterar" names the credited invoice.
 */

interface LineRow {
  invoice: InvoiceFile;
  line: InvoiceLineFile;
  quantity: string;
  net: Money;
  vat: Money;
}

const kindText = (invoice: InvoiceFile) => (invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura');
const signed = (invoice: InvoiceFile, m: Money) => (invoice.kind === 'credit-note' ? m.negate() : m);
const signedQuantity = (invoice: InvoiceFile, q: string) =>
  invoice.kind !== 'credit-note' ? q : q.startsWith('-') ? q.slice(1) : q === '0' ? q : `-${q}`;

function validated(invoices: readonly InvoiceFile[], options: GeneratedOn): void {
  const problems = invoices.flatMap((inv, i) => checkInvoiceFile(inv, `invoices[${i}]`));
  if (!isIsoDate(options.generatedOn))
    problems.push({ path: 'generatedOn', message: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)' });
  if (problems.length > 0) throw new ValidationError(problems, 'Fakturalistan kan inte skapas');
}

function lineRows(invoices: readonly InvoiceFile[]): LineRow[] {
  return invoices.flatMap((invoice) => {
    const vat = lineVatShares(invoice);
    return invoice.lines.map((line, i) => ({
      invoice,
      line,
      quantity: signedQuantity(invoice, line.quantity),
      net: signed(invoice, line.net),
      vat: signed(invoice, vat[i]),
    }));
  });
}

const INVOICE_HEADER = [
  'Fakturanummer',
  'Typ',
  'Krediterar',
  'Fakturadatum',
  'Förfallodatum',
  'Bokföringsdag',
  'Period',
  'Köpare',
  'Köparens org.nr',
  'Motpart',
  'Er referens',
];

function invoiceCells(inv: InvoiceFile): string[] {
  return [
    inv.number,
    kindText(inv),
    inv.creditedInvoiceNumber ?? '',
    inv.issueDate,
    inv.dueDate,
    bookingDateOf(inv),
    inv.period,
    csvText(inv.buyer.name),
    inv.buyer.orgNo,
    inv.buyer.counterpartyCode,
    csvText(inv.buyerReference),
  ];
}

/**
 * One row per invoice line with its invoice's data repeated, semicolon separated with BOM for
 * Swedish Excel (see csv-format.ts). A line's VAT is its part of the invoice's VAT per rate
 * (line-vat.ts), so VAT and gross add up to the invoices exactly.
 */
export function invoicesCsv(invoices: readonly InvoiceFile[], options: GeneratedOn): string {
  validated(invoices, options);
  const header = [
    ...INVOICE_HEADER,
    'Rad',
    'Beskrivning',
    'Tjänst',
    'Ansvar',
    'Köparens ansvar',
    'Antal',
    'Enhet',
    'À-pris',
    'Netto',
    'Momssats',
    'Moms',
    'Brutto',
  ];
  const rows = lineRows(invoices).map((r) => [
    ...invoiceCells(r.invoice),
    String(r.line.lineNo),
    csvText(r.line.description),
    csvText(r.line.service),
    lineResponsibility(r.invoice, r.line),
    csvText(r.line.buyerAccountingCode),
    csvDecimal(r.quantity),
    r.line.unit,
    csvAmount(r.line.unitPrice),
    csvAmount(r.net),
    r.line.vatRate,
    csvAmount(r.vat),
    csvAmount(r.net.plus(r.vat)),
  ]);
  return toCsv(header, rows, options.generatedOn);
}

const invoiceColumns: Column<InvoiceFile>[] = [
  { header: 'Fakturanummer', kind: 'text', value: (i) => i.number },
  { header: 'Typ', kind: 'text', value: kindText },
  { header: 'Krediterar', kind: 'text', value: (i) => i.creditedInvoiceNumber },
  { header: 'Fakturadatum', kind: 'date', value: (i) => i.issueDate },
  { header: 'Förfallodatum', kind: 'date', value: (i) => i.dueDate },
  { header: 'Bokföringsdag', kind: 'date', value: bookingDateOf },
  { header: 'Period', kind: 'text', value: (i) => i.period },
  { header: 'Köpare', kind: 'text', width: 36, value: (i) => i.buyer.name },
  { header: 'Köparens org.nr', kind: 'text', value: (i) => i.buyer.orgNo },
  { header: 'Motpart', kind: 'text', value: (i) => i.buyer.counterpartyCode },
  { header: 'Er referens', kind: 'text', width: 22, value: (i) => i.buyerReference },
  { header: 'Netto', kind: 'money', total: true, value: (i) => signed(i, i.totals.net) },
  { header: 'Moms', kind: 'money', total: true, value: (i) => signed(i, i.totals.vat) },
  { header: 'Brutto', kind: 'money', total: true, value: (i) => signed(i, i.totals.gross) },
];

const lineColumns: Column<LineRow>[] = [
  { header: 'Fakturanummer', kind: 'text', value: (r) => r.invoice.number },
  { header: 'Typ', kind: 'text', value: (r) => kindText(r.invoice) },
  { header: 'Köpare', kind: 'text', width: 36, value: (r) => r.invoice.buyer.name },
  { header: 'Rad', kind: 'number', width: 6, value: (r) => String(r.line.lineNo) },
  { header: 'Beskrivning', kind: 'text', width: 48, value: (r) => r.line.description },
  { header: 'Tjänst', kind: 'text', width: 24, value: (r) => r.line.serviceName ?? r.line.service },
  { header: 'Ansvar', kind: 'text', width: 8, value: (r) => lineResponsibility(r.invoice, r.line) },
  { header: 'Köparens ansvar', kind: 'text', width: 10, value: (r) => r.line.buyerAccountingCode },
  { header: 'Antal', kind: 'number', width: 8, value: (r) => r.quantity },
  { header: 'Enhet', kind: 'text', width: 7, value: (r) => r.line.unit },
  { header: 'À-pris', kind: 'money', value: (r) => r.line.unitPrice },
  { header: 'Netto', kind: 'money', total: true, value: (r) => r.net },
  { header: 'Momssats', kind: 'number', width: 10, value: (r) => r.line.vatRate },
  { header: 'Moms', kind: 'money', total: true, value: (r) => r.vat },
  { header: 'Brutto', kind: 'money', total: true, value: (r) => r.net.plus(r.vat) },
  { header: 'Tjänst-id', kind: 'text', value: (r) => r.line.service },
];

/** A workbook with the sheet "Fakturor" (one row per invoice) and "Fakturarader", each with a totals row. */
export async function invoicesXlsx(invoices: readonly InvoiceFile[], options: GeneratedOn): Promise<Buffer> {
  validated(invoices, options);
  const wb = newWorkbook(options.generatedOn);
  addTableSheet(wb, 'Fakturor', invoiceColumns, invoices, options.generatedOn, {
    title: 'Fakturor och kreditfakturor',
  });
  addTableSheet(wb, 'Fakturarader', lineColumns, lineRows(invoices), options.generatedOn, {
    title: 'Fakturarader',
  });
  return workbookBytes(wb);
}
