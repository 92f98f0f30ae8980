import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ProblemList } from '@it-samverkan/domain';
import { ApprovedObject, DecisionEntity, Forum, FORUMS } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { recordAudit } from '../audit/audit';
import type { DecisionView } from './decision-view';

export type { DecisionView } from './decision-view';

/** Swedish names of the forums, for documents and screens. */
export const FORUM_NAMES: Record<Forum, string> = {
  styrgrupp: 'IT-styrgruppen',
  drift: 'IT-forum drift',
  utveckling: 'IT-forum utveckling',
  tjanstefiering: 'Tjänstefieringsgruppen',
  informationssakerhet: 'Forum för informationssäkerhet',
};

export interface DecisionInput {
  forum?: string;
  /** The meeting date, YYYY-MM-DD. */
  date: string;
  /** "§ 14" or "14". */
  paragraph: string;
  subject: string;
}

export interface DecisionFilter {
  year?: number;
  forum?: string;
  /** Meeting order (asc, the default) or newest first (desc). */
  order?: 'asc' | 'desc';
}

/** Either an existing decision or the data of a new one (created with the approval). */
export type DecisionReference = { decisionId: string } | { decision: DecisionInput };

export function decisionView(e: DecisionEntity): DecisionView {
  return {
    id: e.id,
    forum: e.forum,
    forumName: FORUM_NAMES[e.forum] ?? e.forum,
    date: e.date,
    year: e.year,
    paragraph: e.paragraph,
    subject: e.subject,
    reference: `${FORUM_NAMES[e.forum] ?? e.forum} ${e.date} ${e.paragraph}`,
    approves: e.approves ?? [],
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
  };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** "14", "§14" and "§ 14" all become "§ 14"; a sub-paragraph such as "14 a" is kept. */
export function normaliseParagraph(text: string): string {
  return `§ ${text.trim().replace(/^§\s*/, '')}`;
}

function checkDecisionInput(input: DecisionInput, path: string, problems: ProblemList): void {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (input.forum !== undefined && !FORUMS.includes(input.forum as Forum)) {
    problems.add(at('forum'), `Okänt forum "${input.forum}"; tillåtna: ${FORUMS.join(', ')}`);
  }
  if (typeof input.date !== 'string' || !isCalendarDate(input.date))
    problems.add(at('date'), 'Datum måste anges som ÅÅÅÅ-MM-DD');
  const paragraph = typeof input.paragraph === 'string' ? input.paragraph.trim().replace(/^§\s*/, '') : '';
  if (!/^\d{1,4}( ?[a-z])?$/i.test(paragraph))
    problems.add(at('paragraph'), 'Paragrafen måste vara ett nummer, t.ex. "§ 14"');
  if (typeof input.subject !== 'string' || !input.subject.trim() || input.subject.length > 500) {
    problems.add(at('subject'), 'Ärendemening måste anges (högst 500 tecken)');
  }
}

/**
 * Creates a decision inside the caller's transaction (audited with it). The forum, year and
 * paragraph identify a decision: a second one with the same is a conflict.
 */
export async function createDecisionIn(
  manager: EntityManager,
  input: DecisionInput,
  approves: ApprovedObject[],
  actor: Actor,
  now: Date,
  path = '',
): Promise<DecisionEntity> {
  const problems = new ProblemList();
  checkDecisionInput(input, path, problems);
  problems.throwIfAny('Beslutet är ogiltigt');
  const forum = (input.forum ?? 'styrgrupp') as Forum;
  const year = Number(input.date.slice(0, 4));
  const paragraph = normaliseParagraph(input.paragraph);
  const existing = await manager.findOneBy(DecisionEntity, { forum, year, paragraph });
  if (existing) {
    throw new DomainError(
      'DECISION_EXISTS',
      `${FORUM_NAMES[forum]} har redan ett beslut ${year} ${paragraph} (id ${existing.id}); hänvisa till det med decisionId`,
      'conflict',
    );
  }
  const entity = Object.assign(new DecisionEntity(), {
    id: randomUUID(),
    forum,
    date: input.date,
    year,
    paragraph,
    subject: input.subject.trim(),
    approves,
    createdAt: now,
    createdBy: actor.principal.name,
  });
  await manager.insert(DecisionEntity, entity);
  await recordAudit(
    manager,
    actor,
    { action: 'create', entityType: 'decision', entityId: entity.id, after: decisionView(entity) },
    now,
  );
  return entity;
}

/**
 * Records that a decision approves an object, inside the caller's transaction: the object is
 * appended to an existing decision's `approves`, or a new decision is created with it.
 * `requiredForum` limits which forum may approve this kind of object.
 */
export async function approveThroughDecision(
  manager: EntityManager,
  reference: DecisionReference,
  object: ApprovedObject,
  requiredForum: Forum | null,
  actor: Actor,
  now: Date,
): Promise<DecisionEntity> {
  const checkForum = (forum: Forum, path: string) => {
    if (requiredForum && forum !== requiredForum) {
      throw new DomainError(
        'DECISION_WRONG_FORUM',
        `Endast ${FORUM_NAMES[requiredForum]} kan godkänna detta`,
        'unprocessable',
        [{ path, message: `Beslutet är fattat av ${FORUM_NAMES[forum]}` }],
      );
    }
  };
  if ('decision' in reference) {
    checkForum((reference.decision.forum ?? requiredForum ?? 'styrgrupp') as Forum, 'decision.forum');
    const input = { ...reference.decision, forum: reference.decision.forum ?? requiredForum ?? 'styrgrupp' };
    return createDecisionIn(manager, input, [object], actor, now, 'decision');
  }
  const decision = await manager.findOneBy(DecisionEntity, { id: reference.decisionId });
  if (!decision)
    throw new DomainError('DECISION_NOT_FOUND', `Beslutet ${reference.decisionId} finns inte`, 'not-found');
  checkForum(decision.forum, 'decisionId');
  const before = decisionView(decision);
  const approves = [...(decision.approves ?? [])];
  if (!approves.some((a) => a.type === object.type && a.id === object.id)) approves.push(object);
  await manager.update(DecisionEntity, { id: decision.id }, { approves });
  decision.approves = approves;
  await recordAudit(
    manager,
    actor,
    {
      action: 'approve',
      entityType: 'decision',
      entityId: decision.id,
      before,
      after: decisionView(decision),
    },
    now,
  );
  return decision;
}

/** The decisions register (beslut): every forum's decisions with date, paragraph and what they approve. */
export class DecisionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a decision; the objects it approves are added by the approvals that cite it. */
  async create(input: DecisionInput, actor: Actor, now: Date): Promise<DecisionView> {
    if (input.forum === undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Beslutet är ogiltigt', 'invalid', [
        { path: 'forum', message: 'Forum måste anges' },
      ]);
    }
    const entity = await inTransaction(this.dataSource, (m) => createDecisionIn(m, input, [], actor, now));
    return decisionView(entity);
  }

  /** Decisions of a year and/or forum, in meeting order (date, then as recorded), or newest first. */
  async list(filter: DecisionFilter, page: PageRequest): Promise<Page<DecisionView>> {
    const qb = this.dataSource.getRepository(DecisionEntity).createQueryBuilder('d');
    if (filter.year !== undefined) qb.andWhere('d.year = :year', { year: filter.year });
    if (filter.forum !== undefined) qb.andWhere('d.forum = :forum', { forum: filter.forum });
    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    qb.orderBy('d.date', direction)
      .addOrderBy('d.createdAt', direction)
      .addOrderBy('d.id', direction)
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(decisionView), total, page);
  }

  async get(id: string): Promise<DecisionView> {
    const entity = await this.dataSource.getRepository(DecisionEntity).findOneBy({ id });
    if (!entity) throw new DomainError('DECISION_NOT_FOUND', `Beslutet ${id} finns inte`, 'not-found');
    return decisionView(entity);
  }
}

/** The decision an approval cites: exactly one of an existing decision's id or a new decision's data. */
export function decisionReferenceFrom(input: {
  decisionId?: string;
  decision?: DecisionInput;
}): DecisionReference {
  if (input.decisionId && !input.decision) return { decisionId: input.decisionId };
  if (input.decision && !input.decisionId) return { decision: input.decision };
  throw new DomainError('VALIDATION_FAILED', 'Ange beslutet som godkänner', 'invalid', [
    {
      path: 'decisionId',
      message:
        'Ange antingen decisionId (ett registrerat beslut) eller decision {date, paragraph, subject}, inte båda',
    },
  ]);
}
