import fc from 'fast-check';
import type { CostModelDocument } from '@it-samverkan/domain';
import { seededRandom } from '@it-samverkan/config/seeded-random';

export { seededRandom };

/** Builders and generators of cost model documents (DOMAIN.md 5.1) for specs and the bench. */

/** The exact example document of DOMAIN.md 5.1. */
export function exampleModel(): CostModelDocument {
  return {
    format: 'it-samverkan/cost-model@1',
    name: 'Tjänstefiering 2025, budget',
    year: 2025,
    currency: 'SEK',
    consumers: [
      { id: 'ulr-ks', name: 'Ulricehamn kommunstyrelsens förvaltning', municipality: 'ulricehamn' },
      { id: 'tra-oms', name: 'Tranemo omsorgssektionen', municipality: 'tranemo' },
      { id: 'bolag-b1', name: 'Exempelbolaget AB', municipality: 'ulricehamn' },
    ],
    drivers: [
      { id: 'devices', name: 'Antal datorer', unit: 'st' },
      { id: 'users', name: 'Antal användarkonton', unit: 'st' },
    ],
    pools: [
      {
        id: 'personal',
        name: 'Personalkostnader',
        amount: '1000000.00',
        to: { ledning: 10, arbetsplats: 50, servicedesk: 40 },
      },
      { id: 'licenser', name: 'Licenser', amount: '300000.00', to: { arbetsplats: 1 } },
      { id: 'lokaler', name: 'Lokaler', amount: '100000.00', to: { ledning: 1 } },
    ],
    services: [
      {
        id: 'ledning',
        name: 'Ledning och administration',
        allocate: { method: 'proportional', to: ['arbetsplats', 'servicedesk'] },
      },
      { id: 'arbetsplats', name: 'Arbetsplatstjänst', allocate: { method: 'driver', driver: 'devices' } },
      { id: 'servicedesk', name: 'Servicedesk', allocate: { method: 'driver', driver: 'users' } },
    ],
    volumes: {
      devices: { 'ulr-ks': 600, 'tra-oms': 300, 'bolag-b1': 100 },
      users: { 'ulr-ks': 700, 'tra-oms': 250, 'bolag-b1': 50 },
    },
  };
}

type DocService = CostModelDocument['services'][number];

/** A document with the header of 5.1 and the given sections (empty when not given). */
export function costModelDoc(sections: Partial<CostModelDocument> = {}): CostModelDocument {
  return {
    format: 'it-samverkan/cost-model@1',
    name: 'Testmodell',
    year: 2025,
    currency: 'SEK',
    consumers: [],
    drivers: [],
    pools: [],
    services: [],
    volumes: {},
    ...sections,
  };
}

/** A consumer entry. */
export const consumerEntry = (id: string, municipality = 'ulricehamn') => ({
  id,
  name: `Förbrukare ${id}`,
  municipality,
});
/** A driver entry. */
export const driverEntry = (id: string, unit = 'st') => ({ id, name: `Nyckel ${id}`, unit });
/** A pool entry. */
export const poolEntry = (id: string, amount: string | number, to: Record<string, string | number>) => ({
  id,
  name: `Pool ${id}`,
  amount,
  to,
});
/** A service entry. */
export const serviceEntry = (id: string, allocate: DocService['allocate']): DocService => ({
  id,
  name: `Tjänst ${id}`,
  allocate,
});

/** A deep copy of a document, so a spec can change it freely. */
export function cloneDocument<T>(doc: T): T {
  return JSON.parse(JSON.stringify(doc)) as T;
}

/** The shape of a generated model. */
export interface ModelParams {
  municipalities: number;
  consumers: number;
  drivers: number;
  /** Services that allocate to later services (weights, proportional, reciprocal groups), listed first. */
  supportServices: number;
  /** Services that allocate to consumers (driver or consumer-weights), listed last. */
  terminalServices: number;
  /** Reciprocal groups (of two or three members) among the support services. */
  reciprocalGroups: number;
  pools: number;
  /** Services each pool names. */
  poolFanout: number;
  /** Share of terminal services that use consumer-weights instead of a driver. */
  consumerWeightsShare: number;
  /** Consumers a consumer-weights service names. */
  consumerWeightsFanout: number;
  /** Share of consumers without volume for a driver. */
  zeroVolumeShare: number;
  /** Use decimal weights and volumes, and numbers as well as strings. */
  decimals: boolean;
  /** Share of pools with a negative amount (income that reduces cost); 0 unless given. */
  negativePoolShare?: number;
}

