import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OnCallBillingService, OnCallIncidentService, OnCallTariffService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { OnCallBillingController } from './on-call-billing.controller';
import { OnCallIncidentsController } from './on-call-incidents.controller';
import { OnCallTariffsController } from './on-call-tariffs.controller';

/** IT-beredskap: tariff versions, incidents (one by one or by CSV) and billing per period. */
@Module({
  controllers: [OnCallTariffsController, OnCallIncidentsController, OnCallBillingController],
  providers: [
    {
      provide: OnCallTariffService,
      useFactory: (db: DataSource) => new OnCallTariffService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: OnCallIncidentService,
      useFactory: (db: DataSource) => new OnCallIncidentService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: OnCallBillingService,
      useFactory: (db: DataSource) => new OnCallBillingService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [OnCallTariffService, OnCallIncidentService, OnCallBillingService],
})
export class OnCallModule {}
