import { SupportCalendar } from '../calendar/support-calendar';
import { OneWorkingDayDeadlines } from './one-working-day';
import {
  addCounts,
  emptyCounts,
  measuresOf,
  MunicipalityServiceLevels,
  ServiceLevelCounts,
} from './service-level-report';
import { ServiceLevelTargets } from './service-level-targets';
import { compareClosedTickets, SURVEY_INTERVAL } from './survey-selection';
import { Tertial, tertialInstants } from './tertial';

/** A ticket of the ticket system; times are epoch ms. */
export interface TicketRecord {
  id: string;
  municipality: string;
  opened: number;
  /** null while the ticket is open. */
  resolved: number | null;
  line: 1 | 2 | 3;
  firstLine: boolean;
  ordinary: boolean;
}

/** A call to the service desk; unanswered calls have answered = false. */
export interface CallRecord {
  municipality: string;
  time: number;
  waitSeconds: number;
  answered: boolean;
}

/** A survey answer, with the municipality of the ticket it answers. */
export interface SurveyAnswerRecord {
  municipality: string;
  answeredAt: number;
  satisfied: boolean;
}

/** Wait limits of the call measures, in seconds (a call answered after exactly 10 s is within 10 s). */
export const ANSWER_LIMIT_SECONDS = { answeredWithin10s: 10, answeredWithin60s: 60 } as const;

/** Everything a tertial's follow-up is computed from. */
export interface ServiceLevelInput {
  tertial: Tertial;
  targets: ServiceLevelTargets;
  /** When the figures are taken (epoch ms): an open ordinary ticket whose deadline is later is pending, not missed. */
  asOf: number;
  /** The municipalities to report, in report order; data of others is left out (except from the survey order). */
  municipalities: readonly string[];
  /** At least every ticket opened or resolved in the tertial, of every municipality (the survey order spans all). */
  tickets: Iterable<TicketRecord>;
  calls: Iterable<CallRecord>;
  answers: Iterable<SurveyAnswerRecord>;
}

/** A tertial's follow-up: one row per municipality asked for, and their total. */
export interface ServiceLevelResult {
  tertial: string;
  firstDay: string;
  lastDay: string;
  municipalities: MunicipalityServiceLevels[];
  total: MunicipalityServiceLevels;
}

/**
 * The service-level follow-up of a tertial (DOMAIN.md 8.1), in one pass over each input:
 * - tickets belong to the tertial they were opened in (local date in the calendar's zone);
 *   first line = solved at first line / closed; an open ticket is not yet in that measure;
 * - ordinary tickets: resolved before the one-working-day deadline / counted, where counted are
 *   the closed ones and the open ones whose deadline is before `asOf` (missed); open ones with a
 *   later deadline are pending and left out;
 * - calls in the tertial: answered with wait ≤ 10 s (≤ 60 s) / all calls, unanswered included;
 * - survey answers given in the tertial: satisfied / answers;
 * - survey selection: tickets resolved in the tertial, all municipalities together, ordered by
 *   resolved time then id; positions 4, 8, 12, … are chosen (see selectSurveyTickets).
 */
export function computeServiceLevels(input: ServiceLevelInput): ServiceLevelResult {
  const calendar = new SupportCalendar(input.targets.calendar);
  const deadlines = new OneWorkingDayDeadlines(calendar);
  const { start, end } = tertialInstants(input.tertial, calendar.zone);
  const byMunicipality = new Map<string, ServiceLevelCounts>();
  for (const id of input.municipalities) if (!byMunicipality.has(id)) byMunicipality.set(id, emptyCounts());

  const resolvedInTertial: { id: string; resolved: number; counts: ServiceLevelCounts | undefined }[] = [];
  for (const t of input.tickets) {
    const counts = byMunicipality.get(t.municipality);
    if (t.resolved !== null && t.resolved >= start && t.resolved < end) {
      resolvedInTertial.push({ id: t.id, resolved: t.resolved, counts });
      if (counts) counts.ticketsResolvedInTertial++;
    }
    if (!counts || t.opened < start || t.opened >= end) continue;
    counts.ticketsOpened++;
    if (t.resolved === null) counts.ticketsOpen++;
    else {
      counts.ticketsClosed++;
      counts.closedByLine[t.line]++;
      if (t.firstLine) counts.solvedAtFirstLine++;
    }
    if (!t.ordinary) continue;
    counts.ordinaryOpened++;
    const deadline = deadlines.deadlineOf(t.opened);
    if (t.resolved !== null) {
      counts.ordinaryCounted++;
      if (t.resolved < deadline) counts.ordinaryWithin++;
    } else if (deadline <= input.asOf) counts.ordinaryCounted++;
    else counts.ordinaryPending++;
  }

  resolvedInTertial.sort(compareClosedTickets);
  for (let position = SURVEY_INTERVAL; position <= resolvedInTertial.length; position += SURVEY_INTERVAL) {
    const counts = resolvedInTertial[position - 1].counts;
    if (counts) counts.surveySelected++;
  }

  for (const c of input.calls) {
    const counts = byMunicipality.get(c.municipality);
    if (!counts || c.time < start || c.time >= end) continue;
    counts.calls++;
    if (!c.answered) continue;
    counts.callsAnswered++;
    if (c.waitSeconds <= ANSWER_LIMIT_SECONDS.answeredWithin10s) counts.answeredWithin10s++;
    if (c.waitSeconds <= ANSWER_LIMIT_SECONDS.answeredWithin60s) counts.answeredWithin60s++;
  }

  for (const a of input.answers) {
    const counts = byMunicipality.get(a.municipality);
    if (!counts || a.answeredAt < start || a.answeredAt >= end) continue;
    counts.surveyAnswers++;
    if (a.satisfied) counts.surveySatisfied++;
  }

  const total = emptyCounts();
  const municipalities = [...byMunicipality].map(([municipality, counts]) => {
    addCounts(total, counts);
    return { municipality, counts, measures: measuresOf(counts, input.targets) };
  });
  return {
    tertial: input.tertial.key,
    firstDay: input.tertial.firstDay,
    lastDay: input.tertial.lastDay,
    municipalities,
    total: { municipality: 'alla', counts: total, measures: measuresOf(total, input.targets) },
  };
}
