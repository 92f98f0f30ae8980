import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DecisionService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { DecisionsController } from './decisions.controller';

/** The decisions register of IT-styrgruppen and the IT forums. */
@Module({
  controllers: [DecisionsController],
  providers: [
    {
      provide: DecisionService,
      useFactory: (db: DataSource) => new DecisionService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [DecisionService],
})
export class DecisionsModule {}
