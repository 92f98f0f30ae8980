import { allocateLargestRemainder } from '../money';
import { DomainError } from '../errors';
import { apportion } from './cumulative-apportionment';
import { Fraction } from './fraction';

/** Rounding of whole-öre compositions for the trace: parts that add up both ways. */

const sumOf = (xs: readonly bigint[]) => xs.reduce((s, x) => s + x, 0n);
const absOf = (x: bigint) => (x < 0n ? -x : x);

/**
 * Divides a composition (row amounts, one per pool path) over receivers (column amounts) into
 * whole öre so that every row and every column adds up exactly. Positive and negative paths are
 * filled separately; where they must cancel (negative pools), the netted amount is placed by
 * the receivers' amounts, or their weights when those are all zero. Returns per column the
 * non-zero (row, amount) pairs; with `only`, just that column (the others stay empty).
 */
export function divideComposition(
  rows: readonly bigint[],
  columns: readonly bigint[],
  weights: readonly bigint[],
  only?: number,
): [number, bigint][][] {
  const rowPos = rows.map((r) => (r > 0n ? r : 0n));
  const rowNeg = rows.map((r) => (r < 0n ? -r : 0n));
  const colPos = columns.map((c) => (c > 0n ? c : 0n));
  const colNeg = columns.map((c) => (c < 0n ? -c : 0n));
  const excess = sumOf(rowPos) - sumOf(colPos);
  if (excess > 0n) {
    const byAmount = columns.map(absOf);
    const base = sumOf(byAmount) > 0n ? byAmount : weights;
    if (sumOf(base) === 0n)
      throw new DomainError('TRACE_NO_RECEIVER', 'Spårningen hittade ingen mottagare', 'unprocessable');
    allocateLargestRemainder(excess, base).forEach((e, j) => {
      colPos[j] += e;
      colNeg[j] += e;
    });
  } else if (excess < 0n) {
    const byAmount = rows.map(absOf);
    const base = sumOf(byAmount) > 0n ? byAmount : rows.map(() => 1n);
    allocateLargestRemainder(-excess, base).forEach((e, p) => {
      rowPos[p] += e;
      rowNeg[p] += e;
    });
  }
  const positive = slices(rowPos, colPos, only);
  const negative = slices(rowNeg, colNeg, only);
  return positive.map((_, j) => {
    const cell = new Map<number, bigint>();
    for (const [p, x] of positive[j]) cell.set(p, x);
    for (const [p, x] of negative[j]) cell.set(p, (cell.get(p) ?? 0n) - x);
    return [...cell].filter(([, x]) => x !== 0n);
  });
}

/**
 * Non-negative rows over non-negative columns with equal sums: column j takes the öre between the
 * prefixes of its predecessors and of itself in the house-monotone sequence, so each column can be
 * computed alone and nothing is ever negative.
 */
function slices(
  rows: readonly bigint[],
  columns: readonly bigint[],
  only: number | undefined,
): [number, bigint][][] {
  const total = sumOf(rows);
  let before = 0n;
  let previous: bigint[] | null = null;
  return columns.map((amount, j) => {
    const start = before;
    before += amount;
    if ((only !== undefined && j !== only) || amount === 0n) {
      previous = null;
      return [];
    }
    const low = previous ?? apportion(rows, total, start);
    const high = apportion(rows, total, start + amount);
    previous = high;
    const out: [number, bigint][] = [];
    high.forEach((x, p) => x !== low[p] && out.push([p, x - low[p]]));
    return out;
  });
}

/**
 * Rounds an exact matrix to whole öre with the given row and column totals (each row's exact values
 * add up to its total; each column total is the floor or ceiling of its exact sum): floors first,
 * then the missing öre to the largest fractional parts where both row and column still lack one.
 */
export function roundMatrix(
  exact: readonly (readonly Fraction[])[],
  rowTotals: readonly bigint[],
  columnTotals: readonly bigint[],
): bigint[][] {
  const out = exact.map((row) => row.map((v) => v.floor()));
  const rowNeed = rowTotals.map((t, m) => t - sumOf(out[m]));
  const columnNeed = columnTotals.map((t, x) => t - sumOf(out.map((row) => row[x])));
  if ([...rowNeed, ...columnNeed].some((n) => n < 0n)) {
    throw new DomainError('TRACE_INCONSISTENT', 'Spårningen går inte ihop med fördelningen', 'unprocessable');
  }
  const cells: { m: number; x: number; frac: Fraction }[] = [];
  exact.forEach((row, m) =>
    row.forEach((v, x) => {
      const frac = v.minus(Fraction.of(out[m][x]));
      if (!frac.isZero()) cells.push({ m, x, frac });
    }),
  );
  cells.sort((a, b) => {
    const l = a.frac.num * b.frac.den;
    const r = b.frac.num * a.frac.den;
    return l === r ? a.m - b.m || a.x - b.x : l > r ? -1 : 1;
  });
  for (const { m, x } of cells) {
    if (rowNeed[m] > 0n && columnNeed[x] > 0n) {
      out[m][x] += 1n;
      rowNeed[m] -= 1n;
      columnNeed[x] -= 1n;
    }
  }
  // Rarely the largest fractions do not line up with what is missing; then fill in order.
  rowNeed.forEach((_, m) => {
    columnNeed.forEach((__, x) => {
      const give = rowNeed[m] < columnNeed[x] ? rowNeed[m] : columnNeed[x];
      if (give > 0n) {
        out[m][x] += give;
        rowNeed[m] -= give;
        columnNeed[x] -= give;
      }
    });
  });
  return out;
}
