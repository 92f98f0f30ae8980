import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Actor, TokenService } from '@it-samverkan/application';
import { ROLES } from '@it-samverkan/persistence';
import { CurrentActor } from '../common/actor.decorator';
import { Roles } from '../common/roles.decorator';
import { CLOCK, Clock } from '../common/tokens';

export class CreateTokenDto {
  @ApiProperty({ example: 'Ekonomi Tranemo' })
  @IsString({ message: 'name måste vara text' })
  @Length(1, 100, { message: 'name måste vara 1–100 tecken' })
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `role måste vara en av: ${ROLES.join(', ')}` })
  role: string;

  @ApiPropertyOptional({ example: 'tranemo', description: 'Kommun-id som begränsar vilken data tokenen ser' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'scope ska vara ett kommun-id, t.ex. tranemo' })
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
@Roles('admin')
export class TokensController {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Skapa en API-token (hemligheten visas bara en gång)' })
  @ApiCreatedResponse({ description: 'Token skapad' })
  create(@Body() dto: CreateTokenDto, @CurrentActor() actor: Actor) {
    return this.tokens.create(dto, actor, this.clock.now());
  }

  @Get()
  @ApiOperation({ summary: 'Lista API-token med ägare och giltighetstid (utan hemligheter)' })
  list() {
    return this.tokens.list();
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Återkalla en token' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.tokens.revoke(id, actor, this.clock.now());
  }
}
