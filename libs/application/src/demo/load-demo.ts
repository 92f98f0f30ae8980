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
import { DEMO_PERSONS } from '@it-samverkan/config/demo/persons';
import { DEMO_LOADERS } from './demo-loaders';
import { loadHistoryDemo } from './history-demo.loader';
import { PersonService } from '../auth/persons';
import { generatePassword, hashPassword } from '../auth/passwords';

const DEMO_ACTOR: Actor = {
  principal: { id: null, name: 'system:demo', role: 'admin', scope: null },
  correlationId: null,
};

/** What a demo load made: the demo persons' usernames and their shared password (print it once). */
export interface LoadedDemo {
  usernames: string[];
  password: string;
}

export interface DemoOptions {
  /**
   * The earlier years 2023–2024 (models approved, quarters invoiced and closed, years settled, the
   * 2024 settlement issued in 2025-Q1) and the 2026 budget draft; on unless false. `npm start` and
   * the CLI load them; a test that starts 2025 with nothing invoiced leaves them out.
   */
  history?: boolean;
}

/**
 * Loads the demo cooperation and its persons into an empty database (no municipality yet);
 * returns what it made, or null when the database was not empty.
 */
export async function loadDemo(
  dataSource: DataSource,
  now = new Date(),
  password = generatePassword(),
  options: DemoOptions = {},
): Promise<LoadedDemo | null> {
  if ((await dataSource.getRepository(MunicipalityEntity).count()) > 0) return null;
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
  if (options.history !== false) await loadHistoryDemo(dataSource, DEMO_ACTOR, now);
  const persons = new PersonService(dataSource);
  const passwordHash = await hashPassword(password);
  for (const p of DEMO_PERSONS) {
    if (await persons.exists(p.username)) continue;
    await persons.create({ ...p, password }, DEMO_ACTOR, now, passwordHash);
  }
  return { usernames: DEMO_PERSONS.map((p) => p.username), password };
}
