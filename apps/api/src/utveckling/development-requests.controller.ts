import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, DevelopmentHoursService, DevelopmentRequestService } from '@it-samverkan/application';
import { DomainError } from '@it-samverkan/domain';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import {
  CreateDevelopmentRequestDto,
  DevelopmentRequestQuery,
  ReportHoursDto,
  StatusChangeDto,
  UpdateDevelopmentRequestDto,
} from './utveckling.dto';

/** An id that is not a UUID names no request: 404 like any unknown id. */
const uuid = () =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('DEVELOPMENT_REQUEST_NOT_FOUND', 'Utvecklingsärendet finns inte', 'not-found'),
  });

@ApiTags('IT-forum utveckling')
@ApiBearerAuth()
@Controller('utveckling/requests')
export class DevelopmentRequestsController {
  constructor(
    @Inject(DevelopmentRequestService) private readonly requests: DevelopmentRequestService,
    @Inject(DevelopmentHoursService) private readonly hours: DevelopmentHoursService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('register-development', (r) => [{ type: 'development-unit', unitId: r.body.unitId }])
  @ApiOperation({ summary: 'Registrera ett utvecklingsärende från en enhet (status Mottaget)' })
  @ApiCreatedResponse({ description: 'Ärendet registrerat' })
  create(@Body() dto: CreateDevelopmentRequestDto, @CurrentActor() actor: Actor) {
    return this.requests.create(dto, actor, this.clock.now());
  }

  @Get()
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'Lista utvecklingsärenden, eller ett mötes lista med meetingDate',
    description:
      'Med meetingDate: mottagna och prioriterade ärenden registrerade senast den dagen, och ärenden som beslutats eller avslagits genom beslut den dagen av IT-forum utveckling (eller IT-styrgruppen).',
  })
  list(@Query() query: DevelopmentRequestQuery, @CurrentActor() actor: Actor) {
    return this.requests.list(
      { status: query.status, meetingDate: query.meetingDate, unitId: query.unitId },
      actor,
      pageRequest(query),
    );
  }

  @Get(':id')
  @Access('read', named.developmentRequest)
  @ApiOperation({ summary: 'Ett utvecklingsärende med status, beslut och rapporterad tid' })
  get(@Param('id', uuid()) id: string, @CurrentActor() actor: Actor) {
    return this.requests.get(id, actor);
  }

  @Patch(':id')
  @Access('register-development', named.developmentRequest)
  @ApiOperation({ summary: 'Ändra rubrik, behov, uppskattning eller finansiering innan forumet beslutat' })
  update(
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateDevelopmentRequestDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.requests.update(id, dto, actor, this.clock.now());
  }

  @Post(':id/status')
  @Access('decide-development', named.developmentRequest)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Flytta ärendet till nästa status',
    description:
      'Mottaget → prioriterat → beslutat → pågående → klart; avslag från mottaget, prioriterat eller beslutat. Beslut och avslag kräver decisionId. Otillåten ändring ger 409 INVALID_TRANSITION.',
  })
  changeStatus(@Param('id', uuid()) id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: Actor) {
    return this.requests.changeStatus(id, dto, actor, this.clock.now());
  }

  @Post(':id/hours')
  @Access('report-development-hours', named.developmentRequest)
  @ApiOperation({
    summary: 'Rapportera arbetad tid på ett tilläggsuppdrag',
    description:
      'Bara på pågående eller klara ärenden med finansiering additional. Tiden debiteras i rapportdagens månad, eller första öppna månad om den är stängd (latePeriodFrom).',
  })
  @ApiCreatedResponse({ description: 'Tiden rapporterad' })
  reportHours(@Param('id', uuid()) id: string, @Body() dto: ReportHoursDto, @CurrentActor() actor: Actor) {
    return this.hours.report(id, dto, actor, this.clock.now());
  }

  @Get(':id/hours')
  @Access('read', named.developmentRequest)
  @ApiOperation({ summary: 'Rapporterad tid på ett utvecklingsärende' })
  listHours(@Param('id', uuid()) id: string, @CurrentActor() actor: Actor) {
    return this.hours.list(id, actor);
  }
}
