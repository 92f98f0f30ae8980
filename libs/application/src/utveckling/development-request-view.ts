import type { DevelopmentFunding, DevelopmentStatus } from '@it-samverkan/domain';

// Types only (and the forums' names): the web application imports them; the mappers from the
// entities are in development-request.mapper.ts.

/** Forums whose decisions may decide or reject a development request, with their Swedish names. */
export const DEVELOPMENT_DECISION_FORUMS: Record<string, string> = {
  utveckling: 'IT-forum utveckling',
  styrgrupp: 'IT-styrgruppen',
};

/** The decision a request cites, as minutes cite it ("IT-forum utveckling 2025-02-12 § 17"). */
export interface DecisionReferenceView {
  id: string;
  forum: string;
  date: string;
  paragraph: string;
  subject: string;
  reference: string;
}

export interface DevelopmentRequestView {
  id: string;
  unitId: string;
  unitName: string;
  municipalityId: string;
  title: string;
  need: string;
  estimateHours: string;
  funding: DevelopmentFunding;
  fundingLabel: string;
  status: DevelopmentStatus;
  statusLabel: string;
  /** The statuses it may move to next. */
  nextStatuses: DevelopmentStatus[];
  decision: DecisionReferenceView | null;
  /** Sum of reported hours. */
  reportedHours: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface DevelopmentHoursView {
  id: string;
  requestId: string;
  hours: string;
  reportedOn: string;
  /** The month the hours are billed in. */
  month: string;
  /** The report date's month when it was closed and the hours moved to `month`; otherwise null. */
  latePeriodFrom: string | null;
  note: string;
  createdAt: string;
  createdBy: string;
}
