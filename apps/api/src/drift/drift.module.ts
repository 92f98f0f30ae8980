import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ForumImportService,
  ServiceLevelReportService,
  ServiceLevelTargetsService,
} from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { DriftController } from './drift.controller';

/** IT-forum drift: ticket, call and survey imports, the year's targets and the service-level report per tertial. */
@Module({
  controllers: [DriftController],
  providers: [
    {
      provide: ForumImportService,
      useFactory: (db: DataSource) => new ForumImportService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: ServiceLevelReportService,
      useFactory: (db: DataSource) => new ServiceLevelReportService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: ServiceLevelTargetsService,
      useFactory: (db: DataSource) => new ServiceLevelTargetsService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [ForumImportService, ServiceLevelReportService, ServiceLevelTargetsService],
})
export class DriftModule {}
