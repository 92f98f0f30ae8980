import { ApiTokenEntity } from './entities/api-token.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CompanyEntity, JointCommitteeEntity, MunicipalityEntity, UnitEntity } from './entities/organisation.entity';
import { Foundation1763900000000 } from './migrations/1763900000000-foundation';
import { Organisation1763900100000 } from './migrations/1763900100000-organisation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntityClass = new (...args: any[]) => unknown;

/** Every entity and migration, listed once; areas add theirs here. */
export const ENTITIES: EntityClass[] = [
  ApiTokenEntity,
  AuditEntryEntity,
  MunicipalityEntity,
  UnitEntity,
  CompanyEntity,
  JointCommitteeEntity,
];
export const MIGRATIONS: EntityClass[] = [Foundation1763900000000, Organisation1763900100000];
