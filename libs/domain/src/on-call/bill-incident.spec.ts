import { ValidationError } from '../errors';
import { billIncident } from './bill-incident';
import { parseLocalDateTime } from './local-date-time';
import { OnCallTariff } from './on-call-tariff';
import { exampleTariff } from './on-call-tariff.fixture';

const TZ = 'Europe/Stockholm';
const tariff = exampleTariff();
const time = (text: string) => parseLocalDateTime(text, TZ);
const bill = (start: string, end: string, t: OnCallTariff = tariff) =>
  billIncident(t, { start: time(start), end: time(end) });
const classes = (evening: number, night: number, weekend: number, holiday: number) => ({
  evening,
  night,
  weekend,
  holiday,
});

describe('on-call billing: the worked examples of DOMAIN.md 6.3', () => {
  it('Tue 2025-03-11 16:00–16:50: evening 20→30, minimum → 60, 1 400.00', () => {
    const b = bill('2025-03-11 16:00', '2025-03-11 16:50');
    expect(b.supportMinutes).toBe(30);
    expect(b.rawMinutes).toEqual(classes(20, 0, 0, 0));
    expect(b.minutes).toEqual(classes(60, 0, 0, 0));
    expect(b.billableMinutes).toBe(60);
    expect(b.firstClass).toBe('evening');
    expect(b.amount.toString()).toBe('1400.00');
    expect(b.insideSupportHours).toBe(false);
  });

  it('Fri 2025-06-20 (midsommarafton) 15:00–17:10: holiday 130→150, 5 000.00', () => {
    const b = bill('2025-06-20T15:00:00+02:00', '2025-06-20T17:10:00+02:00');
    expect(b.rawMinutes).toEqual(classes(0, 0, 0, 130));
    expect(b.minutes).toEqual(classes(0, 0, 0, 150));
    expect(b.amount.toString()).toBe('5000.00');
  });

  it('Fri 2025-03-14 21:40 – Sat 00:20: evening 20→30, night 120, weekend 20→30, 3 950.00', () => {
    const b = bill('2025-03-14 21:40', '2025-03-15 00:20');
    expect(b.rawMinutes).toEqual(classes(20, 120, 20, 0));
    expect(b.minutes).toEqual(classes(30, 120, 30, 0));
    expect(b.billableMinutes).toBe(180);
    expect(b.amount.toString()).toBe('3950.00');
  });

  it('Wed 2025-03-12 09:00–10:00: inside support hours, 0.00, not billed', () => {
    const b = bill('2025-03-12 09:00', '2025-03-12 10:00');
    expect(b.minutes).toEqual(classes(0, 0, 0, 0));
    expect(b.billableMinutes).toBe(0);
    expect(b.amount.toString()).toBe('0.00');
    expect(b.insideSupportHours).toBe(true);
    expect(b.firstClass).toBeNull();
    expect(b.tariffValidFrom).toBe('2025-01-01');
  });
});

describe('on-call billing across summer-time changes (rule 2)', () => {
  it('2025-03-30 01:30–03:30 local lasts 60 real minutes (Sunday: weekend 60, 1 700.00)', () => {
    const b = bill('2025-03-30 01:30', '2025-03-30 03:30');
    expect(b.elapsedMinutes).toBe(60);
    expect(b.rawMinutes).toEqual(classes(0, 0, 60, 0));
    expect(b.amount.toString()).toBe('1700.00');
  });

  it('2025-10-26 01:30+02:00 – 03:30+01:00 lasts 180 real minutes (weekend 180, 4 100.00)', () => {
    const b = bill('2025-10-26T01:30+02:00', '2025-10-26T03:30+01:00');
    expect(b.elapsedMinutes).toBe(180);
    expect(b.rawMinutes).toEqual(classes(0, 0, 180, 0));
    expect(b.amount.toString()).toBe('4100.00');
  });

  it('bills the repeated hour itself: 02:00+02:00 – 02:00+01:00 is 60 minutes', () => {
    const b = bill('2025-10-26T02:00+02:00', '2025-10-26T02:00+01:00');
    expect(b.elapsedMinutes).toBe(60);
    expect(b.rawMinutes).toEqual(classes(0, 0, 60, 0));
  });
});

