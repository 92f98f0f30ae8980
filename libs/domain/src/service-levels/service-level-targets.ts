import { collectSupportCalendarProblems, SupportCalendarConfig } from '../calendar/support-calendar';
import { ProblemList } from '../errors';
import { Dec } from '../money/decimal';

/** The measures of the service-level follow-up (DOMAIN.md 8.1), in report order. */
export const SERVICE_LEVEL_MEASURES = [
  'firstLine',
  'ordinaryWithinOneWorkingDay',
  'answeredWithin10s',
  'answeredWithin60s',
  'satisfied',
] as const;
export type ServiceLevelMeasure = (typeof SERVICE_LEVEL_MEASURES)[number];

/** Swedish names of the measures, for reports. */
export const SERVICE_LEVEL_MEASURE_LABELS: Record<ServiceLevelMeasure, string> = {
  firstLine: 'Ärenden lösta i första linjen',
  ordinaryWithinOneWorkingDay: 'Normalärenden lösta inom en arbetsdag',
  answeredWithin10s: 'Samtal besvarade inom 10 sekunder',
  answeredWithin60s: 'Samtal besvarade inom 60 sekunder',
  satisfied: 'Nöjda svar i kundenkäten',
};

/** The framework assignment's service-level targets of one year: minimum shares in percent and the support calendar. */
export interface ServiceLevelTargets {
  year: number;
  /** Minimum share in percent per measure, as a decimal text ("50", "80.5"). */
  targets: Record<ServiceLevelMeasure, string>;
  /** Support hours and time zone the working-day rule and the imported local times use. */
  calendar: SupportCalendarConfig;
}

/** Targets of the framework assignment unless a year's are recorded (DOMAIN.md 8.1; ramuppdrag IT). */
export const DEFAULT_TARGET_PERCENTS: Readonly<Record<ServiceLevelMeasure, string>> = {
  firstLine: '50',
  ordinaryWithinOneWorkingDay: '80',
  answeredWithin10s: '50',
  answeredWithin60s: '80',
  satisfied: '90',
};

const WEEKDAY_HOURS = ['07:30', '16:30'] as const;

/** The default support calendar: 07:30–16:30 Monday to Friday, Europe/Stockholm. */
export const DEFAULT_SUPPORT_CALENDAR: SupportCalendarConfig = {
  timezone: 'Europe/Stockholm',
  supportHours: {
    mon: WEEKDAY_HOURS,
    tue: WEEKDAY_HOURS,
    wed: WEEKDAY_HOURS,
    thu: WEEKDAY_HOURS,
    fri: WEEKDAY_HOURS,
  },
  extraClosedDays: [],
};

/** The default targets of a year. */
export function defaultServiceLevelTargets(year: number): ServiceLevelTargets {
  return {
    year,
    targets: { ...DEFAULT_TARGET_PERCENTS },
    calendar: {
      timezone: DEFAULT_SUPPORT_CALENDAR.timezone,
      supportHours: { ...DEFAULT_SUPPORT_CALENDAR.supportHours },
      extraClosedDays: [],
    },
  };
}

const PERCENT_TEXT = /^\d{1,3}(\.\d)?$/;

/**
 * Validates a year's targets; a field left out keeps its default. Percentages are 0–100 with at
 * most one decimal (text or number). Every problem is reported at once, with its field path.
 */
export function validateServiceLevelTargets(
  year: number,
  input: Record<string, unknown>,
): ServiceLevelTargets {
  const problems = new ProblemList();
  const defaults = defaultServiceLevelTargets(year);
  const targets = { ...defaults.targets };
  for (const measure of SERVICE_LEVEL_MEASURES) {
    const value = input[measure];
    if (value === undefined || value === null) continue;
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !PERCENT_TEXT.test(text.trim()) || new Dec(text.trim()).gt(100)) {
      problems.add(
        measure,
        `Målet måste vara en procentsats 0–100 med högst en decimal, t.ex. "80" eller "92.5"`,
      );
    } else {
      targets[measure] = new Dec(text.trim()).toString();
    }
  }
  const calendarInput = {
    timezone: input.timezone ?? defaults.calendar.timezone,
    supportHours: input.supportHours ?? defaults.calendar.supportHours,
    extraClosedDays: input.extraClosedDays ?? [],
  };
  const calendar = collectSupportCalendarProblems(calendarInput, problems);
  problems.throwIfAny('Målen för servicenivåer är ogiltiga', 'SERVICE_LEVEL_TARGETS_INVALID');
  return { year, targets, calendar: calendar as SupportCalendarConfig };
}