/** The bench model: 10 municipalities, 2,000 consumers, 60 services, 20 drivers, 50,000 pool lines. */
export const LARGE_MODEL_PARAMS: ModelParams = {
  municipalities: 10,
  consumers: 2000,
  drivers: 20,
  supportServices: 10,
  terminalServices: 50,
  reciprocalGroups: 1,
  pools: 1000,
  poolFanout: 50,
  consumerWeightsShare: 0.2,
  consumerWeightsFanout: 100,
  zeroVolumeShare: 0.1,
  decimals: false,
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Formats whole öre as a money string with two decimals. */
function kronor(ore: number): string {
  return `${Math.floor(ore / 100)}.${pad(ore % 100, 2)}`;
}

/**
 * Generates a valid cost model document deterministically from params and seed: every service holds
 * cost (each is named with positive weight by a pool with an amount), every driver has a positive
 * volume, reciprocal groups send something out. Receivers are named in shuffled order on purpose.
 */
export function generateCostModelDocument(params: ModelParams, seed: number): CostModelDocument {
  const rnd = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const copy = [...xs];
    for (let i = 0; i < Math.min(k, copy.length); i++) {
      const j = int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(k, copy.length));
  };
  const quantity = (min: number, max: number): string | number => {
    const whole = int(min, max);
    if (!params.decimals) return whole;
    const roll = rnd();
    if (roll < 0.3) return `${whole}.${int(0, 99)}`;
    if (roll < 0.5) return whole + int(0, 9) / 10;
    return String(whole);
  };

  const municipalities = Array.from(
    { length: Math.max(1, params.municipalities) },
    (_, i) => `kommun-${pad(i + 1, 2)}`,
  );
  const consumers = Array.from({ length: params.consumers }, (_, i) => ({
    id: `c-${pad(i + 1, 4)}`,
    name: `Förbrukare ${i + 1}`,
    municipality: i < municipalities.length ? municipalities[i] : pick(municipalities),
  }));
  const drivers = Array.from({ length: params.drivers }, (_, i) => ({
    id: `d-${pad(i + 1, 2)}`,
    name: `Nyckel ${i + 1}`,
    unit: 'st',
  }));
  const volumes: Record<string, Record<string, string | number>> = {};
  drivers.forEach((d, k) => {
    const perConsumer: Record<string, string | number> = {};
    consumers.forEach((c, i) => {
      if (i !== k % consumers.length && rnd() < params.zeroVolumeShare) {
        if (rnd() < 0.5) perConsumer[c.id] = 0;
      } else {
        perConsumer[c.id] = quantity(1, 500);
      }
    });
    volumes[d.id] = perConsumer;
  });

  const total = params.supportServices + params.terminalServices;
  const ids = Array.from({ length: total }, (_, i) =>
    i < params.supportServices ? `stod-${pad(i + 1, 2)}` : `tjanst-${pad(i + 1, 3)}`,
  );
  // Place reciprocal groups on free consecutive slots among the support services.
  const groupAt = new Array<number>(params.supportServices).fill(-1);
  const groups: number[][] = [];
  for (let g = 0, tries = 0; g < params.reciprocalGroups && tries < 50; tries++) {
    const size = params.supportServices >= 3 && rnd() < 0.3 ? 3 : 2;
    if (params.supportServices < size) break;
    const start = int(0, params.supportServices - size);
    const slots = Array.from({ length: size }, (_, k) => start + k);
    if (slots.some((s) => groupAt[s] !== -1)) continue;
    slots.forEach((s) => (groupAt[s] = groups.length));
    groups.push(slots);
    g++;
  }

  const services: CostModelDocument['services'] = ids.map((id, i) => {
    const name = `Tjänst ${id}`;
    if (i >= params.supportServices) {
      if (rnd() < params.consumerWeightsShare) {
        const chosen = sample(consumers, int(1, params.consumerWeightsFanout));
        const to: Record<string, string | number> = {};
        chosen.forEach((c, k) => (to[c.id] = k === 0 ? quantity(1, 10) : quantity(0, 10)));
        return { id, name, allocate: { method: 'consumer-weights', to } };
      }
      return { id, name, allocate: { method: 'driver', driver: pick(drivers).id } };
    }
    if (groupAt[i] >= 0) {
      const members = groups[groupAt[i]];
      const last = members[members.length - 1];
      const to: Record<string, string | number> = {};
      for (const m of members) if (m !== i) to[ids[m]] = quantity(1, 50);
      for (const t of sample(ids.slice(last + 1), int(1, 3))) to[t] = quantity(1, 100);
      return {
        id,
        name,
        allocate: { method: 'reciprocal', to: Object.fromEntries(sample(Object.entries(to), Infinity)) },
      };
    }
    const later = ids.slice(i + 1);
    const targets = sample(later, int(1, Math.min(6, later.length)));
    if (rnd() < 0.5) return { id, name, allocate: { method: 'proportional', to: targets } };
    const to: Record<string, string | number> = {};
    targets.forEach((t, k) => (to[t] = k === 0 ? quantity(1, 100) : quantity(0, 100)));
    return { id, name, allocate: { method: 'weights', to } };
  });

  const pools: CostModelDocument['pools'] = Array.from({ length: params.pools }, (_, p) => {
    const to: Record<string, string | number> = {};
    for (const id of sample(ids, Math.max(1, params.poolFanout))) to[id] = quantity(1, 100);
    const sign = rnd() < (params.negativePoolShare ?? 0) ? -1 : 1;
    const ore = int(1, 1_000_000_000);
    const amount =
      params.decimals && rnd() < 0.3 ? (sign * ore) / 100 : `${sign < 0 ? '-' : ''}${kronor(ore)}`;
    return { id: `pool-${pad(p + 1, 4)}`, name: `Kostnadspool ${p + 1}`, amount, to };
  });
  // Every service must hold something, so that proportional bases are never empty.
  const covered = new Set(pools.flatMap((p) => Object.keys(p.to)));
  ids.forEach((id, i) => {
    if (!covered.has(id)) pools[i % pools.length].to[id] = 1;
  });

  return {
    format: 'it-samverkan/cost-model@1',
    name: `Genererad modell ${seed}`,
    year: 2025,
    currency: 'SEK',
    consumers,
    drivers,
    pools,
    services,
    volumes,
  };
}

