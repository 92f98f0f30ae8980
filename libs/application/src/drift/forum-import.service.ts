import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In, ObjectLiteral } from 'typeorm';
import { DomainError, Problem, ValidationError } from '@it-samverkan/domain';
import { parseCallCsv, parseSurveyCsv, parseTicketCsv } from '@it-samverkan/files';
import {
  MunicipalityEntity,
  PhoneCallEntity,
  SurveyAnswerEntity,
  TicketEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { timezoneOfYear } from './service-level-targets.service';

/** What an import did: rows new, changed (same id, other values) and unchanged (already stored as they are). */
export interface ForumImportResult {
  kind: ForumImportKind;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ForumImportKind = 'tickets' | 'calls' | 'survey-answers';

const CHUNK = 200;
const CODES: Record<ForumImportKind, string> = {
  tickets: 'TICKET_CSV_INVALID',
  calls: 'CALL_CSV_INVALID',
  'survey-answers': 'SURVEY_CSV_INVALID',
};

/** The fields an import compares and stores, without the import time. */
type Stored<E> = Omit<E, 'importedAt'>;

/**
 * Imports the exports of the ticket and phone systems (DOMAIN.md 8.1): all rows or none, every bad
 * row reported with its line number. Idempotent by id: a row stored with the same values is left
 * alone, one whose values changed (a ticket closed since the last export) is updated, and the
 * import is audited once with every new id and every change's before and after.
 */
export class ForumImportService {
  constructor(private readonly dataSource: DataSource) {}

  async importTickets(text: unknown, actor: Actor, now: Date): Promise<ForumImportResult> {
    const csv = requireCsv(text, 'tickets');
    return inTransaction(this.dataSource, async (m) => {
      const municipalities = await municipalitiesInScope(m, actor);
      const { rows } = parseTicketCsv(csv, { timezoneOf: await timezoneOfYear(m), municipalities });
      const stored: Stored<TicketEntity>[] = rows.map((r) => ({
        id: r.id,
        municipalityId: r.municipality,
        openedAt: r.opened,
        resolvedAt: r.resolved,
        supportLine: r.supportLine,
        firstLine: r.firstLine,
        ordinary: r.ordinary,
      }));
      return upsert(
        m,
        TicketEntity,
        'tickets',
        stored,
        rows.map((r) => r.line),
        municipalities,
        csv,
        actor,
        now,
      );
    });
  }

  async importCalls(text: unknown, actor: Actor, now: Date): Promise<ForumImportResult> {
    const csv = requireCsv(text, 'calls');
    return inTransaction(this.dataSource, async (m) => {
      const municipalities = await municipalitiesInScope(m, actor);
      const { rows } = parseCallCsv(csv, { timezoneOf: await timezoneOfYear(m), municipalities });
      const stored: Stored<PhoneCallEntity>[] = rows.map((r) => ({
        id: r.id,
        municipalityId: r.municipality,
        calledAt: r.time,
        waitSeconds: r.waitSeconds,
        answered: r.answered,
      }));
      return upsert(
        m,
        PhoneCallEntity,
        'calls',
        stored,
        rows.map((r) => r.line),
        municipalities,
        csv,
        actor,
        now,
      );
    });
  }

  /** Survey answers name a stored ticket (import the tickets first); the answer gets the ticket's municipality. */
  async importSurveyAnswers(text: unknown, actor: Actor, now: Date): Promise<ForumImportResult> {
    const csv = requireCsv(text, 'survey-answers');
    return inTransaction(this.dataSource, async (m) => {
      const municipalities = await municipalitiesInScope(m, actor);
      const { rows } = parseSurveyCsv(csv, { timezoneOf: await timezoneOfYear(m) });
      const tickets = await findByIds(m, TicketEntity, [...new Set(rows.map((r) => r.ticketId))]);
      const problems: Problem[] = [];
      for (const row of rows) {
        const ticket = tickets.get(row.ticketId);
        if (!ticket || !municipalities.has(ticket.municipalityId)) {
          problems.push({
            path: `line ${row.line}.ticketId`,
            message: `Rad ${row.line}: okänt ärende "${row.ticketId}"; läs in ärendena innan enkätsvaren`,
          });
        }
      }
      rejectIfAny(problems, 'survey-answers');
      const stored: Stored<SurveyAnswerEntity>[] = rows.map((r) => ({
        id: r.id,
        ticketId: r.ticketId,
        municipalityId: tickets.get(r.ticketId)!.municipalityId,
        satisfied: r.satisfied,
        answeredAt: r.answeredAt,
      }));
      return upsert(
        m,
        SurveyAnswerEntity,
        'survey-answers',
        stored,
        rows.map((r) => r.line),
        municipalities,
        csv,
        actor,
        now,
      );
    });
  }
}

function requireCsv(text: unknown, kind: ForumImportKind): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ValidationError(
      [{ path: 'body', message: 'Skicka CSV-filen som brödtext med Content-Type: text/csv' }],
      'Filen saknas',
      CODES[kind],
    );
  }
  return text;
}

