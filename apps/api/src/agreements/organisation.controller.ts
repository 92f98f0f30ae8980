import { Body, Controller, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, OrganisationService } from '@it-samverkan/application';
import { CurrentActor } from '../common/actor.decorator';
import { Roles } from '../common/roles.decorator';
import { CLOCK, Clock } from '../common/tokens';
import {
  CompanyDto,
  JointCommitteeDto,
  MunicipalityDto,
  ServiceFundingDto,
  UnitDto,
  UpdateUnitDto,
} from './organisation.dto';

@ApiTags('Organisation och avtal')
@ApiBearerAuth()
@Controller('organisation')
export class OrganisationController {
  constructor(
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('municipalities')
  @ApiOperation({
    summary: 'Lägg till en kommun (organisationsnummer med kontrollsiffra; momsnummer och Peppol-id härleds)',
  })
  municipality(@Body() body: MunicipalityDto, @CurrentActor() actor: Actor) {
    return this.organisation.createMunicipality(body, actor, this.clock.now());
  }

  @Post('units')
  @ApiOperation({ summary: 'Lägg till en enhet (förvaltning, sektion, nämnd); enheter kan ligga i varandra' })
  unit(@Body() body: UnitDto, @CurrentActor() actor: Actor) {
    return this.organisation.createUnit(body, actor, this.clock.now());
  }

  @Patch('units/:id')
  @Roles('finance')
  @ApiOperation({
    summary:
      'Ändra en enhet: namn, ansvarskod, överordnad enhet, finansieringssätt, eller avsluta den (validTo: sista dagen; debiteras inte för perioder som börjar efter)',
  })
  updateUnit(@Param('id') id: string, @Body() body: UpdateUnitDto, @CurrentActor() actor: Actor) {
    return this.organisation.updateUnit(id, body, actor, this.clock.now());
  }

  @Put('units/:id/services/:serviceId/funding')
  @Roles('finance')
  @ApiOperation({
    summary: 'Finansieringssätt för en tjänst hos en egen enhet (anslag eller interndebitering)',
  })
  serviceFunding(
    @Param('id') id: string,
    @Param('serviceId') serviceId: string,
    @Body() body: ServiceFundingDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.organisation.setServiceFunding(
      id,
      serviceId,
      body.fundingMode ?? null,
      actor,
      this.clock.now(),
    );
  }

  @Post('companies')
  @ApiOperation({ summary: 'Lägg till ett kommunalt bolag' })
  company(@Body() body: CompanyDto, @CurrentActor() actor: Actor) {
    return this.organisation.createCompany(body, actor, this.clock.now());
  }

  @Post('joint-committees')
  @ApiOperation({ summary: 'Lägg till en gemensam nämnd' })
  committee(@Body() body: JointCommitteeDto, @CurrentActor() actor: Actor) {
    return this.organisation.createJointCommittee(body, actor, this.clock.now());
  }
}
