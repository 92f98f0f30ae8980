import { DomainError, Money } from '@it-samverkan/domain';
import { AccountPlan, bookingDateOf, InternalChargeFile, InvoiceFile, lineResponsibility } from '../types';
import {
  SIE_COUNTERPARTY_DIMENSION,
  SIE_RESPONSIBILITY_DIMENSION,
  SIE_SERIES,
  SieTransaction,
  SieVoucher,
} from './sie4-format';

/**
 * The ledger's view of an invoice: receivable (gross) against revenue per line (net, on the
 * line's responsibility code) and output VAT per rate. A credit note books the same with the
 * signs reversed, since its document carries positive amounts.
 */
export function invoiceVoucher(
  invoice: InvoiceFile,
  number: number,
  plan: AccountPlan,
  generatedOn: string,
): SieVoucher {
  const sign = invoice.kind === 'credit-note' ? -1n : 1n;
  const signed = (m: Money) => Money.ofOre(m.ore * sign);
  const counterparty = { dimension: SIE_COUNTERPARTY_DIMENSION, id: invoice.buyer.counterpartyCode };
  // Dated by booking date (DOMAIN.md 7): Q4 invoiced in January books on 31 December.
  const date = bookingDateOf(invoice);
  const transactions: SieTransaction[] = [
    {
      account: plan.receivable[invoice.buyer.kind],
      objects: [counterparty],
      amount: signed(invoice.totals.gross),
      date,
      text: invoice.buyer.name,
    },
  ];
  for (const line of invoice.lines) {
    transactions.push({
      account: plan.revenue[invoice.buyer.kind],
      objects: [
        { dimension: SIE_RESPONSIBILITY_DIMENSION, id: lineResponsibility(invoice, line) },
        counterparty,
      ],
      amount: signed(line.net).negate(),
      date,
      text: line.description,
    });
  }
  for (const b of invoice.vatBreakdown) {
    if (b.rate === '0') continue;
    transactions.push({
      account: plan.outputVat[b.rate],
      objects: [],
      amount: signed(b.vat).negate(),
      date,
      text: `Utgående moms ${b.rate} %`,
    });
  }
  const text =
    invoice.kind === 'credit-note'
      ? `Kreditfaktura ${invoice.number} avser faktura ${invoice.creditedInvoiceNumber} ${invoice.buyer.name}`
      : `Faktura ${invoice.number} ${invoice.buyer.name}`;
  return balanced({
    series: invoice.kind === 'credit-note' ? SIE_SERIES.creditNote : SIE_SERIES.invoice,
    number: String(number),
    date,
    text,
    registeredOn: generatedOn,
    transactions: transactions.filter((t) => !t.amount.isZero()),
  });
}

/**
 * The buyer's view of an invoice it received: its IT cost per line (net, on its own
 * responsibility code when the line carries one) and input VAT per rate against the supplier
 * payable (gross), with the seller as counterparty. A credit note books the same reversed.
 */
export function purchaseVoucher(
  invoice: InvoiceFile,
  number: number,
  plan: AccountPlan,
  generatedOn: string,
): SieVoucher {
  const sign = invoice.kind === 'credit-note' ? -1n : 1n;
  const signed = (m: Money) => Money.ofOre(m.ore * sign);
  const counterparty = { dimension: SIE_COUNTERPARTY_DIMENSION, id: invoice.seller.counterpartyCode };
  const date = bookingDateOf(invoice);
  const transactions: SieTransaction[] = [
    {
      account: plan.purchase.payable,
      objects: [counterparty],
      amount: signed(invoice.totals.gross).negate(),
      date,
      text: invoice.seller.name,
    },
  ];
  for (const line of invoice.lines) {
    const responsibility = line.buyerAccountingCode
      ? [{ dimension: SIE_RESPONSIBILITY_DIMENSION, id: line.buyerAccountingCode }]
      : [];
    transactions.push({
      account: plan.purchase.cost,
      objects: [...responsibility, counterparty],
      amount: signed(line.net),
      date,
      text: line.description,
    });
  }
  for (const b of invoice.vatBreakdown) {
    if (b.rate === '0') continue;
    transactions.push({
      account: plan.purchase.inputVat,
      objects: [],
      amount: signed(b.vat),
      date,
      text: `Ingående moms ${b.rate} %`,
    });
  }
  const text =
    invoice.kind === 'credit-note'
      ? `Leverantörskreditfaktura ${invoice.number} avser faktura ${invoice.creditedInvoiceNumber} ${invoice.seller.name}`
      : `Leverantörsfaktura ${invoice.number} ${invoice.seller.name}`;
  return balanced({
    series: invoice.kind === 'credit-note' ? SIE_SERIES.purchaseCredit : SIE_SERIES.purchase,
    number: String(number),
    date,
    text,
    registeredOn: generatedOn,
    transactions: transactions.filter((t) => !t.amount.isZero()),
  });
}

/** An internal charge: the consuming unit's internal IT cost against IT's internal revenue, no VAT. */
export function internalChargeVoucher(
  charge: InternalChargeFile,
  number: number,
  plan: AccountPlan,
  generatedOn: string,
): SieVoucher {
  return balanced({
    series: SIE_SERIES.internalCharge,
    number: String(number),
    date: charge.date,
    text: `Interndebitering ${charge.period} ${charge.description}`,
    registeredOn: generatedOn,
    transactions: [
      {
        account: plan.internalCost,
        objects: [{ dimension: SIE_RESPONSIBILITY_DIMENSION, id: charge.debitUnit.responsibilityCode }],
        amount: charge.amount,
        date: charge.date,
        text: `${charge.description} (${charge.debitUnit.name})`,
      },
      {
        account: plan.internalRevenue,
        objects: [{ dimension: SIE_RESPONSIBILITY_DIMENSION, id: charge.creditUnit.responsibilityCode }],
        amount: charge.amount.negate(),
        date: charge.date,
        text: `${charge.description} (${charge.creditUnit.name})`,
      },
    ].filter((t) => !t.amount.isZero()),
  });
}

/** Guards the one promise of a voucher: its transactions sum to exactly zero. */
function balanced(voucher: SieVoucher): SieVoucher {
  const sum = Money.sum(voucher.transactions.map((t) => t.amount));
  if (!sum.isZero()) {
    throw new DomainError(
      'SIE_VOUCHER_UNBALANCED',
      `Verifikation ${voucher.series} ${voucher.number} balanserar inte (${sum})`,
      'unprocessable',
    );
  }
  return voucher;
}
