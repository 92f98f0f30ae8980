import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Like } from 'typeorm';
import {
  addDays,
  bookingDate,
  creditAmountProblem,
  creditedLineOf,
  creditNotePeriod,
  DomainError,
  formatInvoiceNumber,
  formatSourceKey,
  invoiceDateProblems,
  invoicePrefixOf,
  LineAmount,
  lineForAmount,
  Money,
  negateLine,
  parsePeriod,
  Period,
  periodContaining,
  ProblemList,
  remainingToCredit,
  ValidationError,
} from '@it-samverkan/domain';
import {
  InvoiceCounterEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  MunicipalityEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction, lockMode } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { refreshTotals } from './invoice-run';
import { assertOpen, ensurePeriodLocks, lockPeriodYears } from './periods';
import { invoiceView, InvoiceView } from './views';
import { swedishDate } from '../common/swedish-date';

export interface NumberRequest {
  issuerId: string;
  /** The document's invoice date; its year names the series. */
  invoiceDate: string;
  /** Today in Sweden: an invoice date is never later. */
  today: string;
  /** A document the new one may not be dated before (the invoice a credit note corrects). */
  notBefore?: { number: string; invoiceDate: string };
}

/**
 * Takes the next number of the issuer's yearly series (`ULR-2025-00017`): the counter row is
 * locked FOR UPDATE inside the issuing transaction, so concurrent issues queue and a rolled-back
 * issue leaves no gap. Refuses an invoice date earlier than the series' last document, so
 * numbers and dates rise together (DOMAIN.md 7 "Dates").
 */
export async function nextInvoiceNumber(
  m: EntityManager,
  db: DataSource,
  request: NumberRequest,
): Promise<string> {
  const { issuerId, invoiceDate, today } = request;
  const year = Number(invoiceDate.slice(0, 4));
  const repo = m.getRepository(InvoiceCounterEntity);
  let counter = await repo.findOne({
    where: { issuerId, year },
    lock: lockMode(db) ? { mode: 'pessimistic_write' } : undefined,
  });
  if (!counter) {
    // First number of the year: create the row; a concurrent creator makes this insert fail and we lock theirs.
    await m.query(
      db.options.type === 'mysql'
        ? 'INSERT IGNORE INTO invoice_counter (issuer_id, year, last_number) VALUES (?, ?, 0)'
        : 'INSERT OR IGNORE INTO invoice_counter (issuer_id, year, last_number) VALUES (?, ?, 0)',
      [issuerId, year],
    );
    counter = await repo.findOneOrFail({
      where: { issuerId, year },
      lock: lockMode(db) ? { mode: 'pessimistic_write' } : undefined,
    });
  }
  const last = await m.getRepository(InvoiceEntity).findOne({
    where: { issuerId, status: 'issued', issueDate: Like(`${year}-%`) },
    order: { issueDate: 'DESC', issuedAt: 'DESC' },
  });
  const candidates = [
    ...(last ? [{ number: last.number!, invoiceDate: last.issueDate! }] : []),
    ...(request.notBefore ? [request.notBefore] : []),
  ].sort((a, b) => b.invoiceDate.localeCompare(a.invoiceDate));
  const problems = invoiceDateProblems({ invoiceDate, today, lastInSeries: candidates[0] ?? null });
  if (problems.length > 0)
    throw new ValidationError(problems, 'Fakturadatumet kan inte användas', 'INVOICE_DATE_INVALID');
  const next = counter.lastNumber + 1;
  await repo.update({ issuerId, year }, { lastNumber: next });
  const issuer = await m.getRepository(MunicipalityEntity).findOneBy({ id: issuerId });
  return formatInvoiceNumber(invoicePrefixOf(issuer ?? { id: issuerId }), year, next);
}

/** An invoice date given by finance, checked (a date, not in the future) before anything is read; today in Sweden otherwise. */
function invoiceDateOf(given: string | undefined, now: Date): { invoiceDate: string; today: string } {
  const today = swedishDate(now);
  if (given === undefined) return { invoiceDate: today, today };
  const problems = invoiceDateProblems({ invoiceDate: given, today, lastInSeries: null });
  if (problems.length > 0)
    throw new ValidationError(problems, 'Fakturadatumet kan inte användas', 'INVOICE_DATE_INVALID');
  return { invoiceDate: given, today };
}

/** Refuses a document whose period, or the month its booking date falls in, is closed. */
async function assertBookable(m: EntityManager, period: Period, booking: string): Promise<void> {
  await assertOpen(m, period);
  await assertOpen(m, periodContaining('month', booking.slice(0, 7)));
}

async function loadForUpdate(m: EntityManager, db: DataSource, id: string): Promise<InvoiceEntity> {
  const invoice = await m
    .getRepository(InvoiceEntity)
    .findOne({ where: { id }, lock: lockMode(db) ? { mode: 'pessimistic_write' } : undefined });
  if (!invoice) throw new DomainError('INVOICE_NOT_FOUND', `Fakturan ${id} finns inte`, 'not-found');
  return invoice;
}

