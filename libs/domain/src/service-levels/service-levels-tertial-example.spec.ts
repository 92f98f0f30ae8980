import { parseLocalDateTime } from '../on-call/local-date-time';
import { computeServiceLevels, CallRecord, SurveyAnswerRecord, TicketRecord } from './compute-service-levels';
import { meetsTarget, percentShare } from './service-level-report';
import { defaultServiceLevelTargets } from './service-level-targets';
import { parseTertial } from './tertial';

/**
 * A small T1 2025 computed by hand (DOMAIN.md 8.1; support 07:30–16:30 Mon–Fri, Europe/Stockholm,
 * holidays closed). Deadlines: the first working day after the start day, at 16:30.
 */
const at = (local: string) => parseLocalDateTime(local, 'Europe/Stockholm').getTime();
const ticket = (
  id: string,
  municipality: string,
  opened: string,
  resolved: string | null,
  line: 1 | 2 | 3,
  firstLine: boolean,
  ordinary: boolean,
): TicketRecord => ({
  id,
  municipality,
  opened: at(opened),
  resolved: resolved === null ? null : at(resolved),
  line,
  firstLine,
  ordinary,
});

const TICKETS: TicketRecord[] = [
  // Opened in 2024 (not in T1's ticket measures) but resolved in T1: first in the survey order.
  ticket('T-00', 'ulricehamn', '2024-12-30 10:00', '2025-01-02 10:00', 1, true, true),
  // Wed 09:00 → deadline Thu 01-09 16:30: within.
  ticket('T-01', 'ulricehamn', '2025-01-08 09:00', '2025-01-08 11:00', 1, true, true),
  // Wed 10:00 → deadline Thu 16:30; resolved Fri: missed.
  ticket('T-02', 'ulricehamn', '2025-01-08 10:00', '2025-01-10 09:00', 2, false, true),
  // Fri 16:00 (before 16:30) → deadline Mon 03-17 16:30; resolved Mon 10:00: within.
  ticket('T-03', 'ulricehamn', '2025-03-14 16:00', '2025-03-17 10:00', 1, true, true),
  // Fri 16:45 (after close) → start day Mon, deadline Tue 03-18 16:30; resolved 16:00: within.
  ticket('T-04', 'ulricehamn', '2025-03-14 16:45', '2025-03-18 16:00', 2, false, true),
  // Sun 01-05; Mon 01-06 is trettondedag jul → start day Tue 01-07, deadline Wed 01-08 16:30: within.
  ticket('T-05', 'ulricehamn', '2025-01-05 12:00', '2025-01-08 16:29', 1, true, true),
  // Not ordinary (out of the working-day measure); closed at line 3.
  ticket('T-06', 'ulricehamn', '2025-02-03 09:00', '2025-02-20 10:00', 3, false, false),
  // Still open; deadline Tue 04-29 16:30 is before asOf: counted as missed.
  ticket('T-07', 'ulricehamn', '2025-04-28 10:00', null, 1, false, true),
  // Wed 04-30 15:00; Thu 05-01 is första maj → deadline Fri 05-02 16:30: within. Resolved in T2.
  ticket('T-08', 'ulricehamn', '2025-04-30 15:00', '2025-05-02 09:00', 1, true, true),
  ticket('TR-1', 'tranemo', '2025-02-10 08:00', '2025-02-10 09:00', 1, true, true),
];

const call = (time: string, waitSeconds: number, answered: boolean): CallRecord => ({
  municipality: 'ulricehamn',
  time: at(time),
  waitSeconds,
  answered,
});
const CALLS: CallRecord[] = [
  call('2025-01-08 08:00', 5, true),
  call('2025-01-08 08:05', 10, true), // exactly 10 s is within 10 s
  call('2025-01-08 08:10', 11, true),
  call('2025-02-03 09:00', 30, true),
  call('2025-02-03 09:30', 60, true), // exactly 60 s is within 60 s
  call('2025-02-03 10:00', 61, true),
  call('2025-03-03 10:00', 0, true),
  call('2025-03-03 10:05', 45, false), // unanswered: in the denominator, never within
  call('2025-04-01 13:00', 8, true),
  call('2025-04-01 13:10', 120, false),
  call('2025-05-02 08:00', 3, true), // T2: left out
];

const answer = (answeredAt: string, satisfied: boolean): SurveyAnswerRecord => ({
  municipality: 'ulricehamn',
  answeredAt: at(answeredAt),
  satisfied,
});
const ANSWERS = [
  answer('2025-01-03 09:00', true),
  answer('2025-01-13 10:00', false),
  answer('2025-03-19 08:00', true),
];

