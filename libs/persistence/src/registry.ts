import { ApiTokenEntity } from './entities/api-token.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import {
  CompanyEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  ServiceFundingEntity,
  UnitEntity,
} from './entities/organisation.entity';
import { ServiceFunding1763900460000 } from './migrations/1763900460000-service-funding';
import { DecisionEntity } from './entities/decision.entity';
import { CostModelVersionEntity, SplitRunEntity } from './entities/cost-model.entity';
import { CostModel1763900200000 } from './migrations/1763900200000-cost-model';
import { IncidentEntity, OnCallTariffEntity } from './entities/on-call.entity';
import {
  IdempotencyRecordEntity,
  InternalChargeEntity,
  InvoiceCounterEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  PeriodCloseEntity,
  PeriodLockEntity,
  ServiceAgreementEntity,
} from './entities/invoicing.entity';
import { OnCall1763900300000 } from './migrations/1763900300000-on-call';
import { Invoicing1763900400000 } from './migrations/1763900400000-invoicing';
import { CooperationAgreementEntity } from './entities/agreement.entity';
import { CooperationAgreement1763900450000 } from './migrations/1763900450000-cooperation-agreement';
import { Foundation1763900000000 } from './migrations/1763900000000-foundation';
import { Organisation1763900100000 } from './migrations/1763900100000-organisation';
import { ScenarioEntity } from './entities/scenario.entity';
import { Scenarios1763900600000 } from './migrations/1763900600000-scenarios';
import {
  DevelopmentHoursEntity,
  DevelopmentRequestEntity,
  PhoneCallEntity,
  ServiceLevelTargetsEntity,
  SurveyAnswerEntity,
  TicketEntity,
} from './entities/forums.entity';
import { Forums1763900700000 } from './migrations/1763900700000-forums';
import { InvoiceDates1764000200000 } from './migrations/1764000200000-invoice-dates';
import { ExactKeys1764000300000 } from './migrations/1764000300000-exact-keys';
import { AuditParties1764000400000 } from './migrations/1764000400000-audit-parties';
import {
  LoginThrottleEntity,
  OidcRequestEntity,
  PersonEntity,
  SessionEntity,
} from './entities/person.entity';
import { People1764000500000 } from './migrations/1764000500000-people';
import { RateLimitCounter1764106000000 } from './migrations/1764106000000-rate-limit-counter';
import { UnitEnd1764000310000 } from './migrations/1764000310000-unit-end';
import { LedgerImportEntity } from './entities/ledger-import.entity';
import { LedgerImport1764102000000 } from './migrations/1764102000000-ledger-import';
import { LedgerImportSequence1764102100000 } from './migrations/1764102100000-ledger-import-sequence';
import {
  CostModelBasisEntity,
  RegisterImportEntity,
  RegisterMappingEntity,
} from './entities/register.entity';
import { CostModelBasis1764103100000 } from './migrations/1764103100000-cost-model-basis';
import { ReadIndexes1764200500000 } from './migrations/1764200500000-read-indexes';
import { InvoiceStatusParties1764200510000 } from './migrations/1764200510000-invoice-status-parties';
import { InvoiceStatusOrder1764300000000 } from './migrations/1764300000000-invoice-status-order';
import { InvoicePeriodSummary1764400000000 } from './migrations/1764400000000-invoice-period-summary';
import { ImportSequence1764410000000 } from './migrations/1764410000000-import-sequence';
import { Registers1764103000000 } from './migrations/1764103000000-registers';

type EntityClass = new (...args: any[]) => unknown;

/** Every entity and migration, listed once; areas add theirs here. */
export const ENTITIES: EntityClass[] = [
  ApiTokenEntity,
  AuditEntryEntity,
  MunicipalityEntity,
  UnitEntity,
  CompanyEntity,
  JointCommitteeEntity,
  DecisionEntity,
  CostModelVersionEntity,
  SplitRunEntity,
  OnCallTariffEntity,
  IncidentEntity,
  PeriodCloseEntity,
  PeriodLockEntity,
  ServiceAgreementEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceCounterEntity,
  InternalChargeEntity,
  IdempotencyRecordEntity,
  CooperationAgreementEntity,
  ServiceFundingEntity,
  ScenarioEntity,
  TicketEntity,
  PhoneCallEntity,
  SurveyAnswerEntity,
  ServiceLevelTargetsEntity,
  DevelopmentRequestEntity,
  DevelopmentHoursEntity,
  PersonEntity,
  SessionEntity,
  LoginThrottleEntity,
  OidcRequestEntity,
  LedgerImportEntity,
  RegisterMappingEntity,
  RegisterImportEntity,
  CostModelBasisEntity,
];
export const MIGRATIONS: EntityClass[] = [
  Foundation1763900000000,
  Organisation1763900100000,
  CostModel1763900200000,
  OnCall1763900300000,
  Invoicing1763900400000,
  CooperationAgreement1763900450000,
  ServiceFunding1763900460000,
  Scenarios1763900600000,
  Forums1763900700000,
  InvoiceDates1764000200000,
  ExactKeys1764000300000,
  UnitEnd1764000310000,
  AuditParties1764000400000,
  People1764000500000,
  LedgerImport1764102000000,
  LedgerImportSequence1764102100000,
  RateLimitCounter1764106000000,
  Registers1764103000000,
  CostModelBasis1764103100000,
  ReadIndexes1764200500000,
  InvoiceStatusParties1764200510000,
  InvoiceStatusOrder1764300000000,
  InvoicePeriodSummary1764400000000,
  ImportSequence1764410000000,
];
