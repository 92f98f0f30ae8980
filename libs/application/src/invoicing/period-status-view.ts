// Types only: the web application imports them.

/** A period as finance follows it: which of its months are closed, and its drafts and issued documents. */
export interface PeriodStatus {
  period: string;
  months: string[];
  closedMonths: string[];
  /** Every month closed: nothing new can be added. */
  closed: boolean;
  drafts: number;
  issued: number;
}
