import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import {
  assertDevelopmentTransition,
  DEVELOPMENT_FUNDINGS,
  DEVELOPMENT_STATUSES,
  DEVELOPMENT_STATUSES_NEEDING_DECISION,
  DEVELOPMENT_STATUSES_TO_TAKE_UP,
  DEVELOPMENT_STATUSES_WITH_OPEN_FUNDING,
  DevelopmentFunding,
  DevelopmentStatus,
  DomainError,
  MAX_ESTIMATE_HOURS,
  parseLocalDateTime,
  ProblemList,
  readDevelopmentHours,
} from '@it-samverkan/domain';
import { DecisionEntity, DevelopmentRequestEntity, UnitEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { readFilterScope } from '../access/access.service';
import { DEVELOPMENT_DECISION_FORUMS, DevelopmentRequestView } from './development-request-view';
import { requestViews } from './development-request.mapper';

export interface DevelopmentRequestInput {
  unitId: string;
  title: string;
  need: string;
  estimateHours: string | number;
  funding: string;
}

export type DevelopmentRequestChanges = Partial<Omit<DevelopmentRequestInput, 'unitId'>>;

export interface StatusChange {
  status: string;
  /** Required when moving to decided or rejected: the decision that did it. */
  decisionId?: string;
  /** May be set when moving to decided: the forum fixes the funding with its decision. */
  funding?: string;
}

export interface DevelopmentRequestFilter {
  status?: string;
  /** 'YYYY-MM-DD': what the forum takes up at its meeting that day. */
  meetingDate?: string;
  unitId?: string;
}

const LIMITS = { title: 200, need: 5000 } as const;
const MEETING_TIMEZONE = 'Europe/Stockholm';

/** Development requests of IT-forum utveckling (DOMAIN.md 8.2): registered, moved through their statuses, listed per meeting. */
export class DevelopmentRequestService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: DevelopmentRequestInput, actor: Actor, now: Date): Promise<DevelopmentRequestView> {
    return inTransaction(this.dataSource, async (m) => {
      const problems = new ProblemList();
      const unitId: unknown = input.unitId;
      const unit =
        typeof unitId === 'string' ? await m.getRepository(UnitEntity).findOneBy({ id: unitId }) : null;
      if (typeof unitId !== 'string' || unitId === '')
        problems.add('unitId', 'Beställande enhet (unitId) måste anges');
      else if (!unit || !inScope(actor, unit.municipalityId))
        problems.add('unitId', `Okänd enhet "${unitId}"`);
      const fields = checkFields(input, problems);
      problems.throwIfAny('Utvecklingsärendet är ogiltigt');
      const row = Object.assign(new DevelopmentRequestEntity(), {
        id: randomUUID(),
        unitId: unit!.id,
        municipalityId: unit!.municipalityId,
        ...fields,
        status: 'received',
        decisionId: null,
        createdAt: now,
        createdBy: actor.principal.name,
        updatedAt: now,
      }) as DevelopmentRequestEntity;
      await m.insert(DevelopmentRequestEntity, row);
      const [view] = await requestViews(m, [row]);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'development-request', entityId: row.id, after: view },
        now,
      );
      return view;
    });
  }

  /** Changes title, need, estimate or funding while the forum has not yet decided (received, prioritised). */
  async update(
    id: string,
    changes: DevelopmentRequestChanges,
    actor: Actor,
    now: Date,
  ): Promise<DevelopmentRequestView> {
    return inTransaction(this.dataSource, async (m) => {
      const row = await this.load(m, id, actor);
      if (!(DEVELOPMENT_STATUSES_WITH_OPEN_FUNDING as readonly string[]).includes(row.status)) {
        throw new DomainError(
          'REQUEST_LOCKED',
          'Ett utvecklingsärende kan bara ändras innan forumet har beslutat om det',
          'conflict',
        );
      }
      const [before] = await requestViews(m, [row]);
      const problems = new ProblemList();
      const fields = checkFields(
        {
          title: row.title,
          need: row.need,
          estimateHours: row.estimateHours,
          funding: row.funding,
          // A field left out keeps its value (a DTO instance may carry it as undefined).
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        },
        problems,
      );
      problems.throwIfAny('Utvecklingsärendet är ogiltigt');
      Object.assign(row, fields, { updatedAt: now });
      await m.update(DevelopmentRequestEntity, { id }, { ...fields, updatedAt: now });
      const [after] = await requestViews(m, [row]);
      await recordAudit(
        m,
        actor,
        { action: 'update', entityType: 'development-request', entityId: id, before, after },
        now,
      );
      return after;
    });
  }

  /**
   * Moves a request to its next status (409 INVALID_TRANSITION otherwise). Deciding and rejecting
   * cite a decision of IT-forum utveckling or IT-styrgruppen (400 when missing or unknown); a
   * decision that decides a request lists it among what it approves.
   */
  async changeStatus(
    id: string,
    change: StatusChange,
    actor: Actor,
    now: Date,
  ): Promise<DevelopmentRequestView> {
    const problems = new ProblemList();
    if (!(DEVELOPMENT_STATUSES as readonly string[]).includes(change.status)) {
      problems.add('status', `Okänd status "${change.status}"; tillåtna: ${DEVELOPMENT_STATUSES.join(', ')}`);
    }
    if (
      change.funding !== undefined &&
      !(DEVELOPMENT_FUNDINGS as readonly string[]).includes(change.funding)
    ) {
      problems.add('funding', 'funding måste vara framework eller additional');
    }
    problems.throwIfAny('Statusändringen är ogiltig');
    const to = change.status as DevelopmentStatus;
    return inTransaction(this.dataSource, async (m) => {
      const row = await this.load(m, id, actor);
      assertDevelopmentTransition(row.status as DevelopmentStatus, to);
      const needsDecision = DEVELOPMENT_STATUSES_NEEDING_DECISION.includes(to);
      if (change.funding !== undefined && to !== 'decided') {
        problems.add(
          'funding',
          'Finansieringen bestäms när ärendet beslutas; ange den bara tillsammans med status decided',
        );
      }
      if (!needsDecision && change.decisionId !== undefined)
        problems.add('decisionId', 'Ett beslut anges bara när ärendet beslutas eller avslås');
      const decision = needsDecision ? await citedDecision(m, change.decisionId, problems) : null;
      problems.throwIfAny('Statusändringen är ogiltig');
      const [before] = await requestViews(m, [row]);
      const values = {
        status: to,
        decisionId: decision ? decision.id : row.decisionId,
        funding: (change.funding as DevelopmentFunding | undefined) ?? row.funding,
        updatedAt: now,
      };
      Object.assign(row, values);
      await m.update(DevelopmentRequestEntity, { id }, values);
      if (decision && to === 'decided') await listAsApproved(m, decision, id, actor, now);
      const [after] = await requestViews(m, [row]);
      await recordAudit(
        m,
        actor,
        { action: 'status', entityType: 'development-request', entityId: id, before, after },
        now,
      );
      return after;
    });
  }

  /**
   * Requests, oldest first. With `meetingDate` the list of that meeting: requests received or
   * prioritised by that day (to take up), and those decided or rejected by the meeting's decisions.
   */
  async list(
    filter: DevelopmentRequestFilter,
    actor: Actor,
    page: PageRequest,
  ): Promise<Page<DevelopmentRequestView>> {
    const problems = new ProblemList();
    if (filter.status !== undefined && !(DEVELOPMENT_STATUSES as readonly string[]).includes(filter.status)) {
      problems.add('status', `Okänd status "${filter.status}"; tillåtna: ${DEVELOPMENT_STATUSES.join(', ')}`);
    }
    const dayAfter = filter.meetingDate === undefined ? null : dayAfterMeeting(filter.meetingDate, problems);
    problems.throwIfAny('Sökningen är ogiltig');
    const qb = this.dataSource.getRepository(DevelopmentRequestEntity).createQueryBuilder('r');
    if (filter.status !== undefined) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.unitId !== undefined) qb.andWhere('r.unitId = :unitId', { unitId: filter.unitId });
    const scope = await readFilterScope(this.dataSource, actor.principal, REGISTER);
    if (scope !== null) qb.andWhere('r.municipalityId = :scope', { scope });
    if (filter.meetingDate !== undefined) {
      const meeting = await this.dataSource.getRepository(DecisionEntity).find({
        select: { id: true },
        where: { date: filter.meetingDate, forum: In(Object.keys(DEVELOPMENT_DECISION_FORUMS)) },
      });
      qb.andWhere(
        new Brackets((w) => {
          w.where('(r.status IN (:...open) AND r.createdAt < :dayAfter)', {
            open: DEVELOPMENT_STATUSES_TO_TAKE_UP,
            dayAfter,
          });
          if (meeting.length > 0)
            w.orWhere('r.decisionId IN (:...decided)', { decided: meeting.map((d) => d.id) });
        }),
      );
    }
    qb.orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(await requestViews(this.dataSource.manager, rows), total, page);
  }

  async get(id: string, actor: Actor): Promise<DevelopmentRequestView> {
    const row = await this.load(this.dataSource.manager, id, actor);
    return (await requestViews(this.dataSource.manager, [row]))[0];
  }

  /** A request the actor may see, or 404 (one outside the scope does not exist for it). */
  private async load(m: EntityManager, id: string, actor: Actor): Promise<DevelopmentRequestEntity> {
    const row = await m.getRepository(DevelopmentRequestEntity).findOneBy({ id });
    const scope = await readFilterScope(m, actor.principal, REGISTER);
    if (!row || (scope !== null && scope !== row.municipalityId)) {
      throw new DomainError(
        'DEVELOPMENT_REQUEST_NOT_FOUND',
        `Utvecklingsärendet ${id} finns inte`,
        'not-found',
      );
    }
    return row;
  }
}

