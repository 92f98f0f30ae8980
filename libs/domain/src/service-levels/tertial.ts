import {
  dayNumberOf,
  formatLocalDate,
  LAST_SUPPORTED_YEAR,
  FIRST_SUPPORTED_YEAR,
  MS_PER_DAY,
} from '../calendar/local-date';
import { TimeZoneRules } from '../calendar/time-zone-rules';
import { ValidationError } from '../errors';

/** A tertial (four-month follow-up period): T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec. */
export interface Tertial {
  /** '2025-T1' */
  key: string;
  year: number;
  index: 1 | 2 | 3;
  /** 'YYYY-MM' of its four months. */
  months: string[];
  /** First and last local date, inclusive. */
  firstDay: string;
  lastDay: string;
  /** Day numbers: first day, and the day after the last (exclusive end). */
  firstDayNumber: number;
  endDayNumber: number;
}

const TERTIAL_TEXT = /^(\d{4})-T([123])$/;

/** Reads '2025-T1'; throws a ValidationError naming `path` when it is not a tertial. */
export function parseTertial(text: unknown, path = 'tertial'): Tertial {
  const match = typeof text === 'string' ? TERTIAL_TEXT.exec(text.trim()) : null;
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < FIRST_SUPPORTED_YEAR || year >= LAST_SUPPORTED_YEAR) {
    throw new ValidationError([
      {
        path,
        message: `Ogiltig tertial ${JSON.stringify(text)}: ange ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-T3, t.ex. 2025-T1`,
      },
    ]);
  }
  const index = Number(match[2]) as 1 | 2 | 3;
  const firstMonth = (index - 1) * 4 + 1;
  const months = [0, 1, 2, 3].map((i) => `${year}-${String(firstMonth + i).padStart(2, '0')}`);
  const firstDayNumber = dayNumberOf(year, firstMonth, 1);
  const endDayNumber = index === 3 ? dayNumberOf(year + 1, 1, 1) : dayNumberOf(year, firstMonth + 4, 1);
  return {
    key: `${year}-T${index}`,
    year,
    index,
    months,
    firstDay: formatLocalDate(firstDayNumber),
    lastDay: formatLocalDate(endDayNumber - 1),
    firstDayNumber,
    endDayNumber,
  };
}

/** The instants [start, end) (epoch ms) of a tertial's local days in a time zone. */
export function tertialInstants(tertial: Tertial, zone: TimeZoneRules): { start: number; end: number } {
  return {
    start: zone.earliestInstantOfWall(tertial.firstDayNumber * MS_PER_DAY),
    end: zone.earliestInstantOfWall(tertial.endDayNumber * MS_PER_DAY),
  };
}