export interface IssueOptions {
  /** The invoice date finance gives (DOMAIN.md 7); today in Sweden when absent. */
  invoiceDate?: string;
  beforeCommit?: (m: EntityManager) => Promise<void>;
}

/** Issues a draft: number, invoice, due and booking dates; from then on it never changes. */
export async function issueInvoice(
  db: DataSource,
  id: string,
  actor: Actor,
  now: Date,
  options: IssueOptions = {},
): Promise<InvoiceView> {
  const { invoiceDate, today } = invoiceDateOf(options.invoiceDate, now);
  const found = await db.getRepository(InvoiceEntity).findOneBy({ id });
  if (!found) throw new DomainError('INVOICE_NOT_FOUND', `Fakturan ${id} finns inte`, 'not-found');
  const period = parsePeriod(found.period);
  await ensurePeriodLocks(db, [period.year]);
  return inTransaction(db, async (m) => {
    await lockPeriodYears(m, db, [period.year]);
    const invoice = await loadForUpdate(m, db, id);
    if (invoice.status !== 'draft')
      throw new DomainError(
        'INVOICE_ALREADY_ISSUED',
        `Fakturan ${invoice.number} är redan utfärdad`,
        'conflict',
      );
    const lines = await m.getRepository(InvoiceLineEntity).find({ where: { invoiceId: id } });
    const problems = new ProblemList();
    if (lines.length === 0) problems.add('lines', 'Fakturan har inga rader');
    if (!invoice.buyerReference.trim())
      problems.add('buyerReference', 'Köparens referens krävs innan fakturan utfärdas');
    if (invoice.gross.isZero()) problems.add('gross', 'Fakturans belopp är noll');
    problems.throwIfAny('Fakturan kan inte utfärdas', 'INVOICE_NOT_ISSUABLE');
    const booking = bookingDate({ invoiceDate, period });
    await assertBookable(m, period, booking);
    const before = invoiceView(invoice, lines);
    if (invoice.kind === 'invoice' && invoice.gross.isNegative()) await turnIntoCreditNote(m, invoice, lines);
    invoice.number = await nextInvoiceNumber(m, db, { issuerId: invoice.issuerId, invoiceDate, today });
    invoice.status = 'issued';
    invoice.issueDate = invoiceDate;
    invoice.bookingDate = booking;
    // A credit note is settled against the invoice it credits; it has no due date of its own.
    invoice.dueDate =
      invoice.kind === 'credit-note' ? invoiceDate : addDays(invoiceDate, invoice.paymentTermsDays);
    invoice.issuedAt = now;
    await m.update(
      InvoiceEntity,
      { id },
      {
        number: invoice.number,
        status: 'issued',
        issueDate: invoiceDate,
        dueDate: invoice.dueDate,
        bookingDate: booking,
        issuedAt: now,
      },
    );
    if (options.beforeCommit) await options.beforeCommit(m);
    const after = invoiceView(invoice, lines);
    await recordAudit(
      m,
      actor,
      {
        action: 'issue',
        entityType: 'invoice',
        entityId: id,
        before,
        after: {
          number: after.number,
          issueDate: invoiceDate,
          dueDate: after.dueDate,
          bookingDate: booking,
          gross: after.gross,
        },
      },
      now,
    );
    return after;
  });
}

/**
 * A draft whose total is negative (a final settlement in the buyer's favour) is issued as a credit
 * note with positive amounts, referencing the buyer's latest issued invoice.
 */
async function turnIntoCreditNote(
  m: EntityManager,
  invoice: InvoiceEntity,
  lines: InvoiceLineEntity[],
): Promise<void> {
  const latest = await m.getRepository(InvoiceEntity).findOne({
    where: { buyerKind: invoice.buyerKind, buyerId: invoice.buyerId, kind: 'invoice', status: 'issued' },
    order: { issuedAt: 'DESC', number: 'DESC' },
  });
  if (!latest) {
    throw new DomainError(
      'NOTHING_TO_CREDIT',
      'Utkastet har negativt belopp men köparen har ingen utfärdad faktura att kreditera',
      'unprocessable',
    );
  }
  for (const line of lines) {
    Object.assign(line, negateLine(line));
    await m.update(
      InvoiceLineEntity,
      { id: line.id },
      { quantity: line.quantity, net: line.net, unitPrice: line.unitPrice },
    );
  }
  invoice.kind = 'credit-note';
  invoice.creditedInvoiceId = latest.id;
  await m.update(InvoiceEntity, { id: invoice.id }, { kind: 'credit-note', creditedInvoiceId: latest.id });
  await refreshTotals(m, invoice);
}

/**
 * A credit-note line for `amount` of an invoice line: the line's quantity and price when all that
 * remains of it is credited, else the amount as ±1 × a positive price (DOMAIN.md 7).
 */
function creditLineAmount(line: InvoiceLineEntity, amount: Money): LineAmount {
  return amount.equals(line.net)
    ? { quantity: line.quantity, unitPrice: line.unitPrice, net: line.net }
    : lineForAmount(amount);
}

