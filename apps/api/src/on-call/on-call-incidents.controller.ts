import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, OnCallIncidentService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import { CreateIncidentDto, IncidentQuery } from './on-call.dto';

@ApiTags('Beredskap')
@ApiBearerAuth()
@Controller('on-call/incidents')
export class OnCallIncidentsController {
  constructor(
    @Inject(OnCallIncidentService) private readonly incidents: OnCallIncidentService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('record-incident', named.shared)
  @ApiOperation({
    summary: 'Registrera och fakturera ett beredskapsärende',
    description:
      'Faktureras direkt med taxan som gäller på startdagen, i startens månad (eller första öppna månad om den är ' +
      'stängd: då anger `latePeriodFrom` den stängda månaden). Ett id som redan finns ger 409.',
  })
  @ApiCreatedResponse({ description: 'Ärendet sparat och fakturerat' })
  create(@Body() dto: CreateIncidentDto, @CurrentActor() actor: Actor) {
    return this.incidents.record(dto, actor, this.clock.now());
  }

  @Post('import')
  @Access('record-incident', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Läs in beredskapsärenden från CSV (allt eller inget)',
    description:
      'CSV med rubrikraden id,start,end,consumer,system,description; komma eller semikolon, UTF-8 med eller utan BOM. ' +
      'Varje felaktig rad anges med radnummer och ingenting sparas. Ett id som redan finns hoppas över (`skipped`).',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'id;start;end;consumer;system;description\nINC-1;2025-03-11 16:00;2025-03-11 16:50;ulr-bou;Skolplattform;Schemat visas inte',
    },
  })
  @ApiOkResponse({ description: '{imported, skipped, incidents}' })
  import(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.incidents.importCsv(body, actor, this.clock.now());
  }

  @Get()
  @Access('read', named.own)
  @ApiOperation({ summary: 'Lista beredskapsärenden per period och förbrukare' })
  list(@Query() query: IncidentQuery, @CurrentActor() actor: Actor) {
    return this.incidents.list({ period: query.period, consumer: query.consumer }, actor, pageRequest(query));
  }

  @Get(':id')
  @Access('read', named.incident)
  @ApiOperation({ summary: 'Hämta ett beredskapsärende med dess fakturering' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.incidents.get(id, actor);
  }
}
