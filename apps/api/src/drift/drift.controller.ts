import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  Actor,
  ForumImportService,
  ServiceLevelReportService,
  serviceLevelReportXlsx,
  ServiceLevelTargetsService,
} from '@it-samverkan/application';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { CLOCK, Clock } from '../common/tokens';
import { ReportQuery, ServiceLevelTargetsDto } from './drift.dto';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_RESULT =
  '{kind, rows, inserted, updated, unchanged}: nya rader, ändrade (samma id, nya värden) och oförändrade';
const ALL_OR_NOTHING =
  'Komma eller semikolon, UTF-8 med eller utan BOM. Varje felaktig rad anges med radnummer och ingenting sparas. Samma id igen ger ingen dubblett.';

@ApiTags('IT-forum drift')
@ApiBearerAuth()
@Controller('drift')
export class DriftController {
  constructor(
    @Inject(ForumImportService) private readonly imports: ForumImportService,
    @Inject(ServiceLevelReportService) private readonly reports: ServiceLevelReportService,
    @Inject(ServiceLevelTargetsService) private readonly targets: ServiceLevelTargetsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('imports/tickets')
  @Access('import-forum-data', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Läs in ärenden från ärendesystemet (CSV, allt eller inget)',
    description: `Rubrikraden id,opened,resolved,municipality,line,firstLine,ordinary; resolved tomt = öppet ärende; line 1/2/3; firstLine och ordinary ja/nej. ${ALL_OR_NOTHING} Ett ärende som ändrats sedan förra exporten (t.ex. stängts) uppdateras.`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'id;opened;resolved;municipality;line;firstLine;ordinary\nSD-1;2025-03-14 16:00;2025-03-17 10:00;tranemo;1;ja;ja',
    },
  })
  @ApiOkResponse({ description: IMPORT_RESULT })
  importTickets(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.imports.importTickets(body, actor, this.clock.now());
  }

  @Post('imports/calls')
  @Access('import-forum-data', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Läs in samtal från telefonisystemet (CSV, allt eller inget)',
    description: `Rubrikraden id,time,municipality,waitSeconds,answered; väntetid i hela sekunder, answered ja/nej. ${ALL_OR_NOTHING}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'id,time,municipality,waitSeconds,answered\nTEL-1,2025-03-14 09:12:05,ulricehamn,8,ja',
    },
  })
  @ApiOkResponse({ description: IMPORT_RESULT })
  importCalls(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.imports.importCalls(body, actor, this.clock.now());
  }

  @Post('imports/survey-answers')
  @Access('import-forum-data', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Läs in kundenkätens svar (CSV, allt eller inget)',
    description: `Rubrikraden id,ticketId,satisfied,answeredAt; ärendet måste redan vara inläst. ${ALL_OR_NOTHING}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'id,ticketId,satisfied,answeredAt\nENK-1,SD-1,ja,2025-03-18 10:00' },
  })
  @ApiOkResponse({ description: IMPORT_RESULT })
  importSurveyAnswers(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.imports.importSurveyAnswers(body, actor, this.clock.now());
  }

  @Get('targets/:year')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Ramuppdragets mål för servicenivåer ett år (registrerade eller standardmålen)' })
  getTargets(@Param('year') year: string) {
    return this.targets.get(Number(year));
  }

  @Put('targets/:year')
  @Access('set-targets', named.forum('drift'))
  @ApiOperation({
    summary: 'Registrera ett års mål för servicenivåer och supporttider',
    description:
      'Utelämnade fält får standardvärdet (första linjen 50 %, en arbetsdag 80 %, 10 s 50 %, 60 s 80 %, nöjda 90 %; 07:30–16:30 mån–fre). Ändringen loggas.',
  })
  setTargets(
    @Param('year') year: string,
    @Body() body: ServiceLevelTargetsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.targets.set(Number(year), { ...body }, actor, this.clock.now());
  }

  @Get('reports/:tertial')
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'Uppföljning av servicenivåer per tertial och kommun, mot ramuppdragets mål',
    description:
      'Tertial som 2025-T1. Andelar i procent med en decimal, täljare och nämnare, och met (true/false, null utan underlag) per mål.',
  })
  report(@Param('tertial') tertial: string, @Query() query: ReportQuery, @CurrentActor() actor: Actor) {
    return this.reports.report(tertial, { municipality: query.municipality }, actor, this.clock.now());
  }

  @Get('reports/:tertial/report.xlsx')
  @Access('read', named.shared)
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'Tertialrapporten som XLSX (svenska rubriker, Uppfyllt / Ej uppfyllt per mål)' })
  async reportXlsx(
    @Param('tertial') tertial: string,
    @Query() query: ReportQuery,
    @CurrentActor() actor: Actor,
  ) {
    const report = await this.reports.report(
      tertial,
      { municipality: query.municipality },
      actor,
      this.clock.now(),
    );
    const name = `servicenivaer-${report.tertial}${query.municipality ? `-${query.municipality}` : ''}.xlsx`;
    return new StreamableFile(await serviceLevelReportXlsx(report), {
      type: XLSX_MIME,
      disposition: `attachment; filename="${name}"`,
    });
  }

  @Get('reports/:tertial/survey-selection')
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'Enkäturvalet: vart 4:e ärende som lösts under tertialen',
    description:
      'Ärenden lösta under tertialen (alla kommuner) ordnas efter lösningstid och id; plats 4, 8, 12 … väljs. Samma data ger alltid samma urval.',
  })
  surveySelection(@Param('tertial') tertial: string, @CurrentActor() actor: Actor) {
    return this.reports.surveySelection(tertial, actor);
  }
}
