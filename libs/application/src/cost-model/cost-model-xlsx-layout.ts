/**
 * The workbook layout of a cost model (DOMAIN.md 5.1: "one sheet per section"). One place for
 * sheet names and column headings, shared by the reader and the writer (and the template).
 *
 * - Modell: two columns, Fält | Värde, rows format, namn, år, valuta.
 * - Förbrukare: id | namn | kommun.
 * - Fördelningsnycklar: id | namn | enhet.
 * - Kostnadspooler: id | namn | belopp, then one column per receiving service, headed by the
 *   service's id, holding the pool's weight for that service (empty: no weight).
 * - Tjänster: id | namn | metod | nyckel | mottagare. `nyckel` is the driver of method driver;
 *   `mottagare` lists receivers separated by semicolons: "arbetsplats; servicedesk" for
 *   proportional, "arbetsplats: 50; servicedesk: 40" for weights, reciprocal and consumer-weights.
 *   An optional last column `beskrivning` says what the service covers (the price list's text).
 * - Volymer: förbrukare, then one column per driver, headed by the driver's id (empty: no volume).
 */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SHEETS = {
  model: 'Modell',
  consumers: 'Förbrukare',
  drivers: 'Fördelningsnycklar',
  pools: 'Kostnadspooler',
  services: 'Tjänster',
  volumes: 'Volymer',
  instructions: 'Instruktioner',
} as const;

export type SectionSheet = Exclude<keyof typeof SHEETS, 'instructions'>;

/** Accepted names of each sheet (the Swedish name first; the document's section name also works). */
export const SHEET_ALIASES: Record<SectionSheet, string[]> = {
  model: [SHEETS.model, 'model'],
  consumers: [SHEETS.consumers, 'consumers'],
  drivers: [SHEETS.drivers, 'drivers'],
  pools: [SHEETS.pools, 'pools'],
  services: [SHEETS.services, 'services'],
  volumes: [SHEETS.volumes, 'volumes'],
};

/** The fixed columns of each sheet: field → accepted headings (the written heading first). */
export const COLUMNS = {
  model: { field: ['Fält', 'field'], value: ['Värde', 'value'] },
  consumers: { id: ['id'], name: ['namn', 'name'], municipality: ['kommun', 'municipality'] },
  drivers: { id: ['id'], name: ['namn', 'name'], unit: ['enhet', 'unit'] },
  pools: { id: ['id'], name: ['namn', 'name'], amount: ['belopp', 'amount'] },
  services: {
    id: ['id'],
    name: ['namn', 'name'],
    method: ['metod', 'method'],
    driver: ['nyckel', 'fördelningsnyckel', 'driver'],
    to: ['mottagare', 'to'],
    description: ['beskrivning', 'description'],
  },
  volumes: { consumer: ['förbrukare', 'consumer'] },
} as const;

/** The rows of the Modell sheet: document field → accepted labels. */
export const MODEL_FIELDS = {
  format: ['format'],
  name: ['namn', 'name'],
  year: ['år', 'year'],
  currency: ['valuta', 'currency'],
  /** The optional pool mapping of the ledger import, as its JSON text (kept whole through the workbook). */
  ledgerMapping: ['kontomappning', 'ledgermapping'],
} as const;

export const METHODS_HELP = 'weights, proportional, driver, consumer-weights eller reciprocal';

export const INSTRUCTIONS: string[] = [
  'Kostnadsmodell (tjänstefiering) – mall för import',
  '',
  'Fyll i ett blad per avsnitt. Rad 1 på varje blad är rubriker; lämna dem orörda.',
  'Belopp anges i kronor med högst två decimaler. Vikter och volymer är icke-negativa tal.',
  '',
  'Modell: modellens namn, år och valuta (SEK); frivilligt kontomappning: huvudbokens kontomappning som JSON',
  '  (ledgerMapping, se README "Costs from the ledger"); den följer med när modellen exporteras.',
  'Förbrukare: id (gemener, siffror, bindestreck), namn och kommun (kommunens id, t.ex. ulricehamn).',
  'Fördelningsnycklar: id, namn och enhet (t.ex. st).',
  'Kostnadspooler: id, namn och belopp; lägg sedan till en kolumn per tjänst som får del av poolen,',
  '  med tjänstens id som rubrik och poolens vikt för tjänsten i cellen. Tom cell = ingen vikt.',
  `Tjänster: id, namn, metod (${METHODS_HELP}), nyckel och mottagare.`,
  '  driver: ange fördelningsnyckelns id i kolumnen nyckel.',
  '  proportional: mottagande tjänster i mottagare, åtskilda med semikolon: arbetsplats; servicedesk',
  '  weights och reciprocal: tjänst och vikt i mottagare: arbetsplats: 50; servicedesk: 40',
  '  consumer-weights: förbrukare och vikt i mottagare: ulr-ks: 1; tra-kl: 1',
  '  beskrivning (frivillig): vad tjänsten omfattar; texten står i prislistan.',
  '  Tjänsterna fördelas i den ordning de står (stegvis): en tjänst får bara fördela till tjänster längre ned.',
  'Volymer: en rad per förbrukare (id i kolumnen förbrukare) och en kolumn per fördelningsnyckel,',
  '  med nyckelns id som rubrik. Tom cell = ingen volym.',
  '',
  'Importera med POST /api/v1/cost-models?kind=budget (eller actual) och innehållstypen',
  `${XLSX_MIME}, eller med kommandot: npm run --silent cli -- split modell.xlsx`,
];
