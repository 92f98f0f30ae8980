import { Money } from '../money';
import { inRanges, type LedgerMapping } from './ledger-mapping';

/** A voucher a ledger row belongs to. */
export interface LedgerVoucherRef {
  readonly series: string;
  readonly number: string;
  /** 'YYYY-MM-DD'. */
  readonly date: string;
  readonly text: string | null;
}

/**
 * One row of the host's ledger, whatever file it came from: a #TRANS of a SIE voucher, a #RES
 * balance (no voucher) or a CSV line. `line` is its line in the file.
 */
export interface LedgerEntry {
  readonly account: string;
  readonly accountName: string | null;
  readonly responsibility: string | null;
  readonly activity: string | null;
  readonly amount: Money;
  readonly voucher: LedgerVoucherRef | null;
  readonly line: number;
}

/** The objects of a group of rows: the responsibility code and activity when the rows have them. */
export type LedgerObjects = { responsibility?: string; activity?: string };

/** Rows of one account and one set of objects, summed, with the vouchers behind them. */
export interface LedgerAccountSource {
  readonly account: string;
  readonly accountName: string | null;
  readonly objects: LedgerObjects;
  readonly amount: Money;
  /** One per voucher (its rows on this account and objects summed), by date, series and number. */
  readonly vouchers: readonly (LedgerVoucherRef & { readonly amount: Money })[];
  /** How many ledger rows make up the amount. */
  readonly rows: number;
}

export interface PoolLedgerAmount {
  readonly poolId: string;
  readonly amount: Money;
  /** The rules (indexes into `ledgerMapping.rules`) that gave to the pool. */
  readonly rules: readonly number[];
  readonly accounts: readonly LedgerAccountSource[];
}

/** What the pool mapping makes of a ledger, reconciled: mapped + unmapped = the scope's total. */
export interface LedgerMappingResult {
  /** Pools named by a rule, in the order given; a pool no row matched has amount 0.00. */
  readonly pools: readonly PoolLedgerAmount[];
  /** Rows in scope that no rule matched, grouped by account and objects: never dropped. */
  readonly unmapped: readonly LedgerAccountSource[];
  readonly scopeTotal: Money;
  readonly mappedTotal: Money;
  readonly unmappedTotal: Money;
  /** Rows outside the scope (other accounts or responsibility codes): counted, not listed. */
  readonly outsideScope: { readonly rows: number; readonly total: Money };
}

/**
 * Maps ledger rows to pools by the model's rules (DOMAIN.md 5.1, `ledgerMapping`): a row in
 * scope goes to the one rule that matches its account, responsibility code and activity, or is
 * listed as unmapped. Exact: the pools add up to the mapped total and mapped + unmapped to the
 * scope's total, to the öre.
 */
export function mapLedgerToPools(input: {
  entries: readonly LedgerEntry[];
  mapping: LedgerMapping;
  /** The model's pool ids in model order. */
  poolIds: readonly string[];
}): LedgerMappingResult {
  const { mapping } = input;
  const byPool = new Map<string, { rules: Set<number>; rows: LedgerEntry[] }>();
  for (const rule of mapping.rules) {
    const entry = byPool.get(rule.pool) ?? { rules: new Set<number>(), rows: [] };
    entry.rules.add(rule.index);
    byPool.set(rule.pool, entry);
  }
  const unmapped: LedgerEntry[] = [];
  let outsideRows = 0;
  let outsideTotal = Money.ZERO;
  for (const e of input.entries) {
    const inScope =
      inRanges(e.account, mapping.scope.accounts) &&
      (mapping.scope.responsibility === null ||
        (e.responsibility !== null && mapping.scope.responsibility.includes(e.responsibility)));
    if (!inScope) {
      outsideRows++;
      outsideTotal = outsideTotal.plus(e.amount);
      continue;
    }
    const rule = mapping.rules.find(
      (r) =>
        inRanges(e.account, r.accounts) &&
        matches(r.responsibility, e.responsibility) &&
        matches(r.activity, e.activity),
    );
    if (rule) byPool.get(rule.pool)?.rows.push(e);
    else unmapped.push(e);
  }
  const pools = input.poolIds
    .filter((id) => byPool.has(id))
    .map((poolId) => {
      const { rules, rows } = byPool.get(poolId) as { rules: Set<number>; rows: LedgerEntry[] };
      const accounts = groupByAccount(rows);
      return {
        poolId,
        amount: Money.sum(accounts.map((a) => a.amount)),
        rules: [...rules].sort((a, b) => a - b),
        accounts,
      };
    });
  const unmappedGroups = groupByAccount(unmapped);
  const mappedTotal = Money.sum(pools.map((p) => p.amount));
  const unmappedTotal = Money.sum(unmappedGroups.map((g) => g.amount));
  return {
    pools,
    unmapped: unmappedGroups,
    scopeTotal: mappedTotal.plus(unmappedTotal),
    mappedTotal,
    unmappedTotal,
    outsideScope: { rows: outsideRows, total: outsideTotal },
  };
}

function matches(codes: readonly string[] | null, value: string | null): boolean {
  return codes === null || (value !== null && codes.includes(value));
}

/** Groups rows by account and objects (sorted), summing each voucher's rows. */
function groupByAccount(rows: readonly LedgerEntry[]): LedgerAccountSource[] {
  const groups = new Map<string, { first: LedgerEntry; rows: LedgerEntry[] }>();
  for (const r of rows) {
    const key = [r.account, r.responsibility ?? '', r.activity ?? ''].join('\u0000');
    const g = groups.get(key) ?? { first: r, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  const compareCodes = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'sv');
  return [...groups.values()]
    .sort(
      (a, b) =>
        compareAccounts(a.first.account, b.first.account) ||
        compareCodes(a.first.responsibility, b.first.responsibility) ||
        compareCodes(a.first.activity, b.first.activity),
    )
    .map(({ first, rows: own }) => {
      const objects: LedgerObjects = {};
      if (first.responsibility !== null) objects.responsibility = first.responsibility;
      if (first.activity !== null) objects.activity = first.activity;
      return {
        account: first.account,
        accountName: own.find((r) => r.accountName !== null)?.accountName ?? null,
        objects,
        amount: Money.sum(own.map((r) => r.amount)),
        vouchers: vouchersOf(own),
        rows: own.length,
      };
    });
}

function vouchersOf(rows: readonly LedgerEntry[]): (LedgerVoucherRef & { amount: Money })[] {
  const out = new Map<string, LedgerVoucherRef & { amount: Money }>();
  for (const r of rows) {
    if (!r.voucher) continue;
    const key = [r.voucher.series, r.voucher.number, r.voucher.date].join('\u0000');
    const seen = out.get(key);
    out.set(key, { ...r.voucher, amount: (seen?.amount ?? Money.ZERO).plus(r.amount) });
  }
  return [...out.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.series.localeCompare(b.series, 'sv') ||
      a.number.localeCompare(b.number, 'sv', { numeric: true }),
  );
}

function compareAccounts(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
