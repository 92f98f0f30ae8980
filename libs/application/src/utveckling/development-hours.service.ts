import { randomUUID } from 'node:crypto';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import {
  DEVELOPMENT_STATUS_LABELS,
  DEVELOPMENT_STATUSES_ACCEPTING_HOURS,
  DevelopmentStatus,
  DomainError,
  firstOpenMonthFrom,
  formatLocalDateTime,
  MAX_REPORTED_HOURS,
  ProblemList,
  readDevelopmentHours,
  ValidationError,
} from '@it-samverkan/domain';
import {
  DevelopmentHoursEntity,
  DevelopmentRequestEntity,
  PeriodCloseEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { DevelopmentHoursView } from './development-request-view';
import { hoursView } from './development-request.mapper';
import { readFilterScope } from '../access/access.service';
import { inScope, REGISTER } from './development-request.service';
import { DevelopmentChargeInput, developmentChargeInputs } from './development-charges';

export interface HoursInput {
  hours: string | number;
  /** The day the work was done, YYYY-MM-DD. */
  reportedOn: string;
  note?: string;
}

const NOTE_LIMIT = 500;
const REPORT_TIMEZONE = 'Europe/Stockholm';

/** Hours worked on additional development (tilläggsuppdrag): reported, and billed in the first open month. */
export class DevelopmentHoursService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reports hours on a request that is in progress or done and funded as an additional assignment.
   * The hours are billed in the report date's month, or the first open month after it when that
   * month is closed (DOMAIN.md 7); `latePeriodFrom` then names the closed month.
   */
  async report(requestId: string, input: HoursInput, actor: Actor, now: Date): Promise<DevelopmentHoursView> {
    return inTransaction(this.dataSource, async (m) => {
      const request = await m.getRepository(DevelopmentRequestEntity).findOneBy({ id: requestId });
      if (!request || !inScope(actor, request.municipalityId)) {
        throw new DomainError(
          'DEVELOPMENT_REQUEST_NOT_FOUND',
          `Utvecklingsärendet ${requestId} finns inte`,
          'not-found',
        );
      }
      const status = request.status as DevelopmentStatus;
      if (!DEVELOPMENT_STATUSES_ACCEPTING_HOURS.includes(status)) {
        throw new DomainError(
          'HOURS_NOT_ACCEPTED',
          `Tid kan bara rapporteras på pågående eller klara ärenden; ärendet har status ${DEVELOPMENT_STATUS_LABELS[status]}`,
          'conflict',
        );
      }
      if (request.funding !== 'additional') {
        throw new DomainError(
          'HOURS_NOT_BILLABLE',
          'Ärendet genomförs inom ramuppdraget och delas via kostnadsmodellen; tid rapporteras bara på tilläggsuppdrag som debiteras',
          'unprocessable',
        );
      }
      const problems = new ProblemList();
      const hours = readDevelopmentHours(input.hours, MAX_REPORTED_HOURS, 'hours');
      if (!hours.ok) problems.add(hours.problem.path, hours.problem.message);
      const today = formatLocalDateTime(now, REPORT_TIMEZONE).slice(0, 10);
      if (!isDate(input.reportedOn)) problems.add('reportedOn', 'Datum måste anges som ÅÅÅÅ-MM-DD');
      else if (input.reportedOn > today)
        problems.add('reportedOn', `Tid kan inte rapporteras för ett kommande datum (i dag är ${today})`);
      const note = typeof input.note === 'string' ? input.note.trim() : '';
      if (note.length > NOTE_LIMIT) problems.add('note', `Anteckningen får vara högst ${NOTE_LIMIT} tecken`);
      problems.throwIfAny('Tidrapporten är ogiltig');

      const closed = await m
        .getRepository(PeriodCloseEntity)
        .find({ where: { month: MoreThanOrEqual(input.reportedOn.slice(0, 7)) } });
      const month = firstOpenMonthFrom(input.reportedOn, new Set(closed.map((c) => c.month)));
      const row = Object.assign(new DevelopmentHoursEntity(), {
        id: randomUUID(),
        requestId,
        hours: (hours as { hours: string }).hours,
        reportedOn: input.reportedOn,
        month,
        note,
        createdAt: now,
        createdBy: actor.principal.name,
      });
      await m.insert(DevelopmentHoursEntity, row);
      const view = hoursView(row);
      await recordAudit(
        m,
        actor,
        { action: 'report-hours', entityType: 'development-hours', entityId: row.id, after: view },
        now,
      );
      return view;
    });
  }

  /** The billable hours of a month (developmentChargeInputs), only the actor's municipality's when it is scoped. */
  async chargeInputs(month: string, actor: Actor): Promise<DevelopmentChargeInput[]> {
    if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new ValidationError([{ path: 'month', message: 'Ange månaden som ÅÅÅÅ-MM, t.ex. 2025-03' }]);
    }
    const all = await developmentChargeInputs(this.dataSource, [month]);
    if (actor.principal.scope === null) return all;
    const units = await this.dataSource
      .getRepository(UnitEntity)
      .findBy({ municipalityId: actor.principal.scope });
    const visible = new Set(units.map((u) => u.id));
    return all.filter((c) => visible.has(c.consumerId));
  }

  /** The hours reported on a request, in report order. */
  async list(requestId: string, actor: Actor): Promise<DevelopmentHoursView[]> {
    const request = await this.dataSource
      .getRepository(DevelopmentRequestEntity)
      .findOneBy({ id: requestId });
    const scope = await readFilterScope(this.dataSource, actor.principal, REGISTER);
    if (!request || (scope !== null && scope !== request.municipalityId)) {
      throw new DomainError(
        'DEVELOPMENT_REQUEST_NOT_FOUND',
        `Utvecklingsärendet ${requestId} finns inte`,
        'not-found',
      );
    }
    const rows = await this.dataSource
      .getRepository(DevelopmentHoursEntity)
      .find({ where: { requestId }, order: { reportedOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return rows.map(hoursView);
  }
}

function isDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
}
