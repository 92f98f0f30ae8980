import { DataSource, EntityManager, In } from 'typeorm';
import {
  DomainError,
  parsePeriod,
  ProblemList,
  readLocalDateTime,
  ValidationError,
} from '@it-samverkan/domain';
import { parseIncidentCsv } from '@it-samverkan/files';
import { IncidentEntity, letReadsIn } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { readFilterScope } from '../access/access.service';

/** Incidents as the access policy sees them: readable by the affected municipality and the host's IT. */
const EVERY_INCIDENT = { type: 'incident', consumerMunicipalityIds: [] } as const;
import { billIncidentForStorage, loadBillingContext } from './incident-bill';
import { incidentView, IncidentView } from './incident-view';
import { consumersInScope, endedConsumerProblem, loadOnCallConsumers } from './on-call-consumers';
import { isDeadlock, isUniqueViolation } from '../common/unique-violation';

/** One incident as a client sends it (DOMAIN.md 6.2 rule 1 for the times). */
export interface OnCallIncidentInput {
  id: string;
  start: string;
  end: string;
  consumer: string;
  system?: string;
  description?: string;
}

/** One row of an import: the stored incident and whether this import stored it. */
export type ImportedIncident = IncidentView & { line: number; status: 'imported' | 'skipped' };

/** The result of an incident import: counts and every row in file order. */
export interface IncidentImportResult {
  imported: number;
  skipped: number;
  incidents: ImportedIncident[];
}

export interface IncidentFilter {
  /** A month, quarter or year ('2025-03', '2025-Q1', '2025'). */
  period?: string;
  consumer?: string;
}

const LIMITS = { id: 100, system: 200, description: 1000 } as const;
const CHUNK = 200;

