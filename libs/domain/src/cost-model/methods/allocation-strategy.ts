import { allocateLargestRemainder } from '../../money';
import type { CostModel } from '../types';

/** Whole-öre parts one sender gave to services (indices in services order). */
export interface ServiceFlow {
  readonly targets: readonly number[];
  readonly amounts: readonly bigint[];
}

/** The mutable working state of one split run; only the engine and its strategies touch it. */
export interface SplitState {
  readonly model: CostModel;
  readonly serviceIndex: ReadonlyMap<string, number>;
  readonly consumerIndex: ReadonlyMap<string, number>;
  /** Index into model.reciprocalGroups per service, or -1. */
  readonly groupOf: readonly number[];
  /** What each service holds so far: direct + received. */
  readonly held: bigint[];
  /** What each service received from earlier services (outside its group). */
  readonly received: bigint[];
  /** Per service: what it gave to later services (null when it gave to consumers or is a group member). */
  readonly toServices: (ServiceFlow | null)[];
  /** Per service: its parts per consumer, aligned with model.consumers (null when not a consumer service). */
  readonly toConsumers: (bigint[] | null)[];
  /** Per reciprocal group: what left the group for each outside service. */
  readonly groupFlows: (ServiceFlow | null)[];
  /** Integer volumes of a driver aligned with model.consumers (computed once per run). */
  driverWeights(driverId: string): readonly bigint[];
}

/** One allocation method: passes on what a service (or, for reciprocal, its group) holds. */
export interface AllocationStrategy {
  allocate(service: number, state: SplitState): void;
}

/** Gives `amount` to later services by integer weights (5.2) and records it as received. */
export function giveToServices(
  state: SplitState,
  targets: readonly number[],
  weights: readonly bigint[],
  amount: bigint,
): ServiceFlow {
  const amounts = allocateLargestRemainder(amount, weights);
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    state.held[t] += amounts[k];
    state.received[t] += amounts[k];
  }
  return { targets, amounts };
}

/** Spreads integer weights of listed consumers (by index) over the full consumers order. */
export function alignWithConsumers(
  state: SplitState,
  consumers: readonly number[],
  weights: readonly bigint[],
): bigint[] {
  const aligned = new Array<bigint>(state.model.consumers.length).fill(0n);
  for (let k = 0; k < consumers.length; k++) aligned[consumers[k]] = weights[k];
  return aligned;
}
