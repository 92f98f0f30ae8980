// Types only: the web application imports them.

/** An internal charge: a transfer between units of one municipality, no VAT (DOMAIN.md 7). */
export interface InternalChargeView {
  id: string;
  period: string;
  municipalityId: string;
  unitId: string;
  serviceId: string | null;
  source: string;
  description: string;
  amount: string;
}

/** The internal charges of the periods inside a period (GET /reports/internal-charges). */
export interface InternalChargeReportView {
  period: string;
  total: string;
  charges: InternalChargeView[];
  /** Longer periods that overlap the asked one, where charges lie that it does not hold (DOMAIN.md 7). */
  notes: string[];
}

/** One unit's share of one service that the central appropriation covers. */
export interface AppropriationRow {
  municipalityId: string;
  unitId: string;
  unitName: string;
  responsibilityCode: string;
  serviceId: string;
  serviceName: string;
  amount: string;
}

/** What the central appropriation must cover in a period (GET /reports/appropriation). */
export interface AppropriationReportView {
  period: string;
  /** The approved budget model's name, null without one. */
  model: string | null;
  /** The reference of the decision that approved the model. */
  decision: string | null;
  total: string;
  rows: AppropriationRow[];
}
