import { ValidationError } from '../../errors';
import type { AllocationStrategy } from './allocation-strategy';
import { giveToServices } from './allocation-strategy';

/** `proportional`: to later services in proportion to what each holds at this moment. */
export const proportionalMethod: AllocationStrategy = {
  allocate(i, state) {
    const s = state.model.services[i];
    const a = s.allocate;
    if (a.method !== 'proportional') throw new TypeError(`proportional strategy used for ${a.method}`);
    const amount = state.held[i];
    if (amount === 0n) return;
    const targets = a.to.map((id) => state.serviceIndex.get(id)!);
    const weights = targets.map((t) => state.held[t]);
    // Only data (negative pools) can make the base unusable, so this is the one rule that can
    // only be checked while computing; it still fails the whole split, never a partial result.
    const negative = targets.findIndex((t) => state.held[t] < 0n);
    if (negative >= 0) {
      throw new ValidationError([
        {
          path: `services[${i}].allocate.to`,
          message: `Tjänsten '${s.id}' kan inte fördelas proportionellt: mottagaren '${a.to[negative]}' har ett negativt belopp`,
        },
      ]);
    }
    if (weights.every((w) => w === 0n)) {
      throw new ValidationError([
        {
          path: `services[${i}].allocate.to`,
          message: `Tjänsten '${s.id}' bär kostnad men ingen av mottagarna bär någon kostnad att fördela efter`,
        },
      ]);
    }
    state.toServices[i] = giveToServices(state, targets, weights, amount);
  },
};
