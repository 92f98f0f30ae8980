import { ProblemList } from '../errors';
import { isPositive } from './quantity-value';
import { findReciprocalGroups } from './reciprocal-groups';
import type { CostPool, Driver, ReciprocalGroup, Service } from './types';

/** The parts of a model the graph rules look at; references are already known to exist. */
export interface GraphInput {
  readonly services: readonly Service[];
  readonly pools: readonly CostPool[];
  readonly drivers: readonly Driver[];
  readonly serviceIndex: ReadonlyMap<string, number>;
  /** Services whose allocation could not be read; their own receiver rules are not checked. */
  readonly broken: ReadonlySet<number>;
}

const groupLabel = (services: readonly Service[], members: readonly number[]) =>
  members.map((m) => services[m].id).join(', ');

/**
 * Checks the rules of DOMAIN.md 5.1 that concern the graph as a whole: order (step-down, reciprocal
 * groups aside), reciprocal groups listed together and sending something out, and that every
 * service that can hold cost has a receiver of positive weight or volume. "Holds cost" is decided
 * structurally: a positive-weight edge from a pool with an amount, or from a service that holds cost.
 */
export function checkCostModelGraph(input: GraphInput, problems: ProblemList): ReciprocalGroup[] {
  const { services, pools, drivers, serviceIndex } = input;
  const n = services.length;
  const groups = findReciprocalGroups(services, serviceIndex);
  const groupOf = new Array<number>(n).fill(-1);
  groups.forEach((members, g) => members.forEach((m) => (groupOf[m] = g)));

  services.forEach((s, i) => {
    if (s.allocate.method !== 'reciprocal') return;
    for (const t of s.allocate.to) {
      const j = serviceIndex.get(t.serviceId)!;
      if (j < i && (groupOf[i] === -1 || groupOf[j] !== groupOf[i])) {
        problems.add(
          `services[${i}].allocate.to.${t.serviceId}`,
          `Tjänsten '${s.id}' fördelar till '${t.serviceId}' som inte finns listad efter den`,
        );
      }
    }
  });

  groups.forEach((members, g) => {
    const label = groupLabel(services, members);
    for (let k = members[0]; k <= members[members.length - 1]; k++) {
      if (groupOf[k] !== g) {
        problems.add(
          `services[${k}]`,
          `Tjänsten '${services[k].id}' står mellan medlemmarna i den ömsesidiga gruppen (${label}); gruppens tjänster måste stå i följd`,
        );
      }
    }
  });

  const holds = new Array<boolean>(n).fill(false);
  for (const pool of pools) {
    if (pool.amount.isZero()) continue;
    for (const t of pool.to) if (isPositive(t.weight)) holds[serviceIndex.get(t.serviceId)!] = true;
  }
  const driverTotals = new Map<string, Driver['totalVolume']>();
  for (const d of drivers) if (!driverTotals.has(d.id)) driverTotals.set(d.id, d.totalVolume);

  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    if (g >= 0) {
      if (groups[g][0] === i) checkGroup(groups[g], input, groupOf, holds, problems);
      continue;
    }
    if (input.broken.has(i)) continue;
    const s = services[i];
    const path = `services[${i}].allocate`;
    const a = s.allocate;
    switch (a.method) {
      case 'weights':
      case 'reciprocal': {
        const positive = a.to.filter((t) => isPositive(t.weight)).map((t) => serviceIndex.get(t.serviceId)!);
        if (holds[i] && positive.length === 0) {
          problems.add(
            `${path}.to`,
            `Tjänsten '${s.id}' bär kostnad men har ingen mottagare med positiv vikt`,
          );
        }
        if (holds[i]) for (const j of positive) if (j > i) holds[j] = true;
        break;
      }
      case 'proportional':
        // Proportional gives only to receivers that already hold something, so it creates no new holders.
        if (holds[i] && !a.to.some((t) => holds[serviceIndex.get(t)!])) {
          problems.add(
            `${path}.to`,
            `Tjänsten '${s.id}' bär kostnad men ingen av mottagarna bär någon kostnad att fördela efter`,
          );
        }
        break;
      case 'driver': {
        const total = driverTotals.get(a.driver);
        if (holds[i] && total !== undefined && !total.greaterThan(0)) {
          problems.add(
            `${path}.driver`,
            `Tjänsten '${s.id}' bär kostnad men fördelningsnyckeln '${a.driver}' har ingen positiv volym`,
          );
        }
        break;
      }
      case 'consumer-weights':
        if (holds[i] && !a.to.some((t) => isPositive(t.weight))) {
          problems.add(
            `${path}.to`,
            `Tjänsten '${s.id}' bär kostnad men har ingen förbrukare med positiv vikt`,
          );
        }
        break;
    }
  }

  return groups.map((members) => ({
    members: members.map((m) => services[m].id),
    first: members[0],
    last: members[members.length - 1],
  }));
}

/** Group rules: it sends something out, and every member that can hold cost reaches outside. */
function checkGroup(
  members: readonly number[],
  input: GraphInput,
  groupOf: readonly number[],
  holds: boolean[],
  problems: ProblemList,
): void {
  const { services, serviceIndex } = input;
  const g = groupOf[members[0]];
  const label = groupLabel(services, members);
  const positiveEdges = new Map<number, number[]>();
  for (const m of members) {
    const a = services[m].allocate;
    const to = a.method === 'reciprocal' ? a.to : [];
    positiveEdges.set(
      m,
      to.filter((t) => isPositive(t.weight)).map((t) => serviceIndex.get(t.serviceId)!),
    );
  }
  const inside = (j: number) => groupOf[j] === g;

  // Holding spreads inside the group along positive edges until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const m of members) {
      if (!holds[m]) continue;
      for (const j of positiveEdges.get(m)!) {
        if (inside(j) && !holds[j]) holds[j] = changed = true;
      }
    }
  }

  const reaches = new Set(members.filter((m) => positiveEdges.get(m)!.some((j) => !inside(j))));
  if (reaches.size === 0) {
    problems.add(
      `services[${members[0]}].allocate.to`,
      `Den ömsesidiga gruppen (${label}) fördelar inget till tjänster utanför gruppen`,
    );
    return;
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const m of members) {
      if (!reaches.has(m) && positiveEdges.get(m)!.some((j) => reaches.has(j))) {
        reaches.add(m);
        changed = true;
      }
    }
  }
  for (const m of members) {
    if (holds[m] && !reaches.has(m)) {
      problems.add(
        `services[${m}].allocate.to`,
        `Tjänsten '${services[m].id}' i den ömsesidiga gruppen (${label}) bär kostnad men når ingen mottagare utanför gruppen med positiv vikt`,
      );
    }
  }
  for (const m of members) {
    if (!holds[m]) continue;
    for (const j of positiveEdges.get(m)!) if (!inside(j) && j > members[0]) holds[j] = true;
  }
}
