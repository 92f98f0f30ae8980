import type { NextFunction, Request, Response } from 'express';
import { DomainError, Problem, ValidationError } from '@it-samverkan/domain';

/** The deepest nesting of objects and arrays a JSON body may have; no document of the API comes near it. */
export const MAX_JSON_DEPTH = 64;

/** Members that would reach an object's prototype; refused like any unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isJsonContainer = (value: unknown): value is object => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
};

/**
 * Walks a parsed JSON body without recursion: whether it nests deeper than `maxDepth`, and every
 * `__proto__`, `constructor` or `prototype` member with its path.
 */
export function inspectJsonBody(
  body: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { tooDeep: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (!isJsonContainer(value)) continue;
    if (depth + 1 > maxDepth) return { tooDeep: true, problems };
    if (Array.isArray(value)) {
      value.forEach((child, i) => stack.push({ value: child, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) problems.push({ path: at, message: `${key} är inte ett tillåtet fält` });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return { tooDeep: false, problems: problems.sort((a, b) => a.path.localeCompare(b.path)) };
}

/**
 * Middleware after the JSON parser, before anything (class-transformer) recurses into the body:
 * a body nested deeper than MAX_JSON_DEPTH answers 400, and prototype members are refused as
 * unknown fields, each named.
 */
export function guardJsonBody(request: Request, _response: Response, next: NextFunction): void {
  const { tooDeep, problems } = inspectJsonBody(request.body);
  if (tooDeep) {
    return next(
      new DomainError(
        'JSON_TOO_DEEP',
        `Förfrågans JSON är nästlad djupare än ${MAX_JSON_DEPTH} nivåer`,
        'invalid',
      ),
    );
  }
  next(problems.length ? new ValidationError(problems) : undefined);
}
