import { EntityManager, In } from 'typeorm';
import {
  Dec,
  DEVELOPMENT_FUNDING_LABELS,
  DEVELOPMENT_STATUS_LABELS,
  DEVELOPMENT_TRANSITIONS,
  DevelopmentFunding,
  DevelopmentStatus,
} from '@it-samverkan/domain';
import {
  DecisionEntity,
  DevelopmentHoursEntity,
  DevelopmentRequestEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import {
  DEVELOPMENT_DECISION_FORUMS,
  DecisionReferenceView,
  DevelopmentHoursView,
  DevelopmentRequestView,
} from './development-request-view';

export function decisionReferenceView(d: DecisionEntity): DecisionReferenceView {
  return {
    id: d.id,
    forum: d.forum,
    date: d.date,
    paragraph: d.paragraph,
    subject: d.subject,
    reference: `${DEVELOPMENT_DECISION_FORUMS[d.forum] ?? d.forum} ${d.date} ${d.paragraph}`,
  };
}

export function hoursView(h: DevelopmentHoursEntity): DevelopmentHoursView {
  const reportedMonth = h.reportedOn.slice(0, 7);
  return {
    id: h.id,
    requestId: h.requestId,
    hours: h.hours,
    reportedOn: h.reportedOn,
    month: h.month,
    latePeriodFrom: reportedMonth === h.month ? null : reportedMonth,
    note: h.note,
    createdAt: h.createdAt.toISOString(),
    createdBy: h.createdBy,
  };
}

/** Views of requests, with unit names, decisions and hour sums loaded in one query each. */
export async function requestViews(
  m: EntityManager,
  rows: DevelopmentRequestEntity[],
): Promise<DevelopmentRequestView[]> {
  if (rows.length === 0) return [];
  const units = new Map(
    (await m.getRepository(UnitEntity).findBy({ id: In([...new Set(rows.map((r) => r.unitId))]) })).map(
      (u) => [u.id, u.name],
    ),
  );
  const decisionIds = [...new Set(rows.flatMap((r) => (r.decisionId ? [r.decisionId] : [])))];
  const decisions = new Map(
    decisionIds.length === 0
      ? []
      : (await m.getRepository(DecisionEntity).findBy({ id: In(decisionIds) })).map((d) => [d.id, d]),
  );
  const sums = new Map<string, Dec>();
  for (const h of await m
    .getRepository(DevelopmentHoursEntity)
    .findBy({ requestId: In(rows.map((r) => r.id)) })) {
    sums.set(h.requestId, (sums.get(h.requestId) ?? new Dec(0)).plus(h.hours));
  }
  return rows.map((r) => {
    const status = r.status as DevelopmentStatus;
    const funding = r.funding as DevelopmentFunding;
    const decision = r.decisionId ? decisions.get(r.decisionId) : undefined;
    return {
      id: r.id,
      unitId: r.unitId,
      unitName: units.get(r.unitId) ?? r.unitId,
      municipalityId: r.municipalityId,
      title: r.title,
      need: r.need,
      estimateHours: r.estimateHours,
      funding,
      fundingLabel: DEVELOPMENT_FUNDING_LABELS[funding],
      status,
      statusLabel: DEVELOPMENT_STATUS_LABELS[status],
      nextStatuses: [...DEVELOPMENT_TRANSITIONS[status]],
      decision: decision ? decisionReferenceView(decision) : null,
      reportedHours: (sums.get(r.id) ?? new Dec(0)).toString(),
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
