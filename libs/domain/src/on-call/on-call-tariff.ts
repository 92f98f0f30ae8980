import { checkLocalDate, formatLocalDate, parseClockTime } from '../calendar/local-date';
import { collectSupportCalendarProblems, SupportHours } from '../calendar/support-calendar';
import { timeZoneRules } from '../calendar/time-zone-rules';
import { DomainError, ProblemList } from '../errors';
import { Money } from '../money';

/** The format tag of an on-call tariff document (DOMAIN.md 6.1). */
export const ON_CALL_TARIFF_FORMAT = 'it-samverkan/on-call-tariff@1';

/** A billing class of an on-call minute outside support hours (DOMAIN.md 6.2 rule 4). */
export type OnCallClass = 'evening' | 'night' | 'weekend' | 'holiday';
/** The classes in the order rule 4 tries them: first match wins. */
export const ON_CALL_CLASSES: readonly OnCallClass[] = ['holiday', 'weekend', 'night', 'evening'];

/** Minutes per class. */
export type ClassMinutes = Record<OnCallClass, number>;

/** A validated on-call tariff; JSON.stringify gives back the document (amounts as "1200.00"). */
export interface OnCallTariff {
  readonly format: typeof ON_CALL_TARIFF_FORMAT;
  readonly validFrom: string;
  readonly timezone: string;
  readonly supportHours: Readonly<SupportHours>;
  readonly extraClosedDays: readonly string[];
  /** [start, end] clock times; the night wraps midnight when start > end. */
  readonly nightHours: readonly [string, string];
  readonly rates: Readonly<Record<OnCallClass, Money>>;
  readonly calloutFee: Money;
  readonly roundUpMinutes: number;
  readonly minimumMinutes: number;
}

const KNOWN_FIELDS = [
  'format',
  'validFrom',
  'timezone',
  'supportHours',
  'extraClosedDays',
  'nightHours',
  'rates',
  'calloutFee',
  'roundUpMinutes',
  'minimumMinutes',
];

/** Validates an `it-samverkan/on-call-tariff@1` document, listing every problem in one ValidationError. */
export function validateOnCallTariff(doc: unknown): OnCallTariff {
  const problems = new ProblemList();
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    problems.add('', 'Beredskapstaxan måste vara ett JSON-objekt');
    problems.throwIfAny('Beredskapstaxan är ogiltig', 'ON_CALL_TARIFF_INVALID');
  }
  const input = doc as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.includes(key)) problems.add(key, `Okänt fält "${key}" i beredskapstaxan`);
  }
  if (input.format !== ON_CALL_TARIFF_FORMAT) {
    problems.add('format', `Formatet måste vara "${ON_CALL_TARIFF_FORMAT}"`);
  }
  const validFromProblem = checkLocalDate(input.validFrom);
  if (validFromProblem) problems.add('validFrom', validFromProblem);
  collectSupportCalendarProblems(input, problems);
  checkNightHours(input.nightHours, problems);
  const rates = readRates(input.rates, problems);
  const calloutFee = readAmount(input.calloutFee, 'calloutFee', problems);
  checkWholeMinutes(input.roundUpMinutes, 'roundUpMinutes', 1, 1440, problems);
  checkWholeMinutes(input.minimumMinutes, 'minimumMinutes', 0, 1440, problems);
  problems.throwIfAny('Beredskapstaxan är ogiltig', 'ON_CALL_TARIFF_INVALID');

  const hours = input.supportHours as SupportHours;
  const supportHours: SupportHours = {};
  for (const [day, window] of Object.entries(hours)) {
    supportHours[day as keyof SupportHours] = Object.freeze([window![0], window![1]] as const);
  }
  const night = input.nightHours as string[];
  return Object.freeze({
    format: ON_CALL_TARIFF_FORMAT,
    validFrom: input.validFrom as string,
    timezone: input.timezone as string,
    supportHours: Object.freeze(supportHours),
    extraClosedDays: Object.freeze([...((input.extraClosedDays ?? []) as string[])]),
    nightHours: Object.freeze([night[0], night[1]] as const),
    rates: Object.freeze(rates as Record<OnCallClass, Money>),
    calloutFee: calloutFee as Money,
    roundUpMinutes: input.roundUpMinutes as number,
    minimumMinutes: input.minimumMinutes as number,
  });
}

