import type { Dec, Money } from '../money';
import type { LedgerMapping } from '../ledger/ledger-mapping';

/** The format tag of a cost model document (DOMAIN.md 5.1). */
export const COST_MODEL_FORMAT = 'it-samverkan/cost-model@1';
/** The format tag of a split result document (DOMAIN.md 5.4). */
export const SPLIT_RESULT_FORMAT = 'it-samverkan/split-result@1';

/** How a service passes on what it holds (DOMAIN.md 5.1, `allocate.method`). */
export type AllocationMethod = 'weights' | 'proportional' | 'driver' | 'consumer-weights' | 'reciprocal';

/** Every allocation method, in the order the documentation lists them. */
export const ALLOCATION_METHODS: readonly AllocationMethod[] = [
  'weights',
  'proportional',
  'driver',
  'consumer-weights',
  'reciprocal',
];

// ---------------------------------------------------------------------------------------------
// The document as it arrives (JSON). Everything is loose here: validation turns it into a model.
// ---------------------------------------------------------------------------------------------

/** A number or a decimal string, as JSON allows. */
export type DecimalInput = string | number;

/** The cost model file of DOMAIN.md 5.1 in its JSON shape. */
export interface CostModelDocument {
  format: string;
  name: string;
  year: number;
  currency: string;
  consumers: { id: string; name: string; municipality: string }[];
  drivers: { id: string; name: string; unit: string }[];
  pools: { id: string; name: string; amount: DecimalInput; to: Record<string, DecimalInput> }[];
  services: {
    id: string;
    name: string;
    /** What the service covers, for the price list (optional). */
    description?: string;
    allocate:
      | { method: 'weights' | 'reciprocal' | 'consumer-weights'; to: Record<string, DecimalInput> }
      | { method: 'proportional'; to: string[] }
      | { method: 'driver'; driver: string };
  }[];
  volumes: Record<string, Record<string, DecimalInput>>;
  /** Optional: which ledger rows make up which pool (section 5.1, the pool mapping). */
  ledgerMapping?: {
    responsibilityDimension?: number;
    activityDimension?: number | null;
    scope?: { accounts?: string[]; responsibility?: string[] };
    rules: { accounts: string[]; responsibility?: string[]; activity?: string[]; pool: string }[];
  };
}

// ---------------------------------------------------------------------------------------------
// The validated model. Lists that name services or consumers are in model order, because the
// rounding rule of 5.2 gives ties to the receiver listed first in the model.
// ---------------------------------------------------------------------------------------------

/** A non-negative weight or volume: the exact decimal, and the same value as `units × 10^-scale`. */
export interface Quantity {
  readonly value: Dec;
  readonly units: bigint;
  readonly scale: number;
}

export interface Consumer {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
}

export interface ConsumerVolume {
  readonly consumerId: string;
  /** Index of the consumer in `consumers`. */
  readonly consumer: number;
  readonly volume: Quantity;
}

export interface Driver {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** Volumes given in the document, in consumers order. */
  readonly volumes: readonly ConsumerVolume[];
  /** Sum of the volumes, exact. */
  readonly totalVolume: Dec;
}

export interface ServiceWeight {
  readonly serviceId: string;
  /** Index of the service in `services`. */
  readonly service: number;
  readonly weight: Quantity;
}

export interface ConsumerWeight {
  readonly consumerId: string;
  /** Index of the consumer in `consumers`. */
  readonly consumer: number;
  readonly weight: Quantity;
}

export interface CostPool {
  readonly id: string;
  readonly name: string;
  readonly amount: Money;
  /** Receiving services in services order. */
  readonly to: readonly ServiceWeight[];
}

export type ServiceAllocation =
  | { readonly method: 'weights'; readonly to: readonly ServiceWeight[] }
  | { readonly method: 'proportional'; readonly to: readonly string[] }
  | { readonly method: 'driver'; readonly driver: string }
  | { readonly method: 'consumer-weights'; readonly to: readonly ConsumerWeight[] }
  | { readonly method: 'reciprocal'; readonly to: readonly ServiceWeight[] };

