import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgreementService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { AgreementsController } from './agreements.controller';

/** Organisation, the cooperation agreement and service agreements. */
@Module({
  controllers: [AgreementsController],
  providers: [{ provide: AgreementService, useFactory: (db: DataSource) => new AgreementService(db), inject: [DATA_SOURCE] }],
})
export class AgreementsModule {}
