import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  Actor,
  computeSplit,
  costModelInputFrom,
  CostModelService,
  costModelToXlsx,
  decisionReferenceFrom,
  readChargedAmounts,
  SettlementService,
  SplitRunService,
  XLSX_MIME,
} from '@it-samverkan/application';
import type { CostModelDocument } from '@it-samverkan/domain';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import {
  ApproveCostModelDto,
  COST_MODEL_SCHEMA,
  CostModelKindQuery,
  CostModelListQuery,
  SettlementDto,
  XLSX_UPLOAD_SCHEMA,
} from './cost-model.dto';

const MODEL_BODY = {
  description: 'Modelldokumentet (JSON), {kind, document}, eller en XLSX-arbetsbok enligt mallen',
  schema: { oneOf: [COST_MODEL_SCHEMA, XLSX_UPLOAD_SCHEMA] },
};

const xlsxFile = (buffer: Buffer, name: string) =>
  new StreamableFile(buffer, { type: XLSX_MIME, disposition: `attachment; filename="${name}"` });

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('cost-models')
export class CostModelsController {
  constructor(
    @Inject(CostModelService) private readonly versions: CostModelService,
    @Inject(SplitRunService) private readonly splits: SplitRunService,
    @Inject(SettlementService) private readonly settlements: SettlementService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('template.xlsx')
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'Hämta XLSX-mallen för import av en kostnadsmodell (ett blad per avsnitt, med instruktioner)',
  })
  @ApiProduces(XLSX_MIME)
  async template() {
    return xlsxFile(await costModelToXlsx(null, this.clock.now()), 'kostnadsmodell-mall.xlsx');
  }

  @Post('split')
  @Access('compute', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fördela en modell utan att spara något: svarar med fördelningsresultatet (DOMAIN.md 5.4)',
  })
  @ApiConsumes('application/json', XLSX_MIME)
  @ApiBody(MODEL_BODY)
  @ApiOkResponse({ description: 'Dokumentet it-samverkan/split-result@1' })
  async splitStateless(@Body() body: Record<string, unknown>) {
    const input = await costModelInputFrom(body, undefined);
    return computeSplit(input.document).document;
  }

  @Post('settlement')
  @Access('preview-settlement', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Slutavräkning för ett år: debiterat mot utfall per förbrukare (slutfaktura eller kreditering)',
    description:
      'Utfall: årets senaste utfallsversion (kind actual), godkänd eller inte (actualStatus). Debiterat: charged i ' +
      'förfrågan, annars förbrukarnas andelar av årets godkända budgetmodell. Exakt på öret, med summor.',
  })
  settlement(@Body() dto: SettlementDto, @CurrentActor() actor: Actor) {
    const options = { scope: actor.principal.scope, now: this.clock.now() };
    if (dto.charged === undefined) return this.settlements.settlementFromBudget(dto.year, options);
    return this.settlements.settlementFor(dto.year, readChargedAmounts(dto.charged), options);
  }

  @Post()
  @Access('edit-model', named.shared)
  @ApiOperation({
    summary: 'Importera en modellversion (JSON eller XLSX) som utkast; valideras helt innan något sparas',
  })
  @ApiConsumes('application/json', XLSX_MIME)
  @ApiBody(MODEL_BODY)
  @ApiCreatedResponse({ description: 'Versionen sparad som utkast' })
  async importVersion(
    @Body() body: Record<string, unknown>,
    @Query() query: CostModelKindQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.versions.importVersion(await costModelInputFrom(body, query.kind), actor, this.clock.now());
  }

  @Get()
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Lista modellversioner (filter: år, budget/utfall, status)' })
  list(@Query() query: CostModelListQuery) {
    return this.versions.list(
      { year: query.year, kind: query.kind, status: query.status },
      pageRequest(query),
    );
  }

  @Get(':id')
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Hämta en modellversion med dokument och godkännande beslut' })
  @ApiParam({ name: 'id', format: 'uuid' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.versions.get(id);
  }

  @Get(':id/model.xlsx')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Exportera en modellversion som XLSX i importmallens format' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces(XLSX_MIME)
  async exportXlsx(@Param('id', new ParseUUIDPipe()) id: string) {
    const version = await this.versions.find(id);
    return xlsxFile(
      await costModelToXlsx(version.document as CostModelDocument, this.clock.now()),
      `kostnadsmodell-${version.year}-${version.kind}.xlsx`,
    );
  }

  @Put(':id')
  @Access('edit-model', named.shared)
  @ApiOperation({ summary: 'Ersätt ett utkasts dokument (409 COST_MODEL_APPROVED för en godkänd version)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiConsumes('application/json', XLSX_MIME)
  @ApiBody(MODEL_BODY)
  async replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, unknown>,
    @Query() query: CostModelKindQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.versions.replaceDocument(
      id,
      await costModelInputFrom(body, query.kind),
      actor,
      this.clock.now(),
    );
  }

  @Delete(':id')
  @Access('edit-model', named.shared)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ta bort ett utkast utan sparade fördelningskörningar (409 för en godkänd version)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Utkastet borttaget' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.versions.remove(id, actor, this.clock.now());
  }

  @Post(':id/approve')
  @Access('approve-model', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Godkänn en version genom ett beslut av IT-styrgruppen; versionen blir oföränderlig',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ApproveCostModelDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.versions.approve(id, decisionReferenceFrom(dto), actor, this.clock.now());
  }

  @Post(':id/splits')
  @Access('run-split', named.shared)
  @ApiOperation({
    summary: 'Fördela en version och spara körningen (indata, motorversion, hash, resultat och spårning)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ description: 'Körningen sparad' })
  split(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.splits.run(id, actor, this.clock.now());
  }

  @Get(':id/splits')
  @Access('read', named.shared)
  @CachedRead()
  @ApiOperation({ summary: 'Lista en versions sparade fördelningskörningar, nyast först' })
  @ApiParam({ name: 'id', format: 'uuid' })
  listSplits(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery) {
    return this.splits.listForVersion(id, pageRequest(query));
  }
}
