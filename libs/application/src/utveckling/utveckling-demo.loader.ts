import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_DEVELOPMENT_DECISIONS, DEMO_DEVELOPMENT_REQUESTS } from '@it-samverkan/config/demo/forums';
import { formatLocalDateTime } from '@it-samverkan/domain';
import { DecisionEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { DevelopmentHoursService } from './development-hours.service';
import { DevelopmentRequestService } from './development-request.service';

/**
 * Demo loader: the decisions of IT-forum utveckling 2025-02-12 and four development requests
 * carried through their statuses, with hours reported on the additional ones (billed in their month).
 */
export async function loadUtvecklingDemo(dataSource: DataSource, actor: Actor, now: Date): Promise<void> {
  const decisionIds = new Map<string, string>();
  await inTransaction(dataSource, async (m) => {
    for (const d of DEMO_DEVELOPMENT_DECISIONS) {
      const row = Object.assign(new DecisionEntity(), {
        id: randomUUID(),
        forum: 'utveckling' as const,
        date: d.date,
        year: Number(d.date.slice(0, 4)),
        paragraph: d.paragraph,
        subject: d.subject,
        approves: [],
        createdAt: now,
        createdBy: actor.principal.name,
      });
      await m.insert(DecisionEntity, row);
      await recordAudit(
        m,
        actor,
        {
          action: 'create',
          entityType: 'decision',
          entityId: row.id,
          after: { ...row, createdAt: now.toISOString() },
        },
        now,
      );
      decisionIds.set(d.key, row.id);
    }
  });
  const requests = new DevelopmentRequestService(dataSource);
  const hours = new DevelopmentHoursService(dataSource);
  for (const demo of DEMO_DEVELOPMENT_REQUESTS) {
    const { id } = await requests.create(
      {
        unitId: demo.unitId,
        title: demo.title,
        need: demo.need,
        estimateHours: demo.estimateHours,
        funding: demo.funding,
      },
      actor,
      now,
    );
    for (const status of demo.path) {
      const decisionId = status === 'decided' && demo.decision ? decisionIds.get(demo.decision) : undefined;
      await requests.changeStatus(id, { status, decisionId }, actor, now);
    }
    // Hours dated after "now" (a test clock set early) are left out rather than refused.
    const today = formatLocalDateTime(now, 'Europe/Stockholm').slice(0, 10);
    for (const report of demo.hours)
      if (report.reportedOn <= today) await hours.report(id, { ...report }, actor, now);
  }
}
