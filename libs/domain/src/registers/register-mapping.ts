import { Problem } from '../errors';

/**
 * A rule of a register mapping: a row whose named columns all hold the given values belongs to
 * `consumer`. One column (`{ "Ansvar": "3000" }`) maps a responsibility code, a department name or
 * a cost centre; two (`{ "Kommun": "Tranemo", "Ansvar": "3000" }`) tell apart codes that two
 * municipalities both use. Rules are tried in order; the first that matches wins.
 */
export interface RegisterMappingRule {
  match: Record<string, string>;
  consumer: string;
}

/** How a register value is compared: trimmed, inner whitespace collapsed, case-insensitive (Swedish). */
export function normaliseRegisterValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/** The columns a mapping reads, in the order the rules first name them. */
export function mappingColumns(rules: readonly RegisterMappingRule[]): string[] {
  const seen = new Map<string, string>();
  for (const rule of rules)
    for (const column of Object.keys(rule.match)) {
      const key = normaliseRegisterValue(column);
      if (!seen.has(key)) seen.set(key, column.trim());
    }
  return [...seen.values()];
}

/** Every problem with a mapping's rules (path `rules[i]…`), or none. */
export function checkRegisterMapping(rules: unknown, path = 'rules'): Problem[] {
  if (!Array.isArray(rules)) return [{ path, message: 'Ange reglerna som en lista' }];
  if (rules.length === 0) return [{ path, message: 'Mappningen behöver minst en regel' }];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule: unknown, i) => {
    const at = `${path}[${i}]`;
    if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) {
      problems.push({ path: at, message: 'En regel är ett objekt {match, consumer}' });
      return;
    }
    const { match, consumer } = rule as Record<string, unknown>;
    const extra = Object.keys(rule).filter((k) => k !== 'match' && k !== 'consumer');
    for (const k of extra)
      problems.push({ path: `${at}.${k}`, message: 'Okänt fält; ange match och consumer' });
    if (typeof consumer !== 'string' || consumer.trim() === '')
      problems.push({ path: `${at}.consumer`, message: 'Ange förbrukarens id' });
    if (match === null || typeof match !== 'object' || Array.isArray(match)) {
      problems.push({ path: `${at}.match`, message: 'Ange kolumn och värde, t.ex. {"Ansvar": "3000"}' });
      return;
    }
    const entries = Object.entries(match as Record<string, unknown>);
    if (entries.length === 0)
      problems.push({ path: `${at}.match`, message: 'Regeln behöver minst en kolumn att jämföra' });
    for (const [column, value] of entries) {
      if (column.trim() === '') problems.push({ path: `${at}.match`, message: 'Ett kolumnnamn är tomt' });
      if (typeof value !== 'string' || value.trim() === '')
        problems.push({ path: `${at}.match.${column}`, message: 'Värdet ska vara en icke-tom text' });
    }
    if (entries.every(([, v]) => typeof v === 'string')) {
      const key = JSON.stringify(
        entries.map(([c, v]) => [normaliseRegisterValue(c), normaliseRegisterValue(v as string)]).sort(),
      );
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push({ path: `${at}.match`, message: `Samma villkor som regel ${earlier + 1}` });
      else seen.set(key, i);
    }
  });
  return problems;
}

/** The index of the first rule the row's fields satisfy, or -1. Field names compare like values. */
export function firstMatchingRule(
  rules: readonly RegisterMappingRule[],
  fields: Readonly<Record<string, string>>,
): number {
  const byColumn = new Map<string, string>();
  for (const [column, value] of Object.entries(fields))
    byColumn.set(normaliseRegisterValue(column), normaliseRegisterValue(value));
  return rules.findIndex((rule) =>
    Object.entries(rule.match).every(
      ([column, value]) => byColumn.get(normaliseRegisterValue(column)) === normaliseRegisterValue(value),
    ),
  );
}
