import { SupportCalendar } from '../calendar/support-calendar';

/**
 * The DOMAIN.md 8.1 deadline of SupportCalendar.oneWorkingDayDeadline, cached per local day so a
 * tertial of tickets costs one zone lookup and one comparison each: a day's support close and its
 * two possible deadlines (opened before close on a working day, or not) are computed once.
 */
export class OneWorkingDayDeadlines {
  private readonly days = new Map<number, readonly [number, number, number]>();

  constructor(private readonly calendar: SupportCalendar) {}

  /** Epoch ms before which a ticket opened at `opened` (epoch ms) must be resolved. */
  deadlineOf(opened: number): number {
    const dayNumber = this.calendar.zone.localDayOf(opened);
    let day = this.days.get(dayNumber);
    if (day === undefined) {
      day = this.dayDeadlines(dayNumber);
      this.days.set(dayNumber, day);
    }
    return opened < day[0] ? day[1] : day[2];
  }

  /** True when a ticket was resolved before its deadline. */
  solvedWithin(opened: number, resolved: number): boolean {
    return resolved < this.deadlineOf(opened);
  }

  /** [support close of the day (−∞ when closed), deadline when opened before it, deadline otherwise]. */
  private dayDeadlines(dayNumber: number): readonly [number, number, number] {
    const calendar = this.calendar;
    const closeOf = (day: number) => (calendar.supportWindowOfDay(day) as [number, number])[1];
    const window = calendar.supportWindowOfDay(dayNumber);
    const next = calendar.nextWorkingDayNumber(dayNumber);
    const afterNext = closeOf(calendar.nextWorkingDayNumber(next));
    return window === null ? [-Infinity, afterNext, afterNext] : [window[1], closeOf(next), afterNext];
  }
}
