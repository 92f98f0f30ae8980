import { Dec, Money } from '../money';
import { Problem, ValidationError } from '../errors';

const PERCENT = /^-?\d{1,3}(\.\d{1,4})?$/;

/** A pool amount to index: its id and this year's amount. */
export interface PoolAmount {
  id: string;
  amount: Money;
}

/** Every problem with an index table `{ poolId: percent }` against the model's pools. */
export function checkPoolIndices(indices: unknown, poolIds: readonly string[], path = 'indices'): Problem[] {
  if (indices === null || typeof indices !== 'object' || Array.isArray(indices))
    return [{ path, message: 'Ange index per pool som {"personal": "3.5"} (procent)' }];
  const problems: Problem[] = [];
  for (const [id, value] of Object.entries(indices as Record<string, unknown>)) {
    const text = typeof value === 'number' ? String(value) : value;
    if (!poolIds.includes(id))
      problems.push({ path: `${path}.${id}`, message: `Poolen ${id} finns inte i modellen` });
    else if (typeof text !== 'string' || !PERCENT.test(text.trim()))
      problems.push({
        path: `${path}.${id}`,
        message: 'Index anges i procent med punkt, t.ex. "3.5" eller "-2"',
      });
    else if (new Dec(text.trim()).lessThan(-100))
      problems.push({ path: `${path}.${id}`, message: 'Ett index kan inte vara lägre än -100 %' });
  }
  return problems;
}

/**
 * Indexes pool amounts for next year so the total holds (DOMAIN.md 5.2). The rule:
 * 1. each pool's exact indexed amount is `amount × (1 + percent / 100)` (a pool without an index keeps 0 %);
 * 2. the indexed total is the sum of the exact amounts, rounded half-up to öre;
 * 3. that total is handed out by the largest remainder rule of 5.2 with each pool's exact indexed
 *    amount as its exact share: every pool gets the floor of its exact amount in öre, and the öre
 *    left to reach the total go one each to the pools with the largest fractional parts (ties to
 *    the pool listed first).
 * So the pools always add up to the rounded exact total, and every pool is less than one öre from
 * its exact amount (a pool whose indexed amount is whole öre keeps it exactly): 0.10 + 0.10 + 0.10
 * at +5 % are exactly 0.105 each, total 0.315 → 0.32, pools 0.11, 0.11, 0.10 (rounding each would
 * give 0.33). Weighting the total by the exact amounts instead (total × exact_i / Σexact) can move
 * a whole-öre pool by an öre, since that total differs from Σexact by up to half an öre. A model with a negative pool is indexed pool by
 * pool (half-up each), since 5.2 weights cannot be negative.
 */
export function indexPoolAmounts(
  pools: readonly PoolAmount[],
  indices: Readonly<Record<string, string>>,
): PoolAmount[] {
  const problems = checkPoolIndices(
    indices,
    pools.map((p) => p.id),
  );
  if (problems.length) throw new ValidationError(problems, 'Indexen är ogiltiga', 'INDEX_INVALID');
  const exact = pools.map((p) =>
    p.amount.toDecimal().times(new Dec(1).plus(new Dec(indices[p.id] ?? '0').dividedBy(100))),
  );
  if (exact.some((e) => e.isNegative()))
    return pools.map((p, i) => ({ id: p.id, amount: Money.fromDecimalHalfUp(exact[i]) }));
  const total = Money.fromDecimalHalfUp(exact.reduce((t, e) => t.plus(e), new Dec(0)));
  const parts = handOutByExactAmounts(total.ore, exact);
  return pools.map((p, i) => ({ id: p.id, amount: Money.ofOre(parts[i]) }));
}

/** Floors each non-negative exact amount to öre and hands `total − Σfloor` öre to the largest fractions. */
function handOutByExactAmounts(total: bigint, exact: readonly Dec[]): bigint[] {
  const inOre = exact.map((e) => e.times(100));
  const floors = inOre.map((e) => BigInt(e.floor().toString()));
  const fractions = inOre.map((e, i) => e.minus(floors[i].toString()));
  const left = Number(total - floors.reduce((t, f) => t + f, 0n));
  const order = fractions
    .map((_, i) => i)
    .filter((i) => !fractions[i].isZero())
    .sort((x, y) => fractions[y].comparedTo(fractions[x]) || x - y);
  // left = round(Σ fractions) and Σ fractions < the number of non-zero fractions, so order suffices.
  for (let k = 0; k < left; k++) floors[order[k]] += 1n;
  return floors;
}