export interface CreditInput {
  reason: string;
  /** The credit note's invoice date (DOMAIN.md 7); today in Sweden when absent. */
  invoiceDate?: string;
  /** Lines to credit with the net amount to credit; all that remains when omitted. */
  lines?: { lineId: string; amount: string }[];
}

/**
 * Credits an issued invoice with a credit note that references it; never more than the invoice.
 * The note belongs to the month of its own invoice date, which must be open (DOMAIN.md 7).
 */
export async function creditInvoice(
  db: DataSource,
  id: string,
  input: CreditInput,
  actor: Actor,
  now: Date,
): Promise<InvoiceView> {
  const { invoiceDate, today } = invoiceDateOf(input.invoiceDate, now);
  const period = creditNotePeriod(invoiceDate);
  await ensurePeriodLocks(db, [period.year]);
  return inTransaction(db, async (m) => {
    await lockPeriodYears(m, db, [period.year]);
    const invoice = await loadForUpdate(m, db, id);
    if (invoice.kind !== 'invoice' || invoice.status !== 'issued') {
      throw new DomainError('INVOICE_NOT_CREDITABLE', 'Bara en utfärdad faktura kan krediteras', 'conflict');
    }
    const lines = await m
      .getRepository(InvoiceLineEntity)
      .find({ where: { invoiceId: id }, order: { lineNo: 'ASC' } });
    const notes = await m
      .getRepository(InvoiceEntity)
      .find({ where: { creditedInvoiceId: id, kind: 'credit-note' } });
    const earlier = notes.length
      ? await m.getRepository(InvoiceLineEntity).find({ where: { invoiceId: In(notes.map((n) => n.id)) } })
      : [];
    const left = remainingToCredit(
      lines,
      earlier.map((l) => ({ creditedLineId: creditedLineOf(l.sourceKey), net: l.net })),
    );
    const remainingOf = new Map(left.lines.map((l) => [l.lineId, l.remaining]));
    const problems = new ProblemList();
    if (!input.reason?.trim()) problems.add('reason', 'Ange orsaken till krediteringen');
    const wanted =
      input.lines ?? left.lines.map((l) => ({ lineId: l.lineId, amount: l.remaining.toString() }));
    const creditLines: { line: InvoiceLineEntity; amount: Money }[] = [];
    wanted.forEach((w, i) => {
      const line = lines.find((l) => l.id === w.lineId);
      if (!line) return problems.add(`lines[${i}].lineId`, 'Raden finns inte på fakturan');
      const check = Money.check(w.amount, `lines[${i}].amount`);
      if (check) return problems.add(check.path, check.message);
      const amount = Money.parse(w.amount);
      const refused = creditAmountProblem(amount, remainingOf.get(line.id)!);
      if (refused) return problems.add(`lines[${i}].amount`, refused);
      if (!amount.isZero()) creditLines.push({ line, amount });
    });
    if (creditLines.length === 0 && problems.empty)
      problems.add('lines', 'Inget återstår att kreditera på fakturan');
    problems.throwIfAny('Krediteringen är ogiltig', 'CREDIT_INVALID');
    const booking = bookingDate({ invoiceDate, period });
    await assertBookable(m, period, booking);
    const note = Object.assign(new InvoiceEntity(), {
      ...invoice,
      id: randomUUID(),
      kind: 'credit-note',
      status: 'issued',
      period: period.key,
      creditedInvoiceId: invoice.id,
      number: await nextInvoiceNumber(m, db, {
        issuerId: invoice.issuerId,
        invoiceDate,
        today,
        notBefore: { number: invoice.number!, invoiceDate: invoice.issueDate! },
      }),
      issueDate: invoiceDate,
      dueDate: invoiceDate,
      bookingDate: booking,
      createdAt: now,
      issuedAt: now,
    });
    await m.insert(InvoiceEntity, note);
    const noteLines = creditLines.map(({ line, amount }, i) =>
      Object.assign(new InvoiceLineEntity(), {
        ...line,
        id: randomUUID(),
        invoiceId: note.id,
        lineNo: i + 1,
        source: 'credit',
        sourceKey: formatSourceKey({ kind: 'credit', creditNoteId: note.id, creditedLineId: line.id }),
        description: `Kreditering: ${line.description} (${input.reason.trim()})`.slice(0, 300),
        ...creditLineAmount(line, amount),
      }),
    );
    await m.insert(InvoiceLineEntity, noteLines);
    await refreshTotals(m, note);
    const totalCredited = Money.sum([...notes.map((n) => n.gross), note.gross]);
    if (totalCredited.compare(invoice.gross) > 0) {
      throw new DomainError(
        'CREDIT_EXCEEDS_INVOICE',
        `Krediterat totalt (${totalCredited}) skulle överstiga fakturans belopp (${invoice.gross})`,
        'unprocessable',
      );
    }
    const view = invoiceView(note, noteLines);
    await recordAudit(
      m,
      actor,
      {
        action: 'credit',
        entityType: 'invoice',
        entityId: invoice.id,
        after: { creditNote: view.number, gross: view.gross, reason: input.reason },
      },
      now,
    );
    return view;
  });
}
