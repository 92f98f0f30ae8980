import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const ID_MESSAGE = 'id skrivs med gemener, siffror och bindestreck, 2–64 tecken';
const FUNDING = ['appropriation', 'internal-charge', 'external-invoice'];

class AddressDto {
  @ApiProperty({ example: 'Box 1' })
  @IsString()
  @Length(1, 200)
  street: string;

  @ApiProperty({ example: '523 21' })
  @Matches(/^\d{3} ?\d{2}$/, { message: 'postalCode skrivs som 523 21' })
  postalCode: string;

  @ApiProperty({ example: 'Ulricehamn' })
  @IsString()
  @Length(1, 100)
  city: string;
}

export class MunicipalityDto extends AddressDto {
  @ApiProperty({ example: 'mark' })
  @Matches(ID, { message: ID_MESSAGE })
  id: string;

  @ApiProperty({ example: 'Marks kommun' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '212000-1496', description: '10 siffror med kontrollsiffra' })
  @IsString()
  orgNo: string;

  @ApiPropertyOptional({ example: '5050-1055' })
  @IsOptional()
  @IsString()
  bankgiro?: string;

  @ApiProperty({ example: '81-MAR' })
  @IsString()
  @Length(1, 20)
  counterpartyCode: string;
}

export class UnitDto {
  @ApiProperty({ example: 'ulr-kultur' })
  @Matches(ID, { message: ID_MESSAGE })
  id: string;

  @ApiProperty({ example: 'ulricehamn' })
  @IsString()
  municipalityId: string;

  @ApiPropertyOptional({ example: 'ulr-ks' })
  @IsOptional()
  @IsString()
  parentId?: string;

  @ApiProperty({ example: 'Kultur- och fritidsförvaltningen' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ['forvaltning', 'sektion', 'namnd', 'enhet'] })
  @IsIn(['forvaltning', 'sektion', 'namnd', 'enhet'], {
    message: 'kind måste vara forvaltning, sektion, namnd eller enhet',
  })
  kind: 'forvaltning' | 'sektion' | 'namnd' | 'enhet';

  @ApiProperty({ example: '6000' })
  @IsString()
  @Length(1, 20)
  responsibilityCode: string;

  @ApiProperty({ enum: FUNDING })
  @IsIn(FUNDING, { message: 'fundingMode måste vara appropriation, internal-charge eller external-invoice' })
  fundingMode: 'appropriation' | 'internal-charge' | 'external-invoice';
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 20)
  responsibilityCode?: string;

  @ApiPropertyOptional({ enum: FUNDING })
  @IsOptional()
  @IsIn(FUNDING, { message: 'fundingMode måste vara appropriation, internal-charge eller external-invoice' })
  fundingMode?: 'appropriation' | 'internal-charge' | 'external-invoice';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  parentId?: string;

  @ApiPropertyOptional({
    example: '2025-06-30',
    nullable: true,
    description: 'Enhetens sista dag (omorganisation); null tar bort slutdatumet',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validTo skrivs ÅÅÅÅ-MM-DD' })
  validTo?: string | null;
}

export class CompanyDto extends AddressDto {
  @ApiProperty({ example: 'bolag-bostader' })
  @Matches(ID, { message: ID_MESSAGE })
  id: string;

  @ApiProperty({ example: 'Ulricehamns Bostäder AB' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '556500-0113' })
  @IsString()
  orgNo: string;

  @ApiProperty({ example: 'ulricehamn' })
  @IsString()
  ownerMunicipalityId: string;

  @ApiProperty({ example: '85-UB' })
  @IsString()
  @Length(1, 20)
  counterpartyCode: string;
}

export class JointCommitteeDto {
  @ApiProperty({ example: 'overformyndarnamnd' })
  @Matches(ID, { message: ID_MESSAGE })
  id: string;

  @ApiProperty({ example: 'Överförmyndarnämnden' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'ulricehamn' })
  @IsString()
  hostMunicipalityId: string;

  @ApiProperty({ example: ['ulricehamn', 'tranemo'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  members: string[];

  @ApiProperty({ example: '1950' })
  @IsString()
  @Length(1, 20)
  responsibilityCode: string;

  @ApiProperty({ example: '82-OFN' })
  @IsString()
  @Length(1, 20)
  counterpartyCode: string;
}

export class ServiceFundingDto {
  @ApiProperty({
    enum: ['appropriation', 'internal-charge'],
    nullable: true,
    description: 'null tar bort valet för tjänsten',
  })
  @IsOptional()
  @IsIn(['appropriation', 'internal-charge'], {
    message: 'fundingMode måste vara appropriation eller internal-charge (eller null)',
  })
  fundingMode: 'appropriation' | 'internal-charge' | null;
}
