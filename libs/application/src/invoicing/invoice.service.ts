import { DataSource, EntityManager, In } from 'typeorm';
import {
  checkLineQuantity,
  DomainError,
  lineOf,
  invoiceParties,
  Money,
  parsePeriod,
  Period,
  periodKeysWithin,
  periodsOverlappingLonger,
  ProblemList,
} from '@it-samverkan/domain';
import {
  CompanyEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import { Actor, Principal } from '../common/principal';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { approvedBudgetModel, approvingDecision, periodCostShares, yearlySharesOf } from './charge-sources';
import { Directory } from './directory';
import { CreditInput, creditInvoice, issueInvoice, IssueOptions } from './issuing';
import { refreshTotals, runInvoicePeriod } from './invoice-run';
import type { RunResult, SettlementRunResult } from './invoice-run-view';
import { invoicePeriods, InvoicePeriodSummary } from './period-summaries';
import { whereVisibleTo } from './invoice-scope';
import { closePeriod, lockOpenPeriod, openPeriods, periodStatus, reopenPeriod } from './periods';
import { runSettlement } from './settlement-run';
import { yearToDateReport } from './year-to-date-report';
import type { YearToDateReportView } from './year-to-date-report-view';
import type {
  AppropriationReportView,
  AppropriationRow,
  InternalChargeReportView,
} from './period-report-view';
import { internalChargeView, invoiceView, InvoiceView, longerPeriodNotes } from './views';

export interface InvoiceFilter {
  period?: string;
  status?: 'draft' | 'issued';
  kind?: 'invoice' | 'credit-note';
  buyerId?: string;
}

/** Invoicing use cases for the API and the CLI: runs, drafts, issuing, credit notes, periods, reports. */
export class InvoiceService {
  constructor(private readonly db: DataSource) {}

  run(periodKey: string, actor: Actor, now: Date): Promise<RunResult> {
    return runInvoicePeriod(this.db, parsePeriod(periodKey), actor, now);
  }

  /** Final settlement of a year, booked in an open period after year end. */
  settle(year: number, bookIn: string, actor: Actor, now: Date): Promise<SettlementRunResult> {
    return runSettlement(this.db, year, bookIn, actor, now);
  }

  /** A scoped principal sees the invoices it is a party to (DOMAIN 9, the access policy's invoiceParties). */
  private visible(invoice: InvoiceEntity, principal: Principal): boolean {
    return principal.scope === null || invoiceParties(invoice).includes(principal.scope);
  }

  /**
   * Invoices and credit notes whose period lies inside the asked one (DOMAIN.md 7): `2025` holds
   * all of 2025's months, quarters and tertials. `notes` names the longer periods that overlap
   * it (a party billed by quarter when a month is asked), so an empty page is never unexplained.
   */
  async list(
    filter: InvoiceFilter,
    page: PageRequest,
    principal: Principal,
  ): Promise<Page<InvoiceView> & { notes: string[] }> {
    const period = filter.period ? parsePeriod(filter.period) : null;
    const qb = this.invoiceQuery(filter, principal);
    if (period) qb.andWhere('i.period IN (:...periods)', { periods: periodKeysWithin(period) });
    qb.orderBy('i.period', 'ASC')
      .addOrderBy('i.number', 'ASC')
      .addOrderBy('i.createdAt', 'ASC')
      .addOrderBy('i.id', 'ASC');
    qb.skip((page.page - 1) * page.pageSize).take(page.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const lines = rows.length
      ? await this.db
          .getRepository(InvoiceLineEntity)
          .find({ where: { invoiceId: In(rows.map((r) => r.id)) } })
      : [];
    const notes = period ? await this.longerInvoiceNotes(filter, period, principal) : [];
    const linesOf = new Map<string, InvoiceLineEntity[]>(rows.map((r) => [r.id, []]));
    for (const line of lines) linesOf.get(line.invoiceId)?.push(line);
    return {
      ...pageOf(
        rows.map((r) => invoiceView(r, linesOf.get(r.id) ?? [])),
        total,
        page,
      ),
      notes,
    };
  }

  /** The filtered, visible invoices, without the period condition. */
  private invoiceQuery(filter: InvoiceFilter, principal: Principal) {
    const qb = this.db.getRepository(InvoiceEntity).createQueryBuilder('i');
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.buyerId) qb.andWhere('i.buyerId = :buyerId', { buyerId: filter.buyerId });
    return whereVisibleTo(qb, principal);
  }

  private async longerInvoiceNotes(filter: InvoiceFilter, period: Period, principal: Principal) {
    const longer = periodsOverlappingLonger(period).map((p) => p.key);
    if (longer.length === 0) return [];
    const rows = await this.invoiceQuery(filter, principal)
      .andWhere('i.period IN (:...longer)', { longer })
      .select(['i.period', 'i.buyerId'])
      .getMany();
    return longerPeriodNotes(
      period,
      rows.map((r) => ({ period: r.period, party: r.buyerId })),
      'Fakturor',
      await this.partyNames(rows.map((r) => r.buyerId)),
    );
  }

  /** The names of parties (municipalities, companies, joint committees) by id, for text a person reads. */
  private async partyNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const named = await Promise.all(
      [MunicipalityEntity, CompanyEntity, JointCommitteeEntity].map((entity) =>
        this.db.getRepository(entity).find({ select: { id: true, name: true }, where: { id: In(unique) } }),
      ),
    );
    return new Map(named.flat().map((p) => [p.id, p.name]));
  }

  async get(id: string, principal: Principal): Promise<InvoiceView> {
    const invoice = await this.db.getRepository(InvoiceEntity).findOneBy({ id });
    // An invoice the principal may not see is reported as missing, so ids leak nothing.
    if (!invoice || !this.visible(invoice, principal))
      throw new DomainError('INVOICE_NOT_FOUND', `Fakturan ${id} finns inte`, 'not-found');
    return invoiceView(
      invoice,
      await this.db.getRepository(InvoiceLineEntity).find({ where: { invoiceId: id } }),
    );
  }

  /**
   * Changes a draft line's description, quantity or unit price; the net follows as quantity × unit
   * price half-up to öre (DOMAIN.md 7). Issued invoices never change.
   */
  async updateDraftLine(
    id: string,
    lineId: string,
    change: { description?: string; quantity?: string; unitPrice?: string },
    actor: Actor,
    now: Date,
  ): Promise<InvoiceView> {
    return inTransaction(this.db, async (m) => {
      const invoice = await this.draft(m, id, actor.principal);
      const line = await m.getRepository(InvoiceLineEntity).findOneBy({ id: lineId, invoiceId: id });
      if (!line)
        throw new DomainError('LINE_NOT_FOUND', `Raden ${lineId} finns inte på fakturan`, 'not-found');
      const problems = new ProblemList();
      if (change.description !== undefined && !change.description.trim())
        problems.add('description', 'Beskrivningen får inte vara tom');
      const quantityProblem =
        change.quantity !== undefined ? checkLineQuantity(change.quantity, 'quantity') : null;
      if (quantityProblem) problems.add(quantityProblem.path, quantityProblem.message);
      const priceProblem = change.unitPrice !== undefined ? Money.check(change.unitPrice, 'unitPrice') : null;
      if (priceProblem) problems.add(priceProblem.path, priceProblem.message);
      const unitPrice =
        change.unitPrice !== undefined && !priceProblem ? Money.parse(change.unitPrice) : line.unitPrice;
      if ((change.quantity !== undefined || change.unitPrice !== undefined) && unitPrice.isNegative())
        problems.add(
          'unitPrice',
          'À-priset får inte vara negativt: skriv en minskning som ett negativt antal',
        );
      problems.throwIfAny();
      const before = {
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPrice.toString(),
        net: line.net.toString(),
      };
      if (change.description !== undefined) line.description = change.description.trim().slice(0, 300);
      if (change.quantity !== undefined || change.unitPrice !== undefined)
        Object.assign(line, lineOf(change.quantity ?? line.quantity, unitPrice));
      await m.update(
        InvoiceLineEntity,
        { id: lineId },
        { description: line.description, net: line.net, unitPrice: line.unitPrice, quantity: line.quantity },
      );
      await refreshTotals(m, invoice);
      await recordAudit(
        m,
        actor,
        {
          action: 'update-line',
          entityType: 'invoice',
          entityId: id,
          before,
          after: {
            lineId,
            description: line.description,
            quantity: line.quantity,
            unitPrice: line.unitPrice.toString(),
            net: line.net.toString(),
          },
        },
        now,
      );
      return invoiceView(
        invoice,
        await m.getRepository(InvoiceLineEntity).find({ where: { invoiceId: id } }),
      );
    });
  }

  /** Removes a line from a draft (a later run adds it again if its source still charges it). */
  async removeDraftLine(id: string, lineId: string, actor: Actor, now: Date): Promise<InvoiceView> {
    return inTransaction(this.db, async (m) => {
      const invoice = await this.draft(m, id, actor.principal);
      const line = await m.getRepository(InvoiceLineEntity).findOneBy({ id: lineId, invoiceId: id });
      if (!line)
        throw new DomainError('LINE_NOT_FOUND', `Raden ${lineId} finns inte på fakturan`, 'not-found');
      await m.delete(InvoiceLineEntity, { id: lineId });
      await refreshTotals(m, invoice);
      await recordAudit(
        m,
        actor,
        {
          action: 'remove-line',
          entityType: 'invoice',
          entityId: id,
          before: { lineId, description: line.description, net: line.net.toString() },
        },
        now,
      );
      return invoiceView(
        invoice,
        await m.getRepository(InvoiceLineEntity).find({ where: { invoiceId: id } }),
      );
    });
  }

  /**
   * A draft the principal may see, read inside the caller's transaction after its period's year
   * is locked: a draft in a closed period is never edited (DOMAIN.md 7, 9).
   */
  private async draft(m: EntityManager, id: string, principal: Principal): Promise<InvoiceEntity> {
    const found = await m.getRepository(InvoiceEntity).findOneBy({ id });
    if (!found || !this.visible(found, principal))
      throw new DomainError('INVOICE_NOT_FOUND', `Fakturan ${id} finns inte`, 'not-found');
    await lockOpenPeriod(m, this.db, parsePeriod(found.period));
    const invoice = (await m.getRepository(InvoiceEntity).findOneBy({ id }))!;
    if (invoice.status !== 'draft')
      throw new DomainError(
        'INVOICE_ISSUED',
        `Fakturan ${invoice.number} är utfärdad och kan inte ändras`,
        'conflict',
      );
    return invoice;
  }

  /** Issues a draft, on the invoice date finance gives or today in Sweden. */
  async issue(id: string, actor: Actor, now: Date, options: Pick<IssueOptions, 'invoiceDate'> = {}) {
    await this.get(id, actor.principal);
    return issueInvoice(this.db, id, actor, now, { invoiceDate: options.invoiceDate });
  }

  async credit(id: string, input: CreditInput, actor: Actor, now: Date): Promise<InvoiceView> {
    await this.get(id, actor.principal);
    return creditInvoice(this.db, id, input, actor, now);
  }

  close(periodKey: string, actor: Actor, now: Date) {
    return closePeriod(this.db, parsePeriod(periodKey), actor, now);
  }

  reopen(periodKey: string, actor: Actor, now: Date) {
    return reopenPeriod(this.db, parsePeriod(periodKey), actor, now);
  }

  /** Year to date per consumer: charged so far against the yearly share (see year-to-date-report.ts). */
  yearToDate(year: number, through: string | undefined, principal: Principal): Promise<YearToDateReportView> {
    return yearToDateReport(this.db, year, through, principal);
  }

  /** The periods holding documents the principal may see that are not closed yet, with their status. */
  openPeriods(principal: Principal) {
    return openPeriods(this.db, principal);
  }

  /** The periods holding documents the principal may see, newest first, with counts and issued totals. */
  periods(
    filter: { year?: number },
    page: PageRequest,
    principal: Principal,
  ): Promise<Page<InvoicePeriodSummary>> {
    return invoicePeriods(this.db, filter, page, principal);
  }

  /** A period's closed months, and its drafts and issued documents that the principal may see. */
  periodStatus(periodKey: string, principal: Principal) {
    return periodStatus(this.db, parsePeriod(periodKey), principal);
  }

  /** The internal charges of the periods inside a period (transfers between units of one municipality, no VAT). */
  async internalCharges(periodKey: string, principal: Principal): Promise<InternalChargeReportView> {
    const period = parsePeriod(periodKey);
    const scope = principal.scope ? { municipalityId: principal.scope } : {};
    const repo = this.db.getRepository(InternalChargeEntity);
    const rows = await repo.find({
      where: { ...scope, period: In(periodKeysWithin(period)) },
      order: { period: 'ASC', unitId: 'ASC', sourceKey: 'ASC' },
    });
    const longer = await repo.find({
      select: { period: true, municipalityId: true },
      where: { ...scope, period: In(periodsOverlappingLonger(period).map((p) => p.key)) },
    });
    return {
      period: period.key,
      total: Money.sum(rows.map((r) => r.amount)).toString(),
      charges: rows.map(internalChargeView),
      notes: longerPeriodNotes(
        period,
        longer.map((r) => ({ period: r.period, party: r.municipalityId })),
        'Interndebiteringar',
        await this.partyNames(longer.map((r) => r.municipalityId)),
      ),
    };
  }

  /** What the central appropriation must cover in a period: the shares of units funded by appropriation. */
  async appropriationReport(periodKey: string, principal: Principal): Promise<AppropriationReportView> {
    const period = parsePeriod(periodKey);
    const directory = await Directory.load(this.db, period.firstDay, period.lastDay);
    const model = await approvedBudgetModel(this.db, period.year);
    const units = new Map((await this.db.getRepository(UnitEntity).find()).map((u) => [u.id, u]));
    const rows: AppropriationRow[] = [];
    const shares = periodCostShares(model ? yearlySharesOf(model) : [], directory, period, []);
    for (const { consumer, serviceId, serviceName, amount } of shares) {
      if (directory.fundingOf(consumer, serviceId) !== 'appropriation') continue;
      if (principal.scope && consumer.municipalityId !== principal.scope) continue;
      rows.push({
        municipalityId: consumer.municipalityId,
        unitId: consumer.id,
        unitName: units.get(consumer.id)?.name ?? consumer.name,
        responsibilityCode: consumer.responsibilityCode,
        serviceId,
        serviceName,
        amount: amount.toString(),
      });
    }
    return {
      period: period.key,
      model: model?.name ?? null,
      decision: await approvingDecision(this.db, model?.decisionId ?? null),
      total: Money.sum(rows.map((r) => Money.parse(r.amount))).toString(),
      rows,
    };
  }
}
