import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FinanceFilesService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { FilesController } from './files.controller';

/** The files finance loads: SIE 4, Peppol BIS 3.0, PDF, CSV and XLSX. */
@Module({
  controllers: [FilesController],
  providers: [
    {
      provide: FinanceFilesService,
      useFactory: (db: DataSource) => new FinanceFilesService(db),
      inject: [DATA_SOURCE],
    },
  ],
})
export class FilesModule {}
