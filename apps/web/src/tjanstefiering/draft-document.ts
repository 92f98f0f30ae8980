import type { AllocationMethod } from '@it-samverkan/domain';
import type { ModelDocument } from '../api/types';

/*
 * The draft editor's document work, without React: the inputs' ids, which input an API problem
 * belongs to, and the edits that keep the document's references whole (an id renamed or removed
 * everywhere the document names it).
 */

type Service = ModelDocument['services'][number];
type Allocation = Service['allocate'];
export type Part = 'consumers' | 'drivers' | 'pools' | 'services';
/** Which entries were added in this form (their id may still be typed); parallel to the document's lists. */
export type Added = Record<Part, boolean[]>;

/** The id of the input that holds a document path, so the error summary links to the field. */
export const poolField = (i: number, part = 'amount') => `pool-${i}-${part}`;
export const consumerField = (i: number, part = 'name') => `consumer-${i}-${part}`;
export const serviceField = (i: number, part = 'name') => `service-${i}-${part}`;
export const driverField = (i: number) => serviceField(i, 'driver');
/** A driver's own inputs (id, name, unit) in the drivers table; `driverField` is a service's choice of driver. */
export const driverRowField = (i: number, part = 'name') => `driver-${i}-${part}`;
export const volumeField = (driver: string, consumer: string, i: number) =>
  `volume-${driver}-${consumer === '' ? `ny-${i}` : consumer}`;

/**
 * The input a problem of the API belongs to: the exact field where there is one, otherwise the
 * name of its pool, consumer or service, so every problem is shown at a field of the form.
 */
function fieldOfPath(doc: ModelDocument, added: Added, path: string): string | null {
  let m = /^consumers\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const part =
      m[2] === 'municipality' ? 'municipality' : m[2] === 'id' && added.consumers[i] ? 'id' : 'name';
    return consumerField(i, part);
  }
  m = /^drivers\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const part = m[2] === 'unit' ? 'unit' : m[2] === 'id' && added.drivers[i] ? 'id' : 'name';
    return driverRowField(i, part);
  }
  m = /^pools\[(\d+)\](?:\.(\w+)(?:\.(.+))?)?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    if (m[2] === 'amount') return poolField(i);
    if (m[2] === 'to') {
      const k = m[3] === undefined ? 0 : doc.services.findIndex((s) => s.id === m![3]);
      return k >= 0 ? poolField(i, `to-${k}`) : poolField(i, 'name');
    }
    return poolField(i, m[2] === 'id' && added.pools[i] ? 'id' : 'name');
  }
  m = /^services\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?(?:[.[](.+?)\]?)?$/.exec(path);
  if (m) {
    const i = Number(m[1]);
    if (m[2] === 'id' && added.services[i]) return serviceField(i, 'id');
    if (m[2] !== 'allocate') return serviceField(i);
    if (m[3] === 'driver') return driverField(i);
    if (m[3] === 'method') return serviceField(i, 'method');
    if (m[3] === 'to') return targetFieldOf(doc, i, m[4]);
    return serviceField(i);
  }
  m = /^volumes\.([^.]+)(?:\.(.+))?$/.exec(path);
  if (m) {
    const consumer = m[2] ?? doc.consumers[0]?.id ?? '';
    const i = doc.consumers.findIndex((c) => c.id === consumer);
    return volumeField(m[1], consumer, i);
  }
  return null;
}

/** A service's receivers: the consumers (consumer-weights) or the services after it (weights, proportional). */
export function targetsOf(doc: ModelDocument, i: number): { id: string; name: string }[] {
  const method = doc.services[i].allocate.method;
  if (method === 'consumer-weights') return doc.consumers;
  if (method === 'weights' || method === 'proportional' || method === 'reciprocal')
    return doc.services.filter((_, k) => k !== i);
  return [];
}

function targetFieldOf(doc: ModelDocument, i: number, target: string | undefined): string {
  const targets = targetsOf(doc, i);
  if (target === undefined) return targets.length ? serviceField(i, 'to-0') : serviceField(i);
  const allocation = doc.services[i].allocate;
  const to = allocation.method === 'driver' ? undefined : allocation.to;
  // a list's problem names its position ("services[2].allocate.to[1]"), an object's the receiver's id
  const id = /^\d+$/.test(target) && Array.isArray(to) ? to[Number(target)] : target;
  const k = targets.findIndex((t) => t.id === id);
  return k >= 0 ? serviceField(i, `to-${k}`) : serviceField(i);
}