/** Records on-call incidents (one at a time or by CSV), bills each once, and lists them. */
export class OnCallIncidentService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records and bills one incident; an id already stored is a 409 (it is never billed twice). */
  async record(input: OnCallIncidentInput, actor: Actor, now: Date): Promise<IncidentView> {
    return this.guardDuplicates(() =>
      inTransaction(this.dataSource, async (m) => {
        const context = await loadBillingContext(m);
        const consumers = consumersInScope(await loadOnCallConsumers(m), actor.principal.scope);
        const problems = new ProblemList();
        const id = (input.id ?? '').trim();
        if (id === '') problems.add('id', 'id saknas');
        const start = readLocalDateTime(input.start, context.timezone, 'start');
        const end = readLocalDateTime(input.end, context.timezone, 'end');
        if (!start.ok) problems.add('start', start.problem.message);
        if (!end.ok) problems.add('end', end.problem.message);
        if (start.ok && end.ok && end.value.getTime() <= start.value.getTime()) {
          problems.add('end', `Sluttiden ${input.end} måste vara efter starttiden ${input.start}`);
        }
        if (!consumers.has(input.consumer)) problems.add('consumer', `Okänd förbrukare "${input.consumer}"`);
        problems.throwIfAny('Beredskapsärendet är ogiltigt', 'ON_CALL_INCIDENT_INVALID');

        const existing = await m.findOneBy(IncidentEntity, { id });
        if (existing) throw alreadyStored(existing);
        const entity = billIncidentForStorage(
          context,
          {
            id,
            consumer: input.consumer,
            system: (input.system ?? '').trim(),
            description: (input.description ?? '').trim(),
            start: (start as { value: Date }).value,
            end: (end as { value: Date }).value,
          },
          now,
        );
        const ended = endedConsumerProblem(consumers.get(input.consumer)!, entity.period);
        if (ended) {
          throw new DomainError('ON_CALL_INCIDENT_INVALID', 'Beredskapsärendet är ogiltigt', 'invalid', [
            { path: 'consumer', message: ended },
          ]);
        }
        await m.insert(IncidentEntity, entity);
        const after = incidentView(entity);
        await recordAudit(m, actor, { action: 'create', entityType: 'incident', entityId: id, after }, now);
        return after;
      }),
    );
  }

  /**
   * Imports an incident CSV (DOMAIN.md 6.4): all rows or none. Every bad row is reported with
   * its line number; an id already stored is skipped (reported as such), never billed twice.
   */
  async importCsv(text: unknown, actor: Actor, now: Date): Promise<IncidentImportResult> {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new ValidationError(
        [{ path: 'body', message: 'Skicka CSV-filen som brödtext med Content-Type: text/csv' }],
        'Filen saknas',
        'INCIDENT_CSV_INVALID',
      );
    }
    return this.guardDuplicates(() =>
      inTransaction(this.dataSource, async (m) => {
        const context = await loadBillingContext(m);
        const consumers = consumersInScope(await loadOnCallConsumers(m), actor.principal.scope);
        const { rows } = parseIncidentCsv(text, context.timezone, new Set(consumers.keys()));
        const stored = await findByIds(
          m,
          rows.map((r) => r.id),
        );
        const problems = new ProblemList();
        const toInsert: Array<{ line: number; entity: IncidentEntity }> = [];
        for (const [i, row] of rows.entries()) {
          if (i % CHUNK === 0) await letReadsIn(m);
          const at = (field: string, message: string) =>
            problems.add(`line ${row.line}.${field}`, `Rad ${row.line}: ${message}`);
          for (const field of ['id', 'system', 'description'] as const) {
            if (row[field].length > LIMITS[field])
              at(field, `${field} får vara högst ${LIMITS[field]} tecken`);
          }
          if (stored.has(row.id)) continue;
          try {
            const entity = billIncidentForStorage(context, row, now);
            const ended = endedConsumerProblem(consumers.get(row.consumer)!, entity.period);
            if (ended) at('consumer', ended);
            else toInsert.push({ line: row.line, entity });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            at('start', error.message);
          }
        }
        problems.throwIfAny(
          `Filen har ${problems.items.length} fel och lästes inte in; ingen rad har sparats`,
          'INCIDENT_CSV_INVALID',
        );
        // Chunks with a turn of the event loop between them (here, above and below): reads go on meanwhile (SQLite).
        for (let i = 0; i < toInsert.length; i += CHUNK) {
          await letReadsIn(m);
          await m.insert(
            IncidentEntity,
            toInsert.slice(i, i + CHUNK).map((r) => r.entity),
          );
        }
        const inserted = new Map(toInsert.map((r) => [r.entity.id, r.entity]));
        for (const [i, { entity }] of toInsert.entries()) {
          if (i % CHUNK === 0) await letReadsIn(m);
          const after = incidentView(entity);
          await recordAudit(
            m,
            actor,
            { action: 'import', entityType: 'incident', entityId: entity.id, after },
            now,
          );
        }
        const incidents: ImportedIncident[] = rows.map((row) => {
          const fresh = inserted.get(row.id);
          const entity = fresh ?? stored.get(row.id)!;
          return { ...incidentView(entity), line: row.line, status: fresh ? 'imported' : 'skipped' };
        });
        return { imported: toInsert.length, skipped: rows.length - toInsert.length, incidents };
      }),
    );
  }

  /** Incidents by billing period and consumer, oldest first; a scoped principal sees only its municipality's consumers. */
  async list(filter: IncidentFilter, actor: Actor, page: PageRequest): Promise<Page<IncidentView>> {
    const qb = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('i');
    if (filter.period !== undefined) {
      qb.andWhere('i.period IN (:...months)', { months: parsePeriod(filter.period).months });
    }
    if (filter.consumer !== undefined) qb.andWhere('i.consumerId = :consumer', { consumer: filter.consumer });
    const scope = await readFilterScope(this.dataSource, actor.principal, EVERY_INCIDENT);
    if (scope !== null) {
      const visible = [...consumersInScope(await loadOnCallConsumers(this.dataSource), scope).keys()];
      if (visible.length === 0) return pageOf([], 0, page);
      qb.andWhere('i.consumerId IN (:...visible)', { visible });
    }
    qb.orderBy('i.startAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(incidentView), total, page);
  }

  /** One incident; one outside the principal's scope does not exist for it. */
  async get(id: string, actor: Actor): Promise<IncidentView> {
    const row = await this.dataSource.getRepository(IncidentEntity).findOneBy({ id });
    const scope = await readFilterScope(this.dataSource, actor.principal, EVERY_INCIDENT);
    const visible =
      row !== null &&
      (scope === null ||
        consumersInScope(await loadOnCallConsumers(this.dataSource), scope).has(row.consumerId));
    if (!row || !visible)
      throw new DomainError('INCIDENT_NOT_FOUND', `Beredskapsärendet ${id} finns inte`, 'not-found');
    return incidentView(row);
  }

  /** Two requests storing the same id at once: the loser gets a 409 instead of a database error. */
  private async guardDuplicates<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) && !isDeadlock(error)) throw error;
      throw new DomainError(
        'INCIDENT_CONFLICT',
        'Ett annat anrop sparade samma ärende samtidigt; försök igen (redan sparade ärenden hoppas över)',
        'conflict',
      );
    }
  }
}

async function findByIds(m: EntityManager, ids: string[]): Promise<Map<string, IncidentEntity>> {
  const found = new Map<string, IncidentEntity>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    await letReadsIn(m);
    for (const e of await m.findBy(IncidentEntity, { id: In(ids.slice(i, i + CHUNK)) })) found.set(e.id, e);
  }
  return found;
}

function alreadyStored(e: IncidentEntity): DomainError {
  return new DomainError(
    'INCIDENT_EXISTS',
    `Beredskapsärendet ${e.id} finns redan (fakturerat i ${e.period}); det faktureras inte igen`,
    'conflict',
  );
}
