import {
  ConsumerTrace,
  CostModel,
  CostSplit,
  splitCostModel,
  SplitResultDocument,
  toSplitResultDocument,
  validateCostModel,
} from '@it-samverkan/domain';
import { canonicalHash } from './canonical-hash';

/** A model document validated and split: the typed model, the split and the published document. */
export interface ComputedSplit {
  model: CostModel;
  split: CostSplit;
  document: SplitResultDocument;
}

/** Validates a cost model document (every problem, ValidationError) and splits it (DOMAIN.md 5.1–5.4). */
export function computeSplit(input: unknown): ComputedSplit {
  const model = validateCostModel(input);
  const split = splitCostModel(model);
  return { model, split, document: toSplitResultDocument(model, split) };
}

/** A trace path as stored: plain JSON, money as two-decimal strings. */
export interface StoredTracePath {
  pool: string;
  via: string[];
  amount: string;
}

export interface StoredTrace {
  consumerId: string;
  total: string;
  paths: StoredTracePath[];
}

/**
 * What a split run stores as its result: the published document. Traces are not stored: they grow
 * with consumers × pools × service chains (millions of paths at benchmark scale), and the stored
 * input and deterministic engine give any consumer's trace again on request.
 */
export interface StoredSplitResult {
  splitResult: SplitResultDocument;
}

/** A consumer's trace as plain JSON. */
export function storedTrace(t: ConsumerTrace): StoredTrace {
  return {
    consumerId: t.consumerId,
    total: t.total.toString(),
    paths: t.paths.map((p) => ({ pool: p.pool, via: [...p.via], amount: p.amount.toString() })),
  };
}

/** The result a split run stores, and its hash (SHA-256 of the canonical JSON). */
export function splitRunResult(computed: ComputedSplit): { result: StoredSplitResult; resultHash: string } {
  const result: StoredSplitResult = { splitResult: computed.document };
  return { result, resultHash: canonicalHash(result) };
}
