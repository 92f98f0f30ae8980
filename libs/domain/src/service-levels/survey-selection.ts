/** Every how many closed tickets the customer survey goes out (DOMAIN.md 8.1). */
export const SURVEY_INTERVAL = 4;

/** A closed ticket as the survey selection sees it. */
export interface ClosedTicket {
  id: string;
  /** Epoch ms the ticket was resolved. */
  resolved: number;
}

/** A ticket chosen for the survey and its 1-based position among the closed tickets. */
export interface SurveySelection<T> {
  position: number;
  ticket: T;
}

/** Orders closed tickets by resolved time, then id by code units (never by locale), so the order is total. */
export function compareClosedTickets(a: ClosedTicket, b: ClosedTicket): number {
  if (a.resolved !== b.resolved) return a.resolved - b.resolved;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The survey selection: the closed tickets ordered by resolved time then id, and of them the ones
 * at positions 4, 8, 12, … The result depends only on the set of tickets, never on their input
 * order, so a re-run on the same data selects the same tickets.
 */
export function selectSurveyTickets<T extends ClosedTicket>(closed: readonly T[]): SurveySelection<T>[] {
  const ordered = [...closed].sort(compareClosedTickets);
  const selected: SurveySelection<T>[] = [];
  for (let position = SURVEY_INTERVAL; position <= ordered.length; position += SURVEY_INTERVAL) {
    selected.push({ position, ticket: ordered[position - 1] });
  }
  return selected;
}
