import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, OnCallTariffService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { ApiPageResponse, PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';

@ApiTags('Beredskap')
@ApiBearerAuth()
@Controller('on-call/tariffs')
export class OnCallTariffsController {
  constructor(
    @Inject(OnCallTariffService) private readonly tariffs: OnCallTariffService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('set-tariff', named.shared)
  @ApiOperation({
    summary: 'Lägg in en version av beredskapstaxan',
    description:
      'Brödtexten är taxedokumentet (it-samverkan/on-call-tariff@1), valfritt med `decisionId` för beslutet som ' +
      'godkände den. Alla fel listas (400); en version per validFrom (409); alla versioner har samma tidszon.',
  })
  @ApiBody({
    schema: { type: 'object', example: { format: 'it-samverkan/on-call-tariff@1', validFrom: '2025-01-01' } },
  })
  @ApiCreatedResponse({ description: 'Taxan sparad' })
  create(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.tariffs.create(body, actor, this.clock.now());
  }

  @Get()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Lista beredskapstaxans versioner (äldst först), en sida i taget' })
  @ApiPageResponse('En sida av taxans versioner')
  list(@Query() query: PageQuery) {
    return this.tariffs.list(pageRequest(query));
  }

  @Get(':id')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Hämta en version av beredskapstaxan' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.tariffs.get(id);
  }
}
