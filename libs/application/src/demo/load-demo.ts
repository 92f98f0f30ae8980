import { DataSource } from 'typeorm';
import { normaliseOrgNo, peppolIdOf, vatNoOf } from '@it-samverkan/domain';
import {
  CompanyEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import {
  DEMO_COMPANIES,
  DEMO_JOINT_COMMITTEES,
  DEMO_MUNICIPALITIES,
  DEMO_UNITS,
} from '@it-samverkan/config/demo/organisation';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { DEMO_LOADERS } from './demo-loaders';

const DEMO_ACTOR: Actor = {
  principal: { id: null, name: 'system:demo', role: 'admin', scope: null },
  correlationId: null,
};

/** Loads the demo cooperation into an empty database (no municipality yet); returns whether it did. */
export async function loadDemo(dataSource: DataSource, now = new Date()): Promise<boolean> {
  if ((await dataSource.getRepository(MunicipalityEntity).count()) > 0) return false;
  await inTransaction(dataSource, async (m) => {
    for (const row of DEMO_MUNICIPALITIES) {
      const orgNo = normaliseOrgNo(row.orgNo);
      await m.insert(MunicipalityEntity, {
        ...row,
        orgNo,
        vatNo: vatNoOf(orgNo),
        peppolId: peppolIdOf(orgNo),
      });
    }
    for (const row of DEMO_UNITS) await m.insert(UnitEntity, { ...row });
    for (const row of DEMO_COMPANIES) {
      await m.insert(CompanyEntity, { ...row, vatNo: vatNoOf(row.orgNo), peppolId: peppolIdOf(row.orgNo) });
    }
    for (const row of DEMO_JOINT_COMMITTEES)
      await m.insert(JointCommitteeEntity, { ...row, members: [...row.members] });
    await recordAudit(
      m,
      DEMO_ACTOR,
      {
        action: 'load-demo',
        entityType: 'organisation',
        entityId: 'demo',
        after: { municipalities: DEMO_MUNICIPALITIES.length },
      },
      now,
    );
  });
  for (const loader of DEMO_LOADERS) await loader(dataSource, DEMO_ACTOR, now);
  return true;
}
