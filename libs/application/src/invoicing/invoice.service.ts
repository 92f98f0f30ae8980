import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, Money, parsePeriod, ProblemList } from '@it-samverkan/domain';
import {
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import { Actor, Principal } from '../common/principal';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { approvedBudgetModel, periodShare, yearlySharesOf } from './charge-sources';
import { Directory } from './directory';
import { CreditInput, creditInvoice, issueInvoice } from './issuing';
import { refreshTotals, runInvoicePeriod, RunResult } from './invoice-run';
import { closePeriod, reopenPeriod } from './periods';
import { runSettlement, SettlementRunResult } from './settlement-run';
import { internalChargeView, InternalChargeView, invoiceView, InvoiceView } from './views';

export interface InvoiceFilter {
  period?: string;
  status?: 'draft' | 'issued';
  kind?: 'invoice' | 'credit-note';
  buyerId?: string;
}

export interface AppropriationRow {
  municipalityId: string;
  unitId: string;
  unitName: string;
  responsibilityCode: string;
  serviceId: string;
  amount: string;
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

  /** A scoped principal sees invoices its municipality issues or receives. */
  private visible(invoice: InvoiceEntity, principal: Principal): boolean {
    return (
      principal.scope === null ||
      invoice.issuerId === principal.scope ||
      invoice.buyerMunicipalityId === principal.scope
    );
  }

  async list(filter: InvoiceFilter, page: PageRequest, principal: Principal): Promise<Page<InvoiceView>> {
    const qb = this.db.getRepository(InvoiceEntity).createQueryBuilder('i');
    if (filter.period) qb.andWhere('i.period = :period', { period: parsePeriod(filter.period).key });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.buyerId) qb.andWhere('i.buyerId = :buyerId', { buyerId: filter.buyerId });
    if (principal.scope)
      qb.andWhere('(i.issuerId = :scope OR i.buyerMunicipalityId = :scope)', { scope: principal.scope });
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
    return pageOf(
      rows.map((r) =>
        invoiceView(
          r,
          lines.filter((l) => l.invoiceId === r.id),
        ),
      ),
      total,
      page,
    );
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

  /** Changes a draft line's description or amount; issued invoices never change. */
  async updateDraftLine(
    id: string,
    lineId: string,
    change: { description?: string; net?: string },
    actor: Actor,
    now: Date,
  ): Promise<InvoiceView> {
    return inTransaction(this.db, async (m) => {
      const invoice = await this.draft(m, id, actor.principal);
      const line = await m.getRepository(InvoiceLineEntity).findOneBy({ id: lineId, invoiceId: id });
      if (!line)
        throw new DomainError('LINE_NOT_FOUND', `Raden ${lineId} finns inte på fakturan`, 'not-found');
      const problems = new ProblemList();
      if (change.net !== undefined) {
        const p = Money.check(change.net, 'net');
        if (p) problems.add(p.path, p.message);
      }
      if (change.description !== undefined && !change.description.trim())
        problems.add('description', 'Beskrivningen får inte vara tom');
      problems.throwIfAny();
      const before = { description: line.description, net: line.net.toString() };
      if (change.description !== undefined) line.description = change.description.trim().slice(0, 300);
      if (change.net !== undefined) {
        line.net = Money.parse(change.net);
        line.unitPrice = line.net;
        line.quantity = '1';
      }
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
          after: { lineId, description: line.description, net: line.net.toString() },
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

  /** A draft the principal may see, read inside the caller's transaction. */
  private async draft(m: EntityManager, id: string, principal: Principal): Promise<InvoiceEntity> {
    const invoice = await m.getRepository(InvoiceEntity).findOneBy({ id });
    if (!invoice || !this.visible(invoice, principal))
      throw new DomainError('INVOICE_NOT_FOUND', `Fakturan ${id} finns inte`, 'not-found');
    if (invoice.status !== 'draft')
      throw new DomainError(
        'INVOICE_ISSUED',
        `Fakturan ${invoice.number} är utfärdad och kan inte ändras`,
        'conflict',
      );
    return invoice;
  }

  async issue(id: string, actor: Actor, now: Date): Promise<InvoiceView> {
    await this.get(id, actor.principal);
    return issueInvoice(this.db, id, actor, now);
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

  /** The internal charges of a period (transfers between units of one municipality, no VAT). */
  async internalCharges(
    periodKey: string,
    principal: Principal,
  ): Promise<{ period: string; total: string; charges: InternalChargeView[] }> {
    const period = parsePeriod(periodKey);
    const where = principal.scope
      ? { period: period.key, municipalityId: principal.scope }
      : { period: period.key };
    const rows = await this.db
      .getRepository(InternalChargeEntity)
      .find({ where, order: { unitId: 'ASC', sourceKey: 'ASC' } });
    return {
      period: period.key,
      total: Money.sum(rows.map((r) => r.amount)).toString(),
      charges: rows.map(internalChargeView),
    };
  }

  /** What the central appropriation must cover in a period: the shares of units funded by appropriation. */
  async appropriationReport(
    periodKey: string,
    principal: Principal,
  ): Promise<{ period: string; model: string | null; total: string; rows: AppropriationRow[] }> {
    const period = parsePeriod(periodKey);
    const directory = await Directory.load(this.db, period.firstDay, period.lastDay);
    const model = await approvedBudgetModel(this.db, period.year);
    const units = new Map((await this.db.getRepository(UnitEntity).find()).map((u) => [u.id, u]));
    const rows: AppropriationRow[] = [];
    for (const share of model ? yearlySharesOf(model) : []) {
      const consumer = directory.consumers.get(share.consumerId);
      if (!consumer || directory.fundingOf(consumer, share.serviceId) !== 'appropriation') continue;
      if (principal.scope && consumer.municipalityId !== principal.scope) continue;
      const amount = periodShare(share.amount, period);
      rows.push({
        municipalityId: consumer.municipalityId,
        unitId: consumer.id,
        unitName: units.get(consumer.id)?.name ?? consumer.name,
        responsibilityCode: consumer.responsibilityCode,
        serviceId: share.serviceId,
        amount: amount.toString(),
      });
    }
    return {
      period: period.key,
      model: model?.name ?? null,
      total: Money.sum(rows.map((r) => Money.parse(r.amount))).toString(),
      rows,
    };
  }
}