/** True when the actor sees the municipality's data. */
/** The development-request register as the access policy sees it: shared within the cooperation (DOMAIN 9). */
export const REGISTER = { type: 'development-request', municipalityId: '' } as const;

export function inScope(actor: Actor, municipalityId: string): boolean {
  return actor.principal.scope === null || actor.principal.scope === municipalityId;
}

function checkFields(input: Omit<DevelopmentRequestInput, 'unitId'>, problems: ProblemList) {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  const need = typeof input.need === 'string' ? input.need.trim() : '';
  if (title === '' || title.length > LIMITS.title)
    problems.add('title', `Rubrik måste anges (högst ${LIMITS.title} tecken)`);
  if (need === '' || need.length > LIMITS.need)
    problems.add('need', `Behovet måste beskrivas (högst ${LIMITS.need} tecken)`);
  const estimate = readDevelopmentHours(input.estimateHours, MAX_ESTIMATE_HOURS, 'estimateHours');
  if (!estimate.ok) problems.add(estimate.problem.path, estimate.problem.message);
  if (!(DEVELOPMENT_FUNDINGS as readonly string[]).includes(input.funding)) {
    problems.add(
      'funding',
      'funding måste vara framework (inom ramuppdraget) eller additional (tilläggsuppdrag som debiteras)',
    );
  }
  return {
    title,
    need,
    estimateHours: estimate.ok ? estimate.hours : '',
    funding: input.funding as DevelopmentFunding,
  };
}

