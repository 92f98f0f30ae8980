import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class NextYearDto {
  @ApiProperty({
    description:
      'Index i procent per pool (punkt som decimaltecken); pooler som inte nämns behåller sitt belopp',
    example: { personal: '3.5', licenser: '6' },
  })
  @IsObject({ message: 'indices måste vara ett objekt {pool: procent}' })
  indices: Record<string, string>;

  @ApiPropertyOptional({ example: 'Tjänstefiering 2026, budget' })
  @IsOptional()
  @IsString({ message: 'name måste vara en text' })
  @IsNotEmpty({ message: 'name får inte vara tomt' })
  @MaxLength(200, { message: 'name får vara högst 200 tecken' })
  name?: string;
}
