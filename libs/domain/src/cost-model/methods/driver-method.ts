import { allocateLargestRemainder } from '../../money';
import type { AllocationStrategy } from './allocation-strategy';

/** `driver`: to consumers in proportion to their volume of the driver; no volume, nothing. */
export const driverMethod: AllocationStrategy = {
  allocate(i, state) {
    const a = state.model.services[i].allocate;
    if (a.method !== 'driver') throw new TypeError(`driver strategy used for ${a.method}`);
    const amount = state.held[i];
    state.toConsumers[i] =
      amount === 0n
        ? new Array<bigint>(state.model.consumers.length).fill(0n)
        : allocateLargestRemainder(amount, state.driverWeights(a.driver));
  },
};