function rejectIfAny(problems: Problem[], kind: ForumImportKind): void {
  if (problems.length > 0) {
    throw new ValidationError(
      problems,
      `Filen har ${problems.length} fel och lästes inte in; ingen rad har sparats`,
      CODES[kind],
    );
  }
}

/** The municipalities whose data the actor may import: all, or its scope's. */
async function municipalitiesInScope(m: EntityManager, actor: Actor): Promise<Set<string>> {
  const all = (
    await m.getRepository(MunicipalityEntity).find({ select: { id: true }, order: { id: 'ASC' } })
  ).map((r) => r.id);
  const scope = actor.principal.scope;
  if (scope !== null && !all.includes(scope)) {
    throw new DomainError('FORBIDDEN', `Omfattningen ${scope} är ingen känd kommun`, 'forbidden');
  }
  return new Set(scope === null ? all : [scope]);
}

async function findByIds<E extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: new () => E,
  ids: string[],
): Promise<Map<string, E>> {
  const found = new Map<string, E>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await m.getRepository(entity).findBy({ id: In(ids.slice(i, i + CHUNK)) } as never);
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** Plain JSON of a row for the audit trail. */
function auditShape(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

async function upsert<E extends ObjectLiteral & { id: string; municipalityId: string; importedAt: Date }>(
  m: EntityManager,
  entity: new () => E,
  kind: ForumImportKind,
  rows: Stored<E>[],
  lines: number[],
  municipalities: ReadonlySet<string>,
  csv: string,
  actor: Actor,
  now: Date,
): Promise<ForumImportResult> {
  const existing = await findByIds(
    m,
    entity,
    rows.map((r) => r.id),
  );
  const problems: Problem[] = [];
  const inserts: E[] = [];
  const updates: { before: E; after: Stored<E> }[] = [];
  rows.forEach((row, i) => {
    const stored = existing.get(row.id);
    if (!stored) {
      inserts.push(Object.assign(new entity(), row, { importedAt: now }));
      return;
    }
    if (!municipalities.has(stored.municipalityId)) {
      problems.push({
        path: `line ${lines[i]}.id`,
        message: `Rad ${lines[i]}: id "${row.id}" tillhör en annan kommun`,
      });
      return;
    }
    const keys = Object.keys(row) as (keyof Stored<E>)[];
    if (keys.some((key) => !sameValue(stored[key as keyof E], row[key])))
      updates.push({ before: stored, after: row });
  });
  rejectIfAny(problems, kind);
  for (let i = 0; i < inserts.length; i += CHUNK)
    await m.insert(entity, inserts.slice(i, i + CHUNK) as never);
  for (const { after } of updates) {
    const { id, ...values } = after as Stored<E> & { id: string };
    await m.update(entity, { id } as never, { ...values, importedAt: now } as never);
  }
  const result = {
    kind,
    rows: rows.length,
    inserted: inserts.length,
    updated: updates.length,
    unchanged: rows.length - inserts.length - updates.length,
  };
  if (inserts.length + updates.length > 0) {
    const fileHash = createHash('sha256').update(csv).digest('hex').slice(0, 16);
    await recordAudit(
      m,
      actor,
      {
        action: 'import',
        entityType: kind === 'tickets' ? 'ticket' : kind === 'calls' ? 'phone-call' : 'survey-answer',
        entityId: `csv:${fileHash}`,
        before: updates.length > 0 ? updates.map((u) => auditShape(u.before)) : undefined,
        after: {
          ...result,
          insertedIds: inserts.map((r) => r.id),
          changedRows: updates.map((u) => auditShape(u.after)),
        },
      },
      now,
    );
  }
  return result;
}