describe('service levels of 2025-T1, computed by hand', () => {
  const result = computeServiceLevels({
    tertial: parseTertial('2025-T1'),
    targets: defaultServiceLevelTargets(2025),
    asOf: at('2025-05-05 08:00'),
    municipalities: ['ulricehamn', 'tranemo'],
    tickets: TICKETS,
    calls: CALLS,
    answers: ANSWERS,
  });
  const [ulricehamn, tranemo] = result.municipalities;
  const figures = (row: typeof ulricehamn) =>
    Object.fromEntries(
      row.measures.map((m) => [m.measure, [m.numerator, m.denominator, m.share, m.target, m.met]]),
    );

  it('Ulricehamn: 8 tickets opened (7 closed), 7 ordinary, 10 calls, 3 answers', () => {
    expect(result).toMatchObject({ tertial: '2025-T1', firstDay: '2025-01-01', lastDay: '2025-04-30' });
    expect(ulricehamn.counts).toEqual({
      ticketsOpened: 8,
      ticketsClosed: 7,
      ticketsOpen: 1,
      closedByLine: { 1: 4, 2: 2, 3: 1 },
      solvedAtFirstLine: 4,
      ordinaryOpened: 7,
      ordinaryCounted: 7,
      ordinaryWithin: 5,
      ordinaryPending: 0,
      calls: 10,
      callsAnswered: 8,
      answeredWithin10s: 4,
      answeredWithin60s: 7,
      // resolved in T1: T-00, T-01, T-05, T-02, T-06, T-03, T-04 (T-08 in May, T-07 open)
      ticketsResolvedInTertial: 7,
      // order with TR-1: T-00, T-01, T-05, T-02, TR-1, T-06, T-03, T-04 → positions 4 and 8
      surveySelected: 2,
      surveyAnswers: 3,
      surveySatisfied: 2,
    });
    expect(figures(ulricehamn)).toEqual({
      firstLine: [4, 7, '57.1', '50', true], // 57.142…
      ordinaryWithinOneWorkingDay: [5, 7, '71.4', '80', false], // 71.428…
      answeredWithin10s: [4, 10, '40.0', '50', false],
      answeredWithin60s: [7, 10, '70.0', '80', false],
      satisfied: [2, 3, '66.7', '90', false], // 66.666…
    });
  });

  it('Tranemo: one ticket solved at first line within the day; no calls or answers means no figure, not a miss', () => {
    expect(figures(tranemo)).toEqual({
      firstLine: [1, 1, '100.0', '50', true],
      ordinaryWithinOneWorkingDay: [1, 1, '100.0', '80', true],
      answeredWithin10s: [0, 0, null, '50', null],
      answeredWithin60s: [0, 0, null, '80', null],
      satisfied: [0, 0, null, '90', null],
    });
    expect(tranemo.counts.surveySelected).toBe(0);
  });

  it('the total adds the municipalities: 5/8 first line, 6/8 within the day', () => {
    expect(result.total.municipality).toBe('alla');
    expect(figures(result.total)).toEqual({
      firstLine: [5, 8, '62.5', '50', true],
      ordinaryWithinOneWorkingDay: [6, 8, '75.0', '80', false],
      answeredWithin10s: [4, 10, '40.0', '50', false],
      answeredWithin60s: [7, 10, '70.0', '80', false],
      satisfied: [2, 3, '66.7', '90', false],
    });
  });

  it('an open ordinary ticket whose deadline has not passed is pending, not missed', () => {
    const early = computeServiceLevels({
      tertial: parseTertial('2025-T1'),
      targets: defaultServiceLevelTargets(2025),
      asOf: at('2025-04-29 12:00'), // T-07's deadline is 04-29 16:30
      municipalities: ['ulricehamn'],
      tickets: TICKETS,
      calls: [],
      answers: [],
    });
    expect(early.municipalities[0].counts).toMatchObject({
      ordinaryCounted: 6,
      ordinaryWithin: 5,
      ordinaryPending: 1,
    });
    expect(early.municipalities[0].measures[1]).toMatchObject({ share: '83.3', met: true });
  });

  it('the target is compared exactly, not on the rounded share', () => {
    expect(percentShare(4999, 10_000)).toBe('50.0');
    expect(meetsTarget(4999, 10_000, '50')).toBe(false);
    expect(meetsTarget(5000, 10_000, '50')).toBe(true);
    expect(percentShare(1, 8)).toBe('12.5');
    expect(percentShare(1, 16)).toBe('6.3'); // 6.25 half-up
  });
});
