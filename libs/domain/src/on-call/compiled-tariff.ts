import { SupportCalendar } from '../calendar/support-calendar';
import { TimeZoneRules } from '../calendar/time-zone-rules';
import { Dec, Money } from '../money';
import { DayPlan, MinuteRange, nightRanges, planDay } from './on-call-class-rules';
import { OnCallClass, OnCallTariff } from './on-call-tariff';

const PLAN_CACHE_LIMIT = 50_000;

/**
 * What billing needs from a tariff, prepared once per tariff object and kept while the tariff
 * lives: its calendar, zone, night ranges, a plan per local date and the amount per
 * (class, minutes). Tariffs from validateOnCallTariff are frozen, so the cache cannot go stale.
 */
export class CompiledTariff {
  readonly calendar: SupportCalendar;
  readonly zone: TimeZoneRules;
  readonly night: readonly MinuteRange[];
  private readonly plans = new Map<number, DayPlan>();
  private readonly amounts = new Map<OnCallClass, Map<number, Money>>();

  constructor(readonly tariff: OnCallTariff) {
    this.calendar = new SupportCalendar({
      timezone: tariff.timezone,
      supportHours: tariff.supportHours,
      extraClosedDays: tariff.extraClosedDays,
    });
    this.zone = this.calendar.zone;
    this.night = nightRanges(tariff.nightHours);
  }

  /** The plan of a local day number. */
  planOf(dayNumber: number): DayPlan {
    let plan = this.plans.get(dayNumber);
    if (!plan) {
      plan = planDay(this.calendar.dayOf(dayNumber), this.night);
      if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.clear();
      this.plans.set(dayNumber, plan);
    }
    return plan;
  }

  /** half-up-to-öre(minutes × rate / 60) for a class (DOMAIN.md 6.2 rule 6), memoised: minutes take few values. */
  amountFor(cls: OnCallClass, minutes: number): Money {
    let byMinutes = this.amounts.get(cls);
    if (!byMinutes) {
      byMinutes = new Map();
      this.amounts.set(cls, byMinutes);
    }
    let amount = byMinutes.get(minutes);
    if (!amount) {
      amount = Money.fromDecimalHalfUp(
        this.tariff.rates[cls].toDecimal().times(minutes).dividedBy(new Dec(60)),
      );
      if (byMinutes.size >= PLAN_CACHE_LIMIT) byMinutes.clear();
      byMinutes.set(minutes, amount);
    }
    return amount;
  }
}

const compiled = new WeakMap<OnCallTariff, CompiledTariff>();

/** The prepared form of a tariff, built on first use. */
export function compileTariff(tariff: OnCallTariff): CompiledTariff {
  let c = compiled.get(tariff);
  if (!c) {
    c = new CompiledTariff(tariff);
    compiled.set(tariff, c);
  }
  return c;
}
