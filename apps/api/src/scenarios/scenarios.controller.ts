import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, ScenarioService } from '@it-samverkan/application';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import { CompareScenariosDto, CreateScenarioDto } from './scenarios.dto';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('Styrgrupp: scenarier')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenariosController {
  constructor(
    @Inject(ScenarioService) private readonly scenarios: ScenarioService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('write-scenario', named.shared)
  @ApiOperation({
    summary:
      'Spara ett namngivet scenario: en basversion och ändringar; svarar med jämförelsen (basen ändras aldrig)',
  })
  @ApiCreatedResponse({ description: 'Scenariot sparat, med jämförelsen mot basen' })
  create(@Body() body: CreateScenarioDto, @CurrentActor() actor: Actor) {
    return this.scenarios.create(body, actor, this.clock.now());
  }

  @Post('preview')
  @Access('write-scenario', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Beräkna jämförelsen för ett scenario som byggs, utan att spara något (samma indata och fel som när det sparas)',
  })
  @ApiOkResponse({ description: 'it-samverkan/scenario-comparison@1 med scenarioId null' })
  preview(@Body() body: CreateScenarioDto) {
    return this.scenarios.preview(body, this.clock.now());
  }

  @Post('compare')
  // comparing saved scenarios is a read (DOMAIN.md 9: scenarios are shared within the cooperation)
  @Access('read', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Jämför flera sparade scenarier sida vid sida mot en bas (beräknas, inget sparas)',
  })
  @ApiOkResponse({ description: 'it-samverkan/scenarios-side-by-side@1' })
  compare(@Body() body: CompareScenariosDto) {
    return this.scenarios.compareMany(body, this.clock.now());
  }

  @Get()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Lista sparade scenarier, nyast först' })
  list(@Query() query: PageQuery) {
    return this.scenarios.list(pageRequest(query));
  }

  @Get(':id')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Ett sparat scenario med sina ändringar' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.scenarios.get(id);
  }

  @Get(':id/comparison')
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Scenariot mot basen per kommun, förbrukare och tjänst, med antal debiteringar och fakturor per år',
  })
  @ApiOkResponse({ description: 'it-samverkan/scenario-comparison@1' })
  comparison(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.scenarios.comparison(id, this.clock.now());
  }

  @Get(':id/comparison.xlsx')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Jämförelsen som XLSX för styrgruppens möte (Sammanfattning, Förbrukare, Tjänster, Administration)',
  })
  @ApiProduces(XLSX_TYPE)
  async comparisonXlsx(@Param('id', new ParseUUIDPipe()) id: string) {
    const file = await this.scenarios.comparisonXlsx(id, this.clock.now());
    return new StreamableFile(file.body, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Get(':id/summary.pdf')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Mötesunderlaget för IT-styrgruppen som PDF: en A4-sida, daterad, med namn, bas och scenario per kommun, pengar mellan anslag och interndebitering, debiteringar och fakturor per år och basmodellens beslut',
  })
  @ApiProduces('application/pdf')
  async summaryPdf(@Param('id', new ParseUUIDPipe()) id: string) {
    const file = await this.scenarios.summaryPdf(id, this.clock.now());
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
