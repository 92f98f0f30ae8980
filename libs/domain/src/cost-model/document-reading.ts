import { checkQuantity, Money } from '../money';
import { ProblemList } from '../errors';
import { toQuantity } from './quantity-value';
import type { Quantity } from './types';

/** Small readers for the loose JSON document; each reports to the problem list instead of throwing. */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const SLUG = /^[a-z0-9åäö]+(?:-[a-z0-9åäö]+)*$/;

/** A required non-empty text field. */
export function readText(
  obj: Json,
  key: string,
  path: string,
  problems: ProblemList,
  missing: string,
): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.trim() === '') {
    problems.add(`${path}.${key}`, missing);
    return '';
  }
  return v;
}

/** An optional text field: absent or null gives null; anything but a string is a problem. */
export function readOptionalText(obj: Json, key: string, path: string, problems: ProblemList): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') {
    problems.add(`${path}.${key}`, 'Måste vara en text');
    return null;
  }
  return v.trim() === '' ? null : v;
}

/** A required id: non-empty, no surrounding blanks (ids end up in paths and file names). */
export function readId(obj: Json, path: string, problems: ProblemList): string {
  const v = obj.id;
  if (typeof v !== 'string' || v === '' || v.trim() !== v) {
    problems.add(`${path}.id`, 'Id måste vara en icke-tom text utan inledande eller avslutande blanksteg');
    return '';
  }
  return v;
}

/** A municipality slug such as "ulricehamn". */
export function readSlug(obj: Json, key: string, path: string, problems: ProblemList): string {
  const v = obj[key];
  if (typeof v !== 'string' || !SLUG.test(v)) {
    problems.add(
      `${path}.${key}`,
      'Kommunen måste anges som en slug med gemener, siffror och bindestreck, t.ex. "ulricehamn"',
    );
    return '';
  }
  return v;
}

/** A list section of the document; null (with a problem) when it is not an array. */
export function readList(obj: Json, key: string, problems: ProblemList): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) {
    problems.add(key, `"${key}" måste vara en lista`);
    return [];
  }
  return v;
}

/** A non-negative weight or volume, or null when it is invalid (the problem is recorded). */
export function readQuantity(input: unknown, path: string, problems: ProblemList): Quantity | null {
  const problem = checkQuantity(input, path);
  if (problem) {
    problems.add(problem.path, problem.message);
    return null;
  }
  return toQuantity(input as string | number);
}

/** An amount of money with at most two decimals, or null when it is invalid. */
export function readMoney(input: unknown, path: string, problems: ProblemList): Money | null {
  const problem = Money.check(input, path);
  if (problem) {
    problems.add(problem.path, problem.message);
    return null;
  }
  return Money.parse(input, path);
}

/**
 * Records ids of one namespace and reports a repeated id at its path; returns id → first index.
 * Empty ids were already reported by `readId` and are skipped.
 */
export function indexIds(
  section: string,
  ids: readonly string[],
  problems: ProblemList,
): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === '') return;
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else problems.add(`${section}[${i}].id`, `Id '${id}' finns redan (${section}[${first}])`);
  });
  return index;
}
