import { MINUTES_PER_DAY, parseClockTime } from '../calendar/local-date';
import { SupportDay } from '../calendar/support-calendar';
import { OnCallClass } from './on-call-tariff';

/**
 * DOMAIN.md 6.2 rule 4 as an ordered list of strategies. Each rule claims minutes of a local
 * day; a minute belongs to the first rule that claims it. The rules are asked once per local
 * date and the answer is compiled into a DayPlan, so billing never classifies minute by minute.
 */

/** What a minute is: a billing class, or 'support' (inside support hours, not billed). */
export type DayPart = OnCallClass | 'support';

/** [from, to) in minutes of the wall-clock day. */
export type MinuteRange = readonly [number, number];

/** One rule: the minutes of a day it claims if no earlier rule has claimed them. */
export interface OnCallClassRule {
  readonly part: DayPart;
  claims(day: SupportDay, night: readonly MinuteRange[]): readonly MinuteRange[];
}

const WHOLE_DAY: readonly MinuteRange[] = [[0, MINUTES_PER_DAY]];
const NOTHING: readonly MinuteRange[] = [];

/** A holiday's minutes are all holiday minutes. */
export const holidayRule: OnCallClassRule = {
  part: 'holiday',
  claims: (day) => (day.holidayName !== null ? WHOLE_DAY : NOTHING),
};

/** Saturday and Sunday are weekend. */
export const weekendRule: OnCallClassRule = {
  part: 'weekend',
  claims: (day) => (day.weekday >= 6 ? WHOLE_DAY : NOTHING),
};

/** Support hours on a working day are not billed; support is closed on holidays, weekends and extra closed days. */
export const supportRule: OnCallClassRule = {
  part: 'support',
  claims: (day) => (day.supportMinutes !== null ? [day.supportMinutes] : NOTHING),
};

/** Clock times inside nightHours are night. */
export const nightRule: OnCallClassRule = {
  part: 'night',
  claims: (_day, night) => night,
};

/** Any other minute outside support hours is evening. */
export const eveningRule: OnCallClassRule = {
  part: 'evening',
  claims: () => WHOLE_DAY,
};

/** The rules in the order of DOMAIN.md 6.2 rule 4 (support before night: support minutes are never billed). */
export const ON_CALL_CLASS_RULES: readonly OnCallClassRule[] = [
  holidayRule,
  weekendRule,
  supportRule,
  nightRule,
  eveningRule,
];

/** Index of each part in count arrays; SUPPORT_PART last. */
export const DAY_PARTS: readonly DayPart[] = ['holiday', 'weekend', 'night', 'evening', 'support'];
export const SUPPORT_PART = 4;

/** A day cut into stretches: stretch i covers [ends[i-1] or 0, ends[i]) minutes and is DAY_PARTS[parts[i]]. */
export interface DayPlan {
  readonly ends: readonly number[];
  readonly parts: readonly number[];
}

/** The wall-clock minute ranges of nightHours; a night that wraps midnight gives two ranges. */
export function nightRanges(nightHours: readonly [string, string]): MinuteRange[] {
  const start = parseClockTime(nightHours[0]) as number;
  const end = parseClockTime(nightHours[1], true) as number;
  if (start < end) return [[start, end]];
  const ranges: MinuteRange[] = [
    [0, end],
    [start, MINUTES_PER_DAY],
  ];
  return ranges.filter(([from, to]) => to > from);
}

/** Cuts one day into stretches of one part each, by asking the rules in order. */
export function planDay(
  day: SupportDay,
  night: readonly MinuteRange[],
  rules: readonly OnCallClassRule[] = ON_CALL_CLASS_RULES,
): DayPlan {
  const claims = rules.map((rule) => rule.claims(day, night));
  const cuts = new Set<number>([0, MINUTES_PER_DAY]);
  for (const ranges of claims) for (const [from, to] of ranges) cuts.add(from).add(to);
  const sorted = [...cuts].sort((a, b) => a - b);
  const ends: number[] = [];
  const parts: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [from, to] = [sorted[i - 1], sorted[i]];
    const ruleIndex = claims.findIndex((ranges) => ranges.some(([a, b]) => a <= from && to <= b));
    const part = DAY_PARTS.indexOf(rules[ruleIndex].part);
    if (parts.length > 0 && parts[parts.length - 1] === part) ends[ends.length - 1] = to;
    else {
      ends.push(to);
      parts.push(part);
    }
  }
  return { ends, parts };
}
