import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, InvoiceService } from '@it-samverkan/application';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { Idempotent, IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ApiPageResponse, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import {
  CreditDto,
  InvoiceListQuery,
  InvoicePeriodsQuery,
  IssueDto,
  PeriodBody,
  PeriodQuery,
  SettlementBody,
  UpdateLineDto,
  YearToDateQuery,
} from './invoicing.dto';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Samma nyckel ger samma svar; annan begäran med samma nyckel ger 422',
};

/** Whose documents a period's counts are: the one rule of GET /invoices (DOMAIN.md 9). */
const SCOPED_PERIOD_STATUS =
  'Antalen räknar dokumenten i perioderna som berör perioden (som stängningen räknar dem) som läsaren får se, ' +
  'samma regel som GET /invoices: en token med omfattning (en kommun eller ett bolag) bara de dokument där den ' +
  'är utfärdare, köpare eller köparens kommun, en token utan omfattning alla. Vilka månader som är stängda gäller ' +
  'perioden, inte en parts bokföring, och visas för alla.';

const PERIOD_STATUS_SCHEMA = {
  type: 'object',
  required: ['period', 'months', 'closedMonths', 'closed', 'drafts', 'issued'],
  properties: {
    period: { type: 'string', example: '2025-Q1' },
    months: {
      type: 'array',
      items: { type: 'string', example: '2025-01' },
      description: 'Periodens månader',
    },
    closedMonths: {
      type: 'array',
      items: { type: 'string', example: '2025-01' },
      description: 'Periodens stängda månader (för alla läsare)',
    },
    closed: { type: 'boolean', description: 'Alla periodens månader är stängda' },
    drafts: { type: 'integer', description: 'Utkast som läsaren får se' },
    issued: { type: 'integer', description: 'Utfärdade fakturor och kreditfakturor som läsaren får se' },
  },
};

