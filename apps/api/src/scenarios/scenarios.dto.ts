import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';

const CHANGE_EXAMPLES = [
  {
    type: 'add-consumers',
    consumers: [{ id: 'mark-kl', name: 'Marks kommun kommunledningsförvaltningen', municipality: 'mark' }],
    volumes: { devices: { 'mark-kl': 380 }, users: { 'mark-kl': 420 } },
  },
  { type: 'switch-funding', municipality: 'ulricehamn', from: 'appropriation', to: 'internal-charge' },
];

export class CreateScenarioDto {
  @ApiProperty({ example: 'Mark ansluter' })
  @IsString({ message: 'name måste vara text' })
  @Length(1, 200, { message: 'name måste vara 1–200 tecken' })
  name: string;

  @ApiPropertyOptional({ example: 'Marks kommun går med i samverkan 2025' })
  @IsOptional()
  @IsString({ message: 'description måste vara text' })
  @Length(0, 2000, { message: 'description får vara högst 2000 tecken' })
  description?: string;

  @ApiProperty({ description: 'Id för den modellversion (oftast godkänd budget) som scenariot utgår från' })
  @IsUUID('all', { message: 'baseModelVersionId måste vara ett UUID' })
  baseModelVersionId: string;

  @ApiProperty({
    description:
      'Ändringarna i ordning (it-samverkan/scenario-changes@1): set-volume, scale-volume, set-pool-amount, change-driver, ' +
      'add-consumers, switch-funding. Varje ändring kontrolleras mot modellen; alla fel listas med sökväg, t.ex. changes[2].driver.',
    type: 'array',
    items: { type: 'object' },
    example: CHANGE_EXAMPLES,
  })
  @IsArray({ message: 'changes måste vara en lista med ändringar' })
  changes: unknown[];

  @ApiPropertyOptional({
    description:
      'Finansiering för förbrukare som organisationen inte känner (t.ex. en ny kommuns enheter): ' +
      '{ "förbrukar-id": "appropriation" | "internal-charge" | "external-invoice" | { "mode", "buyer" } }',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject({ message: 'funding måste vara ett objekt' })
  funding?: Record<string, unknown>;
}

export class CompareScenariosDto {
  @ApiProperty({ description: 'Basens modellversion; varje scenarios ändringar tillämpas på den' })
  @IsUUID('all', { message: 'baseModelVersionId måste vara ett UUID' })
  baseModelVersionId: string;

  @ApiProperty({ type: [String], description: 'Sparade scenarier att jämföra sida vid sida (1–10)' })
  @IsArray({ message: 'scenarioIds måste vara en lista' })
  @ArrayMinSize(1, { message: 'Ange minst ett scenario' })
  @ArrayMaxSize(10, { message: 'Högst 10 scenarier åt gången' })
  @IsUUID('all', { each: true, message: 'Varje scenario-id måste vara ett UUID' })
  scenarioIds: string[];
}
