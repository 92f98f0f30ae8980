import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessService,
  Actor,
  assertScopeNamesParty,
  grantResource,
  pageList,
  PersonService,
  ResourceRef,
} from '@it-samverkan/application';
import { DataSource } from 'typeorm';
import { CurrentActor } from '../common/actor.decorator';
import { Access, AccessRequestView, named } from '../common/access.decorator';
import { ApiPageResponse, PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock, DATA_SOURCE } from '../common/tokens';
import { CreatePersonDto, SetPasswordDto } from './auth.dto';

/** A person's account is a grant: administered inside the administrator's scope. */
const person = (r: AccessRequestView): ResourceRef[] => [{ type: 'person-id', id: r.params.id }];

@ApiTags('Behörighet')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('persons')
export class PersonsController {
  constructor(
    @Inject(PersonService) private readonly persons: PersonService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('manage-grant', (r) => [{ type: 'new-grant', role: r.body.role, scope: r.body.scope }])
  @ApiOperation({ summary: 'Skapa en person (personligt konto med roll och omfattning)' })
  @ApiCreatedResponse({ description: 'Personen skapad' })
  async create(@Body() dto: CreatePersonDto, @CurrentActor() actor: Actor) {
    await assertScopeNamesParty(this.dataSource, dto.scope);
    return this.persons.create(dto, actor, this.clock.now());
  }

  @Get()
  @Access('manage-grant', named.own)
  @ApiOperation({
    summary:
      'Lista personer (utan lösenord, efter användarnamn), en sida i taget; en administratör med omfattning ser omfattningens',
  })
  @ApiPageResponse('En sida av personerna')
  async list(@Query() query: PageQuery, @CurrentActor() actor: Actor) {
    // the one access policy decides per grant, so the visible persons are paged after it
    const visible = await this.access.filter(
      actor.principal,
      'manage-grant',
      await this.persons.list(),
      (p, directory) => grantResource(p.role, p.scope, directory),
    );
    return pageList(visible, pageRequest(query));
  }

  @Post(':id/deactivate')
  @Access('manage-grant', person)
  @HttpCode(200)
  @ApiOperation({ summary: 'Inaktivera en person: sessionerna avslutas och personens token slutar gälla' })
  deactivate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.persons.deactivate(id, actor, this.clock.now());
  }

  @Put(':id/password')
  @Access('manage-grant', person)
  @ApiOperation({ summary: 'Sätt ett nytt lösenord; personens öppna sessioner avslutas' })
  setPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SetPasswordDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.persons.setPassword(id, dto.password, actor, this.clock.now());
  }
}
