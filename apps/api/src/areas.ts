import { Type } from '@nestjs/common';
import { CostModelModule } from './cost-model/cost-model.module';
import { DecisionsModule } from './decisions/decisions.module';
import { OnCallModule } from './on-call/on-call.module';
import { AgreementsModule } from './agreements/agreements.module';
import { InvoicingModule } from './invoicing/invoicing.module';
import { FilesModule } from './files/files.module';
import { ScenariosModule } from './scenarios/scenarios.module';
import { DriftModule } from './drift/drift.module';
import { UtvecklingModule } from './utveckling/utveckling.module';
import { RegistersModule } from './registers/registers.module';
import { BudgetCycleModule } from './budget-cycle/budget-cycle.module';

/** One module per area of the organisation (cost model, on-call, invoicing, agreements, forums). */
export const AREA_MODULES: Type<unknown>[] = [
  AgreementsModule,
  InvoicingModule,
  FilesModule,
  OnCallModule,
  CostModelModule,
  DecisionsModule,
  DriftModule,
  UtvecklingModule,
  ScenariosModule,
  RegistersModule,
  BudgetCycleModule,
];
