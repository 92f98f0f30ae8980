import type { CostModelDocument, ScenarioChange, ScenarioChangesDocument } from '@it-samverkan/domain';

/**
 * Three municipalities A (host), B and C; A has two consumers. Two services, each fed by one pool
 * and spread by its own driver. Figures by hand (DOMAIN.md 5.2):
 *
 *   arbetsplats 100 000.00 by devices 100/300/400/200 (1 000):
 *     a-ks 10 000.00, a-skola 30 000.00, b-ks 40 000.00, c-ks 20 000.00
 *   servicedesk  30 000.00 by users 150/150/100/200 (600):
 *     a-ks  7 500.00, a-skola  7 500.00, b-ks  5 000.00, c-ks 10 000.00
 *   consumers a-ks 17 500.00, a-skola 37 500.00, b-ks 45 000.00, c-ks 30 000.00 = 130 000.00
 *   municipalities kommun-a 55 000.00, kommun-b 45 000.00, kommun-c 30 000.00
 */
export function threeMunicipalityModel(): CostModelDocument {
  return {
    format: 'it-samverkan/cost-model@1',
    name: 'Tre kommuner 2025, budget',
    year: 2025,
    currency: 'SEK',
    consumers: [
      { id: 'a-ks', name: 'Kommun A kommunstyrelsen', municipality: 'kommun-a' },
      { id: 'a-skola', name: 'Kommun A skolförvaltningen', municipality: 'kommun-a' },
      { id: 'b-ks', name: 'Kommun B kommunledning', municipality: 'kommun-b' },
      { id: 'c-ks', name: 'Kommun C kommunledning', municipality: 'kommun-c' },
    ],
    drivers: [
      { id: 'devices', name: 'Antal datorer', unit: 'st' },
      { id: 'users', name: 'Antal användarkonton', unit: 'st' },
    ],
    pools: [
      { id: 'personal', name: 'Personalkostnader', amount: '100000.00', to: { arbetsplats: 1 } },
      { id: 'licenser', name: 'Licenser', amount: '30000.00', to: { servicedesk: 1 } },
    ],
    services: [
      { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
      { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } },
    ],
    volumes: {
      devices: { 'a-ks': 100, 'a-skola': 300, 'b-ks': 400, 'c-ks': 200 },
      users: { 'a-ks': 150, 'a-skola': 150, 'b-ks': 100, 'c-ks': 200 },
    },
  };
}

/** A changes document with the given changes; funding as in the three-municipality examples. */
export function changesDoc(
  name: string,
  changes: unknown[],
  extra: Partial<ScenarioChangesDocument> = {},
): ScenarioChangesDocument {
  return {
    format: 'it-samverkan/scenario-changes@1',
    name,
    changes: changes as ScenarioChange[],
    host: 'kommun-a',
    funding: { 'a-skola': 'internal-charge' },
    ...extra,
  };
}

/** A municipality D joins with one consumer, 250 devices and 100 user accounts. */
export const D_JOINS: ScenarioChange = {
  type: 'add-consumers',
  consumers: [{ id: 'd-ks', name: 'Kommun D kommunledning', municipality: 'kommun-d' }],
  volumes: { devices: { 'd-ks': 250 }, users: { 'd-ks': 100 } },
};

/** Deeply freezes a value, so a test fails if anything writes to it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value as object)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** One consumer and one service holding `amount`, for counting charges period by period. */
export function oneConsumerModel(amount: string): CostModelDocument {
  return {
    format: 'it-samverkan/cost-model@1',
    name: 'En förbrukare',
    year: 2025,
    currency: 'SEK',
    consumers: [{ id: 'x-ks', name: 'X', municipality: 'kommun-x' }],
    drivers: [{ id: 'users', name: 'Konton', unit: 'st' }],
    pools: [{ id: 'p', name: 'P', amount, to: { servicedesk: 1 } }],
    services: [{ id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } }],
    volumes: { users: { 'x-ks': 1 } },
  };
}

/** The day the comparisons in the specs are made. */
export const CREATED = { created: '2025-04-02' } as const;

