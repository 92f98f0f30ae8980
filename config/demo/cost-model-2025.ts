import type { CostModelDocument } from '@it-samverkan/domain';

/**
 * The demo cooperation's cost model for 2025 (tjänstefiering), budget and actual (utfall), on the
 * demo consumers of organisation.ts. Bolag and lönenämnd roll up to Ulricehamn. The IT department
 * itself (ulr-it) is the provider, not a consumer. Six services: the governance of the
 * cooperation shared 50/50 by the central units, management spread in proportion to the other
 * services, and four services spread by drivers.
 */

const CONSUMERS: CostModelDocument['consumers'] = [
  { id: 'ulr-ks', name: 'Ulricehamn kommunstyrelsens förvaltning', municipality: 'ulricehamn' },
  { id: 'ulr-bou', name: 'Ulricehamn förvaltningen för barn och utbildning', municipality: 'ulricehamn' },
  { id: 'ulr-vof', name: 'Ulricehamn vård- och omsorgsförvaltningen', municipality: 'ulricehamn' },
  { id: 'tra-kl', name: 'Tranemo kommunledningssektionen', municipality: 'tranemo' },
  { id: 'tra-utb', name: 'Tranemo utbildningssektionen', municipality: 'tranemo' },
  { id: 'tra-oms', name: 'Tranemo omsorgssektionen', municipality: 'tranemo' },
  { id: 'bolag-ue', name: 'Ulricehamns Energi AB', municipality: 'ulricehamn' },
  { id: 'lonenamnd', name: 'Lönenämnden Ulricehamn, Tranemo och Svenljunga', municipality: 'svenljunga' },
];

const DRIVERS: CostModelDocument['drivers'] = [
  { id: 'devices', name: 'Antal datorer', unit: 'st' },
  { id: 'users', name: 'Antal användarkonton', unit: 'st' },
  { id: 'ports', name: 'Antal nätverksanslutningar', unit: 'st' },
  { id: 'licenses', name: 'Antal verksamhetssystemlicenser', unit: 'st' },
];

const SERVICES: CostModelDocument['services'] = [
  {
    id: 'styrning',
    name: 'Samverkansstyrning',
    allocate: { method: 'consumer-weights', to: { 'ulr-ks': 1, 'tra-kl': 1 } },
  },
  {
    id: 'ledning',
    name: 'Ledning och administration',
    allocate: { method: 'proportional', to: ['arbetsplats', 'servicedesk', 'natverk', 'verksamhetssystem'] },
  },
  { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
  { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } },
  { id: 'natverk', name: 'Nätverk och kommunikation', allocate: { method: 'driver', driver: 'ports' } },
  {
    id: 'verksamhetssystem',
    name: 'Drift av verksamhetssystem',
    allocate: { method: 'driver', driver: 'licenses' },
  },
];

/** The budget for 2025, 26.3 MSEK; approved by IT-styrgruppen 2024-11-20 § 14. */
export const DEMO_BUDGET_MODEL_2025: CostModelDocument = {
  format: 'it-samverkan/cost-model@1',
  name: 'Tjänstefiering 2025, budget',
  year: 2025,
  currency: 'SEK',
  consumers: CONSUMERS,
  drivers: DRIVERS,
  pools: [
    {
      id: 'personal',
      name: 'Personalkostnader',
      amount: '14200000.00',
      to: { ledning: 10, arbetsplats: 30, servicedesk: 35, natverk: 15, verksamhetssystem: 10 },
    },
    {
      id: 'licenser',
      name: 'Licenser',
      amount: '5400000.00',
      to: { arbetsplats: 40, verksamhetssystem: 60 },
    },
    {
      id: 'hardvara',
      name: 'Avskrivningar hårdvara',
      amount: '3100000.00',
      to: { arbetsplats: 70, natverk: 30 },
    },
    { id: 'lokaler', name: 'Lokaler', amount: '900000.00', to: { ledning: 1 } },
    {
      id: 'externa',
      name: 'Externa tjänster och kommunikation',
      amount: '2300000.00',
      to: { natverk: 60, verksamhetssystem: 40 },
    },
    { id: 'samverkan', name: 'Samverkansorganisation', amount: '400000.00', to: { styrning: 1 } },
  ],
  services: SERVICES,
  volumes: {
    devices: {
      'ulr-ks': 420,
      'ulr-bou': 2650,
      'ulr-vof': 980,
      'tra-kl': 210,
      'tra-utb': 1480,
      'tra-oms': 540,
      'bolag-ue': 120,
      lonenamnd: 35,
    },
    users: {
      'ulr-ks': 510,
      'ulr-bou': 1420,
      'ulr-vof': 1650,
      'tra-kl': 230,
      'tra-utb': 780,
      'tra-oms': 890,
      'bolag-ue': 140,
      lonenamnd: 42,
    },
    ports: {
      'ulr-ks': 260,
      'ulr-bou': 1150,
      'ulr-vof': 620,
      'tra-kl': 110,
      'tra-utb': 640,
      'tra-oms': 330,
      'bolag-ue': 95,
      lonenamnd: 20,
    },
    licenses: {
      'ulr-ks': 350,
      'ulr-bou': 1300,
      'ulr-vof': 1250,
      'tra-kl': 160,
      'tra-utb': 700,
      'tra-oms': 620,
      'bolag-ue': 60,
      lonenamnd: 45,
    },
  },
};

