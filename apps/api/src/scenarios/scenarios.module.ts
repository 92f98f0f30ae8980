import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MunicipalityHistoryService, ScenarioService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { HistoryController } from './history.controller';
import { ScenariosController } from './scenarios.controller';

/** IT-styrgruppen's what-if scenarios: saved, compared with their base and side by side, exported as XLSX. */
@Module({
  controllers: [ScenariosController, HistoryController],
  providers: [
    {
      provide: ScenarioService,
      useFactory: (db: DataSource) => new ScenarioService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: MunicipalityHistoryService,
      useFactory: (db: DataSource) => new MunicipalityHistoryService(db),
      inject: [DATA_SOURCE],
    },
  ],
  exports: [ScenarioService],
})
export class ScenariosModule {}