/** The bench's large model (LARGE_MODEL_PARAMS unless overridden), deterministic for a seed. */
export function generateLargeModel(params: Partial<ModelParams> = {}, seed = 20250101): CostModelDocument {
  return generateCostModelDocument({ ...LARGE_MODEL_PARAMS, ...params }, seed);
}

/**
 * Random small valid models, for properties. With `negativePools`, some pools are negative; such a
 * model can still fail while splitting when a proportional base turns negative.
 */
export function validCostModelArb(
  options: { negativePools?: boolean } = {},
): fc.Arbitrary<CostModelDocument> {
  return fc
    .record({
      municipalities: fc.integer({ min: 1, max: 3 }),
      consumers: fc.integer({ min: 1, max: 8 }),
      drivers: fc.integer({ min: 1, max: 3 }),
      supportServices: fc.integer({ min: 0, max: 6 }),
      terminalServices: fc.integer({ min: 1, max: 4 }),
      reciprocalGroups: fc.integer({ min: 0, max: 2 }),
      pools: fc.integer({ min: 1, max: 5 }),
      poolFanout: fc.integer({ min: 1, max: 5 }),
      consumerWeightsShare: fc.constantFrom(0, 0.3, 1),
      consumerWeightsFanout: fc.integer({ min: 1, max: 8 }),
      zeroVolumeShare: fc.constantFrom(0, 0.3, 0.8),
      decimals: fc.boolean(),
      negativePoolShare: options.negativePools ? fc.constantFrom(0.2, 0.5) : fc.constant(0),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ seed, ...params }) => generateCostModelDocument(params, seed));
}

/** Ways to break a valid model, each with the JSON path the validation must report. */
export type CostModelMutation = 'negative-volume' | 'backward-reference' | 'duplicate-id' | 'three-decimals';
export const COST_MODEL_MUTATIONS: readonly CostModelMutation[] = [
  'negative-volume',
  'backward-reference',
  'duplicate-id',
  'three-decimals',
];

/** Applies a mutation in place and returns the path that must be reported. */
export function mutateCostModel(doc: CostModelDocument, mutation: CostModelMutation): string {
  switch (mutation) {
    case 'negative-volume': {
      const driver = doc.drivers[0].id;
      const consumer = doc.consumers[doc.consumers.length - 1].id;
      doc.volumes[driver] = { ...doc.volumes[driver], [consumer]: -1 };
      return `volumes.${driver}.${consumer}`;
    }
    case 'backward-reference': {
      // A new last service that points at the first one, which is not listed after it.
      doc.services.push({
        id: 'bakat',
        name: 'Bakåt',
        allocate: { method: 'weights', to: { [doc.services[0].id]: 1 } },
      });
      return `services[${doc.services.length - 1}].allocate.to.${doc.services[0].id}`;
    }
    case 'duplicate-id':
      doc.consumers.push({ ...doc.consumers[0] });
      return `consumers[${doc.consumers.length - 1}].id`;
    case 'three-decimals':
      doc.pools[0].amount = '1.005';
      return 'pools[0].amount';
  }
}

/** A valid model with one or more mutations applied, and the paths that must be reported. */
export function invalidCostModelArb(): fc.Arbitrary<{ doc: CostModelDocument; paths: string[] }> {
  return fc
    .tuple(validCostModelArb(), fc.subarray([...COST_MODEL_MUTATIONS], { minLength: 1 }))
    .map(([doc, mutations]) => {
      const copy = cloneDocument(doc);
      return { doc: copy, paths: mutations.map((m) => mutateCostModel(copy, m)) };
    });
}
