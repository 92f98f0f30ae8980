import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { REGISTER_KINDS } from '@it-samverkan/domain';

export class RegisterMappingDto {
  @ApiProperty({ example: 'Ansvarskoder Ulricehamn och Tranemo' })
  @IsString({ message: 'name måste vara en text' })
  @IsNotEmpty({ message: 'Ange ett namn på mappningen' })
  @MaxLength(200, { message: 'name får vara högst 200 tecken' })
  name: string;

  @ApiProperty({
    description:
      'Regler i ordning; den första vars kolumner alla har de angivna värdena (skiftläge och blanksteg oräknade) avgör förbrukaren',
    example: [
      { match: { Kommun: 'Ulricehamn', Ansvar: '3000' }, consumer: 'ulr-bou' },
      { match: { Kommun: 'Tranemo', Ansvar: '3000' }, consumer: 'tra-utb' },
    ],
  })
  @IsArray({ message: 'rules måste vara en lista' })
  rules: unknown[];
}

const booleanText = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class RegisterImportQuery {
  @ApiProperty({
    example: 'devices',
    description: 'Fördelningsnyckeln i modellversionen vars volymer ersätts',
  })
  @IsString({ message: 'driver måste vara en text' })
  @IsNotEmpty({ message: 'Ange fördelningsnyckeln (driver)' })
  driver: string;

  @ApiProperty({
    enum: REGISTER_KINDS,
    description: 'devices (en rad = en dator), accounts (en rad = ett konto), licences (summa av antal)',
  })
  @IsIn(REGISTER_KINDS as string[], { message: `kind måste vara ${REGISTER_KINDS.join(', ')}` })
  kind: string;

  @ApiProperty({
    example: '2025-10-01',
    description: 'Registrets datum: ögonblicksbilden volymerna kommer från',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf måste vara ett datum ÅÅÅÅ-MM-DD' })
  asOf: string;

  @ApiProperty({ format: 'uuid', description: 'Den sparade registermappningen' })
  @IsUUID('all', { message: 'mapping måste vara en mappnings id' })
  mapping: string;

  @ApiPropertyOptional({ example: 'datorer-2025-10.csv' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'fileName får vara högst 200 tecken' })
  fileName?: string;

  @ApiPropertyOptional({ example: 'Antal', description: 'Licenslistans kolumn för antal (standard Antal)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'quantityColumn får inte vara tom' })
  quantityColumn?: string;

  @ApiPropertyOptional({
    example: 'Status',
    description: 'Kontoexportens statuskolumn; inaktiva konton räknas inte',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'statusColumn får inte vara tom' })
  statusColumn?: string;

  @ApiPropertyOptional({ description: 'true: räkna och svara utan att spara något' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'dryRun måste vara true eller false' })
  dryRun?: boolean;
}
