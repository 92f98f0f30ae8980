import { Body, Controller, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, OrganisationService, ResourceRef } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { CLOCK, Clock } from '../common/tokens';
import {
  CompanyDto,
  JointCommitteeDto,
  MunicipalityDto,
  ServiceFundingDto,
  UnitDto,
  UpdateUnitDto,
} from './organisation.dto';

/** A new party of a municipality: the municipality named in the body (unknown when it names none). */
const owner = (municipalityId: unknown): ResourceRef =>
  typeof municipalityId === 'string'
    ? { type: 'organisation-party', ownerMunicipalityId: municipalityId }
    : { type: 'unknown' };

@ApiTags('Organisation och avtal')
@ApiBearerAuth()
@Controller('organisation')
export class OrganisationController {
  constructor(
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('municipalities')
  @Access('manage-organisation', () => [{ type: 'organisation-party', ownerMunicipalityId: null }])
  @ApiOperation({
    summary: 'Lägg till en kommun (organisationsnummer med kontrollsiffra; momsnummer och Peppol-id härleds)',
  })
  municipality(@Body() body: MunicipalityDto, @CurrentActor() actor: Actor) {
    return this.organisation.createMunicipality(body, actor, this.clock.now());
  }

  @Post('units')
  @Access('manage-organisation', (r) => [owner(r.body.municipalityId)])
  @ApiOperation({ summary: 'Lägg till en enhet (förvaltning, sektion, nämnd); enheter kan ligga i varandra' })
  unit(@Body() body: UnitDto, @CurrentActor() actor: Actor) {
    return this.organisation.createUnit(body, actor, this.clock.now());
  }

  @Patch('units/:id')
  @Access('change-funding', named.unit)
  @ApiOperation({
    summary:
      'Ändra en enhet: namn, ansvarskod, överordnad enhet, finansieringssätt, eller avsluta den (validTo: sista dagen; debiteras inte för perioder som börjar efter)',
  })
  updateUnit(@Param('id') id: string, @Body() body: UpdateUnitDto, @CurrentActor() actor: Actor) {
    return this.organisation.updateUnit(id, body, actor, this.clock.now());
  }

  @Put('units/:id/services/:serviceId/funding')
  @Access('change-funding', named.unit)
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
  @Access('manage-organisation', (r) => [owner(r.body.ownerMunicipalityId)])
  @ApiOperation({ summary: 'Lägg till ett kommunalt bolag' })
  company(@Body() body: CompanyDto, @CurrentActor() actor: Actor) {
    return this.organisation.createCompany(body, actor, this.clock.now());
  }

  @Post('joint-committees')
  @Access('manage-organisation', (r) => [owner(r.body.hostMunicipalityId)])
  @ApiOperation({ summary: 'Lägg till en gemensam nämnd' })
  committee(@Body() body: JointCommitteeDto, @CurrentActor() actor: Actor) {
    return this.organisation.createJointCommittee(body, actor, this.clock.now());
  }
}
