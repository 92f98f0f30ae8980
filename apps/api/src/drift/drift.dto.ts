import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, Length } from 'class-validator';

const PERCENT =
  'Lägsta andel i procent, 0–100 med högst en decimal ("80" eller 92.5); utelämnat = standardmålet';

/** A year's service-level targets (ramuppdraget); every field is optional and checked by the engine with Swedish messages. */
export class ServiceLevelTargetsDto {
  @ApiPropertyOptional({ example: '50', description: `Ärenden lösta i första linjen. ${PERCENT}` })
  @Allow()
  firstLine?: string | number;

  @ApiPropertyOptional({ example: '80', description: `Normalärenden lösta inom en arbetsdag. ${PERCENT}` })
  @Allow()
  ordinaryWithinOneWorkingDay?: string | number;

  @ApiPropertyOptional({ example: '50', description: `Samtal besvarade inom 10 sekunder. ${PERCENT}` })
  @Allow()
  answeredWithin10s?: string | number;

  @ApiPropertyOptional({ example: '80', description: `Samtal besvarade inom 60 sekunder. ${PERCENT}` })
  @Allow()
  answeredWithin60s?: string | number;

  @ApiPropertyOptional({ example: '90', description: `Nöjda svar i kundenkäten. ${PERCENT}` })
  @Allow()
  satisfied?: string | number;

  @ApiPropertyOptional({
    example: 'Europe/Stockholm',
    description: 'Supportkalenderns tidszon (standard Europe/Stockholm)',
  })
  @Allow()
  timezone?: string;

  @ApiPropertyOptional({
    example: {
      mon: ['07:30', '16:30'],
      tue: ['07:30', '16:30'],
      wed: ['07:30', '16:30'],
      thu: ['07:30', '16:30'],
      fri: ['07:30', '16:30'],
    },
    description: 'Supporttider per veckodag (standard 07:30–16:30 måndag–fredag)',
  })
  @Allow()
  supportHours?: Record<string, [string, string]>;

  @ApiPropertyOptional({
    example: ['2025-12-29'],
    description: 'Extra stängda dagar utöver helger och helgdagar',
  })
  @Allow()
  extraClosedDays?: string[];
}

/** `?municipality=tranemo` */
export class ReportQuery {
  @ApiPropertyOptional({
    example: 'tranemo',
    description: 'Bara denna kommun (en token med omfattning ser alltid bara sin egen)',
  })
  @IsOptional()
  @IsString({ message: 'municipality måste vara text, t.ex. tranemo' })
  @Length(1, 64, { message: 'municipality måste vara 1–64 tecken' })
  municipality?: string;
}
