import { ProblemList } from '../errors';
import { isObject, type Json } from '../cost-model/document-reading';

/** An inclusive range of account numbers (digits, compared as numbers): "5000-5999" or "6540". */
export interface AccountRange {
  readonly from: bigint;
  readonly to: bigint;
  /** As written, for messages. */
  readonly text: string;
}

/** One rule of the pool mapping: accounts × responsibility codes × activities → pool. */
export interface LedgerMappingRule {
  /** Position in `ledgerMapping.rules`, for paths and the sources. */
  readonly index: number;
  readonly accounts: readonly AccountRange[];
  /** Responsibility codes (ansvar); null: any. */
  readonly responsibility: readonly string[] | null;
  /** Activity codes (verksamhet); null: any. */
  readonly activity: readonly string[] | null;
  readonly pool: string;
}

/**
 * The pool mapping of a model version (`ledgerMapping`, DOMAIN.md 5.1): which ledger rows are the
 * IT department's (the scope) and which pool each belongs to. Rules may not overlap: a row in
 * scope belongs to exactly one rule or is listed as unmapped.
 */
export interface LedgerMapping {
  /** SIE dimension of the responsibility code (ansvar); 1 unless given. */
  readonly responsibilityDimension: number;
  /** SIE dimension of the activity (verksamhet); null when the mapping uses none. */
  readonly activityDimension: number | null;
  /** The rows that belong to the IT ledger: account ranges (default 3000–8999, the result accounts) × responsibility codes (null: any). */
  readonly scope: {
    readonly accounts: readonly AccountRange[];
    readonly responsibility: readonly string[] | null;
  };
  readonly rules: readonly LedgerMappingRule[];
}

/** The result accounts of the Kommun-BAS and BAS plans: classes 3–8. */
export const DEFAULT_LEDGER_SCOPE_ACCOUNTS = ['3000-8999'];
const ACCOUNT = /^\d{1,10}$/;
const MAX_CODE_LENGTH = 40;

/**
 * Reads and checks the optional `ledgerMapping` section of a model document: dimensions, scope,
 * rules naming known pools, and no two rules overlapping. Problems go to the list with their
 * JSON paths; returns null when the section is absent or has problems.
 */
export function readLedgerMapping(
  raw: unknown,
  poolIds: ReadonlySet<string>,
  problems: ProblemList,
): LedgerMapping | null {
  if (raw === undefined) return null;
  const path = 'ledgerMapping';
  if (!isObject(raw)) {
    problems.add(path, 'Kontomappningen måste vara ett objekt med regler (rules)');
    return null;
  }
  const before = problems.items.length;
  const responsibilityDimension =
    raw.responsibilityDimension === undefined
      ? 1
      : readDimension(raw.responsibilityDimension, `${path}.responsibilityDimension`, problems);
  const activityDimension =
    raw.activityDimension === undefined || raw.activityDimension === null
      ? null
      : readDimension(raw.activityDimension, `${path}.activityDimension`, problems);
  if (activityDimension !== null && activityDimension === responsibilityDimension)
    problems.add(`${path}.activityDimension`, 'Verksamhet och ansvar kan inte ligga i samma dimension');
  const scope = readScope(raw.scope, `${path}.scope`, problems);
  const rules: LedgerMappingRule[] = [];
  if (!Array.isArray(raw.rules) || raw.rules.length === 0) {
    problems.add(`${path}.rules`, 'Kontomappningen måste ha minst en regel i en lista');
  } else {
    raw.rules.forEach((r, i) => {
      const rule = readRule(r, i, `${path}.rules[${i}]`, { poolIds, activityDimension, problems });
      if (rule) rules.push(rule);
    });
  }
  for (let j = 0; j < rules.length; j++) {
    for (let i = 0; i < j; i++) {
      const overlap = overlapOf(rules[i], rules[j]);
      if (overlap)
        problems.add(
          `${path}.rules[${rules[j].index}]`,
          `Regeln överlappar ${path}.rules[${rules[i].index}] (${overlap}); en bokföringsrad får bara höra till en pool`,
        );
    }
  }
  if (problems.items.length > before) return null;
  return { responsibilityDimension, activityDimension, scope, rules };
}

function readDimension(value: unknown, path: string, problems: ProblemList): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9999) {
    problems.add(path, 'Dimensionen måste vara ett heltal från 1, t.ex. 1 för ansvar (SIE)');
    return 0;
  }
  return value;
}

function readScope(raw: unknown, path: string, problems: ProblemList): LedgerMapping['scope'] {
  const defaults = DEFAULT_LEDGER_SCOPE_ACCOUNTS.map((t) => parseRange(t) as AccountRange);
  if (raw === undefined) return { accounts: defaults, responsibility: null };
  if (!isObject(raw)) {
    problems.add(path, 'Omfattningen måste vara ett objekt med accounts och/eller responsibility');
    return { accounts: defaults, responsibility: null };
  }
  return {
    accounts: raw.accounts === undefined ? defaults : readRanges(raw.accounts, `${path}.accounts`, problems),
    responsibility: readCodes(raw.responsibility, `${path}.responsibility`, problems),
  };
}

