import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScenarioService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { ScenariosController } from './scenarios.controller';

/** IT-styrgruppen's what-if scenarios: saved, compared with their base and side by side, exported as XLSX. */
@Module({
  controllers: [ScenariosController],
  providers: [
    {
      provide: ScenarioService,
      useFactory: (db: DataSource) => new ScenarioService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [ScenarioService],
})
export class ScenariosModule {}
