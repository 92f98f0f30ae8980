import { Money } from '../money/money';
import { percentOneDecimal } from '../money/decimal';
import { ValidationError } from '../errors';
import { parsePeriod, Period } from './period';

/** A consumer charged by cost share: its yearly share from the approved budget split the charges come from. */
export interface YearToDateConsumer {
  consumerId: string;
  municipalityId: string;
  /** The consumer's yearly amount over the services it pays by cost share (DOMAIN.md 5.6). */
  yearlyShare: Money;
}

/**
 * One amount charged: an issued cost-share invoice line or internal charge (positive), or what a
 * credit note took back from one (negative), with the period it belongs to (a credit note's own).
 */
export interface ChargedInPeriod {
  consumerId: string;
  period: string;
  amount: Money;
}

export interface YearToDateInput {
  year: number;
  /** Charges of periods that end on or before this period's last day count. */
  through: Period;
  /** In the order they are reported (the model's). */
  consumers: readonly YearToDateConsumer[];
  charged: readonly ChargedInPeriod[];
}

/** Yearly share, charged so far, what remains and the share charged in per cent (null when the yearly share is zero). */
export interface YearToDateFigures {
  yearlyShare: Money;
  charged: Money;
  remaining: Money;
  percentCharged: string | null;
}

export interface YearToDateResult {
  year: number;
  through: string;
  consumers: (YearToDateFigures & { consumerId: string; municipalityId: string })[];
  /** Per municipality in the order first met; each is the sum of its consumers. */
  municipalities: (YearToDateFigures & { municipalityId: string })[];
  total: YearToDateFigures;
}

function figures(yearlyShare: Money, charged: Money): YearToDateFigures {
  return {
    yearlyShare,
    charged,
    remaining: yearlyShare.minus(charged),
    percentCharged: yearlyShare.isZero()
      ? null
      : percentOneDecimal(charged.toDecimal(), yearlyShare.toDecimal()),
  };
}

/** Whether a charge's period belongs to the year and ends no later than `through`. */
function counts(periodKey: string, year: number, through: Period): boolean {
  const period = parsePeriod(periodKey, 'charged.period');
  return period.year === year && period.lastDay <= through.lastDay;
}

/** The period a year-to-date report runs through: the one asked, or the whole year; it must lie in the year. */
export function yearToDateThrough(year: number, throughKey?: string): Period {
  const through = parsePeriod(throughKey ?? String(year), 'through');
  if (through.year !== year) {
    throw new ValidationError(
      [{ path: 'through', message: `Perioden ${through.key} ligger inte i ${year}` }],
      'Året hittills kan inte räknas',
    );
  }
  return through;
}

/**
 * Year to date per consumer (issue 13): what each consumer charged by cost share has been charged
 * of its yearly share through a period, and what remains. Municipalities and the total are sums
 * of their consumers, so the parts add up exactly; a charge to a consumer not listed is refused.
 */
export function yearToDate(input: YearToDateInput): YearToDateResult {
  const { year } = input;
  const through = yearToDateThrough(year, input.through.key);
  const charged = new Map<string, Money>(input.consumers.map((c) => [c.consumerId, Money.ZERO]));
  const problems = input.charged.flatMap((c, i) =>
    charged.has(c.consumerId)
      ? []
      : [{ path: `charged[${i}].consumerId`, message: `Förbrukaren '${c.consumerId}' har ingen årsandel` }],
  );
  if (problems.length > 0) throw new ValidationError(problems, 'Året hittills kan inte räknas');
  for (const c of input.charged) {
    if (counts(c.period, year, through)) charged.set(c.consumerId, charged.get(c.consumerId)!.plus(c.amount));
  }

  const consumers = input.consumers.map((c) => ({
    consumerId: c.consumerId,
    municipalityId: c.municipalityId,
    ...figures(c.yearlyShare, charged.get(c.consumerId)!),
  }));
  const byMunicipality = new Map<string, { yearlyShare: Money; charged: Money }>();
  for (const c of consumers) {
    const sum = byMunicipality.get(c.municipalityId) ?? { yearlyShare: Money.ZERO, charged: Money.ZERO };
    byMunicipality.set(c.municipalityId, {
      yearlyShare: sum.yearlyShare.plus(c.yearlyShare),
      charged: sum.charged.plus(c.charged),
    });
  }
  return {
    year,
    through: through.key,
    consumers,
    municipalities: [...byMunicipality].map(([municipalityId, s]) => ({
      municipalityId,
      ...figures(s.yearlyShare, s.charged),
    })),
    total: figures(
      Money.sum(consumers.map((c) => c.yearlyShare)),
      Money.sum(consumers.map((c) => c.charged)),
    ),
  };
}
