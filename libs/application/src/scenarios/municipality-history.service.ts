import { DataSource, In } from 'typeorm';
import { DomainError, municipalityHistory, MunicipalityHistoryDocument } from '@it-samverkan/domain';
import { CostModelVersionEntity, DecisionEntity, MunicipalityEntity } from '@it-samverkan/persistence';
import { FORUM_NAMES } from '../decisions/decision.service';

export type MunicipalityHistoryView = MunicipalityHistoryDocument & { name: string };

/** A municipality's charges from the approved models of every year in the database (IT-styrgruppen). */
export class MunicipalityHistoryService {
  constructor(private readonly db: DataSource) {}

  async history(municipality: string): Promise<MunicipalityHistoryView> {
    const found = await this.db.getRepository(MunicipalityEntity).findOne({ where: { id: municipality } });
    if (!found)
      throw new DomainError('MUNICIPALITY_NOT_FOUND', `Kommunen ${municipality} finns inte`, 'not-found');
    const versions = await this.db.getRepository(CostModelVersionEntity).find({
      where: { status: 'approved' },
      order: { year: 'ASC', approvedAt: 'ASC', id: 'ASC' },
    });
    const decisionIds = versions.flatMap((v) => (v.decisionId ? [v.decisionId] : []));
    const decisions = new Map(
      decisionIds.length === 0
        ? []
        : (await this.db.getRepository(DecisionEntity).findBy({ id: In(decisionIds) })).map((d) => [
            d.id,
            `${FORUM_NAMES[d.forum as keyof typeof FORUM_NAMES] ?? d.forum} ${d.date} ${d.paragraph}`,
          ]),
    );
    const document = municipalityHistory(
      versions.map((v) => ({
        year: v.year,
        kind: v.kind,
        name: v.name,
        decision: v.decisionId ? (decisions.get(v.decisionId) ?? null) : null,
        document: v.document,
      })),
      municipality,
    );
    return { ...document, name: found.name };
  }
}
