import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  AccessService,
  Actor,
  assertScopeNamesParty,
  grantResource,
  pageList,
  TokenService,
} from '@it-samverkan/application';
import { ROLES } from '@it-samverkan/persistence';
import { Access, named } from '../common/access.decorator';
import { CurrentActor } from '../common/actor.decorator';
import { ApiPageResponse, PageQuery, pageRequest } from '../common/pagination.dto';
import { CLOCK, Clock, DATA_SOURCE } from '../common/tokens';
import { DataSource } from 'typeorm';

export class CreateTokenDto {
  @ApiProperty({ example: 'Ekonomi Tranemo' })
  @IsString({ message: 'name måste vara text' })
  @Length(1, 100, { message: 'name måste vara 1–100 tecken' })
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `role måste vara en av: ${ROLES.join(', ')}` })
  role: string;

  @ApiPropertyOptional({
    example: 'tranemo',
    description: 'En kommuns eller ett bolags id som begränsar vad tokenen ser och får göra',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'scope ska vara en kommuns eller ett bolags id, t.ex. tranemo' })
  scope?: string;

  @ApiPropertyOptional({
    example: 'anna.lind',
    description: 'Personen som äger tokenen (revisionsloggen nämner henne)',
  })
  @IsOptional()
  @IsString({ message: 'ownerUsername måste vara text' })
  @Length(2, 100, { message: 'ownerUsername måste vara 2–100 tecken' })
  ownerUsername?: string;

  @ApiPropertyOptional({
    example: 'ekonomisystemet',
    description: 'Systemet som äger tokenen när ingen person gör det (standard: tokenens namn)',
  })
  @IsOptional()
  @IsString({ message: 'ownerSystem måste vara text' })
  @Length(1, 100, { message: 'ownerSystem måste vara 1–100 tecken' })
  ownerSystem?: string;

  @ApiPropertyOptional({
    example: '2026-12-31T23:00:00Z',
    description: 'Efter denna tidpunkt avvisas tokenen (401)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt måste vara en ISO 8601-tid' })
  expiresAt?: string;
}

@ApiTags('Behörighet')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('manage-grant', (r) => [{ type: 'new-grant', role: r.body.role, scope: r.body.scope }])
  @ApiOperation({ summary: 'Skapa en API-token (hemligheten visas bara en gång)' })
  @ApiCreatedResponse({ description: 'Token skapad' })
  async create(@Body() dto: CreateTokenDto, @CurrentActor() actor: Actor) {
    await assertScopeNamesParty(this.dataSource, dto.scope);
    return this.tokens.create(dto, actor, this.clock.now());
  }

  @Get()
  @Access('manage-grant', named.own)
  @ApiOperation({
    summary:
      'Lista API-token med ägare och giltighetstid (utan hemligheter, äldst först), en sida i taget; en administratör med omfattning ser omfattningens',
  })
  @ApiPageResponse('En sida av token')
  async list(@Query() query: PageQuery, @CurrentActor() actor: Actor) {
    // the one access policy decides per grant, so the visible token are paged after it
    const visible = await this.access.filter(
      actor.principal,
      'manage-grant',
      await this.tokens.list(),
      (t, directory) => grantResource(t.role, t.scope, directory),
    );
    return pageList(visible, pageRequest(query));
  }

  @Post(':id/revoke')
  @Access('manage-grant', (r) => [{ type: 'token-id', id: r.params.id }])
  @HttpCode(200)
  @ApiOperation({ summary: 'Återkalla en token' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.tokens.revoke(id, actor, this.clock.now());
  }
}
