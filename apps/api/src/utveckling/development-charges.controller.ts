import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, DevelopmentHoursService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { ChargeInputsQuery } from './utveckling.dto';

@ApiTags('IT-forum utveckling')
@ApiBearerAuth()
@Controller('utveckling/charge-inputs')
export class DevelopmentChargesController {
  constructor(@Inject(DevelopmentHoursService) private readonly hours: DevelopmentHoursService) {}

  @Get()
  @Access('read', named.own)
  @ApiOperation({
    summary: 'Debiterbar utvecklingstid en månad: underlaget faktureringen prissätter med avtalets timpris',
    description:
      'En rad per tidrapport på tilläggsuppdrag (sourceKey development:<id>); ramuppdragets ärenden debiteras aldrig.',
  })
  list(@Query() query: ChargeInputsQuery, @CurrentActor() actor: Actor) {
    return this.hours.chargeInputs(query.month, actor);
  }
}