/** The tariff in force on the local start date of an incident: the latest validFrom on or before it (DOMAIN.md 6.2 rule 7). */
export function selectTariff(tariffs: readonly OnCallTariff[], start: Date): OnCallTariff {
  const at = start.getTime();
  let chosen: OnCallTariff | null = null;
  for (const tariff of tariffs) {
    const startDate = formatLocalDate(timeZoneRules(tariff.timezone).localDayOf(at));
    if (tariff.validFrom > startDate) continue;
    if (chosen !== null && chosen.validFrom === tariff.validFrom) {
      throw new DomainError(
        'ON_CALL_TARIFF_AMBIGUOUS',
        `Två beredskapstaxor gäller från ${tariff.validFrom}; det måste finnas en enda`,
        'conflict',
      );
    }
    if (chosen === null || tariff.validFrom > chosen.validFrom) chosen = tariff;
  }
  if (chosen === null) {
    const earliest = tariffs.map((t) => t.validFrom).sort()[0];
    const date =
      tariffs.length > 0 ? formatLocalDate(timeZoneRules(tariffs[0].timezone).localDayOf(at)) : null;
    throw new DomainError(
      'ON_CALL_TARIFF_MISSING',
      earliest
        ? `Ingen beredskapstaxa gäller ${date}: den tidigaste gäller från ${earliest}`
        : 'Det finns ingen beredskapstaxa',
      'unprocessable',
    );
  }
  return chosen;
}

function checkNightHours(value: unknown, problems: ProblemList): void {
  if (!Array.isArray(value) || value.length !== 2) {
    problems.add('nightHours', 'Natt måste anges som [början, slut], t.ex. ["22:00", "06:00"]');
    return;
  }
  const start = parseClockTime(value[0]);
  const end = parseClockTime(value[1], true);
  if (start === null)
    problems.add('nightHours[0]', `Ogiltigt klockslag ${JSON.stringify(value[0])}: ange TT:MM`);
  if (end === null)
    problems.add('nightHours[1]', `Ogiltigt klockslag ${JSON.stringify(value[1])}: ange TT:MM`);
  if (start !== null && end !== null && start % 1440 === end % 1440) {
    problems.add('nightHours', 'Nattens början och slut får inte vara samma klockslag');
  }
}

function readRates(value: unknown, problems: ProblemList): Partial<Record<OnCallClass, Money>> {
  const rates: Partial<Record<OnCallClass, Money>> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add('rates', 'Timpriser måste anges som ett objekt med evening, night, weekend och holiday');
    return rates;
  }
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(ON_CALL_CLASSES as readonly string[]).includes(key)) {
      problems.add(`rates.${key}`, `Okänd klass "${key}": använd evening, night, weekend eller holiday`);
    }
  }
  for (const cls of ['evening', 'night', 'weekend', 'holiday'] as const) {
    if (input[cls] === undefined) problems.add(`rates.${cls}`, 'Timpris saknas');
    else {
      const amount = readAmount(input[cls], `rates.${cls}`, problems);
      if (amount) rates[cls] = amount;
    }
  }
  return rates;
}

function readAmount(value: unknown, path: string, problems: ProblemList): Money | null {
  if (value === undefined) {
    problems.add(path, 'Belopp saknas');
    return null;
  }
  const problem = Money.check(value, path);
  if (problem) {
    problems.add(problem.path, problem.message);
    return null;
  }
  const amount = Money.parse(value, path);
  if (amount.isNegative()) {
    problems.add(path, `Beloppet får inte vara negativt (${amount.toString()})`);
    return null;
  }
  return amount;
}

function checkWholeMinutes(
  value: unknown,
  path: string,
  min: number,
  max: number,
  problems: ProblemList,
): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(path, `Ange ett helt antal minuter mellan ${min} och ${max}`);
  }
}
