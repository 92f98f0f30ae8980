import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvoiceService } from '@it-samverkan/application';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { DATA_SOURCE } from '../common/tokens';
import { InvoicingController } from './invoicing.controller';

/** Invoice runs, drafts, issuing, credit notes, periods and the funding reports. */
@Module({
  controllers: [InvoicingController],
  providers: [
    {
      provide: InvoiceService,
      useFactory: (db: DataSource) => new InvoiceService(db),
      inject: [DATA_SOURCE],
    },
    IdempotencyInterceptor,
  ],
  exports: [InvoiceService],
})
export class InvoicingModule {}
