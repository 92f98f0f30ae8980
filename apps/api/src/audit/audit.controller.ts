import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService, Actor, listAudit } from '@it-samverkan/application';
import { CurrentActor } from '../common/actor.decorator';
import { Access, named } from '../common/access.decorator';
import { CachedRead } from '../common/cached-read.interceptor';
import { PageQuery, pageRequest } from '../common/pagination.dto';
import { DATA_SOURCE } from '../common/tokens';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'invoice' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Personens användarnamn eller systemets namn' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ example: 'approve' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  action?: string;

  @ApiPropertyOptional({ example: '2025-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({}, { message: 'from måste vara en ISO 8601-tid' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({}, { message: 'to måste vara en ISO 8601-tid' })
  to?: string;
}

@ApiTags('Revision')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  @Get()
  @Access('read-audit', named.own)
  @CachedRead()
  @ApiOperation({
    summary: 'Ändringsloggen: vem, när, vad, före och efter (nyast först)',
    description:
      'En administratör med omfattning ser poster om sina egna parters data och, om den är part i samverkan, om det som samverkan delar.',
  })
  async list(@Query() query: AuditQuery, @CurrentActor() actor: Actor) {
    return listAudit(
      this.dataSource,
      {
        entityType: query.entityType,
        entityId: query.entityId,
        actor: query.actor,
        action: query.action,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        visibleTo: (await this.access.auditVisibility(actor.principal)) ?? undefined,
      },
      pageRequest(query),
    );
  }
}
