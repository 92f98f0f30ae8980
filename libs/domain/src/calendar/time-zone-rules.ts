import { tzOffset } from '@date-fns/tz';
import { DomainError } from '../errors';
import {
  civilDateOf,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  MS_PER_DAY,
  MS_PER_MINUTE,
} from './local-date';

/**
 * A time zone's UTC offsets as a list of pieces of constant offset, built once per UTC year
 * from the runtime's zone data (via @date-fns/tz) and kept. Within a piece wall-clock time is
 * instant + offset, so the engine can jump from boundary to boundary instead of asking Intl for
 * every minute, and can see for itself that a wall-clock time does not exist or exists twice
 * (date-fns would shift it silently).
 */

/** A stretch [from, until) of instants (epoch ms) with one UTC offset (minutes, east positive). */
export interface OffsetPiece {
  readonly from: number;
  readonly until: number;
  readonly offset: number;
}

/** A change of offset: wall-clock times jump at instant `at` from offsetBefore to offsetAfter. */
export interface OffsetChange {
  at: number;
  offsetBefore: number;
  offsetAfter: number;
}

/** How a wall-clock time maps to instants: one, none (skipped) or two (repeated). */
export type WallTimeResolution =
  | { kind: 'unique'; instant: number }
  | { kind: 'skipped'; change: OffsetChange }
  | { kind: 'repeated'; instants: [number, number]; offsets: [number, number] };

const SCAN_STEP_MS = 6 * 3_600_000;
const TIME_ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** True when the runtime knows this IANA time zone name (e.g. "Europe/Stockholm"). */
export function isValidTimeZone(timezone: unknown): timezone is string {
  if (typeof timezone !== 'string' || !TIME_ZONE_NAME.test(timezone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** Offsets of one IANA time zone, computed lazily per UTC year and cached. */
export class TimeZoneRules {
  private readonly years = new Map<number, OffsetPiece[]>();
  private last: OffsetPiece | null = null;

  constructor(readonly timezone: string) {
    if (!isValidTimeZone(timezone)) {
      throw new DomainError('TIMEZONE_INVALID', `Okänd tidszon ${JSON.stringify(timezone)}`, 'invalid', [
        {
          path: 'timezone',
          message: `Okänd tidszon ${JSON.stringify(timezone)}: ange en IANA-tidszon, t.ex. Europe/Stockholm`,
        },
      ]);
    }
  }

  /** The piece of constant offset that contains an instant (epoch ms). */
  pieceAt(instant: number): OffsetPiece {
    const last = this.last;
    if (last !== null && instant >= last.from && instant < last.until) return last;
    const pieces = this.piecesOfYear(civilDateOf(Math.floor(instant / MS_PER_DAY)).year);
    let piece = pieces[0];
    for (let i = 1; i < pieces.length && pieces[i].from <= instant; i++) piece = pieces[i];
    this.last = piece;
    return piece;
  }

  /** UTC offset in minutes at an instant. */
  offsetAt(instant: number): number {
    return this.pieceAt(instant).offset;
  }

  /** Day number of the local date of an instant. */
  localDayOf(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant) * MS_PER_MINUTE) / MS_PER_DAY);
  }

  /** Wall-clock time (as epoch ms of the same wall time in UTC) of an instant. */
  wallOf(instant: number): number {
    return instant + this.offsetAt(instant) * MS_PER_MINUTE;
  }

  /** The instants at which the clock shows a wall time (given as epoch ms of that wall time in UTC). */
  resolveWallTime(wall: number): WallTimeResolution {
    const offsets = new Set([
      this.offsetAt(wall - MS_PER_DAY),
      this.offsetAt(wall),
      this.offsetAt(wall + MS_PER_DAY),
    ]);
    const found: Array<[number, number]> = [];
    for (const offset of offsets) {
      const instant = wall - offset * MS_PER_MINUTE;
      if (this.offsetAt(instant) === offset && !found.some(([t]) => t === instant))
        found.push([instant, offset]);
    }
    found.sort((a, b) => a[0] - b[0]);
    if (found.length === 1) return { kind: 'unique', instant: found[0][0] };
    if (found.length >= 2) {
      return { kind: 'repeated', instants: [found[0][0], found[1][0]], offsets: [found[0][1], found[1][1]] };
    }
    const offsetBefore = this.offsetAt(wall - MS_PER_DAY);
    const after = this.pieceAt(wall - offsetBefore * MS_PER_MINUTE);
    return { kind: 'skipped', change: { at: after.from, offsetBefore, offsetAfter: after.offset } };
  }

  /** The first instant at which the clock shows a wall time or later (a skipped time maps to the change). */
  earliestInstantOfWall(wall: number): number {
    const r = this.resolveWallTime(wall);
    return r.kind === 'unique' ? r.instant : r.kind === 'repeated' ? r.instants[0] : r.change.at;
  }

  private piecesOfYear(year: number): OffsetPiece[] {
    let pieces = this.years.get(year);
    if (!pieces) {
      if (year < FIRST_SUPPORTED_YEAR - 1 || year > LAST_SUPPORTED_YEAR + 1) {
        throw new DomainError(
          'TIME_OUT_OF_RANGE',
          `Tider före ${FIRST_SUPPORTED_YEAR} eller efter ${LAST_SUPPORTED_YEAR} stöds inte (år ${year})`,
          'invalid',
        );
      }
      pieces = this.scanYear(year);
      this.years.set(year, pieces);
    }
    return pieces;
  }

  /** Finds the offset changes of a UTC year: sample every 6 h, then bisect to the minute. */
  private scanYear(year: number): OffsetPiece[] {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const pieces: OffsetPiece[] = [];
    let from = start;
    let offset = this.runtimeOffset(start);
    let lo = start;
    while (lo < end) {
      const hi = Math.min(lo + SCAN_STEP_MS, end);
      if (this.runtimeOffset(hi) === offset) {
        lo = hi;
        continue;
      }
      let a = lo;
      let b = hi;
      while (b - a > MS_PER_MINUTE) {
        const mid = a + Math.floor((b - a) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        if (this.runtimeOffset(mid) === offset) a = mid;
        else b = mid;
      }
      if (b >= end) break;
      pieces.push({ from, until: b, offset });
      from = b;
      offset = this.runtimeOffset(b);
      lo = b;
    }
    pieces.push({ from, until: end, offset });
    return pieces;
  }

  private runtimeOffset(instant: number): number {
    return tzOffset(this.timezone, new Date(instant));
  }
}

const rulesByZone = new Map<string, TimeZoneRules>();

/** The shared, cached rules of a time zone; throws a DomainError for an unknown zone. */
export function timeZoneRules(timezone: string): TimeZoneRules {
  let rules = rulesByZone.get(timezone);
  if (!rules) {
    rules = new TimeZoneRules(timezone);
    rulesByZone.set(timezone, rules);
  }
  return rules;
}

/** "+02:00" for an offset in minutes. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}
