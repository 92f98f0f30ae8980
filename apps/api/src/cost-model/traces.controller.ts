import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditTraceService, AuditTraceView, XLSX_MIME } from '@it-samverkan/application';
import { PassThrough } from 'node:stream';
import { auditTracePdf, writeAuditTraceXlsx } from '@it-samverkan/files';
import { Access, named } from '../common/access.decorator';
import { CLOCK, Clock } from '../common/tokens';

const uuid = new ParseUUIDPipe();
const TRACE =
  'Spårning för revisorer: fördelningskörningen (lagrade hashar, motorversion), modellversionen och beslutet som godkände den, ' +
  'per tjänst fördelningsnyckel, förbrukarens volym och total volym, à-pris, poolerna med namn och belopp och huvudbokens konton och verifikationer bakom dem';

/** The trace's workbook streamed to the response as it is written (the whole model's is large). */
function xlsx(trace: AuditTraceView, name: string) {
  const out = new PassThrough();
  writeAuditTraceXlsx(trace, out).catch((e: Error) => out.destroy(e));
  return new StreamableFile(out, { type: XLSX_MIME, disposition: `attachment; filename="${name}.xlsx"` });
}
const pdf = (bytes: Buffer, name: string) =>
  new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` });
const fileName = (t: AuditTraceView) =>
  `sparning-${t.model.year}-${t.source.kind}-${t.source.id.slice(0, 8)}`;

/** The auditor's trace (issue 14 item 6): an invoice line follows its invoice's privacy, a charge its municipality's. */
@ApiTags('Revision')
@ApiBearerAuth()
@Controller()
export class TracesController {
  constructor(
    @Inject(AuditTraceService) private readonly traces: AuditTraceService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private line(id: string, lineId: string) {
    return this.traces.invoiceLine(id, lineId, this.clock.now());
  }

  @Get('invoices/:id/lines/:lineId/trace')
  @Access('read', named.invoice)
  @ApiOperation({ summary: `${TRACE}. För en fakturarad (fakturans parter läser den)` })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'lineId', format: 'uuid' })
  invoiceLine(@Param('id', uuid) id: string, @Param('lineId', uuid) lineId: string) {
    return this.line(id, lineId);
  }

  @Get('invoices/:id/lines/:lineId/trace.xlsx')
  @Access('read', named.invoice)
  @ApiOperation({ summary: 'Fakturaradens spårning som XLSX (utskriftsanpassad)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'lineId', format: 'uuid' })
  @ApiProduces(XLSX_MIME)
  async invoiceLineXlsx(@Param('id', uuid) id: string, @Param('lineId', uuid) lineId: string) {
    const t = await this.line(id, lineId);
    return xlsx(t, fileName(t));
  }

  @Get('invoices/:id/lines/:lineId/trace.pdf')
  @Access('read', named.invoice)
  @ApiOperation({ summary: 'Fakturaradens spårning som PDF' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'lineId', format: 'uuid' })
  @ApiProduces('application/pdf')
  async invoiceLinePdf(@Param('id', uuid) id: string, @Param('lineId', uuid) lineId: string) {
    const t = await this.line(id, lineId);
    return pdf(await auditTracePdf(t), fileName(t));
  }

  @Get('internal-charges/:id/trace')
  @Access('read', named.internalCharge)
  @ApiOperation({ summary: `${TRACE}. För en interndebitering (kommunen vars böcker den hör till)` })
  @ApiParam({ name: 'id', format: 'uuid' })
  internalCharge(@Param('id', uuid) id: string) {
    return this.traces.internalCharge(id, this.clock.now());
  }

  @Get('internal-charges/:id/trace.xlsx')
  @Access('read', named.internalCharge)
  @ApiOperation({ summary: 'Interndebiteringens spårning som XLSX' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces(XLSX_MIME)
  async internalChargeXlsx(@Param('id', uuid) id: string) {
    const t = await this.traces.internalCharge(id, this.clock.now());
    return xlsx(t, fileName(t));
  }

  @Get('internal-charges/:id/trace.pdf')
  @Access('read', named.internalCharge)
  @ApiOperation({ summary: 'Interndebiteringens spårning som PDF' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf')
  async internalChargePdf(@Param('id', uuid) id: string) {
    const t = await this.traces.internalCharge(id, this.clock.now());
    return pdf(await auditTracePdf(t), fileName(t));
  }

  @Get('splits/:id/audit-trace')
  @Access('read', named.shared)
  @ApiOperation({
    summary: `${TRACE}. Hela modellen: varje förbrukare, härledd ur en enda fördelning (consumer: bara den förbrukaren)`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'consumer', required: false, example: 'tra-oms' })
  splitRun(@Param('id', uuid) id: string, @Query('consumer') consumer?: string) {
    return this.traces.splitRun(id, this.clock.now(), typeof consumer === 'string' ? consumer : undefined);
  }

  @Get('splits/:id/audit-trace.xlsx')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Hela modellens spårning som XLSX, strömmad medan den skrivs (bladen Spårning, Förbrukare, Tjänster, Pooler, Huvudbok, ' +
      'och Underlag när modellen räknades fram ur en godkänd modell)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces(XLSX_MIME)
  async splitRunXlsx(@Param('id', uuid) id: string) {
    const t = await this.traces.splitRun(id, this.clock.now());
    return xlsx(t, `sparning-${t.model.year}-${t.model.kind}`);
  }
}
