import { DataSource, EntityManager, In } from 'typeorm';
import { DevelopmentHoursEntity, DevelopmentRequestEntity } from '@it-samverkan/persistence';
import { formatSourceKey } from '@it-samverkan/domain';

/** One billable report of development hours, before it is priced at the agreement's hourly rate. */
export interface DevelopmentChargeInput {
  /** `development:<hours row id>`: unique, so an invoice run never bills it twice. */
  sourceKey: string;
  /** The requesting unit (the consumer billed). */
  consumerId: string;
  /** Swedish line text: the request, the date and the note. */
  description: string;
  /** Hours as a decimal text ("6.5"). */
  hours: string;
  /** The month the hours are billed in (the report date's month, or the first open month after it). */
  reportedMonth: string;
}

const DESCRIPTION_LIMIT = 300;

/**
 * Reported hours of additional development (tilläggsuppdrag) billed in the given months
 * ('YYYY-MM'), in month, date and creation order. Hours on framework requests are never billed:
 * they are shared through the cost model (DOMAIN.md 8.2).
 */
export async function developmentChargeInputs(
  db: DataSource | EntityManager,
  months: string[],
): Promise<DevelopmentChargeInput[]> {
  if (months.length === 0) return [];
  const hours = await db.getRepository(DevelopmentHoursEntity).find({
    where: { month: In(months) },
    order: { month: 'ASC', reportedOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
  });
  if (hours.length === 0) return [];
  const requests = new Map(
    (
      await db
        .getRepository(DevelopmentRequestEntity)
        .findBy({ id: In([...new Set(hours.map((h) => h.requestId))]) })
    ).map((r) => [r.id, r]),
  );
  return hours.flatMap((h) => {
    const request = requests.get(h.requestId);
    if (!request || request.funding !== 'additional') return [];
    const text = `Utvecklingsärende: ${request.title}, ${h.reportedOn}${h.note ? `, ${h.note}` : ''} (${h.hours} h)`;
    return [
      {
        sourceKey: formatSourceKey({ kind: 'development', hoursId: h.id }),
        consumerId: request.unitId,
        description: text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1)}…`,
        hours: h.hours,
        reportedMonth: h.month,
      },
    ];
  });
}