/** Renames a consumer everywhere the document names it (volumes, consumer weights). */
export function renameConsumer(d: ModelDocument, from: string, to: string) {
  for (const driver of Object.keys(d.volumes)) {
    const volumes = d.volumes[driver];
    if (from in volumes) {
      volumes[to] = volumes[from];
      delete volumes[from];
    }
  }
  for (const { allocate: a } of d.services)
    if (a.method === 'consumer-weights' && from in a.to) {
      a.to[to] = a.to[from];
      delete a.to[from];
    }
}

/** Renames a service everywhere the document names it (pools' weights, other services' receivers). */
export function renameService(d: ModelDocument, from: string, to: string) {
  for (const p of d.pools)
    if (from in p.to) {
      p.to[to] = p.to[from];
      delete p.to[from];
    }
  for (const { allocate: a } of d.services) {
    if (a.method === 'proportional') a.to = a.to.map((x) => (x === from ? to : x));
    else if ((a.method === 'weights' || a.method === 'reciprocal') && from in a.to) {
      a.to[to] = a.to[from];
      delete a.to[from];
    }
  }
}

export function removeConsumer(d: ModelDocument, i: number) {
  const [gone] = d.consumers.splice(i, 1);
  for (const driver of Object.keys(d.volumes)) delete d.volumes[driver][gone.id];
  for (const { allocate: a } of d.services) if (a.method === 'consumer-weights') delete a.to[gone.id];
}

/** Renames a driver everywhere the document names it (its volumes, the services it spreads). */
export function renameDriver(d: ModelDocument, from: string, to: string) {
  if (from in d.volumes) {
    d.volumes[to] = d.volumes[from];
    delete d.volumes[from];
  }
  for (const s of d.services)
    if (s.allocate.method === 'driver' && s.allocate.driver === from) s.allocate.driver = to;
}

/** The services spread by a driver: while there are any, the driver cannot be removed. */
export const servicesUsing = (d: ModelDocument, driver: string) =>
  d.services.filter((s) => s.allocate.method === 'driver' && s.allocate.driver === driver);

export function removeDriver(d: ModelDocument, i: number) {
  const [gone] = d.drivers.splice(i, 1);
  delete d.volumes[gone.id];
}

export function removeService(d: ModelDocument, i: number) {
  const [gone] = d.services.splice(i, 1);
  for (const p of d.pools) delete p.to[gone.id];
  for (const { allocate: a } of d.services) {
    if (a.method === 'proportional') a.to = a.to.filter((x) => x !== gone.id);
    else if (a.method === 'weights' || a.method === 'reciprocal') delete a.to[gone.id];
  }
}

export function allocationFor(method: AllocationMethod, doc: ModelDocument): Allocation {
  if (method === 'driver') return { method, driver: doc.drivers[0]?.id ?? '' };
  if (method === 'proportional') return { method, to: [] };
  return { method, to: {} };
}

export const noneAdded = (doc: ModelDocument): Added => ({
  consumers: doc.consumers.map(() => false),
  drivers: doc.drivers.map(() => false),
  pools: doc.pools.map(() => false),
  services: doc.services.map(() => false),
});

/** The edits a section of the form makes (each on a copy of the document, see DraftForm). */
export interface DraftEdits {
  doc: ModelDocument;
  added: Added;
  /** Input id → the problems the API named there. */
  at: Record<string, string>;
  change: (edit: (d: ModelDocument) => void) => void;
  add: (section: Part, edit: (d: ModelDocument) => void) => void;
  remove: (section: Part, i: number, edit: (d: ModelDocument) => void) => void;
}

/**
 * Every problem the API named (path → message, as useSubmit's `problems`), at the input it belongs
 * to (`at`), and each path's input for the error summary's links (`fieldIds`).
 */
export function problemsAtFields(
  doc: ModelDocument,
  added: Added,
  problems: Record<string, string>,
): { at: Record<string, string>; fieldIds: Record<string, string> } {
  const at: Record<string, string> = {};
  const fieldIds: Record<string, string> = {};
  for (const [path, message] of Object.entries(problems)) {
    const field = fieldOfPath(doc, added, path);
    if (!field) continue;
    fieldIds[path] = field;
    at[field] = at[field] ? `${at[field]} ${message}` : message;
  }
  return { at, fieldIds };
}