/**
 * An approved 2025 budget on the demo organisation's consumers, with round figures:
 * arbetsplats 800 000.00 over 1 000 devices (800.00 each), servicedesk 200 000.00 over 1 000
 * accounts (200.00 each). Consumers: ulr-ks 100 000.00, ulr-bou 280 000.00, ulr-vof 220 000.00,
 * tra-kl 50 000.00, tra-utb 150 000.00, tra-oms 100 000.00, bolag-ue 60 000.00, lonenamnd 40 000.00;
 * municipalities ulricehamn 700 000.00 (units, bolag and lönenämnd), tranemo 300 000.00.
 */
export const DEMO_SCENARIO_BASE: CostModelDocument = {
  format: 'it-samverkan/cost-model@1',
  name: 'Scenariotest 2025, budget',
  year: 2025,
  currency: 'SEK',
  consumers: [
    { id: 'ulr-ks', name: 'Ulricehamn kommunstyrelsens förvaltning', municipality: 'ulricehamn' },
    { id: 'ulr-bou', name: 'Ulricehamn barn och utbildning', municipality: 'ulricehamn' },
    { id: 'ulr-vof', name: 'Ulricehamn vård och omsorg', municipality: 'ulricehamn' },
    { id: 'tra-kl', name: 'Tranemo kommunledning', municipality: 'tranemo' },
    { id: 'tra-utb', name: 'Tranemo utbildning', municipality: 'tranemo' },
    { id: 'tra-oms', name: 'Tranemo omsorg', municipality: 'tranemo' },
    { id: 'bolag-ue', name: 'Ulricehamns Energi AB', municipality: 'ulricehamn' },
    { id: 'lonenamnd', name: 'Lönenämnden', municipality: 'ulricehamn' },
  ],
  drivers: [
    { id: 'devices', name: 'Antal datorer', unit: 'st' },
    { id: 'users', name: 'Antal användarkonton', unit: 'st' },
  ],
  pools: [
    { id: 'personal', name: 'Personalkostnader', amount: '800000.00', to: { arbetsplats: 1 } },
    { id: 'licenser', name: 'Licenser', amount: '200000.00', to: { servicedesk: 1 } },
  ],
  services: [
    { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
    { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } },
  ],
  volumes: {
    devices: {
      'ulr-ks': 100,
      'ulr-bou': 300,
      'ulr-vof': 200,
      'tra-kl': 50,
      'tra-utb': 150,
      'tra-oms': 100,
      'bolag-ue': 60,
      lonenamnd: 40,
    },
    users: {
      'ulr-ks': 100,
      'ulr-bou': 200,
      'ulr-vof': 300,
      'tra-kl': 50,
      'tra-utb': 150,
      'tra-oms': 100,
      'bolag-ue': 60,
      lonenamnd: 40,
    },
  },
};

/** Mark joins with two units: 100 + 150 devices and 100 + 150 accounts (1 250 of each in all). */
export const MARK_JOINS: ScenarioChange = {
  type: 'add-consumers',
  consumers: [
    {
      id: 'mark-kl',
      name: 'Marks kommun kommunledningsförvaltningen',
      municipality: 'mark',
      municipalityName: 'Marks kommun',
    },
    { id: 'mark-bou', name: 'Marks kommun barn och utbildning', municipality: 'mark' },
  ],
  volumes: { devices: { 'mark-kl': 100, 'mark-bou': 150 }, users: { 'mark-kl': 100, 'mark-bou': 150 } },
};

export const ULRICEHAMN_TO_INTERNAL_CHARGE: ScenarioChange = {
  type: 'switch-funding',
  municipality: 'ulricehamn',
  from: 'appropriation',
  to: 'internal-charge',
};

/** Per municipality, moving arbetsplats from devices to users in the three-municipality model (computed by hand in change-driver-scenario.spec.ts). */
export const CHANGE_DRIVER_MUNICIPALITIES = [
  {
    id: 'kommun-a',
    base: '55000.00',
    scenario: '65000.00',
    difference: '10000.00',
    differencePercent: '18.2',
  },
  {
    id: 'kommun-b',
    base: '45000.00',
    scenario: '21666.67',
    difference: '-23333.33',
    differencePercent: '-51.9',
  },
  {
    id: 'kommun-c',
    base: '30000.00',
    scenario: '43333.33',
    difference: '13333.33',
    differencePercent: '44.4',
  },
];
