import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LedgerImportQuery {
  @ApiPropertyOptional({
    enum: ['sie4', 'csv'],
    description: 'sie4 eller csv; utan format avgör filnamnets ändelse (.se/.si/.sie eller .csv)',
  })
  @IsOptional()
  @IsIn(['sie4', 'csv'], { message: 'format måste vara sie4 eller csv' })
  format?: string;

  @ApiPropertyOptional({ example: 'huvudbok-it-2025.se', description: 'Filens namn, sparas med importen' })
  @IsOptional()
  @IsString({ message: 'fileName måste vara en text' })
  @MinLength(1, { message: 'fileName får inte vara tomt' })
  @MaxLength(255, { message: 'fileName får vara högst 255 tecken' })
  fileName?: string;
}
