import { Money } from '../money';
import { ProblemList } from '../errors';
import { SPLIT_RESULT_FORMAT, type CostSplit, type SplitResultDocument } from './types';

/** What a consumer was charged during the year (one line per charge; lines are summed). */
export interface ChargedAmount {
  readonly consumerId: string;
  readonly amount: Money;
}

/** A consumer's actual share after year end. */
export interface ActualAmount {
  readonly consumerId: string;
  readonly municipality?: string;
  readonly amount: Money;
}

/** final-charge: slutfaktura; credit: kreditering; none: nothing to settle. */
export type SettlementKind = 'final-charge' | 'credit' | 'none';

/** Swedish labels for settlement kinds, for documents and screens. */
export const SETTLEMENT_KIND_LABELS: Record<SettlementKind, string> = {
  'final-charge': 'slutfaktura',
  credit: 'kreditering',
  none: 'ingen avräkning',
};

export interface SettlementLine {
  readonly consumerId: string;
  readonly municipality: string | null;
  readonly charged: Money;
  readonly actual: Money;
  /** actual − charged: positive is charged in addition, negative is credited. */
  readonly difference: Money;
  readonly kind: SettlementKind;
}

export interface SettlementInput {
  readonly charged: readonly ChargedAmount[];
  /** The actual (utfall) split, its published document, or the consumers' actual totals. */
  readonly actual: CostSplit | SplitResultDocument | readonly ActualAmount[];
}

function actualAmounts(actual: SettlementInput['actual']): ActualAmount[] {
  if (Array.isArray(actual)) return [...(actual as readonly ActualAmount[])];
  const split = actual as CostSplit | SplitResultDocument;
  if ('format' in split && split.format === SPLIT_RESULT_FORMAT) {
    return split.consumers.map((c, i) => ({
      consumerId: c.id,
      municipality: c.municipality,
      amount: Money.parse(c.total, `actual.consumers[${i}].total`),
    }));
  }
  return (split as CostSplit).consumers.map((c) => ({
    consumerId: c.id,
    municipality: c.municipality,
    amount: c.total,
  }));
}

/**
 * Year-end settlement (slutavräkning, DOMAIN.md 5.6): per consumer in the actual model's order, what
 * was charged, the actual share and the difference, exact to the öre. A consumer that was charged
 * but is absent from the actual model is credited in full, after the others, in charge order.
 */
export function settleYear(input: SettlementInput): SettlementLine[] {
  const actual = actualAmounts(input.actual);
  const problems = new ProblemList();
  const seen = new Set<string>();
  actual.forEach((a, i) => {
    if (seen.has(a.consumerId))
      problems.add(`actual[${i}].consumerId`, `Förbrukaren '${a.consumerId}' har flera utfallsbelopp`);
    seen.add(a.consumerId);
  });
  problems.throwIfAny('Underlaget för slutavräkningen är ogiltigt');

  const charged = new Map<string, Money>();
  for (const c of input.charged)
    charged.set(c.consumerId, (charged.get(c.consumerId) ?? Money.ZERO).plus(c.amount));

  const line = (
    consumerId: string,
    municipality: string | null,
    paid: Money,
    share: Money,
  ): SettlementLine => {
    const difference = share.minus(paid);
    const kind: SettlementKind = difference.isPositive()
      ? 'final-charge'
      : difference.isNegative()
        ? 'credit'
        : 'none';
    return { consumerId, municipality, charged: paid, actual: share, difference, kind };
  };
  const lines = actual.map((a) =>
    line(a.consumerId, a.municipality ?? null, charged.get(a.consumerId) ?? Money.ZERO, a.amount),
  );
  for (const [consumerId, paid] of charged) {
    if (!seen.has(consumerId)) lines.push(line(consumerId, null, paid, Money.ZERO));
  }
  return lines;
}