/**
 * Which rows of the host's ledger are the IT department's pools: IT's own ansvar 1150 by account,
 * and everything of the cooperation's ansvar 1155 to its organisation. Revenue and other accounts
 * of 1150 stay unmapped, and are listed as such by the import.
 */
export const DEMO_LEDGER_MAPPING_2025: NonNullable<CostModelDocument['ledgerMapping']> = {
  responsibilityDimension: 1,
  scope: { accounts: ['3000-8999'], responsibility: ['1150', '1155'] },
  rules: [
    { accounts: ['5000-5999'], responsibility: ['1150'], pool: 'personal' },
    { accounts: ['6540-6549'], responsibility: ['1150'], pool: 'licenser' },
    { accounts: ['7800-7899'], responsibility: ['1150'], pool: 'hardvara' },
    { accounts: ['6100-6199'], responsibility: ['1150'], pool: 'lokaler' },
    { accounts: ['6200-6299', '6400-6499'], responsibility: ['1150'], pool: 'externa' },
    { accounts: ['5000-7999'], responsibility: ['1155'], pool: 'samverkan' },
  ],
};

/**
 * The host's ledger of the IT department for 2025 (SIE 4, PC8, with #KSUMMA), as Raindance
 * exports it, relative to the repository root. Its mapped totals are the actual model's pools;
 * the demo imports it onto the draft actual model, so every pool traces to its accounts and vouchers.
 */
export const DEMO_LEDGER_FILE_2025 = 'config/demo/huvudbok-it-2025.se';

/** The actual cost of 2025 (utfall), a draft until the year is closed: costs and volumes as they turned out. */
export const DEMO_ACTUAL_MODEL_2025: CostModelDocument = {
  ...DEMO_BUDGET_MODEL_2025,
  name: 'Tjänstefiering 2025, utfall',
  ledgerMapping: DEMO_LEDGER_MAPPING_2025,
  pools: [
    {
      id: 'personal',
      name: 'Personalkostnader',
      amount: '14563218.40',
      to: { ledning: 10, arbetsplats: 30, servicedesk: 36, natverk: 14, verksamhetssystem: 10 },
    },
    {
      id: 'licenser',
      name: 'Licenser',
      amount: '5687432.15',
      to: { arbetsplats: 40, verksamhetssystem: 60 },
    },
    {
      id: 'hardvara',
      name: 'Avskrivningar hårdvara',
      amount: '2954120.00',
      to: { arbetsplats: 70, natverk: 30 },
    },
    { id: 'lokaler', name: 'Lokaler', amount: '912400.00', to: { ledning: 1 } },
    {
      id: 'externa',
      name: 'Externa tjänster och kommunikation',
      amount: '2188765.35',
      to: { natverk: 60, verksamhetssystem: 40 },
    },
    { id: 'samverkan', name: 'Samverkansorganisation', amount: '385000.00', to: { styrning: 1 } },
  ],
  volumes: {
    devices: {
      'ulr-ks': 431,
      'ulr-bou': 2712,
      'ulr-vof': 1004,
      'tra-kl': 205,
      'tra-utb': 1466,
      'tra-oms': 561,
      'bolag-ue': 118,
      lonenamnd: 36,
    },
    users: {
      'ulr-ks': 522,
      'ulr-bou': 1436,
      'ulr-vof': 1701,
      'tra-kl': 228,
      'tra-utb': 774,
      'tra-oms': 912,
      'bolag-ue': 137,
      lonenamnd: 44,
    },
    ports: {
      'ulr-ks': 262,
      'ulr-bou': 1184,
      'ulr-vof': 628,
      'tra-kl': 110,
      'tra-utb': 652,
      'tra-oms': 341,
      'bolag-ue': 95,
      lonenamnd: 20,
    },
    licenses: {
      'ulr-ks': 356,
      'ulr-bou': 1322,
      'ulr-vof': 1298,
      'tra-kl': 158,
      'tra-utb': 694,
      'tra-oms': 640,
      'bolag-ue': 58,
      lonenamnd: 47,
    },
  },
};

/** The decision that approved the 2025 budget. */
export const DEMO_BUDGET_DECISION_2025 = {
  forum: 'styrgrupp',
  date: '2024-11-20',
  paragraph: '§ 14',
  subject: 'Tjänstefiering 2025: budget och prislista',
} as const;
