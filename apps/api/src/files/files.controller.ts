import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { Actor, FileOut, FinanceFilesService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { CLOCK, Clock } from '../common/tokens';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|T[1-3]))?$/;

export class FilePeriodQuery {
  @ApiProperty({ example: '2025-Q1' })
  @Matches(PERIOD, { message: 'period skrivs 2025-03, 2025-Q1, 2025-T1 eller 2025' })
  period: string;
}

export class PurchasesQuery extends FilePeriodQuery {
  @ApiPropertyOptional({
    example: 'tranemo',
    description: 'Köparkommunen; en token med omfattning får sin egen kommuns fil och behöver inte ange den',
  })
  @IsOptional()
  @IsString({ message: 'buyer måste vara text' })
  @Length(1, 64, { message: 'buyer måste vara 1–64 tecken' })
  buyer?: string;
}

export class SheetQuery extends FilePeriodQuery {
  @ApiProperty({ enum: ['csv', 'xlsx'], example: 'xlsx' })
  @IsIn(['csv', 'xlsx'], { message: 'format måste vara csv eller xlsx' })
  format: 'csv' | 'xlsx';
}

export class YearToDateFileQuery {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt({ message: 'year måste vara ett heltal' })
  @Min(2000, { message: 'year måste vara ett rimligt år' })
  @Max(2999, { message: 'year måste vara ett rimligt år' })
  year: number;

  @ApiPropertyOptional({ example: '2025-Q2', description: 'Till och med perioden (utan: hela året)' })
  @IsOptional()
  @Matches(PERIOD, { message: 'through skrivs 2025-03, 2025-Q1, 2025-T1 eller 2025' })
  through?: string;

  @ApiProperty({ enum: ['csv', 'xlsx'], example: 'xlsx' })
  @IsIn(['csv', 'xlsx'], { message: 'format måste vara csv eller xlsx' })
  format: 'csv' | 'xlsx';
}

function send(response: Response, file: FileOut): StreamableFile {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  return new StreamableFile(file.body);
}

@ApiTags('Filer för ekonomi')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(
    @Inject(FinanceFilesService) private readonly files: FinanceFilesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('sie')
  @Access('read', named.ownBooks)
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      'SIE 4 (PC8) med utfärdade fakturor, kreditfakturor och interndebiteringar vars period ligger inom den angivna (2025 = hela räkenskapsåret), daterade på bokföringsdag',
  })
  async sie(
    @Query() q: FilePeriodQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.sie(q.period, actor.principal, this.clock.now()));
  }

  @Get('sie/purchases')
  @Access('read', named.buyerBooks)
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      'SIE 4 (PC8) med köparkommunens inköp från samverkan: kostnad på egna ansvarskoder, ingående moms mot leverantörsskuld, säljaren som motpart',
  })
  async purchasesSie(
    @Query() q: PurchasesQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.purchasesSie(q.period, q.buyer, actor.principal, this.clock.now()));
  }

  @Get('invoices/:id/peppol')
  @Access('read', named.invoice)
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'Peppol BIS Billing 3.0 (UBL 2.1) för en utfärdad faktura eller kreditfaktura' })
  async peppol(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.peppol(id, actor.principal));
  }

  @Get('invoices/:id/pdf')
  @Access('read', named.invoice)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Fakturan som PDF' })
  async pdf(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.pdf(id, actor.principal, this.clock.now()));
  }

  @Get('invoices')
  @Access('read', named.own)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Periodens fakturor med rader som CSV (semikolon) eller XLSX' })
  async invoices(
    @Query() q: SheetQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.invoices(q.period, q.format, actor.principal, this.clock.now()));
  }

  @Get('internal-charges')
  @Access('read', named.ownBooks)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Periodens interndebiteringar som CSV eller XLSX' })
  async internalCharges(
    @Query() q: SheetQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.internalCharges(q.period, q.format, actor.principal, this.clock.now()));
  }

  @Get('appropriation')
  @Access('read', named.ownBooks)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Anslagsrapporten som CSV eller XLSX' })
  async appropriation(
    @Query() q: SheetQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.files.appropriation(q.period, q.format, actor.principal, this.clock.now()));
  }

  @Get('year-to-date')
  @Access('read', named.ownBooks)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Året hittills per förbrukare som CSV eller XLSX' })
  async yearToDate(
    @Query() q: YearToDateFileQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.files.yearToDate(q.year, q.through, q.format, actor.principal, this.clock.now()),
    );
  }
}
