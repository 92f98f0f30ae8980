// Types only: the web application imports them.

/** A consumer's, a municipality's or the total's yearly share against what is charged so far. */
export interface YearToDateFiguresView {
  yearlyShare: string;
  charged: string;
  remaining: string;
  /** Null where there is no yearly share to take a share of. */
  percentCharged: string | null;
}

/** Year to date per consumer and municipality (GET /reports/year-to-date). */
export interface YearToDateReportView {
  year: number;
  through: string;
  /** The approved budget model the yearly shares come from, and the decision that approved it. */
  model: {
    id: string;
    name: string;
    decision: { id: string; reference: string; date: string } | null;
  } | null;
  consumers: (YearToDateFiguresView & {
    consumerId: string;
    name: string;
    municipalityId: string;
    fundingMode: string;
  })[];
  municipalities: (YearToDateFiguresView & { municipalityId: string; name: string })[];
  total: YearToDateFiguresView;
  notes: string[];
}
