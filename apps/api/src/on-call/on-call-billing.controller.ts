import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, OnCallBillingService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { BillingQuery } from './on-call.dto';

@ApiTags('Beredskap')
@ApiBearerAuth()
@Controller('on-call/billing')
export class OnCallBillingController {
  constructor(@Inject(OnCallBillingService) private readonly billing: OnCallBillingService) {}

  @Get()
  @Access('read', named.own)
  @ApiOperation({
    summary: 'Beredskapsfakturering per förbrukare för en månad, ett kvartal eller ett år',
    description:
      'Varje ärende med minuter per klass (avrundade), fakturerbara minuter och belopp; exakta summor.',
  })
  report(@Query() query: BillingQuery, @CurrentActor() actor: Actor) {
    return this.billing.report(query.period, actor.principal.scope);
  }
}
