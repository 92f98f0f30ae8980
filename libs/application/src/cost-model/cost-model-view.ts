import { CostModelVersionEntity, DecisionEntity, ModelKind, ModelStatus } from '@it-samverkan/persistence';
import { decisionView } from '../decisions/decision.service';
import type { CostModelVersionSummary, CostModelVersionView } from './cost-model-version-view';

export type { CostModelVersionSummary, CostModelVersionView } from './cost-model-version-view';

export const MODEL_KINDS: readonly ModelKind[] = ['budget', 'actual'];
export const MODEL_STATUSES: readonly ModelStatus[] = ['draft', 'approved'];

/** Swedish names of the kinds, for documents and screens. */
export const MODEL_KIND_NAMES: Record<ModelKind, string> = { budget: 'budget', actual: 'utfall' };

export function costModelSummary(
  e: CostModelVersionEntity,
  decision: DecisionEntity | null,
): CostModelVersionSummary {
  return {
    id: e.id,
    name: e.name,
    year: e.year,
    kind: e.kind,
    status: e.status,
    documentHash: e.documentHash,
    decisionId: e.decisionId,
    decision: decision ? decisionView(decision) : null,
    approvedAt: e.approvedAt ? e.approvedAt.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function costModelView(
  e: CostModelVersionEntity,
  decision: DecisionEntity | null,
): CostModelVersionView {
  return { ...costModelSummary(e, decision), document: e.document };
}

/** What the audit trail keeps of a version; with the document when the document changes (import, edit, delete). */
export function auditedVersion(e: CostModelVersionEntity, withDocument: boolean): Record<string, unknown> {
  return {
    name: e.name,
    year: e.year,
    kind: e.kind,
    status: e.status,
    documentHash: e.documentHash,
    decisionId: e.decisionId,
    approvedAt: e.approvedAt ? e.approvedAt.toISOString() : null,
    ...(withDocument ? { document: e.document } : {}),
  };
}
