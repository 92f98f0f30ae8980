import { ProblemList } from '../errors';
import { isObject, readQuantity, type Json } from './document-reading';
import { ALLOCATION_METHODS, type AllocationMethod, type ServiceAllocation } from './types';
import type { ConsumerWeight, ServiceWeight } from './types';

/** What reading one service's `allocate` needs to know about the rest of the model. */
export interface AllocationContext {
  readonly serviceIndex: ReadonlyMap<string, number>;
  readonly consumerIndex: ReadonlyMap<string, number>;
  readonly driverIndex: ReadonlyMap<string, number>;
  readonly problems: ProblemList;
}

const isMethod = (m: unknown): m is AllocationMethod =>
  typeof m === 'string' && (ALLOCATION_METHODS as readonly string[]).includes(m);

/**
 * Reads `services[i].allocate` into a typed allocation with receivers in model order. Unknown
 * receivers, self-references and (except for reciprocal services, whose groups are checked with
 * the whole graph) receivers not listed after the service are reported here.
 */
export function readServiceAllocation(
  raw: Json,
  i: number,
  serviceId: string,
  ctx: AllocationContext,
): ServiceAllocation | null {
  const path = `services[${i}].allocate`;
  const { problems } = ctx;
  const allocate = raw.allocate;
  if (!isObject(allocate)) {
    problems.add(path, 'Fördelningen (allocate) saknas eller är inte ett objekt');
    return null;
  }
  const method = allocate.method;
  if (!isMethod(method)) {
    problems.add(
      `${path}.method`,
      `Okänd fördelningsmetod "${String(method)}": välj ${ALLOCATION_METHODS.join(', ')}`,
    );
    return null;
  }
  switch (method) {
    case 'weights':
    case 'reciprocal':
      return { method, to: readServiceWeights(allocate.to, i, serviceId, method === 'reciprocal', ctx) };
    case 'consumer-weights':
      return { method, to: readConsumerWeights(allocate.to, i, serviceId, ctx) };
    case 'proportional':
      return { method, to: readProportionalTargets(allocate.to, i, serviceId, ctx) };
    case 'driver': {
      const driver = allocate.driver;
      if (typeof driver !== 'string' || driver === '') {
        problems.add(`${path}.driver`, 'Fördelningsnyckel (driver) saknas');
        return null;
      }
      if (!ctx.driverIndex.has(driver)) {
        problems.add(
          `${path}.driver`,
          `Tjänsten '${serviceId}' använder fördelningsnyckeln '${driver}' som inte finns`,
        );
        return null;
      }
      return { method, driver };
    }
  }
}

/** Checks that `target` may receive from service i; reports and returns false otherwise. */
function checkServiceTarget(
  target: string,
  i: number,
  serviceId: string,
  path: string,
  anyOrder: boolean,
  ctx: AllocationContext,
): number | null {
  const j = ctx.serviceIndex.get(target);
  if (j === undefined) {
    ctx.problems.add(
      path,
      `Tjänsten '${serviceId}' fördelar till '${target}' som inte finns bland tjänsterna`,
    );
    return null;
  }
  if (j === i) {
    ctx.problems.add(path, `Tjänsten '${serviceId}' kan inte fördela till sig själv`);
    return null;
  }
  if (j < i && !anyOrder) {
    ctx.problems.add(
      path,
      `Tjänsten '${serviceId}' fördelar till '${target}' som inte finns listad efter den`,
    );
    return null;
  }
  return j;
}

function readWeightObject(input: unknown, path: string, problems: ProblemList): [string, unknown][] {
  if (!isObject(input)) {
    problems.add(path, 'Mottagarna (to) måste anges som ett objekt med vikter, t.ex. { "arbetsplats": 1 }');
    return [];
  }
  return Object.entries(input);
}

function readServiceWeights(
  input: unknown,
  i: number,
  serviceId: string,
  anyOrder: boolean,
  ctx: AllocationContext,
): ServiceWeight[] {
  const path = `services[${i}].allocate.to`;
  const out: { index: number; entry: ServiceWeight }[] = [];
  for (const [target, rawWeight] of readWeightObject(input, path, ctx.problems)) {
    const weight = readQuantity(rawWeight, `${path}.${target}`, ctx.problems);
    const index = checkServiceTarget(target, i, serviceId, `${path}.${target}`, anyOrder, ctx);
    if (weight && index !== null) out.push({ index, entry: { serviceId: target, service: index, weight } });
  }
  return out.sort((a, b) => a.index - b.index).map((x) => x.entry);
}

function readConsumerWeights(
  input: unknown,
  i: number,
  serviceId: string,
  ctx: AllocationContext,
): ConsumerWeight[] {
  const path = `services[${i}].allocate.to`;
  const out: { index: number; entry: ConsumerWeight }[] = [];
  for (const [target, rawWeight] of readWeightObject(input, path, ctx.problems)) {
    const weight = readQuantity(rawWeight, `${path}.${target}`, ctx.problems);
    const index = ctx.consumerIndex.get(target);
    if (index === undefined) {
      ctx.problems.add(
        `${path}.${target}`,
        `Tjänsten '${serviceId}' fördelar till förbrukaren '${target}' som inte finns`,
      );
    } else if (weight) {
      out.push({ index, entry: { consumerId: target, consumer: index, weight } });
    }
  }
  return out.sort((a, b) => a.index - b.index).map((x) => x.entry);
}

function readProportionalTargets(
  input: unknown,
  i: number,
  serviceId: string,
  ctx: AllocationContext,
): string[] {
  const path = `services[${i}].allocate.to`;
  if (!Array.isArray(input)) {
    ctx.problems.add(
      path,
      'Mottagarna (to) måste anges som en lista med tjänste-id, t.ex. ["arbetsplats", "servicedesk"]',
    );
    return [];
  }
  const seen = new Set<string>();
  const out: { index: number; id: string }[] = [];
  input.forEach((target, k) => {
    if (typeof target !== 'string') {
      ctx.problems.add(`${path}[${k}]`, 'Mottagaren måste vara ett tjänste-id');
      return;
    }
    if (seen.has(target)) {
      ctx.problems.add(`${path}[${k}]`, `Tjänsten '${target}' står flera gånger i listan`);
      return;
    }
    seen.add(target);
    const index = checkServiceTarget(target, i, serviceId, `${path}[${k}]`, false, ctx);
    if (index !== null) out.push({ index, id: target });
  });
  return out.sort((a, b) => a.index - b.index).map((x) => x.id);
}
