import { checkLocalDate } from '../calendar/local-date';
import { Problem } from '../errors';

/**
 * Whether a unit that ends on `validTo` (its last day; null: it has not ended) is billed for a
 * period starting on `firstDay`: a period that starts after the unit's end is never billed to it.
 */
export function unitBilledForPeriod(validTo: string | null, firstDay: string): boolean {
  return validTo === null || validTo >= firstDay;
}

/**
 * The problems with ending a unit on `validTo`: a real date, and no billable item (an incident or
 * development hours, by month) in a period that starts after it; `laterMonths` are such months.
 */
export function unitEndProblems(
  validTo: string,
  laterMonths: readonly string[],
  path = 'validTo',
): Problem[] {
  const bad = checkLocalDate(validTo);
  if (bad) return [{ path, message: `Slutdatum: ${bad}` }];
  return laterMonths.length === 0
    ? []
    : [
        {
          path,
          message: `Enheten har beredskapsärenden eller utvecklingstimmar i ${laterMonths.join(', ')}, efter slutdatumet ${validTo}`,
        },
      ];
}