/** The decision a status change cites; a missing, unknown or other forum's decision is a problem of `decisionId`. */
async function citedDecision(
  m: EntityManager,
  decisionId: string | undefined,
  problems: ProblemList,
): Promise<DecisionEntity | null> {
  if (decisionId === undefined || decisionId.trim() === '') {
    problems.add('decisionId', 'Ange beslutet (decisionId) som beslutar eller avslår ärendet');
    return null;
  }
  const decision = await m.getRepository(DecisionEntity).findOneBy({ id: decisionId });
  if (!decision) problems.add('decisionId', `Beslutet ${decisionId} finns inte i beslutsregistret`);
  else if (!(decision.forum in DEVELOPMENT_DECISION_FORUMS)) {
    problems.add(
      'decisionId',
      `Beslutet är fattat av ${decision.forum}; utvecklingsärenden beslutas av IT-forum utveckling eller IT-styrgruppen`,
    );
  } else return decision;
  return null;
}

/** Adds the request to what the decision approves (audited), so the decisions register shows it. */
async function listAsApproved(
  m: EntityManager,
  decision: DecisionEntity,
  requestId: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  const approves = [...(decision.approves ?? [])];
  if (approves.some((a) => a.type === 'development-request' && a.id === requestId)) return;
  const before = { approves: decision.approves ?? [] };
  approves.push({ type: 'development-request', id: requestId });
  await m.update(DecisionEntity, { id: decision.id }, { approves });
  await recordAudit(
    m,
    actor,
    { action: 'approve', entityType: 'decision', entityId: decision.id, before, after: { approves } },
    now,
  );
}

/** The instant the day after a meeting begins (Stockholm time), for "received by the meeting". */
function dayAfterMeeting(meetingDate: string, problems: ProblemList): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meetingDate);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== meetingDate) {
    problems.add('meetingDate', 'Mötesdatum måste anges som ÅÅÅÅ-MM-DD');
    return null;
  }
  const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
  return parseLocalDateTime(`${next} 00:00`, MEETING_TIMEZONE, 'meetingDate');
}
