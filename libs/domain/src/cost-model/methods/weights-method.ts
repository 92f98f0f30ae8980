import { scaledWeights } from '../quantity-value';
import type { AllocationStrategy } from './allocation-strategy';
import { giveToServices } from './allocation-strategy';

/** `weights`: to later services by fixed weights. */
export const weightsMethod: AllocationStrategy = {
  allocate(i, state) {
    const a = state.model.services[i].allocate;
    if (a.method !== 'weights') throw new TypeError(`weights strategy used for ${a.method}`);
    const amount = state.held[i];
    if (amount === 0n) return;
    const targets = a.to.map((t) => t.service);
    state.toServices[i] = giveToServices(state, targets, scaledWeights(a.to.map((t) => t.weight)), amount);
  },
};
