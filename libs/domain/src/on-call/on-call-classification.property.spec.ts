import fc from 'fast-check';
import { MS_PER_MINUTE } from '../calendar/local-date';
import { billIncident } from './bill-incident';
import { classifyMinuteByMinute } from './classify-minute-by-minute';
import { classifyOnCallMinutes } from './classify-on-call-minutes';
import { OnCallTariff, validateOnCallTariff } from './on-call-tariff';
import { exampleTariffDocument } from './on-call-tariff.fixture';

const RUNS = { numRuns: 500 };
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const money = fc
  .integer({ min: 0, max: 500_000 })
  .map((ore) => `${Math.floor(ore / 100)}.${String(ore % 100).padStart(2, '0')}`);

/** Tariff documents: any support hours, night, closed days, rounding and rates, in zones with odd changes. */
const tariffDocument = fc
  .record({
    timezone: fc.constantFrom('Europe/Stockholm', 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
    days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri']),
    open: fc.integer({ min: 0, max: 1438 }),
    length: fc.integer({ min: 1, max: 1440 }),
    nightStart: fc.integer({ min: 0, max: 1439 }),
    nightLength: fc.integer({ min: 1, max: 1439 }),
    closed: fc.array(
      fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      {
        maxLength: 20,
      },
    ),
    rates: fc.record({ evening: money, night: money, weekend: money, holiday: money }),
    calloutFee: money,
    roundUpMinutes: fc.constantFrom(1, 15, 30, 60),
    minimumMinutes: fc.constantFrom(0, 30, 60, 90),
  })
  .map((r) => {
    const close = Math.min(r.open + r.length, 1440);
    const hours = [clock(r.open), close === 1440 ? '24:00' : clock(close)];
    return {
      ...exampleTariffDocument(),
      timezone: r.timezone,
      supportHours: Object.fromEntries(r.days.map((d) => [d, hours])),
      extraClosedDays: r.closed.map((d) => d.toISOString().slice(0, 10)),
      nightHours: [clock(r.nightStart), clock((r.nightStart + r.nightLength) % 1440)],
      rates: r.rates,
      calloutFee: r.calloutFee,
      roundUpMinutes: r.roundUpMinutes,
      minimumMinutes: r.minimumMinutes,
    };
  });
const tariff = tariffDocument.map((doc) => validateOnCallTariff(doc));

/** Weeks around summer-time changes (EU, US, Lord Howe), holidays and New Year. */
const INTERESTING_WEEKS = ['03-08', '03-25', '04-01', '06-18', '09-28', '10-25', '11-01', '12-22', '12-29'];
const start = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1) / MS_PER_MINUTE, max: Date.UTC(2030, 11, 28) / MS_PER_MINUTE }),
  fc
    .record({
      year: fc.integer({ min: 2024, max: 2029 }),
      week: fc.constantFrom(...INTERESTING_WEEKS),
      minute: fc.integer({ min: 0, max: 8 * 1440 }),
    })
    .map(({ year, week, minute }) => Date.parse(`${year}-${week}T00:00:00Z`) / MS_PER_MINUTE + minute),
);
const duration = fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 1, max: 3 * 1440 }));
const interval = (startMinute: number, minutes: number) => ({
  start: new Date(startMinute * MS_PER_MINUTE),
  end: new Date((startMinute + minutes) * MS_PER_MINUTE),
});

describe('on-call classification properties', () => {
  it('classifies every minute exactly once, as the minute-by-minute reading of the rules does', () => {
    fc.assert(
      fc.property(tariff, start, duration, (t, s, d) => {
        const fast = classifyOnCallMinutes(t, interval(s, d));
        const { evening, night, weekend, holiday } = fast.rawMinutes;
        expect(evening + night + weekend + holiday + fast.supportMinutes).toBe(d);
        expect(fast).toEqual(classifyMinuteByMinute(t, interval(s, d)));
      }),
      RUNS,
    );
  });

  it('classifies the 6.1 tariff like the minute-by-minute reading, too', () => {
    const t = validateOnCallTariff(exampleTariffDocument());
    fc.assert(
      fc.property(start, duration, (s, d) => {
        expect(classifyOnCallMinutes(t, interval(s, d))).toEqual(classifyMinuteByMinute(t, interval(s, d)));
      }),
      RUNS,
    );
  });

  it('never lowers minutes when the end is extended, nor the amount unless the shorter one needed the minimum', () => {
    fc.assert(
      fc.property(tariff, start, duration, fc.integer({ min: 1, max: 600 }), (t, s, d, more) => {
        const short = billIncident(t, interval(s, d));
        const long = billIncident(t, interval(s, d + more));
        for (const cls of ['evening', 'night', 'weekend', 'holiday'] as const) {
          expect(long.rawMinutes[cls]).toBeGreaterThanOrEqual(short.rawMinutes[cls]);
        }
        expect(long.billableMinutes).toBeGreaterThanOrEqual(short.billableMinutes);
        const rounded = (b: typeof short) =>
          Object.values(b.rawMinutes).reduce(
            (sum, m) => sum + Math.ceil(m / t.roundUpMinutes) * t.roundUpMinutes,
            0,
          );
        if (short.insideSupportHours || rounded(short) >= t.minimumMinutes) {
          expect(long.amount.compare(short.amount)).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('never lowers the amount when the end is extended if all classes cost the same', () => {
    // 1 200.00 an hour is 20.00 a minute, so no öre rounding: with a rate like 1 000.00, three
    // classes of 2, 2 and 56 minutes each round down and cost 0.01 less than 60 minutes in one.
    const rate = '1200.00';
    const flat = (t: OnCallTariff) =>
      validateOnCallTariff({
        ...JSON.parse(JSON.stringify(t)),
        rates: { evening: rate, night: rate, weekend: rate, holiday: rate },
      });
    fc.assert(
      fc.property(tariff.map(flat), start, duration, fc.integer({ min: 1, max: 600 }), (t, s, d, more) => {
        const short = billIncident(t, interval(s, d));
        const long = billIncident(t, interval(s, d + more));
        expect(long.amount.compare(short.amount)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('bills deterministically: same input, same bill, whatever was billed before and with a fresh tariff', () => {
    fc.assert(
      fc.property(
        tariffDocument,
        fc.array(fc.tuple(start, duration), { minLength: 1, maxLength: 10 }),
        (doc, incidents) => {
          const first = validateOnCallTariff(doc);
          const second = validateOnCallTariff(JSON.parse(JSON.stringify(doc)));
          const forwards = incidents.map(([s, d]) => JSON.stringify(billIncident(first, interval(s, d))));
          const backwards = [...incidents]
            .reverse()
            .map(([s, d]) => JSON.stringify(billIncident(second, interval(s, d))));
          expect(backwards.reverse()).toEqual(forwards);
        },
      ),
      RUNS,
    );
  });
});
