import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { FORUMS } from '@it-samverkan/persistence';
import { PageQuery } from '../common/pagination.dto';
import { DecisionFieldsDto } from '../decisions/decision.dto';

const KINDS = ['budget', 'actual'];
const STATUSES = ['draft', 'approved'];

/** The cost model document of DOMAIN.md 5.1, for OpenAPI (the engine validates it in full). */
export const COST_MODEL_SCHEMA = {
  type: 'object',
  description:
    'Kostnadsmodell it-samverkan/cost-model@1 (DOMAIN.md 5.1). Belopp är decimaltext med högst två decimaler. ' +
    'Kan också skickas som XLSX-arbetsbok enligt mallen (GET /cost-models/template.xlsx), eller som {kind, document}.',
  required: ['format', 'name', 'year', 'currency', 'consumers', 'drivers', 'pools', 'services', 'volumes'],
  properties: {
    format: { type: 'string', example: 'it-samverkan/cost-model@1' },
    name: { type: 'string', example: 'Tjänstefiering 2025, budget' },
    year: { type: 'integer', example: 2025 },
    currency: { type: 'string', example: 'SEK' },
    consumers: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, municipality: { type: 'string' } },
      },
      example: [
        { id: 'ulr-ks', name: 'Ulricehamn kommunstyrelsens förvaltning', municipality: 'ulricehamn' },
      ],
    },
    drivers: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } },
      },
      example: [{ id: 'devices', name: 'Antal datorer', unit: 'st' }],
    },
    pools: {
      type: 'array',
      items: { type: 'object' },
      example: [{ id: 'personal', name: 'Personalkostnader', amount: '1000000.00', to: { arbetsplats: 1 } }],
    },
    services: {
      type: 'array',
      items: { type: 'object' },
      description:
        'allocate.method: weights, proportional, driver, consumer-weights eller reciprocal; fördelas i listad ordning. ' +
        'description (frivillig): vad tjänsten omfattar, texten i prislistan',
      example: [
        {
          id: 'arbetsplats',
          name: 'Arbetsplatstjänst',
          description: 'Dator, användarkonto, e-post och kontorsprogram',
          allocate: { method: 'driver', driver: 'devices' },
        },
      ],
    },
    volumes: { type: 'object', example: { devices: { 'ulr-ks': 600 } } },
    ledgerMapping: {
      type: 'object',
      description:
        'Valfri kontomappning för import av huvudboken (SIE 4/CSV): scope (konton, ansvar) och regler konton × ansvar × ' +
        'verksamhet → pool. Regler får inte överlappa. Godkänns och hashas med modellen.',
      example: {
        responsibilityDimension: 1,
        scope: { accounts: ['3000-8999'], responsibility: ['1150'] },
        rules: [{ accounts: ['5000-5999'], responsibility: ['1150'], pool: 'personal' }],
      },
    },
  },
};

export const XLSX_UPLOAD_SCHEMA = {
  type: 'string',
  format: 'binary',
  description: 'XLSX-arbetsbok enligt mallen',
};

export class CostModelKindQuery {
  @ApiPropertyOptional({
    enum: KINDS,
    description: 'budget eller actual (utfall); krävs vid import om inte {kind, document} skickas',
  })
  @IsOptional()
  @IsIn(KINDS, { message: 'kind måste vara budget eller actual' })
  kind?: string;
}

export class CostModelListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year måste vara ett heltal' })
  @Min(1900, { message: 'year måste vara ett år' })
  @Max(2999, { message: 'year måste vara ett år' })
  year?: number;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: 'kind måste vara budget eller actual' })
  kind?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: 'status måste vara draft eller approved' })
  status?: string;
}

export class NewDecisionDto extends DecisionFieldsDto {
  @ApiPropertyOptional({
    enum: ['styrgrupp'],
    default: 'styrgrupp',
    description: 'Modeller godkänns av IT-styrgruppen',
  })
  @IsOptional()
  @IsIn(FORUMS as unknown as string[], { message: `forum måste vara ett av: ${FORUMS.join(', ')}` })
  forum?: string;
}

/** An approval cites an existing decision, or records the decision with it. */
export class ApproveCostModelDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Ett registrerat beslut av IT-styrgruppen' })
  @IsOptional()
  @IsUUID('all', { message: 'decisionId måste vara ett beslut-id (uuid)' })
  decisionId?: string;

  @ApiPropertyOptional({
    type: NewDecisionDto,
    description: 'Eller: beslutet, som registreras med godkännandet',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewDecisionDto)
  decision?: NewDecisionDto;
}

export class SettlementDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt({ message: 'year måste vara ett heltal' })
  @Min(1900, { message: 'year måste vara ett år' })
  @Max(2999, { message: 'year måste vara ett år' })
  year: number;

  @ApiPropertyOptional({
    description:
      'Vad varje förbrukare har debiterats under året: {"ulr-ks": "886666.67"} eller [{consumer, amount}]. ' +
      'Utelämnat: förbrukarnas andelar av årets godkända budgetmodell.',
    example: { 'ulr-ks': '880000.00', 'tra-oms': '400000.00' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  charged?: unknown;
}

/** A year in the path, e.g. /price-lists/2026. */
export class YearParam {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year måste vara ett heltal' })
  @Min(1900, { message: 'year måste vara ett år' })
  @Max(2999, { message: 'year måste vara ett år' })
  year: number;
}
