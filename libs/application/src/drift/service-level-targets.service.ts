import { DataSource, EntityManager } from 'typeorm';
import {
  defaultServiceLevelTargets,
  DomainError,
  ServiceLevelMeasure,
  ServiceLevelTargets,
  SupportCalendarConfig,
  validateServiceLevelTargets,
} from '@it-samverkan/domain';
import { ServiceLevelTargetsEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';

/** A year's targets as the API shows them, and whether they are recorded or the defaults. */
export interface ServiceLevelTargetsView extends ServiceLevelTargets {
  source: 'recorded' | 'default';
  updatedAt: string | null;
  updatedBy: string | null;
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Checks a target year (a 400 naming `year` otherwise). */
export function checkTargetYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new DomainError('VALIDATION_FAILED', 'Året är ogiltigt', 'invalid', [
      { path: 'year', message: `Året måste vara ett heltal ${FIRST_YEAR}–${LAST_YEAR}` },
    ]);
  }
}

function viewOf(year: number, row: ServiceLevelTargetsEntity | null): ServiceLevelTargetsView {
  if (!row)
    return { ...defaultServiceLevelTargets(year), source: 'default', updatedAt: null, updatedBy: null };
  return {
    year,
    targets: row.targets as Record<ServiceLevelMeasure, string>,
    calendar: row.calendar as SupportCalendarConfig,
    source: 'recorded',
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** The targets of a year (recorded or default). */
export async function targetsOfYear(
  db: DataSource | EntityManager,
  year: number,
): Promise<ServiceLevelTargetsView> {
  return viewOf(year, await db.getRepository(ServiceLevelTargetsEntity).findOneBy({ year }));
}

/** The time zone of each year's support calendar, for reading local times of imports. */
export async function timezoneOfYear(db: DataSource | EntityManager): Promise<(year: number) => string> {
  const rows = await db.getRepository(ServiceLevelTargetsEntity).find();
  const zones = new Map(rows.map((r) => [r.year, (r.calendar as SupportCalendarConfig).timezone]));
  const fallback = defaultServiceLevelTargets(0).calendar.timezone;
  return (year) => zones.get(year) ?? fallback;
}

/** The framework assignment's service-level targets per year: read, and set (audited). */
export class ServiceLevelTargetsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(year: number): Promise<ServiceLevelTargetsView> {
    checkTargetYear(year);
    return targetsOfYear(this.dataSource, year);
  }

  /** Records a year's targets; a field left out gets its default. The change is audited with before and after. */
  async set(
    year: number,
    input: Record<string, unknown>,
    actor: Actor,
    now: Date,
  ): Promise<ServiceLevelTargetsView> {
    checkTargetYear(year);
    const targets = validateServiceLevelTargets(year, input);
    return inTransaction(this.dataSource, async (m) => {
      const repo = m.getRepository(ServiceLevelTargetsEntity);
      const existing = await repo.findOneBy({ year });
      const before = viewOf(year, existing);
      const row: ServiceLevelTargetsEntity = Object.assign(new ServiceLevelTargetsEntity(), {
        year,
        targets: targets.targets,
        calendar: targets.calendar,
        updatedAt: now,
        updatedBy: actor.principal.name,
      });
      if (existing)
        await repo.update(
          { year },
          { targets: row.targets, calendar: row.calendar, updatedAt: now, updatedBy: row.updatedBy },
        );
      else await repo.insert(row);
      const after = viewOf(year, row);
      await recordAudit(
        m,
        actor,
        {
          action: existing ? 'update' : 'create',
          entityType: 'service-level-targets',
          entityId: String(year),
          before: existing ? before : undefined,
          after,
        },
        now,
      );
      return after;
    });
  }
}
