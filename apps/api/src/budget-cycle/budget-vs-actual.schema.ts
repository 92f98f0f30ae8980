import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const amount = (description: string, nullable = false): SchemaObject => ({
  type: 'string',
  pattern: '^-?\\d+\\.\\d{2}$',
  nullable,
  description,
});

/** Budget, actual, charged and settled of one municipality, consumer, service or the year's total. */
const figures: Record<string, SchemaObject> = {
  budget: amount(
    'Budget enligt årets budgetmodell; null när året saknar budgetmodell (ingen budget, till skillnad från en ' +
      'budget på 0.00, som en förbrukare eller tjänst får när modellen inte ger den något). Då finns inte heller ' +
      'någon skillnad mot utfallet att räkna.',
    true,
  ),
  actual: amount(
    'Utfall enligt årets utfallsmodell; null när året ännu saknar utfallsmodell (inget utfall ännu, till skillnad ' +
      'från ett utfall på 0.00). Då finns inte heller någon skillnad mot budget att räkna.',
    true,
  ),
  charged: amount(
    'Debiterat (utfärdade fakturarader minus krediteringar, plus interndebiteringar); null där läsaren inte får ' +
      'se det, och när inget ännu har debiterats för året bland det läsaren får se (0.00 när debiteringar finns ' +
      'men tar ut varandra, eller för en förbrukare utan egna debiteringar ett år som har debiteringar)',
    true,
  ),
  settled: amount(
    'Slutavräknat (utfärdade slutavräkningsrader och interndebiteringar); null där läsaren inte får se det, per ' +
      'tjänst (avräkningen görs per förbrukare), och när ingen slutavräkning för året ännu är bokförd bland det ' +
      'läsaren får se (0.00 för en förbrukare utan egen avräkningsrad ett år som har avräknats)',
    true,
  ),
};
const figuresOf = (extra: Record<string, SchemaObject> = {}): SchemaObject => ({
  type: 'object',
  required: [...Object.keys(extra), 'budget', 'actual', 'charged', 'settled'],
  properties: { ...extra, ...figures },
});
const model: SchemaObject = {
  type: 'object',
  nullable: true,
  description: 'Modellversionen siffrorna kommer från; null när året saknar en sådan modell',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    status: { type: 'string', enum: ['approved', 'draft'] },
  },
};

/** OpenAPI of GET /reports/budget-vs-actual. */
export const BUDGET_VS_ACTUAL_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['chargedVisibleFor', 'years'],
  properties: {
    chargedVisibleFor: {
      type: 'string',
      description: 'Vems debiterat och avräknat läsaren ser: "all", eller den egna kommunens id',
    },
    years: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'total', 'municipalities', 'consumers', 'services', 'budgetModel', 'actualModel'],
        properties: {
          year: { type: 'integer' },
          total: figuresOf(),
          municipalities: { type: 'array', items: figuresOf({ id: { type: 'string' } }) },
          consumers: {
            type: 'array',
            items: figuresOf({
              id: { type: 'string' },
              municipality: { type: 'string' },
              services: { type: 'array', items: figuresOf({ id: { type: 'string' } }) },
            }),
          },
          services: { type: 'array', items: figuresOf({ id: { type: 'string' } }) },
          budgetModel: model,
          actualModel: model,
        },
      },
    },
  },
};
