import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination.dto';

/** A year as a whole number 2000–2999 (from a query's text too). */
const IsYear = () =>
  applyDecorators(
    Type(() => Number),
    IsInt({ message: 'year måste vara ett heltal' }),
    Min(2000, { message: 'year måste vara ett rimligt år' }),
    Max(2999, { message: 'year måste vara ett rimligt år' }),
  );

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|T[1-3]))?$/;
const PERIOD_MESSAGE = 'period skrivs 2025-03, 2025-Q1, 2025-T1 eller 2025';

export class PeriodBody {
  @ApiProperty({
    example: '2025-Q1',
    description: 'Månad (2025-03), kvartal (2025-Q1), tertial (2025-T1) eller år (2025)',
  })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period: string;
}

export class SettlementBody {
  @ApiProperty({ example: 2025, description: 'Året som avräknas' })
  @IsYear()
  year: number;

  @ApiProperty({ example: '2026-01', description: 'Öppen period efter årets slut där avräkningen bokas' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period: string;
}

export class YearToDateQuery {
  @ApiProperty({ example: 2025, description: 'Året vars årsandelar följs upp' })
  @IsYear()
  year: number;

  @ApiPropertyOptional({
    example: '2025-Q2',
    description: 'Debiteringar i perioder som slutar senast med denna räknas (utan: hela året)',
  })
  @IsOptional()
  @Matches(PERIOD, { message: 'through skrivs 2025-03, 2025-Q1, 2025-T1 eller 2025' })
  through?: string;
}

export class InvoicePeriodsQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 2025,
    description: 'Bara årets perioder (månader, kvartal, tertial och året)',
  })
  @IsOptional()
  @IsYear()
  year?: number;
}

export class InvoiceListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2025-Q1' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiPropertyOptional({ enum: ['draft', 'issued'] })
  @IsOptional()
  @IsIn(['draft', 'issued'], { message: 'status måste vara draft eller issued' })
  status?: 'draft' | 'issued';

  @ApiPropertyOptional({ enum: ['invoice', 'credit-note'] })
  @IsOptional()
  @IsIn(['invoice', 'credit-note'], { message: 'kind måste vara invoice eller credit-note' })
  kind?: 'invoice' | 'credit-note';

  @ApiPropertyOptional({ example: 'tranemo' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  buyerId?: string;
}

export class PeriodQuery {
  @ApiProperty({ example: '2025-Q1' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period: string;
}

export class UpdateLineDto {
  @ApiPropertyOptional({ example: 'Arbetsplatstjänst, justerad' })
  @IsOptional()
  @IsString({ message: 'description måste vara text' })
  @Length(1, 300, { message: 'description måste vara 1–300 tecken' })
  description?: string;

  @ApiPropertyOptional({
    example: '6.5',
    description:
      'Nytt antal (decimaltal; negativt för en minskning). Nettot blir antal × à-pris, avrundat till öre.',
  })
  @IsOptional()
  @IsString({ message: 'quantity anges som text, t.ex. "6.5"' })
  quantity?: string;

  @ApiPropertyOptional({
    example: '950.00',
    description:
      'Nytt à-pris i kronor (högst två decimaler, aldrig negativt: en minskning skrivs med negativt antal)',
  })
  @IsOptional()
  @IsString({ message: 'unitPrice anges som text, t.ex. "950.00"' })
  unitPrice?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INVOICE_DATE_DOC = {
  example: '2026-01-12',
  description:
    'Fakturadatum (ÅÅÅÅ-MM-DD); utelämnas för dagens datum i Sverige. Aldrig tidigare än seriens senast utfärdade dokument och aldrig i framtiden.',
};

export class IssueDto {
  @ApiPropertyOptional(INVOICE_DATE_DOC)
  @IsOptional()
  @Matches(DATE, { message: 'invoiceDate skrivs ÅÅÅÅ-MM-DD, t.ex. 2026-01-12' })
  invoiceDate?: string;
}

export class CreditLineDto {
  @ApiProperty()
  @IsString({ message: 'lineId måste vara text' })
  lineId: string;

  @ApiProperty({ example: '500.00' })
  @IsString({ message: 'amount anges som text, t.ex. "500.00"' })
  amount: string;
}

export class CreditDto {
  @ApiProperty({ example: 'Felaktigt antal datorer i underlaget' })
  @IsString({ message: 'reason måste vara text' })
  @Length(1, 200, { message: 'reason måste vara 1–200 tecken' })
  reason: string;

  @ApiPropertyOptional(INVOICE_DATE_DOC)
  @IsOptional()
  @Matches(DATE, { message: 'invoiceDate skrivs ÅÅÅÅ-MM-DD, t.ex. 2026-03-10' })
  invoiceDate?: string;

  @ApiPropertyOptional({
    type: [CreditLineDto],
    description: 'Utelämnas för att kreditera allt som återstår',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'lines måste ha minst en rad' })
  @ValidateNested({ each: true })
  @Type(() => CreditLineDto)
  lines?: CreditLineDto[];
}
