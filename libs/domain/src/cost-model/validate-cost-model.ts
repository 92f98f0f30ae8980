import { ProblemList } from '../errors';
import { checkCostModelGraph } from './cost-model-graph-rules';
import {
  indexIds,
  isObject,
  readId,
  readList,
  readMoney,
  readOptionalText,
  readQuantity,
  readSlug,
  readText,
  type Json,
} from './document-reading';
import { sumOfQuantities } from './quantity-value';
import { readServiceAllocation } from './read-service-allocation';
import { readLedgerMapping } from '../ledger/ledger-mapping';
import {
  COST_MODEL_FORMAT,
  type Consumer,
  type ConsumerVolume,
  type CostModel,
  type CostPool,
  type Driver,
  type Quantity,
  type Service,
  type ServiceWeight,
} from './types';

/** The message of the ValidationError thrown for an invalid cost model. */
export const INVALID_COST_MODEL_MESSAGE = 'Kostnadsmodellen är ogiltig';

/** Each list entry as an object, or null with a problem when it is something else. */
function entries(list: unknown[], section: string, problems: ProblemList): (Json | null)[] {
  return list.map((item, i) => {
    if (isObject(item)) return item;
    problems.add(`${section}[${i}]`, 'Posten måste vara ett objekt');
    return null;
  });
}

/**
 * Checks a cost model document (`it-samverkan/cost-model@1`, DOMAIN.md 5.1) against every rule and
 * returns the typed model; throws one ValidationError listing all problems, before any computing.
 */
export function validateCostModel(doc: unknown): CostModel {
  const problems = new ProblemList();
  if (!isObject(doc)) {
    problems.add('', 'Kostnadsmodellen måste vara ett JSON-objekt');
    problems.throwIfAny(INVALID_COST_MODEL_MESSAGE);
  }
  const root = doc as Json;

  if (root.format !== COST_MODEL_FORMAT) {
    problems.add('format', `Okänt format "${String(root.format)}": förväntade "${COST_MODEL_FORMAT}"`);
  }
  const name = typeof root.name === 'string' && root.name.trim() !== '' ? root.name : '';
  if (name === '') problems.add('name', 'Modellen måste ha ett namn');
  const year = root.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2999) {
    problems.add('year', 'Året måste vara ett heltal, t.ex. 2025');
  }
  if (root.currency !== 'SEK')
    problems.add('currency', `Valutan måste vara "SEK" (angavs: "${String(root.currency)}")`);

  const rawConsumers = entries(readList(root, 'consumers', problems), 'consumers', problems);
  const rawDrivers = entries(readList(root, 'drivers', problems), 'drivers', problems);
  const rawPools = entries(readList(root, 'pools', problems), 'pools', problems);
  const rawServices = entries(readList(root, 'services', problems), 'services', problems);

  // Ids first, so that references anywhere can be resolved whatever the order of sections.
  const idsOf = (raw: (Json | null)[], section: string) =>
    raw.map((r, i) => (r ? readId(r, `${section}[${i}]`, problems) : ''));
  const consumerIds = idsOf(rawConsumers, 'consumers');
  const driverIds = idsOf(rawDrivers, 'drivers');
  const poolIds = idsOf(rawPools, 'pools');
  const serviceIds = idsOf(rawServices, 'services');
  const consumerIndex = indexIds('consumers', consumerIds, problems);
  const driverIndex = indexIds('drivers', driverIds, problems);
  indexIds('pools', poolIds, problems);
  const serviceIndex = indexIds('services', serviceIds, problems);

  const consumers: Consumer[] = [];
  rawConsumers.forEach((r, i) => {
    if (!r) return;
    const path = `consumers[${i}]`;
    const consumerName = readText(r, 'name', path, problems, 'Förbrukaren måste ha ett namn');
    const municipality = readSlug(r, 'municipality', path, problems);
    consumers.push({ id: consumerIds[i], name: consumerName, municipality });
  });

  const driverTexts = rawDrivers.map((r, i) =>
    r
      ? {
          name: readText(r, 'name', `drivers[${i}]`, problems, 'Fördelningsnyckeln måste ha ett namn'),
          unit: readText(
            r,
            'unit',
            `drivers[${i}]`,
            problems,
            'Fördelningsnyckeln måste ha en enhet, t.ex. "st"',
          ),
        }
      : null,
  );

  const pools: CostPool[] = [];
  rawPools.forEach((r, i) => {
    if (!r) return;
    const path = `pools[${i}]`;
    const poolName = readText(r, 'name', path, problems, 'Poolen måste ha ett namn');
    const amount = readMoney(r.amount, `${path}.amount`, problems);
    const to = readPoolTargets(r.to, path, poolIds[i], serviceIndex, problems);
    if (amount && !amount.isZero() && to.every((t) => t.weight.units === 0n)) {
      problems.add(`${path}.to`, `Poolen '${poolIds[i]}' har ett belopp men ingen tjänst med positiv vikt`);
    }
    if (amount) pools.push({ id: poolIds[i], name: poolName, amount, to });
  });

  // Services stay aligned with their positions, so the graph rules can run even when some are broken.
  const broken = new Set<number>();
  const services: Service[] = rawServices.map((r, i) => {
    const serviceName = r
      ? readText(r, 'name', `services[${i}]`, problems, 'Tjänsten måste ha ett namn')
      : '';
    const allocate =
      r && readServiceAllocation(r, i, serviceIds[i], { serviceIndex, consumerIndex, driverIndex, problems });
    if (!allocate) broken.add(i);
    const description = r ? readOptionalText(r, 'description', `services[${i}]`, problems) : null;
    return {
      id: serviceIds[i],
      name: serviceName,
      description,
      allocate: allocate ?? { method: 'weights', to: [] },
    };
  });

  const volumes = readVolumes(root.volumes, driverIndex, consumerIndex, problems);
  const drivers: Driver[] = [];
  driverTexts.forEach((texts, i) => {
    if (!texts) return;
    // A repeated driver id is already reported; its volumes belong to the first one.
    const own = driverIndex.get(driverIds[i]) === i ? (volumes.get(driverIds[i]) ?? []) : [];
    const totalVolume = sumOfQuantities(own.map((v) => v.volume));
    drivers.push({ id: driverIds[i], name: texts.name, unit: texts.unit, volumes: own, totalVolume });
  });

  const ledgerMapping = readLedgerMapping(
    root.ledgerMapping,
    new Set(poolIds.filter((id) => id !== '')),
    problems,
  );
  const reciprocalGroups = checkCostModelGraph({ services, pools, drivers, serviceIndex, broken }, problems);

  problems.throwIfAny(INVALID_COST_MODEL_MESSAGE);
  return {
    format: COST_MODEL_FORMAT,
    name,
    year: year as number,
    currency: 'SEK',
    consumers,
    drivers,
    pools,
    services,
    reciprocalGroups,
    ...(ledgerMapping ? { ledgerMapping } : {}),
  };
}

