import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, AgreementService } from '@it-samverkan/application';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { ApiPageResponse, PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import { CooperationDto, EndAgreementDto, ServiceAgreementDto } from './agreements.dto';

@ApiTags('Organisation och avtal')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(
    @Inject(AgreementService) private readonly agreements: AgreementService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('organisation')
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Kommuner, enheter, bolag och gemensamma nämnder, en sida i taget (sida n av varje lista; totals räknar varje lista, pages och next följer den längsta)',
  })
  @ApiOkResponse({
    description: 'En sida av organisationen',
    schema: {
      type: 'object',
      properties: {
        municipalities: { type: 'array', items: { type: 'object' } },
        units: { type: 'array', items: { type: 'object' } },
        companies: { type: 'array', items: { type: 'object' } },
        jointCommittees: { type: 'array', items: { type: 'object' } },
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
        totals: {
          type: 'object',
          properties: {
            municipalities: { type: 'integer' },
            units: { type: 'integer' },
            companies: { type: 'integer' },
            jointCommittees: { type: 'integer' },
          },
        },
        pages: { type: 'integer' },
        next: { type: 'integer', nullable: true },
      },
    },
  })
  organisation(@Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.agreements.organisation(actor.principal.scope, pageRequest(query));
  }

  @Get('cooperation-agreements')
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Samverkansavtalets versioner (äldst först), en sida i taget' })
  @ApiPageResponse('En sida av avtalets versioner')
  cooperation(@Query() query: PageQuery) {
    return this.agreements.listCooperation(pageRequest(query));
  }

  @Post('cooperation-agreements')
  @Access('amend-cooperation', named.shared)
  @ApiOperation({ summary: 'Ny version av samverkansavtalet (föregående version avslutas dagen före)' })
  addCooperation(@Body() body: CooperationDto, @CurrentActor() actor: Actor) {
    return this.agreements.addCooperationVersion(body, actor, this.clock.now());
  }

  @Get('service-agreements')
  @Access('read', named.own)
  @ApiOperation({
    summary: 'Separata tjänsteavtal med bolag och gemensamma nämnder, en sida i taget',
  })
  @ApiPageResponse('En sida av tjänsteavtalen')
  list(@Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.agreements.listServiceAgreements(actor.principal.scope, pageRequest(query));
  }

  @Post('service-agreements')
  @Access('manage-agreement', (r) => [
    { type: 'agreement-party', partyKind: r.body.partyKind, partyId: r.body.partyId },
  ])
  @ApiOperation({
    summary: 'Skapa ett tjänsteavtal (prismodell, frekvens, moms, referens, betalningsvillkor, indexering)',
  })
  @ApiResponse({
    status: 409,
    description:
      'Ett annat avtal för samma part täcker redan någon av tjänsterna under samma tid (felet namnger avtalet)',
  })
  create(@Body() body: ServiceAgreementDto, @CurrentActor() actor: Actor) {
    return this.agreements.createServiceAgreement(body, actor, this.clock.now());
  }

  @Post('service-agreements/:id/end')
  @Access('manage-agreement', (r) => [{ type: 'service-agreement-id', id: r.params.id }])
  @HttpCode(200)
  @ApiOperation({ summary: 'Avsluta ett tjänsteavtal per ett datum' })
  end(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: EndAgreementDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.agreements.endServiceAgreement(id, body.validTo, actor, this.clock.now());
  }
}
