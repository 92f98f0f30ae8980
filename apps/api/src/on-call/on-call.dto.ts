import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination.dto';

const TIME_EXAMPLE =
  'Lokal tid i taxans tidszon (2025-03-11 16:00) eller med UTC-offset (2025-03-11T16:00:00+01:00)';

/** One on-call incident (beredskapsärende), times per DOMAIN.md 6.2 rule 1. */
export class CreateIncidentDto {
  @ApiProperty({
    example: 'INC-2025-0142',
    description: 'Ärendets id i ärendesystemet; samma id faktureras aldrig två gånger',
  })
  @IsString({ message: 'id måste vara text' })
  @Matches(/\S/, { message: 'id får inte vara tomt' })
  @Length(1, 100, { message: 'id får vara högst 100 tecken' })
  id: string;

  @ApiProperty({ example: '2025-03-11 16:00', description: TIME_EXAMPLE })
  @IsString({ message: 'start måste vara text, t.ex. 2025-03-11 16:00' })
  start: string;

  @ApiProperty({ example: '2025-03-11 16:50', description: TIME_EXAMPLE })
  @IsString({ message: 'end måste vara text, t.ex. 2025-03-11 16:50' })
  end: string;

  @ApiProperty({
    example: 'ulr-bou',
    description: 'Den drabbade förbrukaren: en enhet, ett bolag eller en gemensam nämnd',
  })
  @IsString({ message: 'consumer måste vara text' })
  @Length(1, 64, { message: 'consumer måste vara 1–64 tecken' })
  consumer: string;

  @ApiPropertyOptional({ example: 'Skolplattform' })
  @IsOptional()
  @IsString({ message: 'system måste vara text' })
  @Length(0, 200, { message: 'system får vara högst 200 tecken' })
  system?: string;

  @ApiPropertyOptional({ example: 'Schemat visas inte' })
  @IsOptional()
  @IsString({ message: 'description måste vara text' })
  @Length(0, 1000, { message: 'description får vara högst 1000 tecken' })
  description?: string;
}

/** `?period=2025-03&consumer=ulr-bou&page=1&pageSize=50` */
export class IncidentQuery extends PageQuery {
  @ApiPropertyOptional({
    example: '2025-03',
    description: 'Faktureringsperiod: månad (2025-03), kvartal (2025-Q1) eller år (2025)',
  })
  @IsOptional()
  @IsString({ message: 'period måste vara text, t.ex. 2025-03' })
  period?: string;

  @ApiPropertyOptional({ example: 'ulr-bou' })
  @IsOptional()
  @IsString({ message: 'consumer måste vara text' })
  consumer?: string;
}

/** `?period=2025-03` (also 2025-Q1 or 2025). */
export class BillingQuery {
  @ApiProperty({ example: '2025-03', description: 'Månad (2025-03), kvartal (2025-Q1) eller år (2025)' })
  @IsString({ message: 'period måste anges, t.ex. 2025-03' })
  period: string;
}
