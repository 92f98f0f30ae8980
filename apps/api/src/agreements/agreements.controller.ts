import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, AgreementService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
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
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Kommuner, enheter, bolag och gemensamma nämnder' })
  organisation(@CurrentActor() actor: Actor) {
    return this.agreements.organisation(actor.principal.scope);
  }

  @Get('cooperation-agreements')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Samverkansavtalets versioner' })
  cooperation() {
    return this.agreements.listCooperation();
  }

  @Post('cooperation-agreements')
  @Access('amend-cooperation', named.shared)
  @ApiOperation({ summary: 'Ny version av samverkansavtalet (föregående version avslutas dagen före)' })
  addCooperation(@Body() body: CooperationDto, @CurrentActor() actor: Actor) {
    return this.agreements.addCooperationVersion(body, actor, this.clock.now());
  }

  @Get('service-agreements')
  @Access('read', named.own)
  @ApiOperation({ summary: 'Separata tjänsteavtal med bolag och gemensamma nämnder' })
  list(@CurrentActor() actor: Actor) {
    return this.agreements.listServiceAgreements(actor.principal.scope);
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
