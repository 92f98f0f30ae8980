import type { ModelKind, ModelStatus } from '@it-samverkan/domain';
import type { DecisionView } from '../decisions/decision-view';

// Types only: the web application imports them.

/** A model version without its document (lists). */
export interface CostModelVersionSummary {
  id: string;
  name: string;
  year: number;
  kind: ModelKind;
  status: ModelStatus;
  documentHash: string;
  decisionId: string | null;
  /** The approving decision, for the auditor's trail. */
  decision: DecisionView | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A model version with its document. */
export interface CostModelVersionView extends CostModelVersionSummary {
  document: unknown;
}
