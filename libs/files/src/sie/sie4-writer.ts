import { Problem, ValidationError, isValidOrgNo, normaliseOrgNo } from '@it-samverkan/domain';
import { orgNoDigits } from '../identifiers';
import {
  AccountPlan,
  InternalChargeFile,
  InvoiceFile,
  bookingDateOf,
  checkInvoiceFile,
  isIsoDate,
} from '../types';
import {
  SIE_COUNTERPARTY_DIMENSION,
  SIE_DIMENSION_NAMES,
  SIE_RESPONSIBILITY_DIMENSION,
  SieVoucher,
  encodeSie,
  quoteSie,
  sieDate,
  sieObjectList,
} from './sie4-format';
import { closingChecksumLine } from './sie4-checksum';
import { internalChargeVoucher, invoiceVoucher, purchaseVoucher } from './sie4-vouchers';

export interface Sie4Input {
  /** The date the file is made ('YYYY-MM-DD'), written as #GEN and as each voucher's registration date. */
  generatedOn: string;
  program: { name: string; version: string };
  company: { name: string; orgNo: string };
  fiscalYear: { start: string; end: string };
  accounts: AccountPlan;
  invoices: InvoiceFile[];
  creditNotes: InvoiceFile[];
  internalCharges: InternalChargeFile[];
  /**
   * Invoices and credit notes the company received (the buyer's file of its purchases from the
   * cooperation): booked as cost and input VAT against a supplier payable.
   */
  purchases?: InvoiceFile[];
  /** Names of responsibility codes for #OBJEKT; internal charges' unit names are used otherwise. */
  responsibilityNames?: Record<string, string>;
  /** Write a #KSUMMA (CRC-32 of the items) that a reader can verify. */
  checksum?: boolean;
}

/**
 * A SIE 4 file (PC8-encoded) with one balanced #VER per invoice (series F), credit note (K) and
 * internal charge (I), with ansvar and motpart as objects. Throws a ValidationError listing
 * every problem in the input; nothing is written from a partly valid input.
 */
export function writeSie4(input: Sie4Input): Buffer {
  const problems = checkSie4Input(input);
  if (problems.length > 0) throw new ValidationError(problems, 'SIE-filen kan inte skapas');

  const { accounts: plan, generatedOn } = input;
  const vouchers: SieVoucher[] = [
    ...input.invoices.map((inv, i) => invoiceVoucher(inv, i + 1, plan, generatedOn)),
    ...input.creditNotes.map((cn, i) => invoiceVoucher(cn, i + 1, plan, generatedOn)),
    ...input.internalCharges.map((c, i) => internalChargeVoucher(c, i + 1, plan, generatedOn)),
    ...numberedPerSeries(input.purchases ?? [], (doc, n) => purchaseVoucher(doc, n, plan, generatedOn)),
  ];

  const usedAccounts = [...new Set(vouchers.flatMap((v) => v.transactions.map((t) => t.account)))].sort();
  const objects = usedObjects(input, vouchers);

  const lines = [
    '#FLAGGA 0',
    `#PROGRAM ${quoteSie(input.program.name)} ${quoteSie(input.program.version)}`,
    '#FORMAT PC8',
    `#GEN ${sieDate(generatedOn)}`,
    '#SIETYP 4',
    `#ORGNR ${normaliseOrgNo(input.company.orgNo)}`,
    `#FNAMN ${quoteSie(input.company.name)}`,
    `#RAR 0 ${sieDate(input.fiscalYear.start)} ${sieDate(input.fiscalYear.end)}`,
    '#VALUTA SEK',
  ];
  for (const account of usedAccounts) {
    lines.push(`#KONTO ${account} ${quoteSie(plan.accounts[account].name)}`);
    lines.push(`#KTYP ${account} ${plan.accounts[account].type}`);
  }
  for (const dimension of [SIE_RESPONSIBILITY_DIMENSION, SIE_COUNTERPARTY_DIMENSION]) {
    lines.push(`#DIM ${dimension} ${quoteSie(SIE_DIMENSION_NAMES[dimension])}`);
  }
  for (const o of objects) lines.push(`#OBJEKT ${o.dimension} ${quoteSie(o.id)} ${quoteSie(o.name)}`);
  for (const v of vouchers) {
    const registered = v.registeredOn ? ` ${sieDate(v.registeredOn)}` : '';
    lines.push(
      `#VER ${quoteSie(v.series)} ${quoteSie(v.number)} ${sieDate(v.date)} ${quoteSie(v.text)}${registered}`,
    );
    lines.push('{');
    for (const t of v.transactions) {
      const extra = t.date ? ` ${sieDate(t.date)}${t.text ? ` ${quoteSie(t.text)}` : ''}` : '';
      lines.push(`   #TRANS ${t.account} ${sieObjectList(t.objects)} ${t.amount.toString()}${extra}`);
    }
    lines.push('}');
  }
  if (input.checksum) {
    lines.splice(1, 0, '#KSUMMA');
    lines.push(closingChecksumLine(lines.slice(2)));
  }
  return encodeSie(lines);
}

