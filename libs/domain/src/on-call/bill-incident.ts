import { Money } from '../money';
import { classifyOnCallMinutes, OnCallClassification, OnCallInterval } from './classify-on-call-minutes';
import { compileTariff } from './compiled-tariff';
import { ClassMinutes, ON_CALL_CLASSES, OnCallClass, OnCallTariff } from './on-call-tariff';

/** What an incident costs under a tariff and why (DOMAIN.md 6.2). */
export interface IncidentBill {
  /** validFrom of the tariff used, so the figure can be traced. */
  tariffValidFrom: string;
  elapsedMinutes: number;
  supportMinutes: number;
  /** Minutes per class before rounding. */
  rawMinutes: ClassMinutes;
  /** Minutes per class after rounding up and after the minimum. */
  minutes: ClassMinutes;
  /** Sum of `minutes`. */
  billableMinutes: number;
  /** calloutFee + Σ half-up-to-öre(minutes × rate / 60); 0.00 when nothing is billable. */
  amount: Money;
  /** True when no minute is billable: the incident costs nothing (rule 6). */
  insideSupportHours: boolean;
  firstClass: OnCallClass | null;
}

/** Rounds, applies the minimum and prices a classification (DOMAIN.md 6.2 rules 5 and 6). */
export function billClassification(tariff: OnCallTariff, classification: OnCallClassification): IncidentBill {
  const compiled = compileTariff(tariff);
  const { rawMinutes, firstClass } = classification;
  const step = tariff.roundUpMinutes;
  const minutes: ClassMinutes = {
    evening: roundUp(rawMinutes.evening, step),
    night: roundUp(rawMinutes.night, step),
    weekend: roundUp(rawMinutes.weekend, step),
    holiday: roundUp(rawMinutes.holiday, step),
  };
  let total = minutes.evening + minutes.night + minutes.weekend + minutes.holiday;
  if (firstClass !== null && total < tariff.minimumMinutes) {
    minutes[firstClass] += tariff.minimumMinutes - total;
    total = tariff.minimumMinutes;
  }
  let amount = Money.ZERO;
  if (firstClass !== null) {
    amount = tariff.calloutFee;
    for (const cls of ON_CALL_CLASSES) {
      if (minutes[cls] > 0) amount = amount.plus(compiled.amountFor(cls, minutes[cls]));
    }
  }
  return {
    tariffValidFrom: tariff.validFrom,
    elapsedMinutes: classification.elapsedMinutes,
    supportMinutes: classification.supportMinutes,
    rawMinutes,
    minutes,
    billableMinutes: total,
    amount,
    insideSupportHours: firstClass === null,
    firstClass,
  };
}

/** Bills one on-call incident under a tariff (choose it with selectTariff); end ≤ start is a ValidationError. */
export function billIncident(tariff: OnCallTariff, interval: OnCallInterval): IncidentBill {
  return billClassification(tariff, classifyOnCallMinutes(tariff, interval));
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}