function readPoolTargets(
  input: unknown,
  path: string,
  poolId: string,
  serviceIndex: ReadonlyMap<string, number>,
  problems: ProblemList,
): ServiceWeight[] {
  if (!isObject(input)) {
    problems.add(
      `${path}.to`,
      'Poolen måste ange mottagande tjänster som ett objekt med vikter, t.ex. { "arbetsplats": 1 }',
    );
    return [];
  }
  const out: { index: number; entry: ServiceWeight }[] = [];
  for (const [target, rawWeight] of Object.entries(input)) {
    const weight = readQuantity(rawWeight, `${path}.to.${target}`, problems);
    const index = serviceIndex.get(target);
    if (index === undefined) {
      problems.add(
        `${path}.to.${target}`,
        `Poolen '${poolId}' fördelar till '${target}' som inte finns bland tjänsterna`,
      );
    } else if (weight) {
      out.push({ index, entry: { serviceId: target, service: index, weight } });
    }
  }
  return out.sort((a, b) => a.index - b.index).map((x) => x.entry);
}

/** Reads `volumes` (driver → consumer → volume) into per-driver lists in consumers order. */
function readVolumes(
  input: unknown,
  driverIndex: ReadonlyMap<string, number>,
  consumerIndex: ReadonlyMap<string, number>,
  problems: ProblemList,
): Map<string, ConsumerVolume[]> {
  const out = new Map<string, ConsumerVolume[]>();
  if (input === undefined) return out;
  if (!isObject(input)) {
    problems.add('volumes', 'Volymerna måste anges som ett objekt per fördelningsnyckel');
    return out;
  }
  for (const [driverId, perConsumer] of Object.entries(input)) {
    const path = `volumes.${driverId}`;
    if (!driverIndex.has(driverId)) problems.add(path, `Okänd fördelningsnyckel '${driverId}'`);
    if (!isObject(perConsumer)) {
      problems.add(path, 'Volymerna måste anges som ett objekt med en volym per förbrukare');
      continue;
    }
    const list: { index: number; entry: ConsumerVolume }[] = [];
    for (const [consumerId, raw] of Object.entries(perConsumer)) {
      const volume: Quantity | null = readQuantity(raw, `${path}.${consumerId}`, problems);
      const index = consumerIndex.get(consumerId);
      if (index === undefined) problems.add(`${path}.${consumerId}`, `Okänd förbrukare '${consumerId}'`);
      else if (volume) list.push({ index, entry: { consumerId, consumer: index, volume } });
    }
    out.set(
      driverId,
      list.sort((a, b) => a.index - b.index).map((x) => x.entry),
    );
  }
  return out;
}