export interface Service {
  readonly id: string;
  readonly name: string;
  /** What the service covers (the price list's text); null when the model gives none. */
  readonly description: string | null;
  readonly allocate: ServiceAllocation;
}

/** Reciprocal services that name each other; listed next to each other and solved together. */
export interface ReciprocalGroup {
  /** Member ids in services order. */
  readonly members: readonly string[];
  /** Index of the first and last member in `services`. */
  readonly first: number;
  readonly last: number;
}

/** A validated cost model: typed values, references resolved and checked. */
export interface CostModel {
  readonly format: typeof COST_MODEL_FORMAT;
  readonly name: string;
  readonly year: number;
  readonly currency: 'SEK';
  readonly consumers: readonly Consumer[];
  readonly drivers: readonly Driver[];
  readonly pools: readonly CostPool[];
  readonly services: readonly Service[];
  /** Groups of two or more reciprocal services, in services order. */
  readonly reciprocalGroups: readonly ReciprocalGroup[];
  /** The pool mapping of the ledger import, when the document has one. */
  readonly ledgerMapping?: LedgerMapping;
}

// ---------------------------------------------------------------------------------------------
// The split: what the engine computed, typed. The published document is derived from it.
// ---------------------------------------------------------------------------------------------

/** An amount that went to one receiver (a service or a consumer, by id). */
export interface FlowLine {
  readonly to: string;
  readonly amount: Money;
}

export interface PoolSplit {
  readonly id: string;
  readonly amount: Money;
  /** Non-zero parts per service, in services order. */
  readonly toServices: readonly FlowLine[];
}

export interface ServiceSplit {
  readonly id: string;
  readonly method: AllocationMethod;
  /** What pools gave the service. */
  readonly direct: Money;
  /** What earlier services (outside its reciprocal group) gave it. */
  readonly received: Money;
  /** direct + received: the whole-öre amount the service (or its group) passed on. */
  readonly total: Money;
  readonly driver: string | null;
  readonly volume: Dec | null;
  readonly unitPrice: Money | null;
  /** Non-zero parts to later services in services order (empty for group members, see groups). */
  readonly toServices: readonly FlowLine[];
  /** Index into `CostSplit.groups` when the service belongs to a reciprocal group. */
  readonly group: number | null;
}

export interface GroupSplit {
  readonly members: readonly string[];
  /** Sum of the members' totals, passed on whole. */
  readonly total: Money;
  /** Non-zero parts to services outside the group, in services order. */
  readonly toServices: readonly FlowLine[];
}

export interface ConsumerSplit {
  readonly id: string;
  readonly municipality: string;
  readonly total: Money;
  /** Non-zero amounts per service, in services order. */
  readonly services: readonly FlowLine[];
}

export interface MunicipalitySplit {
  readonly id: string;
  readonly total: Money;
}

/** The result of splitting a cost model (DOMAIN.md 5.2–5.4), exact to the öre. */
export interface CostSplit {
  readonly engineVersion: string;
  readonly model: string;
  readonly year: number;
  readonly total: Money;
  readonly pools: readonly PoolSplit[];
  readonly services: readonly ServiceSplit[];
  readonly groups: readonly GroupSplit[];
  readonly consumers: readonly ConsumerSplit[];
  readonly municipalities: readonly MunicipalitySplit[];
}

// ---------------------------------------------------------------------------------------------
// The published split result document (DOMAIN.md 5.4), plain JSON.
// ---------------------------------------------------------------------------------------------

export interface SplitResultServiceLine {
  id: string;
  direct: string;
  received: string;
  total: string;
  driver: string | null;
  volume: string | null;
  unitPrice: string | null;
}

export interface SplitResultConsumerLine {
  id: string;
  municipality: string;
  total: string;
  services: Record<string, string>;
}

export interface SplitResultDocument {
  format: typeof SPLIT_RESULT_FORMAT;
  model: string;
  year: number;
  total: string;
  services: SplitResultServiceLine[];
  consumers: SplitResultConsumerLine[];
  municipalities: { id: string; total: string }[];
}

/** A model version's kind and status (a budget or the actual outcome; a draft until a decision approves it). */
export type ModelKind = 'budget' | 'actual';
export type ModelStatus = 'draft' | 'approved';
