import type { AllocationMethod } from '../types';
import type { AllocationStrategy } from './allocation-strategy';
import { consumerWeightsMethod } from './consumer-weights-method';
import { driverMethod } from './driver-method';
import { proportionalMethod } from './proportional-method';
import { reciprocalMethod } from './reciprocal-method';
import { weightsMethod } from './weights-method';

const STRATEGIES: Record<AllocationMethod, AllocationStrategy> = {
  weights: weightsMethod,
  proportional: proportionalMethod,
  driver: driverMethod,
  'consumer-weights': consumerWeightsMethod,
  reciprocal: reciprocalMethod,
};

/** The strategy that implements an allocation method. */
export function allocationStrategyFor(method: AllocationMethod): AllocationStrategy {
  return STRATEGIES[method];
}
