import { DataSource, EntityManager } from 'typeorm';
import { unitBilledForPeriod } from '@it-samverkan/domain';
import { CompanyEntity, JointCommitteeEntity, UnitEntity } from '@it-samverkan/persistence';

/** A consumer an incident can be billed to: a unit, a company or a joint committee. */
export interface OnCallConsumer {
  id: string;
  name: string;
  kind: 'unit' | 'company' | 'joint-committee';
  /** The municipalities whose scoped tokens see this consumer's incidents. */
  municipalityIds: string[];
  /** A unit's last day, if it has ended: no incident of a later period is billed to it. */
  validTo: string | null;
}

/** Every consumer (ids are unique across units, companies and joint committees), by id. */
export async function loadOnCallConsumers(
  db: DataSource | EntityManager,
): Promise<Map<string, OnCallConsumer>> {
  const [units, companies, committees] = await Promise.all([
    db.getRepository(UnitEntity).find(),
    db.getRepository(CompanyEntity).find(),
    db.getRepository(JointCommitteeEntity).find(),
  ]);
  const consumers = new Map<string, OnCallConsumer>();
  for (const u of units) {
    consumers.set(u.id, {
      id: u.id,
      name: u.name,
      kind: 'unit',
      municipalityIds: [u.municipalityId],
      validTo: u.validTo,
    });
  }
  for (const c of companies) {
    consumers.set(c.id, {
      id: c.id,
      name: c.name,
      kind: 'company',
      municipalityIds: [c.ownerMunicipalityId],
      validTo: null,
    });
  }
  for (const j of committees) {
    const municipalityIds = [...new Set([j.hostMunicipalityId, ...(j.members ?? [])])];
    consumers.set(j.id, { id: j.id, name: j.name, kind: 'joint-committee', municipalityIds, validTo: null });
  }
  return consumers;
}

/** The consumers a principal with `scope` (a municipality id, or null for all) may see and report for. */
export function consumersInScope(
  all: Map<string, OnCallConsumer>,
  scope: string | null,
): Map<string, OnCallConsumer> {
  if (scope === null) return all;
  return new Map([...all].filter(([, c]) => c.municipalityIds.includes(scope)));
}

/** Why an incident of `month` (YYYY-MM) cannot be billed to the consumer, or null when it can. */
export function endedConsumerProblem(consumer: OnCallConsumer, month: string): string | null {
  if (unitBilledForPeriod(consumer.validTo, `${month}-01`)) return null;
  return `Enheten ${consumer.name} upphörde ${consumer.validTo}; ett ärende i ${month} kan inte debiteras den`;
}
