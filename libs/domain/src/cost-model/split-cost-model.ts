import { allocateLargestRemainder, Money } from '../money';
import { DomainError } from '../errors';
import { COST_ENGINE_VERSION } from './engine-version';
import { allocationStrategyFor } from './methods/method-factory';
import type { ServiceFlow, SplitState } from './methods/allocation-strategy';
import { alignWithConsumers } from './methods/allocation-strategy';
import { scaledWeights } from './quantity-value';
import type {
  ConsumerSplit,
  CostModel,
  CostSplit,
  FlowLine,
  MunicipalitySplit,
  PoolSplit,
  ServiceSplit,
} from './types';

/**
 * Splits a validated cost model (DOMAIN.md 5.1–5.3): pools to services by weights, then the services
 * in listed order (step-down), each passing on its whole-öre total by its method. Exact to the öre.
 */
export function splitCostModel(model: CostModel): CostSplit {
  const state = createState(model);
  const direct = new Array<bigint>(model.services.length).fill(0n);

  const poolParts = model.pools.map((pool) => {
    const targets = pool.to.map((t) => t.service);
    const parts = allocateLargestRemainder(pool.amount.ore, scaledWeights(pool.to.map((t) => t.weight)));
    for (let k = 0; k < targets.length; k++) {
      state.held[targets[k]] += parts[k];
      direct[targets[k]] += parts[k];
    }
    return { targets, amounts: parts };
  });

  model.services.forEach((service, i) => {
    const g = state.groupOf[i];
    // A reciprocal group is solved once, when its first member is reached.
    if (g >= 0 && model.reciprocalGroups[g].first !== i) return;
    allocationStrategyFor(service.allocate.method).allocate(i, state);
  });

  return buildSplit(model, state, direct, poolParts);
}

function createState(model: CostModel): SplitState {
  const serviceIndex = new Map(model.services.map((s, i) => [s.id, i]));
  const consumerIndex = new Map(model.consumers.map((c, i) => [c.id, i]));
  const groupOf = new Array<number>(model.services.length).fill(-1);
  model.reciprocalGroups.forEach((group, g) => {
    for (let m = group.first; m <= group.last; m++) groupOf[m] = g;
  });
  const driverCache = new Map<string, bigint[]>();
  const state: SplitState = {
    model,
    serviceIndex,
    consumerIndex,
    groupOf,
    held: new Array<bigint>(model.services.length).fill(0n),
    received: new Array<bigint>(model.services.length).fill(0n),
    toServices: new Array<ServiceFlow | null>(model.services.length).fill(null),
    toConsumers: new Array<bigint[] | null>(model.services.length).fill(null),
    groupFlows: new Array<ServiceFlow | null>(model.reciprocalGroups.length).fill(null),
    driverWeights(driverId) {
      let weights = driverCache.get(driverId);
      if (!weights) {
        const driver = model.drivers.find((d) => d.id === driverId)!;
        weights = alignWithConsumers(
          state,
          driver.volumes.map((v) => v.consumer),
          scaledWeights(driver.volumes.map((v) => v.volume)),
        );
        driverCache.set(driverId, weights);
      }
      return weights;
    },
  };
  return state;
}

/** Non-zero parts of a flow as lines, in the receivers' order. */
function flowLines(flow: ServiceFlow | null, ids: readonly string[]): FlowLine[] {
  const out: FlowLine[] = [];
  if (!flow) return out;
  for (let k = 0; k < flow.targets.length; k++) {
    if (flow.amounts[k] !== 0n) out.push({ to: ids[flow.targets[k]], amount: Money.ofOre(flow.amounts[k]) });
  }
  return out;
}

function buildSplit(
  model: CostModel,
  state: SplitState,
  direct: readonly bigint[],
  poolParts: readonly ServiceFlow[],
): CostSplit {
  const serviceIds = model.services.map((s) => s.id);
  const drivers = new Map(model.drivers.map((d) => [d.id, d]));

  const pools: PoolSplit[] = model.pools.map((pool, p) => ({
    id: pool.id,
    amount: pool.amount,
    toServices: flowLines(poolParts[p], serviceIds),
  }));

  const services: ServiceSplit[] = model.services.map((s, i) => {
    const total = Money.ofOre(direct[i] + state.received[i]);
    const driver = s.allocate.method === 'driver' ? drivers.get(s.allocate.driver)! : null;
    return {
      id: s.id,
      method: s.allocate.method,
      direct: Money.ofOre(direct[i]),
      received: Money.ofOre(state.received[i]),
      total,
      driver: driver ? driver.id : null,
      volume: driver ? driver.totalVolume : null,
      unitPrice:
        driver && driver.totalVolume.greaterThan(0)
          ? Money.fromDecimalHalfUp(total.toDecimal().dividedBy(driver.totalVolume))
          : null,
      toServices: flowLines(state.toServices[i], serviceIds),
      group: state.groupOf[i] >= 0 ? state.groupOf[i] : null,
    };
  });

  const groups = model.reciprocalGroups.map((group, g) => {
    let total = 0n;
    for (let m = group.first; m <= group.last; m++) total += direct[m] + state.received[m];
    return {
      members: group.members,
      total: Money.ofOre(total),
      toServices: flowLines(state.groupFlows[g], serviceIds),
    };
  });

  const consumerTotals = new Array<bigint>(model.consumers.length).fill(0n);
  const consumerLines: FlowLine[][] = model.consumers.map(() => []);
  model.services.forEach((s, i) => {
    const shares = state.toConsumers[i];
    if (!shares) return;
    for (let c = 0; c < shares.length; c++) {
      if (shares[c] === 0n) continue;
      consumerTotals[c] += shares[c];
      consumerLines[c].push({ to: s.id, amount: Money.ofOre(shares[c]) });
    }
  });
  const consumers: ConsumerSplit[] = model.consumers.map((c, k) => ({
    id: c.id,
    municipality: c.municipality,
    total: Money.ofOre(consumerTotals[k]),
    services: consumerLines[k],
  }));

  const byMunicipality = new Map<string, bigint>();
  model.consumers.forEach((c, k) =>
    byMunicipality.set(c.municipality, (byMunicipality.get(c.municipality) ?? 0n) + consumerTotals[k]),
  );
  const municipalities: MunicipalitySplit[] = [...byMunicipality].map(([id, total]) => ({
    id,
    total: Money.ofOre(total),
  }));

  const total = consumerTotals.reduce((s, x) => s + x, 0n);
  const poolTotal = model.pools.reduce((s, p) => s + p.amount.ore, 0n);
  // By construction the two are equal; if they ever differ, publishing nothing beats publishing a wrong split.
  if (total !== poolTotal) {
    throw new DomainError(
      'COST_SPLIT_UNBALANCED',
      `Fördelningen går inte ihop: förbrukarna fick ${Money.ofOre(total)} av ${Money.ofOre(poolTotal)}`,
      'unprocessable',
    );
  }

  return {
    engineVersion: COST_ENGINE_VERSION,
    model: model.name,
    year: model.year,
    total: Money.ofOre(total),
    pools,
    services,
    groups,
    consumers,
    municipalities,
  };
}
