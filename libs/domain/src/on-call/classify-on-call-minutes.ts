import { MS_PER_DAY, MS_PER_MINUTE } from '../calendar/local-date';
import { ProblemList } from '../errors';
import { compileTariff } from './compiled-tariff';
import { DAY_PARTS, DayPlan, SUPPORT_PART } from './on-call-class-rules';
import { ClassMinutes, OnCallClass, OnCallTariff } from './on-call-tariff';

/** The time an incident lasted: [start, end), both to the minute. */
export interface OnCallInterval {
  start: Date;
  end: Date;
}

/** How an incident's real elapsed minutes fall into classes, before rounding. */
export interface OnCallClassification {
  /** Real elapsed minutes, across summer-time changes. */
  elapsedMinutes: number;
  /** Minutes inside support hours (not billed). */
  supportMinutes: number;
  /** Minutes per class; rawMinutes + supportMinutes = elapsedMinutes. */
  rawMinutes: ClassMinutes;
  /** The class of the first billable minute, or null when there is none. */
  firstClass: OnCallClass | null;
}

/** Checks an incident interval (valid instants, to the minute, end after start) and returns [start, end] in epoch ms. */
export function checkOnCallInterval(interval: OnCallInterval): [number, number] {
  const problems = new ProblemList();
  const start = instantOf(interval?.start, 'start', problems);
  const end = instantOf(interval?.end, 'end', problems);
  if (start !== null && end !== null && end <= start) {
    problems.add('end', 'Sluttiden måste vara efter starttiden');
  }
  problems.throwIfAny('Beredskapsärendet är ogiltigt', 'ON_CALL_INCIDENT_INVALID');
  return [start as number, end as number];
}

/**
 * Classifies every minute of an incident (DOMAIN.md 6.2 rules 2 and 4) by walking from boundary
 * to boundary (local midnight, support open/close, night start/end, offset change) instead of
 * minute by minute.
 */
export function classifyOnCallMinutes(tariff: OnCallTariff, interval: OnCallInterval): OnCallClassification {
  const [start, end] = checkOnCallInterval(interval);
  const compiled = compileTariff(tariff);
  const zone = compiled.zone;
  const counts = [0, 0, 0, 0, 0];
  let first = -1;
  let piece = zone.pieceAt(start);
  let planDay = Number.NaN;
  let plan: DayPlan | null = null;
  for (let t = start; t < end;) {
    if (t >= piece.until) piece = zone.pieceAt(t);
    const wall = t + piece.offset * MS_PER_MINUTE;
    const day = Math.floor(wall / MS_PER_DAY);
    if (day !== planDay || plan === null) {
      plan = compiled.planOf(day);
      planDay = day;
    }
    const msOfDay = wall - day * MS_PER_DAY;
    const ends = plan.ends;
    let i = 0;
    while (ends[i] * MS_PER_MINUTE <= msOfDay) i++;
    let next = t + ends[i] * MS_PER_MINUTE - msOfDay;
    if (next > piece.until) next = piece.until;
    if (next > end) next = end;
    const part = plan.parts[i];
    counts[part] += next - t;
    if (first < 0 && part !== SUPPORT_PART) first = part;
    t = next;
  }
  return {
    elapsedMinutes: (end - start) / MS_PER_MINUTE,
    supportMinutes: counts[SUPPORT_PART] / MS_PER_MINUTE,
    rawMinutes: {
      evening: counts[3] / MS_PER_MINUTE,
      night: counts[2] / MS_PER_MINUTE,
      weekend: counts[1] / MS_PER_MINUTE,
      holiday: counts[0] / MS_PER_MINUTE,
    },
    firstClass: first < 0 ? null : (DAY_PARTS[first] as OnCallClass),
  };
}

function instantOf(value: unknown, path: string, problems: ProblemList): number | null {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) {
    problems.add(path, 'Ogiltig tidpunkt');
    return null;
  }
  if (ms % MS_PER_MINUTE !== 0) {
    problems.add(path, 'Tider anges på minuten; tidpunkten har sekunder');
    return null;
  }
  return ms;
}
