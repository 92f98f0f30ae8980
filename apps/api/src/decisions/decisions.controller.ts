import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, DecisionService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import { CreateDecisionDto, DecisionQuery } from './decision.dto';

@ApiTags('Beslut')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(
    @Inject(DecisionService) private readonly decisions: DecisionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('record-decision', (r) => [{ type: 'forum', forum: String(r.body.forum) }])
  @ApiOperation({
    summary: 'Registrera ett beslut (forum, datum, paragraf, ärende)',
    description:
      'Vad beslutet godkänner läggs till när ett objekt godkänns med hänvisning till beslutet ' +
      '(t.ex. POST /cost-models/{id}/approve med decisionId). Forum, år och paragraf är unika (409).',
  })
  @ApiCreatedResponse({ description: 'Beslutet registrerat' })
  create(@Body() dto: CreateDecisionDto, @CurrentActor() actor: Actor) {
    return this.decisions.create(dto, actor, this.clock.now());
  }

  @Get()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Lista beslut per år och forum, i sammanträdesordning (order=desc: nyast först)' })
  list(@Query() query: DecisionQuery) {
    return this.decisions.list(
      { year: query.year, forum: query.forum, order: query.order },
      pageRequest(query),
    );
  }

  @Get(':id')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Hämta ett beslut med det som det godkänner' })
  @ApiParam({ name: 'id', format: 'uuid' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.decisions.get(id);
  }
}
