import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegisterImportService, RegisterMappingService } from '@it-samverkan/application';
import { DATA_SOURCE } from '../common/tokens';
import { RegisterImportsController, RegisterMappingsController } from './registers.controller';

/** Registers: mappings to consumers and dated register imports into a draft's volumes. */
@Module({
  controllers: [RegisterMappingsController, RegisterImportsController],
  providers: [
    {
      provide: RegisterMappingService,
      useFactory: (db: DataSource) => new RegisterMappingService(db),
      inject: [DATA_SOURCE],
    },
    {
      provide: RegisterImportService,
      useFactory: (db: DataSource) => new RegisterImportService(db),
      inject: [DATA_SOURCE],
    },
  ],
})
export class RegistersModule {}
