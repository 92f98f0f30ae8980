import { scaledWeights } from '../quantity-value';
import { solveReciprocalGroup, type ReciprocalMember } from '../reciprocal-solver';
import type { AllocationStrategy } from './allocation-strategy';

/**
 * `reciprocal`: called for the first member of a group (or a reciprocal service on its own); solves
 * the group exactly and passes the group's whole-öre total to the services outside it.
 */
export const reciprocalMethod: AllocationStrategy = {
  allocate(i, state) {
    const g = state.groupOf[i];
    const indices =
      g >= 0 ? range(state.model.reciprocalGroups[g].first, state.model.reciprocalGroups[g].last) : [i];
    const members: ReciprocalMember[] = indices.map((m) => {
      const a = state.model.services[m].allocate;
      if (a.method !== 'reciprocal') throw new TypeError(`reciprocal strategy used for ${a.method}`);
      return {
        service: m,
        held: state.held[m],
        targets: a.to.map((t) => t.service),
        weights: scaledWeights(a.to.map((t) => t.weight)),
      };
    });
    if (members.every((m) => m.held === 0n)) return;
    const solution = solveReciprocalGroup(members);
    const flow = { targets: solution.outside, amounts: solution.parts };
    solution.outside.forEach((t, k) => {
      state.held[t] += solution.parts[k];
      state.received[t] += solution.parts[k];
    });
    if (g >= 0) state.groupFlows[g] = flow;
    else state.toServices[i] = flow;
  },
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
