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
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, RegisterImportService, RegisterMappingService, XLSX_MIME } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { ApiPageResponse, PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock } from '../common/tokens';
import { RegisterImportQuery, RegisterMappingDto } from './registers.dto';

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('register-mappings')
export class RegisterMappingsController {
  constructor(
    @Inject(RegisterMappingService) private readonly mappings: RegisterMappingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('edit-model', named.shared)
  @ApiOperation({
    summary: 'Spara en registermappning (ansvar, förvaltning eller kostnadsställe → förbrukare)',
  })
  @ApiCreatedResponse({ description: 'Mappningen sparad' })
  create(@Body() dto: RegisterMappingDto, @CurrentActor() actor: Actor) {
    return this.mappings.create(dto, actor, this.clock.now());
  }

  @Get()
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Lista registermappningarna (efter namn), en sida i taget' })
  @ApiPageResponse('En sida av registermappningarna')
  list(@Query() query: PageQuery) {
    return this.mappings.list(pageRequest(query));
  }

  @Get(':id')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Hämta en registermappning' })
  @ApiParam({ name: 'id', format: 'uuid' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.mappings.get(id);
  }

  @Put(':id')
  @Access('edit-model', named.shared)
  @ApiOperation({
    summary: 'Ersätt en registermappnings namn och regler (tidigare importer behåller sin kopia)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RegisterMappingDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.mappings.replace(id, dto, actor, this.clock.now());
  }
}

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('cost-models')
export class RegisterImportsController {
  constructor(
    @Inject(RegisterImportService) private readonly imports: RegisterImportService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/register-imports')
  @Access('edit-model', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Läs in ett register (datorer, konton, licenser) som en nyckels volymer i ett utkast',
    description:
      'Kroppen är registret som CSV (semikolon eller komma) eller XLSX (första bladet). Raderna räknas genom ' +
      'mappningen till volymer per förbrukare; rader som inte räknas listas med radnummer, värde och orsak. En fil ' +
      'som inte går att läsa avvisas helt med varje problem på sin rad. En godkänd version avvisas (409). ' +
      'dryRun=true räknar utan att spara.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiConsumes('text/csv', XLSX_MIME)
  @ApiBody({ schema: { type: 'string', example: 'Serienummer;Kommun;Ansvar\nPC-0001;Ulricehamn;3000' } })
  @ApiOkResponse({ description: 'Räkningen: volymer, rader utan förbrukare, ögonblicksbildens datum' })
  importRegister(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: RegisterImportQuery,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ) {
    return this.imports.importRegister(id, query, body, actor, this.clock.now());
  }

  @Get(':id/register-imports')
  @Access('read', named.shared)
  @ApiOperation({
    summary: 'Registerimporterna till en version, nyast först (varifrån varje nyckels volymer kommer)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiPageResponse('En sida av versionens registerimporter, nyast först')
  list(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery) {
    return this.imports.listForVersion(id, pageRequest(query));
  }
}
