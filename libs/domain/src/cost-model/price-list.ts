import { Dec, Money, percentOneDecimal } from '../money';
import type { CostModel, CostSplit } from './types';

/** One priced service of the price list (prislista): its unit price per driver unit, against last year. */
export interface PriceListLine {
  readonly serviceId: string;
  readonly name: string;
  /** What the service covers; null when the model gives no description. */
  readonly description: string | null;
  readonly driverId: string;
  readonly driverName: string;
  /** The driver's unit (e.g. "st"). */
  readonly unit: string;
  /** The driver's total volume of the year. */
  readonly volume: Dec;
  /** The service's whole-öre total that the unit price spreads. */
  readonly total: Money;
  /** total ÷ volume, half-up to öre (DOMAIN.md 5.3). */
  readonly unitPrice: Money;
  /** Last year's unit price of the same service; null: the service is new ("ny"). */
  readonly previousUnitPrice: Money | null;
  /** unitPrice − previousUnitPrice; null when new. */
  readonly change: Money | null;
  /** The change in percent of last year's price, one decimal; null when new or last year's price was 0. */
  readonly changePercent: string | null;
}

export interface PriceList {
  readonly model: string;
  readonly year: number;
  /** The year compared with, when it has an approved budget; null otherwise (every line is new). */
  readonly previousYear: number | null;
  readonly lines: readonly PriceListLine[];
}

/** A model and its split, as the price list reads them. */
export interface PricedModel {
  readonly model: CostModel;
  readonly split: CostSplit;
}

/**
 * The price list of a year (DOMAIN.md 5.6): every service spread by a driver with a positive total
 * volume, in model order, with its unit price and the change from the previous year's price of the
 * same service (by id). Services passed on to other services or by fixed weights have no unit price.
 */
export function priceListOf(current: PricedModel, previous: PricedModel | null): PriceList {
  const previousPrices = new Map<string, Money>();
  if (previous)
    for (const s of previous.split.services) if (s.unitPrice) previousPrices.set(s.id, s.unitPrice);
  const drivers = new Map(current.model.drivers.map((d) => [d.id, d]));
  const lines: PriceListLine[] = [];
  current.split.services.forEach((s, i) => {
    if (!s.driver || !s.unitPrice || !s.volume) return;
    const driver = drivers.get(s.driver)!;
    const before = previousPrices.get(s.id) ?? null;
    const change = before ? s.unitPrice.minus(before) : null;
    lines.push({
      serviceId: s.id,
      name: current.model.services[i].name,
      description: current.model.services[i].description,
      driverId: driver.id,
      driverName: driver.name,
      unit: driver.unit,
      volume: s.volume,
      total: s.total,
      unitPrice: s.unitPrice,
      previousUnitPrice: before,
      change,
      changePercent:
        change && before && !before.isZero()
          ? percentOneDecimal(change.toDecimal(), before.toDecimal())
          : null,
    });
  });
  return {
    model: current.model.name,
    year: current.model.year,
    previousYear: previous ? previous.model.year : null,
    lines,
  };
}
