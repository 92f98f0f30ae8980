import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, LedgerImportService } from '@it-samverkan/application';
import { ValidationError } from '@it-samverkan/domain';
import { LEDGER_CSV_HELP } from '@it-samverkan/files';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { ApiPageResponse, PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import { LedgerImportQuery } from './ledger-import.dto';

/** The bytes of an upload: raw (octet-stream) or text (text/csv); anything else is refused. */
function uploaded(body: unknown): Buffer | string {
  if (Buffer.isBuffer(body) || typeof body === 'string') return body;
  throw new ValidationError(
    [
      {
        path: 'file',
        message:
          'Skicka filen som application/octet-stream (SIE 4 eller CSV) eller text/csv, med format och fileName i frågan',
      },
    ],
    'Innehållstypen stöds inte',
    'UNSUPPORTED_CONTENT',
  );
}

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('cost-models/:id')
export class LedgerImportsController {
  constructor(
    @Inject(LedgerImportService) private readonly imports: LedgerImportService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('ledger-imports')
  @Access('edit-model', named.shared)
  @ApiOperation({
    summary:
      'Importera huvudboken (SIE 4 eller CSV) till ett utkast: sätter poolernas belopp enligt kontomappningen',
    description:
      'Versionens ledgerMapping avgör vilka rader som hör till vilken pool. Svaret stämmer av exakt: poolernas summa = ' +
      'mappad summa, mappad + omappad = summan inom omfattningen; varje omappat belopp listas med konto och objekt. ' +
      'En fil som inte kan läsas avvisas helt med varje fel och dess rad (400); en godkänd version ger 409 ' +
      'COST_MODEL_APPROVED; en version utan kontomappning 422 LEDGER_MAPPING_MISSING. SIE 4: PC8, #KSUMMA kontrolleras ' +
      'när den finns. CSV: ' +
      LEDGER_CSV_HELP,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiConsumes('application/octet-stream', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ description: 'Importen med avstämning, poolernas källor och omappade belopp' })
  create(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: LedgerImportQuery,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ) {
    return this.imports.importLedger(
      { modelVersionId: id, format: query.format, fileName: query.fileName ?? '', content: uploaded(body) },
      actor,
      this.clock.now(),
    );
  }

  @Get('ledger-imports')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Versionens huvudboksimporter, senaste först (fil, hash, när, vem, summor)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiPageResponse('En sida av versionens huvudboksimporter, senaste först')
  list(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery) {
    return this.imports.list(id, pageRequest(query));
  }

  @Get('ledger-imports/:importId')
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'En huvudboksimport med avstämning, poolernas konton och verifikationer och omappade belopp',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'importId', format: 'uuid' })
  get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('importId', new ParseUUIDPipe()) importId: string,
  ) {
    return this.imports.get(id, importId);
  }

  @Get('pool-sources')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Huvudbokens konton och verifikationer bakom varje pool (senaste importen; tom lista utan import)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({
    description: '[{ poolId, accounts: [{ account, accountName, objects, amount, vouchers }] }]',
  })
  poolSources(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.imports.poolSources(id);
  }
}
