import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditTraceService,
  CostModelService,
  LedgerImportService,
  PriceListService,
  SettlementService,
  SplitRunService,
} from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { CostModelsController } from './cost-models.controller';
import { SplitsController } from './splits.controller';
import { LedgerImportsController } from './ledger-imports.controller';
import { PriceListsController } from './price-lists.controller';
import { TracesController } from './traces.controller';

/** Tjänstefiering: model versions, approval, stored split runs with their files, and year-end settlement. */
@Module({
  controllers: [
    CostModelsController,
    SplitsController,
    LedgerImportsController,
    PriceListsController,
    TracesController,
  ],
  providers: [
    {
      provide: CostModelService,
      useFactory: (db: DataSource) => new CostModelService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: SplitRunService,
      useFactory: (db: DataSource) => new SplitRunService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: AuditTraceService,
      useFactory: (db: DataSource) => new AuditTraceService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: PriceListService,
      useFactory: (db: DataSource) => new PriceListService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: SettlementService,
      useFactory: (db: DataSource) => new SettlementService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: LedgerImportService,
      useFactory: (db: DataSource) => new LedgerImportService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [CostModelService, SplitRunService, SettlementService, LedgerImportService],
})
export class CostModelModule {}