function readRule(
  raw: unknown,
  index: number,
  path: string,
  ctx: { poolIds: ReadonlySet<string>; activityDimension: number | null; problems: ProblemList },
): LedgerMappingRule | null {
  const { problems } = ctx;
  if (!isObject(raw)) {
    problems.add(
      path,
      'Regeln måste vara ett objekt: { "accounts": […], "responsibility": […], "pool": "…" }',
    );
    return null;
  }
  const rule = raw as Json;
  const accounts = readRanges(rule.accounts, `${path}.accounts`, problems);
  const responsibility = readCodes(rule.responsibility, `${path}.responsibility`, problems);
  const activity = readCodes(rule.activity, `${path}.activity`, problems);
  if (activity !== null && ctx.activityDimension === null)
    problems.add(
      `${path}.activity`,
      'Regeln anger verksamhet men kontomappningen saknar activityDimension (SIE-dimensionen för verksamhet)',
    );
  const pool = typeof rule.pool === 'string' ? rule.pool : '';
  if (!ctx.poolIds.has(pool))
    problems.add(`${path}.pool`, `Poolen '${String(rule.pool ?? '')}' finns inte bland modellens pooler`);
  return { index, accounts, responsibility, activity, pool };
}

function parseRange(text: string): AccountRange | null {
  const [from, to = from, ...rest] = text.split('-').map((s) => s.trim());
  if (rest.length > 0 || !ACCOUNT.test(from) || !ACCOUNT.test(to)) return null;
  const range = { from: BigInt(from), to: BigInt(to), text: from === to ? from : `${from}–${to}` };
  return range.from <= range.to ? range : null;
}

function readRanges(raw: unknown, path: string, problems: ProblemList): AccountRange[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(path, 'Ange konton som en lista av konton eller intervall, t.ex. ["5000-5999", "6540"]');
    return [];
  }
  const out: AccountRange[] = [];
  raw.forEach((item, i) => {
    const range = typeof item === 'string' ? parseRange(item) : null;
    if (range) out.push(range);
    else
      problems.add(
        `${path}[${i}]`,
        `Ogiltigt konto eller intervall "${String(item)}": siffror, t.ex. "6540" eller "5000-5999" (från ≤ till)`,
      );
  });
  return out;
}

/** An optional list of codes; absent means any. */
function readCodes(raw: unknown, path: string, problems: ProblemList): string[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(path, 'Ange koderna som en icke-tom lista, t.ex. ["1150"], eller utelämna fältet för alla');
    return null;
  }
  const seen = new Set<string>();
  raw.forEach((code, i) => {
    if (typeof code !== 'string' || code.trim() !== code || code === '' || code.length > MAX_CODE_LENGTH)
      problems.add(
        `${path}[${i}]`,
        `Koden måste vara en text på 1–${MAX_CODE_LENGTH} tecken utan blanksteg runt`,
      );
    else if (seen.has(code)) problems.add(`${path}[${i}]`, `Koden "${code}" står redan i listan`);
    else seen.add(code);
  });
  return [...seen];
}

/** Whether an account lies in any of the ranges. */
export function inRanges(account: string, ranges: readonly AccountRange[]): boolean {
  if (!ACCOUNT.test(account)) return false;
  const n = BigInt(account);
  return ranges.some((r) => r.from <= n && n <= r.to);
}

/** What two rules have in common, in words, or null when no row can match both. */
function overlapOf(a: LedgerMappingRule, b: LedgerMappingRule): string | null {
  const accounts = a.accounts.flatMap((x) =>
    b.accounts
      .filter((y) => x.from <= y.to && y.from <= x.to)
      .map((y) => {
        const from = x.from > y.from ? x.from : y.from;
        const to = x.to < y.to ? x.to : y.to;
        return from === to ? `${from}` : `${from}–${to}`;
      }),
  );
  if (accounts.length === 0) return null;
  const common = (p: readonly string[] | null, q: readonly string[] | null, what: string) => {
    if (p === null && q === null) return { overlap: true, text: `alla ${what}` };
    if (p === null || q === null) return { overlap: true, text: `${what} ${(p ?? q ?? []).join(', ')}` };
    const both = p.filter((c) => q.includes(c));
    return { overlap: both.length > 0, text: `${what} ${both.join(', ')}` };
  };
  const responsibility = common(a.responsibility, b.responsibility, 'ansvar');
  const activity = common(a.activity, b.activity, 'verksamheter');
  if (!responsibility.overlap || !activity.overlap) return null;
  return `konto ${accounts.join(', ')}, ${responsibility.text}, ${activity.text}`;
}