@ApiTags('Fakturering')
@ApiBearerAuth()
@Controller()
@UseInterceptors(IdempotencyInterceptor)
export class InvoicingController {
  constructor(
    @Inject(InvoiceService) private readonly invoices: InvoiceService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('invoice-runs')
  @Access('run-invoices', named.invoicing)
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary:
      'Kör en period: utkast till externa fakturor och interndebiteringar (upprepad körning skapar inget två gånger)',
  })
  run(@Body() body: PeriodBody, @CurrentActor() actor: Actor) {
    return this.invoices.run(body.period, actor, this.clock.now());
  }

  @Post('invoice-runs/settlement')
  @Access('run-invoices', named.invoicing)
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary: 'Slutavräkning efter årets slut: debiterat mot utfall per förbrukare, bokat i en öppen period',
  })
  settle(@Body() body: SettlementBody, @CurrentActor() actor: Actor) {
    return this.invoices.settle(body.year, body.period, actor, this.clock.now());
  }

  @Get('invoices')
  @CachedRead()
  @Access('read', named.own)
  @ApiOperation({
    summary:
      'Lista fakturor och kreditfakturor vars period ligger inom den angivna (2025 omfattar årets månader, kvartal och tertial); notes säger var längre perioder som överlappar finns. En token med omfattning ser bara sin kommuns',
  })
  list(@Query() query: InvoiceListQuery, @CurrentActor() actor: Actor) {
    return this.invoices.list(
      { period: query.period, status: query.status, kind: query.kind, buyerId: query.buyerId },
      pageRequest(query),
      actor.principal,
    );
  }

  // before invoices/:id, whose ParseUUIDPipe would refuse "periods"
  @Get('invoices/periods')
  @CachedRead()
  @Access('read', named.own)
  @ApiOperation({
    summary:
      'Perioder med fakturor eller kreditfakturor, senaste först: antal utkast, utfärdade fakturor och kreditfakturor, utfärdat och krediterat belopp inklusive moms, och om perioden är stängd. En token med omfattning ser bara perioder och antal för sina egna',
    description:
      'Senaste först: den period som slutar senast, och av perioder som slutar samma dag den kortaste ' +
      '(2025-12, 2025-Q4, 2025-T3, 2025, 2025-11 …). Varje dokument räknas i sin egen period, inte i ' +
      'perioder som överlappar den (GET /periods/{period} räknar så inför stängning).',
  })
  @ApiPageResponse('En sida perioder', {
    type: 'object',
    required: ['period', 'drafts', 'issued', 'creditNotes', 'issuedTotal', 'creditedTotal', 'closed'],
    properties: {
      period: { type: 'string', example: '2025-Q1' },
      drafts: { type: 'integer', description: 'Utkast' },
      issued: { type: 'integer', description: 'Utfärdade fakturor' },
      creditNotes: { type: 'integer', description: 'Kreditfakturor' },
      issuedTotal: {
        type: 'string',
        example: '12500.00',
        description: 'Utfärdade fakturor, kronor inklusive moms',
      },
      creditedTotal: {
        type: 'string',
        example: '125.00',
        description: 'Kreditfakturor, kronor inklusive moms',
      },
      closed: { type: 'boolean', description: 'Alla periodens månader är stängda' },
    },
  })
  periods(@Query() query: InvoicePeriodsQuery, @CurrentActor() actor: Actor) {
    return this.invoices.periods({ year: query.year }, pageRequest(query), actor.principal);
  }

  @Get('invoices/:id')
  @CachedRead()
  @Access('read', named.invoice)
  @ApiOperation({ summary: 'En faktura med rader och moms per sats' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.invoices.get(id, actor.principal);
  }

  @Patch('invoices/:id/lines/:lineId')
  @Access('edit-draft', named.invoice)
  @ApiOperation({
    summary: 'Ändra en rad på ett utkast',
    description:
      'Antal, à-pris och beskrivning kan ändras; nettot blir antal × à-pris avrundat till öre. En minskning skrivs som negativt antal (à-priset är aldrig negativt).',
  })
  updateLine(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('lineId', new ParseUUIDPipe()) lineId: string,
    @Body() body: UpdateLineDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.invoices.updateDraftLine(id, lineId, body, actor, this.clock.now());
  }

  @Delete('invoices/:id/lines/:lineId')
  @Access('edit-draft', named.invoice)
  @ApiOperation({ summary: 'Ta bort en rad från ett utkast' })
  removeLine(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('lineId', new ParseUUIDPipe()) lineId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.invoices.removeDraftLine(id, lineId, actor, this.clock.now());
  }

  @Post('invoices/:id/issue')
  @Access('issue-invoice', named.invoice)
  @HttpCode(200)
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary:
      'Utfärda ett utkast: nästa nummer i utfärdarens serie, utan lucka eller dubblett; fakturadatum kan anges, bokföringsdag följer av det och perioden',
  })
  issue(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: IssueDto, @CurrentActor() actor: Actor) {
    return this.invoices.issue(id, actor, this.clock.now(), { invoiceDate: body.invoiceDate });
  }

  @Post('invoices/:id/credit')
  @Access('credit-invoice', named.invoice)
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary:
      'Kreditera en utfärdad faktura (aldrig mer än fakturans belopp); kreditfakturan hör till månaden för sitt eget fakturadatum, som måste vara öppen',
  })
  credit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreditDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.invoices.credit(id, body, actor, this.clock.now());
  }

  @Get('periods')
  @Access('read', named.own)
  @CachedRead()
  @ApiOperation({
    summary:
      'Perioder med dokument som ännu inte är stängda, äldst först, med läge (som GET /periods/{period}). En token med omfattning ser bara perioder och antal för sina egna dokument',
    description:
      'Det startsidan visar: perioder med utkast att utfärda och utfärdade perioder att stänga. ' +
      'Stängda perioder visas inte, hur många år som än finns. ' +
      SCOPED_PERIOD_STATUS,
  })
  @ApiOkResponse({
    description: 'De öppna perioderna, äldst först',
    schema: { type: 'array', items: PERIOD_STATUS_SCHEMA },
  })
  open(@CurrentActor() actor: Actor) {
    return this.invoices.openPeriods(actor.principal);
  }

  @Get('periods/:period')
  @Access('read', named.own)
  @ApiOperation({
    summary:
      'En periods läge: stängda månader, om hela perioden är stängd, och antal utkast och utfärdade dokument i den. En token med omfattning räknar bara sina egna dokument',
    description: SCOPED_PERIOD_STATUS,
  })
  @ApiOkResponse({ description: 'Periodens läge', schema: PERIOD_STATUS_SCHEMA })
  status(@Param() params: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.invoices.periodStatus(params.period, actor.principal);
  }

  @Post('periods/:period/close')
  @Access('close-period', named.invoicing)
  @HttpCode(200)
  @ApiOperation({ summary: 'Stäng en period: inga nya utkast, ärenden eller volymer i den' })
  close(@Param() params: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.invoices.close(params.period, actor, this.clock.now());
  }

  @Post('periods/:period/reopen')
  @Access('reopen-period', named.invoicing)
  @HttpCode(200)
  @ApiOperation({ summary: 'Öppna en stängd period igen (endast admin, loggas)' })
  reopen(@Param() params: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.invoices.reopen(params.period, actor, this.clock.now());
  }

  @Get('reports/internal-charges')
  @Access('read', named.ownBooks)
  @ApiOperation({
    summary:
      'Interndebiteringar vars period ligger inom den angivna (överföringar mellan enheter, utan moms); notes nämner längre överlappande perioder',
  })
  internalCharges(@Query() query: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.invoices.internalCharges(query.period, actor.principal);
  }

  @Get('reports/appropriation')
  @Access('read', named.ownBooks)
  @ApiOperation({ summary: 'Anslagsrapport: andelar som det centrala anslaget ska täcka' })
  appropriation(@Query() query: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.invoices.appropriationReport(query.period, actor.principal);
  }

  @Get('reports/year-to-date')
  @Access('read', named.ownBooks)
  @ApiOperation({
    summary:
      'Året hittills per förbrukare: årsandel enligt den godkända budgetmodellen, debiterat hittills (utfärdade fakturarader och interndebiteringar minus krediteringar), kvar och andel i procent, summerat per kommun',
  })
  yearToDate(@Query() query: YearToDateQuery, @CurrentActor() actor: Actor) {
    return this.invoices.yearToDate(query.year, query.through, actor.principal);
  }
}