describe('on-call billing on holidays (rules 3 and 4)', () => {
  it('julafton (a Wednesday) 10:00–11:00 is holiday, support being closed: 2 300.00', () => {
    const b = bill('2025-12-24 10:00', '2025-12-24 11:00');
    expect(b.supportMinutes).toBe(0);
    expect(b.rawMinutes).toEqual(classes(0, 0, 0, 60));
    expect(b.amount.toString()).toBe('2300.00');
  });

  it('an incident over midnight into julafton is night, then holiday: 2 900.00', () => {
    const b = bill('2025-12-23 23:30', '2025-12-24 00:40');
    expect(b.rawMinutes).toEqual(classes(0, 30, 0, 40));
    expect(b.minutes).toEqual(classes(0, 30, 0, 60));
    expect(b.firstClass).toBe('night');
    expect(b.amount.toString()).toBe('2900.00'); // 600 + 1 800 + 500
  });

  it('nyårsafton into nyårsdagen is holiday throughout: 135→150, 5 000.00', () => {
    const b = bill('2025-12-31 23:00', '2026-01-01 01:15');
    expect(b.rawMinutes).toEqual(classes(0, 0, 0, 135));
    expect(b.amount.toString()).toBe('5000.00');
  });

  it('nyårsdagen into an ordinary Friday night: holiday 30, night 30, 2 000.00', () => {
    const b = bill('2026-01-01 23:30', '2026-01-02 00:30');
    expect(b.rawMinutes).toEqual(classes(0, 30, 0, 30));
    expect(b.amount.toString()).toBe('2000.00'); // 900 + 600 + 500
  });

  it('a holiday on a Saturday is holiday, not weekend (midsommardagen)', () => {
    expect(bill('2025-06-21 12:00', '2025-06-21 13:00').rawMinutes).toEqual(classes(0, 0, 0, 60));
  });
});

describe('on-call billing with extra closed days, night hours and rounding', () => {
  const closedWednesday = exampleTariff({ extraClosedDays: ['2025-03-12'] });

  it('bills an extra closed day as evening and night (it is neither holiday nor weekend)', () => {
    expect(bill('2025-03-12 09:00', '2025-03-12 10:00', closedWednesday).amount.toString()).toBe('1400.00');
    const early = bill('2025-03-12 05:00', '2025-03-12 06:30', closedWednesday);
    expect(early.rawMinutes).toEqual(classes(30, 60, 0, 0));
    expect(early.amount.toString()).toBe('2150.00'); // 450 + 1 200 + 500
  });

  it('gives the minimum shortfall to the class of the first billable minute', () => {
    const b = bill('2025-03-11 05:40', '2025-03-11 06:00');
    expect(b.minutes).toEqual(classes(0, 60, 0, 0));
    expect(b.amount.toString()).toBe('1700.00');
  });

  it('can cost less when extended, because rule 5 gives the shortfall to the first class (spec consequence)', () => {
    // 05:40–06:00: night 20→30, +30 minimum → night 60 = 1 200 + 500.
    // 05:40–06:20: night 20→30, evening 20→30, no shortfall = 600 + 450 + 500.
    expect(bill('2025-03-11 05:40', '2025-03-11 06:00').amount.toString()).toBe('1700.00');
    expect(bill('2025-03-11 05:40', '2025-03-11 06:20').amount.toString()).toBe('1550.00');
  });

  it('reads a night that does not wrap midnight', () => {
    const early = exampleTariff({ nightHours: ['00:00', '06:00'] });
    expect(bill('2025-03-11 23:00', '2025-03-12 00:30', early).rawMinutes).toEqual(classes(60, 30, 0, 0));
  });

  it('rounds each class amount half-up to the öre', () => {
    const perMinute = exampleTariff({
      rates: { evening: '999.99', night: '100.00', weekend: '0.00', holiday: '0.00' },
      calloutFee: '0.00',
      roundUpMinutes: 1,
      minimumMinutes: 0,
    });
    // 999.99 / 60 = 16.6665 → 16.67; 100.00 × 7 / 60 = 11.666… → 11.67
    expect(bill('2025-03-11 21:59', '2025-03-11 22:00', perMinute).amount.toString()).toBe('16.67');
    expect(bill('2025-03-11 22:00', '2025-03-11 22:07', perMinute).amount.toString()).toBe('11.67');
  });
});

describe('on-call billing input checks', () => {
  it('rejects an end that is not after the start', () => {
    const start = time('2025-03-11 16:00');
    expect(() => billIncident(tariff, { start, end: start })).toThrow(ValidationError);
    try {
      billIncident(tariff, { start, end: time('2025-03-11 15:00') });
    } catch (e) {
      expect((e as ValidationError).details).toEqual([
        { path: 'end', message: 'Sluttiden måste vara efter starttiden' },
      ]);
    }
    expect.assertions(2);
  });

  it('rejects instants with seconds and invalid dates', () => {
    expect(() =>
      billIncident(tariff, { start: new Date('2025-03-11T16:00:30Z'), end: time('2025-03-11 18:00') }),
    ).toThrow(ValidationError);
    expect(() =>
      billIncident(tariff, { start: new Date('nonsense'), end: time('2025-03-11 18:00') }),
    ).toThrow(ValidationError);
  });
});
