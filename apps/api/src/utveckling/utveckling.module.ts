import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DevelopmentHoursService, DevelopmentRequestService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { DevelopmentChargesController } from './development-charges.controller';
import { DevelopmentRequestsController } from './development-requests.controller';

/** IT-forum utveckling: development requests, their statuses and decisions, and hours billed on additional work. */
@Module({
  controllers: [DevelopmentRequestsController, DevelopmentChargesController],
  providers: [
    {
      provide: DevelopmentRequestService,
      useFactory: (db: DataSource) => new DevelopmentRequestService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: DevelopmentHoursService,
      useFactory: (db: DataSource) => new DevelopmentHoursService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [DevelopmentRequestService, DevelopmentHoursService],
})
export class UtvecklingModule {}
