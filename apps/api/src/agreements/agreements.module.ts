import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgreementService, OrganisationService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { AgreementsController } from './agreements.controller';
import { OrganisationController } from './organisation.controller';

/** Organisation, the cooperation agreement and service agreements. */
@Module({
  controllers: [AgreementsController, OrganisationController],
  providers: [
    {
      provide: AgreementService,
      useFactory: (db: DataSource) => new AgreementService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: OrganisationService,
      useFactory: (db: DataSource) => new OrganisationService(db),
      inject: [DATA_SOURCE],
    },
  ],
})
export class AgreementsModule {}
