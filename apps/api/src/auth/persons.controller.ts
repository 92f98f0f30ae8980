import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PersonService } from '@it-samverkan/application';
import { CurrentActor } from '../common/actor.decorator';
import { Roles } from '../common/roles.decorator';
import { CLOCK, Clock } from '../common/tokens';
import { CreatePersonDto, SetPasswordDto } from './auth.dto';

@ApiTags('Behörighet')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('persons')
@Roles('admin')
export class PersonsController {
  constructor(
    @Inject(PersonService) private readonly persons: PersonService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Skapa en person (personligt konto med roll och omfattning)' })
  @ApiCreatedResponse({ description: 'Personen skapad' })
  create(@Body() dto: CreatePersonDto, @CurrentActor() actor: Actor) {
    return this.persons.create(dto, actor, this.clock.now());
  }

  @Get()
  @ApiOperation({ summary: 'Lista personer (utan lösenord)' })
  list() {
    return this.persons.list();
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Inaktivera en person: sessionerna avslutas och personens token slutar gälla' })
  deactivate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.persons.deactivate(id, actor, this.clock.now());
  }

  @Put(':id/password')
  @ApiOperation({ summary: 'Sätt ett nytt lösenord; personens öppna sessioner avslutas' })
  setPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SetPasswordDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.persons.setPassword(id, dto.password, actor, this.clock.now());
  }
}
