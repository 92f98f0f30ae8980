import { Money } from '../money';
import type { SplitResultDocument } from '../cost-model/types';

/** An amount charged for a year (a cost-share line less its credits, or an internal charge), or settled. */
export interface ChargedEntry {
  consumerId: string;
  serviceId: string | null;
  amount: Money;
}

export interface YearInputs {
  year: number;
  budget: SplitResultDocument | null;
  actual: SplitResultDocument | null;
  charged: readonly ChargedEntry[];
  settled: readonly ChargedEntry[];
}

/**
 * Budget, actual, charged and settled of one thing. Null says "nothing to show", never zero: budget and
 * actual while the year has no such model (a model in which a consumer has nothing gives 0.00); charged
 * and settled where the reader may not see them, and while nothing the reader may see has been charged
 * (or settled) for the year yet (charges that net to nothing give 0.00); settled per service always.
 */
export interface Figures {
  budget: string | null;
  actual: string | null;
  charged: string | null;
  settled: string | null;
}

export interface YearFigures {
  year: number;
  total: Figures;
  municipalities: ({ id: string } & Figures)[];
  consumers: ({ id: string; municipality: string; services: ({ id: string } & Figures)[] } & Figures)[];
  services: ({ id: string } & Figures)[];
}

/**
 * Budget against actual for each year (pure): budget and actual from the splits of the year's
 * models (shared within the cooperation), charged and settled from the invoices and internal
 * charges — shown only for consumers whose municipality `mayRead` allows, summed only over those.
 * A year without a budget (actual) model has every budget (actual) null; a year with no charge (settlement)
 * entry the reader may see has every charged (settled) null.
 */
export function budgetVersusActual(
  years: readonly YearInputs[],
  mayRead: (municipality: string) => boolean,
): YearFigures[] {
  return years.map((y) => {
    const municipalityOf = new Map<string, string>();
    for (const doc of [y.budget, y.actual])
      for (const c of doc?.consumers ?? [])
        if (!municipalityOf.has(c.id)) municipalityOf.set(c.id, c.municipality);
    const consumerIds = [...municipalityOf.keys()];
    const serviceIds = [
      ...new Set([...(y.budget?.services ?? []), ...(y.actual?.services ?? [])].map((s) => s.id)),
    ];
    const modelAmount = (doc: SplitResultDocument | null, consumer: string, service?: string) => {
      const c = doc?.consumers.find((x) => x.id === consumer);
      if (!c) return Money.ZERO;
      return Money.parse(service === undefined ? c.total : (c.services[service] ?? '0.00'));
    };
    const sumOf = (entries: readonly ChargedEntry[], consumer: string, service?: string) =>
      Money.sum(
        entries
          .filter((e) => e.consumerId === consumer && (service === undefined || e.serviceId === service))
          .map((e) => e.amount),
      );
    const visible = (consumer: string) => mayRead(municipalityOf.get(consumer)!);
    // Whether anything of the year was charged (settled) that the reader may see: else nothing yet, not 0.00.
    const anyVisible = (entries: readonly ChargedEntry[]) =>
      entries.some((e) => municipalityOf.has(e.consumerId) && visible(e.consumerId));
    const [charged, settled] = [anyVisible(y.charged), anyVisible(y.settled)];
    const figures = (consumer: string, service?: string) => ({
      budget: modelAmount(y.budget, consumer, service),
      actual: modelAmount(y.actual, consumer, service),
      charged: charged && visible(consumer) ? sumOf(y.charged, consumer, service) : null,
      settled: settled && visible(consumer) && service === undefined ? sumOf(y.settled, consumer) : null,
    });
    type Raw = ReturnType<typeof figures>;
    const add = (items: Raw[]): Raw => ({
      budget: Money.sum(items.map((i) => i.budget)),
      actual: Money.sum(items.map((i) => i.actual)),
      charged: items.some((i) => i.charged)
        ? Money.sum(items.flatMap((i) => (i.charged ? [i.charged] : [])))
        : null,
      settled: items.some((i) => i.settled)
        ? Money.sum(items.flatMap((i) => (i.settled ? [i.settled] : [])))
        : null,
    });
    const text = (r: Raw): Figures => ({
      budget: y.budget ? r.budget.toString() : null,
      actual: y.actual ? r.actual.toString() : null,
      charged: r.charged?.toString() ?? null,
      settled: r.settled?.toString() ?? null,
    });
    const consumers = consumerIds.map((id) => ({ id, raw: figures(id) }));
    const municipalities = [...new Set(municipalityOf.values())].map((m) => ({
      id: m,
      ...text(add(consumers.filter((c) => municipalityOf.get(c.id) === m).map((c) => c.raw))),
    }));
    return {
      year: y.year,
      total: text(add(consumers.map((c) => c.raw))),
      municipalities,
      consumers: consumers.map((c) => ({
        id: c.id,
        municipality: municipalityOf.get(c.id)!,
        ...text(c.raw),
        services: serviceIds.map((s) => ({ id: s, ...text(figures(c.id, s)) })),
      })),
      services: serviceIds.map((s) => ({ id: s, ...text(add(consumerIds.map((c) => figures(c, s)))) })),
    };
  });
}
