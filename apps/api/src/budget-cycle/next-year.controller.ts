import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, BudgetVersusActualService, NextYearService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { CLOCK, Clock } from '../common/tokens';
import { NextYearDto } from './budget-cycle.dto';
import { BUDGET_VS_ACTUAL_SCHEMA } from './budget-vs-actual.schema';

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('cost-models')
export class NextYearController {
  constructor(
    @Inject(NextYearService) private readonly nextYear: NextYearService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/next-year')
  @Access('edit-model', named.shared)
  @ApiOperation({
    summary: 'Utkast till nästa års budget från en godkänd version, med index per pool',
    description:
      'Poolernas indexerade belopp: exakt belopp × (1 + index/100); totalen avrundas halvt uppåt till öre och fördelas ' +
      'över poolerna enligt 5.2 med de exakta beloppen som vikter, så att summan håller. Förbrukare, nycklar, tjänster ' +
      'och volymer förs över. Svarar med utkastet och vad som ändrats mot förra året.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Den godkända versionen (i år)' })
  @ApiCreatedResponse({ description: '{version, against, indices, changes}' })
  draft(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: NextYearDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.nextYear.draftNextYear(id, dto, actor, this.clock.now());
  }

  @Get(':id/changes')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Vad som ändrats mot förra året: per pool, à-pris per tjänst, per förbrukare (SEK och %) och volymer per nyckel',
    description:
      'Jämförs med versionen utkastet gjordes från, annars med förra årets godkända budget. volumes: per ' +
      'fördelningsnyckel dess totala volym och varje förbrukares volym förra året och nu, ändringen och procent ' +
      '(exakta decimaltal; 0 där förbrukaren finns men saknar volym, null där nyckeln eller förbrukaren saknas).',
  })
  @ApiOkResponse({
    description: '{version, against, indices, changes: {total, pools, services, consumers, volumes}}',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  changes(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.nextYear.changes(id);
  }
}

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('reports')
export class BudgetVersusActualController {
  constructor(@Inject(BudgetVersusActualService) private readonly reports: BudgetVersusActualService) {}

  @Get('budget-vs-actual')
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'Budget mot utfall år för år: per tjänst, förbrukare och kommun, med debiterat och slutavräknat',
    description:
      'Budget och utfall kommer från årens modeller (delas inom samverkan): den senast godkända versionen, annars det ' +
      'senaste utkastet (budgetModel.status och actualModel.status säger vilket; ett år vars budget inte är godkänd ' +
      'visar utkastets siffror). Debiterat (fakturerat och internt debiterat) ' +
      'och slutavräknat följer fakturornas sekretess: värdkommunen ser allt, en samverkanspart bara sina egna förbrukare ' +
      '(övriga null, och summorna räknar bara det som syns). null betyder att det inte finns något att visa, aldrig noll: ' +
      'ett år utan budgetmodell har budget null och ett år utan utfallsmodell utfall null (inte 0.00); debiterat och ' +
      'avräknat är null tills något har debiterats eller slutavräknats för året bland det läsaren får se.',
  })
  @ApiOkResponse({ description: 'Budget mot utfall per år', schema: BUDGET_VS_ACTUAL_SCHEMA })
  budgetVersusActual(@CurrentActor() actor: Actor) {
    return this.reports.report(actor.principal);
  }
}
