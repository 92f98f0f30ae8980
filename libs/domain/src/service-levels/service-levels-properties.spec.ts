import fc from 'fast-check';
import { computeServiceLevels, TicketRecord } from './compute-service-levels';
import { defaultServiceLevelTargets } from './service-level-targets';
import { parseTertial } from './tertial';

const T1 = parseTertial('2025-T1');
const START = Date.UTC(2024, 11, 1);
const END = Date.UTC(2025, 5, 1);
const municipality = fc.constantFrom('a', 'b', 'c');

const ticket = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    municipality,
    opened: fc.integer({ min: START, max: END }),
    duration: fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 }), { nil: null }),
    line: fc.constantFrom(1 as const, 2 as const, 3 as const),
    firstLine: fc.boolean(),
    ordinary: fc.boolean(),
  })
  .map(({ duration, ...t }): TicketRecord => ({
    ...t,
    resolved: duration === null ? null : t.opened + duration,
    firstLine: duration !== null && t.firstLine,
  }));
const call = fc.record({
  municipality,
  time: fc.integer({ min: START, max: END }),
  waitSeconds: fc.integer({ min: 0, max: 400 }),
  answered: fc.boolean(),
});
const answer = fc.record({
  municipality,
  answeredAt: fc.integer({ min: START, max: END }),
  satisfied: fc.boolean(),
});

describe('service-level properties', () => {
  it('the total is the sum of the municipalities; every share is a numerator within its denominator, 0–100 %', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(ticket, { selector: (t) => t.id, maxLength: 60 }),
        fc.array(call, { maxLength: 60 }),
        fc.array(answer, { maxLength: 30 }),
        fc.integer({ min: START, max: END }),
        (tickets, calls, answers, asOf) => {
          const result = computeServiceLevels({
            tertial: T1,
            targets: defaultServiceLevelTargets(2025),
            asOf,
            municipalities: ['a', 'b', 'c'],
            tickets,
            calls,
            answers,
          });
          result.total.measures.forEach((total, i) => {
            const parts = result.municipalities.map((m) => m.measures[i]);
            expect(parts.reduce((n, m) => n + m.numerator, 0)).toBe(total.numerator);
            expect(parts.reduce((n, m) => n + m.denominator, 0)).toBe(total.denominator);
          });
          for (const row of [...result.municipalities, result.total]) {
            for (const m of row.measures) {
              expect(m.numerator).toBeLessThanOrEqual(m.denominator);
              if (m.share !== null) expect(Number(m.share)).toBeGreaterThanOrEqual(0);
              if (m.share !== null) expect(Number(m.share)).toBeLessThanOrEqual(100);
              expect(m.met === null).toBe(m.denominator === 0);
            }
            const c = row.counts;
            expect(c.ticketsClosed + c.ticketsOpen).toBe(c.ticketsOpened);
            expect(c.closedByLine[1] + c.closedByLine[2] + c.closedByLine[3]).toBe(c.ticketsClosed);
            expect(c.ordinaryCounted + c.ordinaryPending).toBe(c.ordinaryOpened);
          }
          const resolvedInT1 = result.total.counts.ticketsResolvedInTertial;
          expect(result.total.counts.surveySelected).toBe(Math.floor(resolvedInT1 / 4));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ticket, { selector: (t) => t.id, maxLength: 40 }), (tickets) => {
        const run = (list: TicketRecord[]) =>
          computeServiceLevels({
            tertial: T1,
            targets: defaultServiceLevelTargets(2025),
            asOf: END,
            municipalities: ['a', 'b', 'c'],
            tickets: list,
            calls: [],
            answers: [],
          });
        expect(run([...tickets].reverse())).toEqual(run(tickets));
      }),
      { numRuns: 200 },
    );
  });
});