/** Vouchers of invoices and credit notes mixed in one list, numbered 1, 2, … within each kind's series. */
function numberedPerSeries(
  docs: InvoiceFile[],
  voucher: (doc: InvoiceFile, n: number) => SieVoucher,
): SieVoucher[] {
  const next = { invoice: 0, 'credit-note': 0 };
  return docs.map((doc) => voucher(doc, ++next[doc.kind]));
}

/** The objects the vouchers use, with names, sorted by dimension and id. */
function usedObjects(
  input: Sie4Input,
  vouchers: SieVoucher[],
): { dimension: number; id: string; name: string }[] {
  const names = new Map<string, string>();
  const key = (dimension: number, id: string) => `${dimension}\u0000${id}`;
  for (const c of input.internalCharges) {
    for (const unit of [c.debitUnit, c.creditUnit]) {
      names.set(key(SIE_RESPONSIBILITY_DIMENSION, unit.responsibilityCode), unit.name);
    }
  }
  for (const [code, name] of Object.entries(input.responsibilityNames ?? {})) {
    names.set(key(SIE_RESPONSIBILITY_DIMENSION, code), name);
  }
  for (const inv of [...input.invoices, ...input.creditNotes]) {
    const k = key(SIE_COUNTERPARTY_DIMENSION, inv.buyer.counterpartyCode);
    if (!names.has(k)) names.set(k, inv.buyer.name);
  }
  for (const inv of input.purchases ?? []) {
    const k = key(SIE_COUNTERPARTY_DIMENSION, inv.seller.counterpartyCode);
    if (!names.has(k)) names.set(k, inv.seller.name);
  }
  const used = new Map<string, { dimension: number; id: string; name: string }>();
  for (const v of vouchers) {
    for (const t of v.transactions) {
      for (const o of t.objects) {
        const k = key(o.dimension, o.id);
        const fallback = o.dimension === SIE_RESPONSIBILITY_DIMENSION ? `Ansvar ${o.id}` : `Motpart ${o.id}`;
        if (!used.has(k)) used.set(k, { ...o, name: names.get(k) ?? fallback });
      }
    }
  }
  return [...used.values()].sort((a, b) => a.dimension - b.dimension || a.id.localeCompare(b.id, 'sv'));
}

