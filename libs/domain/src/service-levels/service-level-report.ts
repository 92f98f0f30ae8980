import { Dec, percentOneDecimal } from '../money/decimal';
import {
  SERVICE_LEVEL_MEASURE_LABELS,
  SERVICE_LEVEL_MEASURES,
  ServiceLevelMeasure,
  ServiceLevelTargets,
} from './service-level-targets';

/** One measure's outcome: counts, the share in percent with one decimal, the target and whether it is met. */
export interface MeasureResult {
  measure: ServiceLevelMeasure;
  label: string;
  numerator: number;
  denominator: number;
  /** Percent with one decimal, half-up ("53.0"); null when the denominator is 0. */
  share: string | null;
  /** The minimum share in percent ("50"). */
  target: string;
  /** Exact comparison numerator/denominator ≥ target (not of the rounded share); null without data. */
  met: boolean | null;
}

/** The counts behind a municipality's measures in a tertial. */
export interface ServiceLevelCounts {
  /** Tickets opened in the tertial; of them closed and still open; closed ones per support line. */
  ticketsOpened: number;
  ticketsClosed: number;
  ticketsOpen: number;
  closedByLine: { 1: number; 2: number; 3: number };
  solvedAtFirstLine: number;
  /** Ordinary tickets opened in the tertial, those counted, those within one working day, and open ones whose deadline had not passed. */
  ordinaryOpened: number;
  ordinaryCounted: number;
  ordinaryWithin: number;
  ordinaryPending: number;
  /** Calls in the tertial (answered or not), answered ones, answered within 10 s and within 60 s. */
  calls: number;
  callsAnswered: number;
  answeredWithin10s: number;
  answeredWithin60s: number;
  /** Tickets resolved in the tertial, those chosen for the survey, answers in the tertial and satisfied answers. */
  ticketsResolvedInTertial: number;
  surveySelected: number;
  surveyAnswers: number;
  surveySatisfied: number;
}

/** A municipality's (or the total's) figures of a tertial. */
export interface MunicipalityServiceLevels {
  municipality: string;
  counts: ServiceLevelCounts;
  measures: MeasureResult[];
}

/** Fresh zero counts. */
export function emptyCounts(): ServiceLevelCounts {
  return {
    ticketsOpened: 0,
    ticketsClosed: 0,
    ticketsOpen: 0,
    closedByLine: { 1: 0, 2: 0, 3: 0 },
    solvedAtFirstLine: 0,
    ordinaryOpened: 0,
    ordinaryCounted: 0,
    ordinaryWithin: 0,
    ordinaryPending: 0,
    calls: 0,
    callsAnswered: 0,
    answeredWithin10s: 0,
    answeredWithin60s: 0,
    ticketsResolvedInTertial: 0,
    surveySelected: 0,
    surveyAnswers: 0,
    surveySatisfied: 0,
  };
}

/** Adds `b` into `a` (for the total row). */
export function addCounts(a: ServiceLevelCounts, b: ServiceLevelCounts): void {
  for (const key of Object.keys(a) as (keyof ServiceLevelCounts)[]) {
    if (key === 'closedByLine') {
      a.closedByLine[1] += b.closedByLine[1];
      a.closedByLine[2] += b.closedByLine[2];
      a.closedByLine[3] += b.closedByLine[3];
    } else {
      a[key] += b[key];
    }
  }
}

/** The share in percent with one decimal, half-up, computed exactly; null for an empty denominator. */
export function percentShare(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  return percentOneDecimal(numerator, denominator);
}

/** numerator / denominator ≥ target % exactly (numerator × 100 ≥ target × denominator); null for an empty denominator. */
export function meetsTarget(numerator: number, denominator: number, targetPercent: string): boolean | null {
  if (denominator === 0) return null;
  return new Dec(numerator).times(100).gte(new Dec(targetPercent).times(denominator));
}

/** The five measures of a municipality's counts against the year's targets. */
export function measuresOf(counts: ServiceLevelCounts, targets: ServiceLevelTargets): MeasureResult[] {
  const ratio: Record<ServiceLevelMeasure, [number, number]> = {
    firstLine: [counts.solvedAtFirstLine, counts.ticketsClosed],
    ordinaryWithinOneWorkingDay: [counts.ordinaryWithin, counts.ordinaryCounted],
    answeredWithin10s: [counts.answeredWithin10s, counts.calls],
    answeredWithin60s: [counts.answeredWithin60s, counts.calls],
    satisfied: [counts.surveySatisfied, counts.surveyAnswers],
  };
  return SERVICE_LEVEL_MEASURES.map((measure) => {
    const [numerator, denominator] = ratio[measure];
    const target = targets.targets[measure];
    return {
      measure,
      label: SERVICE_LEVEL_MEASURE_LABELS[measure],
      numerator,
      denominator,
      share: percentShare(numerator, denominator),
      target,
      met: meetsTarget(numerator, denominator, target),
    };
  });
}
