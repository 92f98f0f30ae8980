import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
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
  @ApiOperation({ summary: 'Lista API-token (utan hemligheter)' })
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