/** Every problem with a SIE input: identities, dates within the fiscal year, accounts in the plan. */
export function checkSie4Input(input: Sie4Input): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  if (!isIsoDate(input.generatedOn)) add('generatedOn', `Ogiltigt datum "${input.generatedOn}" (ÅÅÅÅ-MM-DD)`);
  if (!input.program?.name?.trim()) add('program.name', 'Programnamn saknas');
  if (!input.company?.name?.trim()) add('company.name', 'Företagsnamn saknas');
  if (!isValidOrgNo(input.company?.orgNo))
    add('company.orgNo', `Ogiltigt organisationsnummer "${input.company?.orgNo}"`);
  const { start, end } = input.fiscalYear ?? {};
  const yearValid = isIsoDate(start) && isIsoDate(end) && start <= end;
  if (!yearValid) add('fiscalYear', 'Räkenskapsåret måste ha giltigt start- och slutdatum, start före slut');
  const inYear = (date: string, path: string) => {
    if (yearValid && isIsoDate(date) && (date < start || date > end)) {
      add(path, `Datumet ${date} ligger utanför räkenskapsåret ${start}–${end}`);
    }
  };
  const plan = input.accounts;
  const needAccount = (account: string, path: string) => {
    if (!plan.accounts[account]) add(`accounts.${path}`, `Konto ${account} saknas i kontoplanen`);
  };
  const companyDigits = orgNoDigits(input.company?.orgNo ?? '');
  const checkDocs = (docs: InvoiceFile[], kind: InvoiceFile['kind'], path: string) =>
    docs.forEach((doc, i) => {
      const p = `${path}[${i}]`;
      if (doc.kind !== kind)
        add(
          `${p}.kind`,
          kind === 'invoice' ? 'Kreditfaktura bland fakturorna' : 'Faktura bland kreditfakturorna',
        );
      out.push(...checkInvoiceFile(doc, p));
      if (companyDigits && orgNoDigits(doc.seller.orgNo) !== companyDigits) {
        add(
          `${p}.seller.orgNo`,
          `Säljaren ${doc.seller.orgNo} är inte bokföringens organisation ${input.company.orgNo}`,
        );
      }
      inYear(bookingDateOf(doc), doc.bookingDate === undefined ? `${p}.issueDate` : `${p}.bookingDate`);
      needAccount(plan.receivable[doc.buyer.kind], `receivable.${doc.buyer.kind}`);
      needAccount(plan.revenue[doc.buyer.kind], `revenue.${doc.buyer.kind}`);
      for (const b of doc.vatBreakdown)
        if (b.rate !== '0') needAccount(plan.outputVat[b.rate], `outputVat.${b.rate}`);
    });
  checkDocs(input.invoices, 'invoice', 'invoices');
  checkDocs(input.creditNotes, 'credit-note', 'creditNotes');
  (input.purchases ?? []).forEach((doc, i) => {
    const p = `purchases[${i}]`;
    out.push(...checkInvoiceFile(doc, p));
    if (companyDigits && orgNoDigits(doc.buyer.orgNo) !== companyDigits) {
      add(
        `${p}.buyer.orgNo`,
        `Köparen ${doc.buyer.orgNo} är inte bokföringens organisation ${input.company.orgNo}`,
      );
    }
    inYear(bookingDateOf(doc), doc.bookingDate === undefined ? `${p}.issueDate` : `${p}.bookingDate`);
    needAccount(plan.purchase.payable, 'purchase.payable');
    needAccount(plan.purchase.cost, 'purchase.cost');
    if (doc.vatBreakdown.some((b) => b.rate !== '0'))
      needAccount(plan.purchase.inputVat, 'purchase.inputVat');
  });
  input.internalCharges.forEach((c, i) => {
    const p = `internalCharges[${i}]`;
    if (!isIsoDate(c.date)) add(`${p}.date`, `Ogiltigt datum "${c.date}" (ÅÅÅÅ-MM-DD)`);
    inYear(c.date, `${p}.date`);
    if (!c.debitUnit?.responsibilityCode?.trim()) add(`${p}.debitUnit`, 'Debiterad enhet saknar ansvarskod');
    if (!c.creditUnit?.responsibilityCode?.trim())
      add(`${p}.creditUnit`, 'Krediterad enhet saknar ansvarskod');
    needAccount(plan.internalCost, 'internalCost');
    needAccount(plan.internalRevenue, 'internalRevenue');
  });
  // One message per missing account is enough.
  return out.filter((p, i) => out.findIndex((q) => q.path === p.path && q.message === p.message) === i);
}
