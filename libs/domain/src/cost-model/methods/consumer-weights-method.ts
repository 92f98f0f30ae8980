import { allocateLargestRemainder } from '../../money';
import { scaledWeights } from '../quantity-value';
import type { AllocationStrategy } from './allocation-strategy';
import { alignWithConsumers } from './allocation-strategy';

/** `consumer-weights`: to consumers by fixed weights. */
export const consumerWeightsMethod: AllocationStrategy = {
  allocate(i, state) {
    const a = state.model.services[i].allocate;
    if (a.method !== 'consumer-weights')
      throw new TypeError(`consumer-weights strategy used for ${a.method}`);
    const weights = alignWithConsumers(
      state,
      a.to.map((t) => t.consumer),
      scaledWeights(a.to.map((t) => t.weight)),
    );
    const amount = state.held[i];
    state.toConsumers[i] = amount === 0n ? weights.map(() => 0n) : allocateLargestRemainder(amount, weights);
  },
};
