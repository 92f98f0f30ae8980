import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BudgetVersusActualService, NextYearService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { BudgetVersusActualController, NextYearController } from './next-year.controller';

/** The yearly cycle: next year's budget from this year's, and budget against actual year over year. */
@Module({
  controllers: [NextYearController, BudgetVersusActualController],
  providers: [
    {
      provide: BudgetVersusActualService,
      useFactory: (db: DataSource) => new BudgetVersusActualService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: NextYearService,
      useFactory: (db: DataSource) => new NextYearService(db),
      inject: [DATA_SOURCE],
    },
  ],
})
export class BudgetCycleModule {}
