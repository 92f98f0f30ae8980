import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = 'Datum skrivs ÅÅÅÅ-MM-DD';

export class AgreementPartyDto {
  @ApiProperty({ example: 'tranemo' })
  @IsString()
  municipalityId: string;

  @ApiProperty({ enum: ['host', 'partner'] })
  @IsIn(['host', 'partner'], { message: 'role måste vara host eller partner' })
  role: 'host' | 'partner';

  @ApiPropertyOptional({ example: 'IT-samverkan 1000' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  buyerReference?: string;

  @ApiPropertyOptional({ example: '25' })
  @IsOptional()
  @IsIn(['25', '12', '6', '0'], { message: 'vatRate måste vara 25, 12, 6 eller 0' })
  vatRate?: string;

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'tertial', 'year'] })
  @IsOptional()
  @IsIn(['month', 'quarter', 'tertial', 'year'], {
    message: 'frequency måste vara month, quarter, tertial eller year',
  })
  frequency?: 'month' | 'quarter' | 'tertial' | 'year';

  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  paymentTermsDays?: number;
}

export class CooperationDto {
  @ApiProperty({ example: 'Samverkansavtal IT Ulricehamn–Tranemo' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'ulricehamn' })
  @IsString()
  hostId: string;

  @ApiProperty({ type: [AgreementPartyDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyDto)
  parties: AgreementPartyDto[];

  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { message: DATE_MESSAGE })
  validFrom: string;

  @ApiPropertyOptional({ example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  noticeMonths?: number;

  @ApiProperty({ example: 'Enligt godkänd tjänstefieringsmodell för respektive år' })
  @IsString()
  @Length(1, 500)
  costPrinciple: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  decisionId?: string;
}

export class ServiceAgreementDto {
  @ApiProperty({ example: 'IT-tjänster Ulricehamns Energi AB 2026' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ['company', 'joint-committee', 'municipality'] })
  @IsIn(['company', 'joint-committee', 'municipality'], {
    message: 'partyKind måste vara company, joint-committee eller municipality',
  })
  partyKind: 'company' | 'joint-committee' | 'municipality';

  @ApiProperty({ example: 'bolag-ue' })
  @IsString()
  partyId: string;

  @ApiPropertyOptional({
    example: ['arbetsplats'],
    description:
      'Tjänsterna avtalet täcker (inga = alla). En part har högst ett avtal per tjänst och dag: ett överlappande avtal avvisas med 409 AGREEMENT_COVERAGE_OVERLAP.',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  services?: string[];

  @ApiProperty({ enum: ['fixed-yearly', 'unit-price', 'hourly'] })
  @IsIn(['fixed-yearly', 'unit-price', 'hourly'], {
    message: 'priceModel måste vara fixed-yearly, unit-price eller hourly',
  })
  priceModel: 'fixed-yearly' | 'unit-price' | 'hourly';

  @ApiPropertyOptional({ example: '480000.00' })
  @IsOptional()
  @IsString()
  yearlyFee?: string;

  @ApiPropertyOptional({ example: '4200.00' })
  @IsOptional()
  @IsString()
  unitPrice?: string;

  @ApiPropertyOptional({ example: '35' })
  @IsOptional()
  @IsString()
  volume?: string;

  @ApiPropertyOptional({ example: '950.00' })
  @IsOptional()
  @IsString()
  hourlyRate?: string;

  @ApiProperty({ enum: ['month', 'quarter', 'tertial', 'year'] })
  @IsIn(['month', 'quarter', 'tertial', 'year'], {
    message: 'frequency måste vara month, quarter, tertial eller year',
  })
  frequency: 'month' | 'quarter' | 'tertial' | 'year';

  @ApiProperty({ example: '25' })
  @IsIn(['25', '12', '6', '0'], { message: 'vatRate måste vara 25, 12, 6 eller 0' })
  vatRate: string;

  @ApiProperty({ example: 'UE-4711' })
  @IsString()
  @Length(1, 100, { message: 'buyerReference krävs (1–100 tecken)' })
  buyerReference: string;

  @ApiPropertyOptional({ example: 30, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  paymentTermsDays?: number;

  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { message: DATE_MESSAGE })
  validFrom: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  validTo?: string;

  @ApiPropertyOptional({ example: { '2026': '3.5' } })
  @IsOptional()
  @IsObject()
  indexation?: Record<string, string>;
}

export class EndAgreementDto {
  @ApiProperty({ example: '2026-12-31' })
  @Matches(DATE, { message: DATE_MESSAGE })
  validTo: string;
}
