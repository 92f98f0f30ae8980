import {
  Alert,
  Button,
  Checkbox,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { CostModelVersion } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import type { ModelDocument } from './model-page';

type Version = CostModelVersion & { document: ModelDocument };
type Service = ModelDocument['services'][number];
type Allocation = Service['allocate'];
type Part = 'consumers' | 'drivers' | 'pools' | 'services';
/** Which entries were added in this form (their id may still be typed); parallel to the document's lists. */
type Added = Record<Part, boolean[]>;

const METHODS: { method: string; label: string }[] = [
  { method: 'driver', label: 'Efter en fördelningsnyckel (volymer)' },
  { method: 'consumer-weights', label: 'Med vikter per förbrukare' },
  { method: 'weights', label: 'Med vikter till senare tjänster' },
  { method: 'proportional', label: 'I proportion till senare tjänsters kostnad' },
];

/** The id of the input that holds a document path, so the error summary links to the field. */
const poolField = (i: number, part = 'amount') => `pool-${i}-${part}`;
const consumerField = (i: number, part = 'name') => `consumer-${i}-${part}`;
const serviceField = (i: number, part = 'name') => `service-${i}-${part}`;
const driverField = (i: number) => serviceField(i, 'driver');
/** A driver's own inputs (id, name, unit) in the drivers table; `driverField` is a service's choice of driver. */
const driverRowField = (i: number, part = 'name') => `driver-${i}-${part}`;
const volumeField = (driver: string, consumer: string, i: number) =>
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
function targetsOf(doc: ModelDocument, i: number): { id: string; name: string }[] {
  const method = doc.services[i].allocate.method;
  if (method === 'consumer-weights') return doc.consumers;
  if (method === 'weights' || method === 'proportional' || method === 'reciprocal')
    return doc.services.filter((_, k) => k !== i);
  return [];
}

function targetFieldOf(doc: ModelDocument, i: number, target: string | undefined): string {
  const targets = targetsOf(doc, i);
  if (target === undefined) return targets.length ? serviceField(i, 'to-0') : serviceField(i);
  const to = doc.services[i].allocate.to;
  // a list's problem names its position ("services[2].allocate.to[1]"), an object's the receiver's id
  const id = /^\d+$/.test(target) && Array.isArray(to) ? to[Number(target)] : target;
  const k = targets.findIndex((t) => t.id === id);
  return k >= 0 ? serviceField(i, `to-${k}`) : serviceField(i);
}

/** Renames a consumer everywhere the document names it (volumes, consumer weights). */
function renameConsumer(d: ModelDocument, from: string, to: string) {
  for (const driver of Object.keys(d.volumes)) {
    const volumes = d.volumes[driver];
    if (from in volumes) {
      volumes[to] = volumes[from];
      delete volumes[from];
    }
  }
  for (const s of d.services) {
    const t = s.allocate.to;
    if (s.allocate.method === 'consumer-weights' && t && !Array.isArray(t) && from in t) {
      t[to] = t[from];
      delete t[from];
    }
  }
}

/** Renames a service everywhere the document names it (pools' weights, other services' receivers). */
function renameService(d: ModelDocument, from: string, to: string) {
  for (const p of d.pools)
    if (from in p.to) {
      p.to[to] = p.to[from];
      delete p.to[from];
    }
  for (const s of d.services) {
    const t = s.allocate.to;
    if (s.allocate.method === 'consumer-weights' || !t) continue;
    if (Array.isArray(t)) s.allocate.to = t.map((x) => (x === from ? to : x));
    else if (from in t) {
      t[to] = t[from];
      delete t[from];
    }
  }
}

function removeConsumer(d: ModelDocument, i: number) {
  const [gone] = d.consumers.splice(i, 1);
  for (const driver of Object.keys(d.volumes)) delete d.volumes[driver][gone.id];
  for (const s of d.services) {
    const t = s.allocate.to;
    if (s.allocate.method === 'consumer-weights' && t && !Array.isArray(t)) delete t[gone.id];
  }
}

/** Renames a driver everywhere the document names it (its volumes, the services it spreads). */
function renameDriver(d: ModelDocument, from: string, to: string) {
  if (from in d.volumes) {
    d.volumes[to] = d.volumes[from];
    delete d.volumes[from];
  }
  for (const s of d.services)
    if (s.allocate.method === 'driver' && s.allocate.driver === from) s.allocate.driver = to;
}

/** The services spread by a driver: while there are any, the driver cannot be removed. */
const servicesUsing = (d: ModelDocument, driver: string) =>
  d.services.filter((s) => s.allocate.method === 'driver' && s.allocate.driver === driver);

function removeDriver(d: ModelDocument, i: number) {
  const [gone] = d.drivers.splice(i, 1);
  delete d.volumes[gone.id];
}

function removeService(d: ModelDocument, i: number) {
  const [gone] = d.services.splice(i, 1);
  for (const p of d.pools) delete p.to[gone.id];
  for (const s of d.services) {
    const t = s.allocate.to;
    if (s.allocate.method === 'consumer-weights' || !t) continue;
    if (Array.isArray(t)) s.allocate.to = t.filter((x) => x !== gone.id);
    else delete t[gone.id];
  }
}

function allocationFor(method: string, doc: ModelDocument): Allocation {
  if (method === 'driver') return { method, driver: doc.drivers[0]?.id ?? '' };
  if (method === 'proportional') return { method, to: [] };
  return { method, to: {} };
}

/**
 * Tjänstefieringsgruppen edits a draft model version: consumers, drivers, pools and services added
 * and removed (with their weights and volumes), pool amounts, volumes, a service's driver; then splits it again.
 */
export function DraftEditPage() {
  const { id = '' } = useParams();
  const version = useApi(() => api.get<Version>(`/cost-models/${id}`), [id]);
  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={`Redigera: ${v.name}`}>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}`}>Tillbaka till versionen</Link>
          </Paragraph>
          {v.status === 'approved' ? (
            <Alert data-color="info">
              <Paragraph>
                Versionen är godkänd ({v.decision?.reference ?? 'beslut finns'}) och kan inte ändras. En
                ändring görs som en ny version.
              </Paragraph>
            </Alert>
          ) : (
            <DraftForm version={v} onSaved={version.reload} />
          )}
        </Page>
      )}
    </LoadState>
  );
}

const noneAdded = (doc: ModelDocument): Added => ({
  consumers: doc.consumers.map(() => false),
  drivers: doc.drivers.map(() => false),
  pools: doc.pools.map(() => false),
  services: doc.services.map(() => false),
});

function DraftForm({ version, onSaved }: { version: Version; onSaved: () => void }) {
  const navigate = useNavigate();
  const [doc, setDoc] = useState<ModelDocument>(() => structuredClone(version.document));
  const [added, setAdded] = useState<Added>(() => noneAdded(version.document));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDoc(structuredClone(version.document));
    setAdded(noneAdded(version.document));
  }, [version]);

  // every problem the API named, at the input it belongs to
  const details = error instanceof ApiError ? error.details : [];
  const fieldIds: Record<string, string> = {};
  const at: Record<string, string> = {};
  for (const d of details) {
    const field = fieldOfPath(doc, added, d.path);
    if (!field) continue;
    fieldIds[d.path] = field;
    at[field] = at[field] ? `${at[field]} ${d.message}` : d.message;
  }

  const change = (edit: (d: ModelDocument) => void) => {
    const next = structuredClone(doc);
    edit(next);
    setDoc(next);
    setSaved(false);
  };
  const add = (section: Part, edit: (d: ModelDocument) => void) => {
    change(edit);
    setAdded({ ...added, [section]: [...added[section], true] });
  };
  const remove = (section: Part, i: number, edit: (d: ModelDocument) => void) => {
    change(edit);
    setAdded({ ...added, [section]: added[section].filter((_, k) => k !== i) });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api.put(`/cost-models/${version.id}?kind=${version.kind}`, doc);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function split() {
    setError(null);
    try {
      const run = await api.post<{ id: string }>(`/cost-models/${version.id}/splits`);
      navigate(`/tjanstefiering/fordelningar/${run.id}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form onSubmit={save} noValidate className="stack">
      <FormProblems error={error} fieldIds={fieldIds} heading="Utkastet sparades inte. Rätta följande:" />
      <div aria-live="polite">
        {saved && (
          <Alert data-color="success">
            <Paragraph>Utkastet är sparat. Fördela det igen för att se resultatet.</Paragraph>
          </Alert>
        )}
      </div>
      <Paragraph>
        Ingenting sparas förrän hela utkastet är felfritt; formuläret behåller det du skrivit. Id används i
        filer och API och kan bara skrivas för det som läggs till här.
      </Paragraph>
      <ConsumersSection doc={doc} added={added} at={at} change={change} add={add} remove={remove} />
      <PoolsSection doc={doc} added={added} at={at} change={change} add={add} remove={remove} />
      <DriversSection doc={doc} added={added} at={at} change={change} add={add} remove={remove} />
      <ServicesSection doc={doc} added={added} at={at} change={change} add={add} remove={remove} />
      <Section id="redigera-volymer" title="Volymer">
        {doc.drivers.map((driver, k) => (
          <DataTable
            key={k}
            caption={`${driver.name || driver.id || `Ny fördelningsnyckel ${k + 1}`} (${driver.unit}) per förbrukare`}
            rows={doc.consumers.map((c, i) => ({ c, i }))}
            rowKey={({ i }) => String(i)}
            columns={[
              { header: 'Förbrukare', cell: ({ c, i }) => c.name || c.id || `Ny förbrukare ${i + 1}` },
              {
                header: 'Volym',
                cell: ({ c, i }) => (
                  <Textfield
                    id={volumeField(driver.id, c.id, i)}
                    aria-label={`${driver.name || `Nyckel ${k + 1}`}, ${c.name || `förbrukare ${i + 1}`}`}
                    inputMode="decimal"
                    data-size="sm"
                    value={String(doc.volumes[driver.id]?.[c.id] ?? '')}
                    onChange={(e) =>
                      change((d) => {
                        const volumes = { ...(d.volumes[driver.id] ?? {}) };
                        if (e.target.value === '') delete volumes[c.id];
                        else volumes[c.id] = e.target.value;
                        d.volumes[driver.id] = volumes;
                      })
                    }
                    error={at[volumeField(driver.id, c.id, i)]}
                  />
                ),
              },
            ]}
          />
        ))}
      </Section>
      <div className="files">
        <Button type="submit" loading={busy}>
          Spara utkastet
        </Button>
        <Button type="button" variant="secondary" onClick={split} disabled={!saved}>
          Fördela igen
        </Button>
      </div>
    </form>
  );
}

interface SectionProps {
  doc: ModelDocument;
  added: Added;
  at: Record<string, string>;
  change: (edit: (d: ModelDocument) => void) => void;
  add: (section: Part, edit: (d: ModelDocument) => void) => void;
  remove: (section: Part, i: number, edit: (d: ModelDocument) => void) => void;
}

/** An id: typed for an entry added here, shown as text for one the document already had. */
function IdCell({
  id,
  value,
  label,
  isNew,
  error,
  onChange,
}: {
  id: string;
  value: string;
  label: string;
  isNew: boolean;
  error?: string;
  onChange: (value: string) => void;
}) {
  if (!isNew) return <code>{value}</code>;
  return (
    <Textfield
      id={id}
      aria-label={label}
      data-size="sm"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

function ConsumersSection({ doc, added, at, change, add, remove }: SectionProps) {
  return (
    <Section id="redigera-forbrukare" title="Förbrukare">
      <DataTable
        caption="Förbrukare (id, namn och kommun)"
        rows={doc.consumers.map((c, i) => ({ c, i }))}
        rowKey={({ i }) => String(i)}
        columns={[
          {
            header: 'Id',
            cell: ({ c, i }) => (
              <IdCell
                id={consumerField(i, 'id')}
                value={c.id}
                label={`Förbrukare ${i + 1}: id`}
                isNew={added.consumers[i]}
                error={at[consumerField(i, 'id')]}
                onChange={(value) =>
                  change((d) => {
                    renameConsumer(d, d.consumers[i].id, value);
                    d.consumers[i].id = value;
                  })
                }
              />
            ),
          },
          {
            header: 'Namn',
            cell: ({ c, i }) => (
              <Textfield
                id={consumerField(i)}
                className="wide-input"
                aria-label={`Förbrukare ${i + 1}: namn`}
                data-size="sm"
                value={c.name}
                onChange={(e) => change((d) => (d.consumers[i].name = e.target.value))}
                error={at[consumerField(i)]}
              />
            ),
          },
          {
            header: 'Kommun',
            cell: ({ c, i }) => (
              <Textfield
                id={consumerField(i, 'municipality')}
                aria-label={`Förbrukare ${i + 1}: kommun (till exempel ulricehamn)`}
                data-size="sm"
                value={c.municipality}
                onChange={(e) => change((d) => (d.consumers[i].municipality = e.target.value))}
                error={at[consumerField(i, 'municipality')]}
              />
            ),
          },
          {
            header: 'Ta bort',
            cell: ({ c, i }) => (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => remove('consumers', i, (d) => removeConsumer(d, i))}
              >
                Ta bort {c.name || `förbrukare ${i + 1}`}
              </Button>
            ),
          },
        ]}
      />
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            add('consumers', (d) =>
              d.consumers.push({ id: '', name: '', municipality: d.consumers[0]?.municipality ?? '' }),
            )
          }
        >
          Lägg till förbrukare
        </Button>
      </div>
    </Section>
  );
}

/**
 * The drivers (fördelningsnycklar) with their unit; one is added here with its volumes below, and
 * removed only when no service is spread by it (the API refuses such a document too, at the service).
 */
function DriversSection({ doc, added, at, change, add, remove }: SectionProps) {
  const [refused, setRefused] = useState<{ index: number; message: string } | null>(null);
  const tryRemove = (i: number) => {
    const driver = doc.drivers[i];
    const users = servicesUsing(doc, driver.id);
    if (users.length > 0) {
      setRefused({
        index: i,
        message:
          `${driver.name || driver.id} används av ${users.map((s) => s.name || s.id).join(', ')} och kan inte ` +
          'tas bort. Välj först en annan fördelningsnyckel för tjänsten.',
      });
      return;
    }
    setRefused(null);
    remove('drivers', i, (d) => removeDriver(d, i));
  };
  return (
    <Section id="redigera-nycklar" title="Fördelningsnycklar">
      <Paragraph>
        En fördelningsnyckel (till exempel antal datorer) fördelar en tjänst på förbrukarna efter deras
        volymer, som anges under Volymer. Enheten visas i prislistan (till exempel st).
      </Paragraph>
      <DataTable
        caption="Fördelningsnycklar (id, namn och enhet)"
        rows={doc.drivers.map((d, i) => ({ d, i }))}
        rowKey={({ i }) => String(i)}
        columns={[
          {
            header: 'Id',
            cell: ({ d, i }) => (
              <IdCell
                id={driverRowField(i, 'id')}
                value={d.id}
                label={`Fördelningsnyckel ${i + 1}: id`}
                isNew={added.drivers[i]}
                error={at[driverRowField(i, 'id')]}
                onChange={(value) =>
                  change((next) => {
                    renameDriver(next, next.drivers[i].id, value);
                    next.drivers[i].id = value;
                  })
                }
              />
            ),
          },
          {
            header: 'Namn',
            cell: ({ d, i }) => (
              <Textfield
                id={driverRowField(i)}
                className="wide-input"
                aria-label={`Fördelningsnyckel ${i + 1}: namn`}
                data-size="sm"
                value={d.name}
                onChange={(e) => change((next) => (next.drivers[i].name = e.target.value))}
                error={at[driverRowField(i)]}
              />
            ),
          },
          {
            header: 'Enhet',
            cell: ({ d, i }) => (
              <Textfield
                id={driverRowField(i, 'unit')}
                aria-label={`${d.name || `Fördelningsnyckel ${i + 1}`}: enhet`}
                data-size="sm"
                value={d.unit}
                onChange={(e) => change((next) => (next.drivers[i].unit = e.target.value))}
                error={at[driverRowField(i, 'unit')]}
              />
            ),
          },
          {
            header: 'Fördelar',
            cell: ({ d }) =>
              servicesUsing(doc, d.id)
                .map((s) => s.name || s.id)
                .join(', ') || 'Ingen tjänst',
          },
          {
            header: 'Ta bort',
            cell: ({ d, i }) => (
              <>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-describedby={refused?.index === i ? driverRowField(i, 'refused') : undefined}
                  onClick={() => tryRemove(i)}
                >
                  Ta bort {d.name || `fördelningsnyckel ${i + 1}`}
                </Button>
                <div aria-live="polite">
                  {refused?.index === i && (
                    <ValidationMessage id={driverRowField(i, 'refused')}>{refused.message}</ValidationMessage>
                  )}
                </div>
              </>
            ),
          },
        ]}
      />
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setRefused(null);
            add('drivers', (d) => d.drivers.push({ id: '', name: '', unit: 'st' }));
          }}
        >
          Lägg till fördelningsnyckel
        </Button>
      </div>
    </Section>
  );
}

function PoolsSection({ doc, added, at, change, add, remove }: SectionProps) {
  return (
    <Section id="redigera-pooler" title="Kostnadspooler">
      <Paragraph>
        Varje pool fördelas till tjänsterna med vikter (tom ruta: ingen del). Belopp med punkt som
        decimaltecken, till exempel 5500000.00.
      </Paragraph>
      <DataTable
        caption="Kostnadspooler, belopp och vikter per tjänst"
        rows={doc.pools.map((p, i) => ({ p, i }))}
        rowKey={({ i }) => String(i)}
        columns={[
          {
            header: 'Id',
            cell: ({ p, i }) => (
              <IdCell
                id={poolField(i, 'id')}
                value={p.id}
                label={`Pool ${i + 1}: id`}
                isNew={added.pools[i]}
                error={at[poolField(i, 'id')]}
                onChange={(value) => change((d) => (d.pools[i].id = value))}
              />
            ),
          },
          {
            header: 'Namn',
            cell: ({ p, i }) => (
              <Textfield
                id={poolField(i, 'name')}
                className="wide-input"
                aria-label={`Pool ${i + 1}: namn`}
                data-size="sm"
                value={p.name}
                onChange={(e) => change((d) => (d.pools[i].name = e.target.value))}
                error={at[poolField(i, 'name')]}
              />
            ),
          },
          {
            header: 'Belopp (kronor)',
            cell: ({ p, i }) => (
              <Textfield
                id={poolField(i)}
                className="amount-input"
                aria-label={`${p.name || `Pool ${i + 1}`} (kronor)`}
                inputMode="decimal"
                data-size="sm"
                value={String(p.amount)}
                onChange={(e) => change((d) => (d.pools[i].amount = e.target.value))}
                error={at[poolField(i)]}
              />
            ),
          },
          ...doc.services.map((s, k) => ({
            header: `Vikt: ${s.name || s.id || `tjänst ${k + 1}`}`,
            cell: ({ p, i }: { p: ModelDocument['pools'][number]; i: number }) => (
              <Textfield
                id={poolField(i, `to-${k}`)}
                aria-label={`${p.name || `Pool ${i + 1}`}: vikt till ${s.name || `tjänst ${k + 1}`}`}
                inputMode="decimal"
                data-size="sm"
                value={String(p.to[s.id] ?? '')}
                onChange={(e) =>
                  change((d) => {
                    if (e.target.value === '') delete d.pools[i].to[s.id];
                    else d.pools[i].to[s.id] = e.target.value;
                  })
                }
                error={at[poolField(i, `to-${k}`)]}
              />
            ),
          })),
          {
            header: 'Ta bort',
            cell: ({ p, i }) => (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => remove('pools', i, (d) => d.pools.splice(i, 1))}
              >
                Ta bort {p.name || `pool ${i + 1}`}
              </Button>
            ),
          },
        ]}
      />
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() => add('pools', (d) => d.pools.push({ id: '', name: '', amount: '0.00', to: {} }))}
        >
          Lägg till pool
        </Button>
      </div>
    </Section>
  );
}

function ServicesSection({ doc, added, at, change, add, remove }: SectionProps) {
  return (
    <Section id="redigera-tjanster" title="Tjänster och fördelningsnycklar">
      {doc.services.map((s, i) => (
        <fieldset key={i} className="stack service-edit" aria-labelledby={serviceField(i, 'legend')}>
          <legend id={serviceField(i, 'legend')}>
            Tjänst {i + 1}: {s.name || s.id || 'ny'}
          </legend>
          {added.services[i] ? (
            <Textfield
              id={serviceField(i, 'id')}
              label="Id"
              data-size="sm"
              value={s.id}
              onChange={(e) =>
                change((d) => {
                  renameService(d, d.services[i].id, e.target.value);
                  d.services[i].id = e.target.value;
                })
              }
              error={at[serviceField(i, 'id')]}
            />
          ) : (
            <Paragraph data-size="sm">
              Id: <code>{s.id}</code>
            </Paragraph>
          )}
          <Textfield
            id={serviceField(i)}
            label="Namn"
            data-size="sm"
            value={s.name}
            onChange={(e) => change((d) => (d.services[i].name = e.target.value))}
            error={at[serviceField(i)]}
          />
          {s.allocate.method !== 'reciprocal' && (
            <Field>
              <Label htmlFor={serviceField(i, 'method')}>Hur {s.name || 'tjänsten'} fördelas</Label>
              <Select
                id={serviceField(i, 'method')}
                data-size="sm"
                value={s.allocate.method}
                onChange={(e) => change((d) => (d.services[i].allocate = allocationFor(e.target.value, d)))}
                aria-invalid={at[serviceField(i, 'method')] ? true : undefined}
              >
                {METHODS.map((m) => (
                  <Select.Option key={m.method} value={m.method}>
                    {m.label}
                  </Select.Option>
                ))}
              </Select>
              {at[serviceField(i, 'method')] && (
                <ValidationMessage>{at[serviceField(i, 'method')]}</ValidationMessage>
              )}
            </Field>
          )}
          {s.allocate.method === 'driver' && (
            <Field>
              <Label htmlFor={driverField(i)}>{s.name || 'Tjänsten'} fördelas efter</Label>
              <Select
                id={driverField(i)}
                data-size="sm"
                value={s.allocate.driver ?? ''}
                onChange={(e) => change((d) => (d.services[i].allocate.driver = e.target.value))}
                aria-invalid={at[driverField(i)] ? true : undefined}
              >
                {doc.drivers.map((d, k) => (
                  <Select.Option key={k} value={d.id}>
                    {d.name || d.id || `Ny fördelningsnyckel ${k + 1}`}
                  </Select.Option>
                ))}
              </Select>
              {at[driverField(i)] && <ValidationMessage>{at[driverField(i)]}</ValidationMessage>}
            </Field>
          )}
          <Targets doc={doc} i={i} at={at} change={change} />
          <div>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => remove('services', i, (d) => removeService(d, i))}
            >
              Ta bort tjänsten {s.name || i + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            add('services', (d) =>
              d.services.push({ id: '', name: '', allocate: allocationFor('driver', d) }),
            )
          }
        >
          Lägg till tjänst
        </Button>
      </div>
    </Section>
  );
}

/** A service's receivers: a weight per consumer or later service, or (proportional) a tick per service. */
function Targets({
  doc,
  i,
  at,
  change,
}: {
  doc: ModelDocument;
  i: number;
  at: Record<string, string>;
  change: SectionProps['change'];
}) {
  const s = doc.services[i];
  const targets = targetsOf(doc, i);
  if (targets.length === 0) return null;
  const to = s.allocate.to;
  if (s.allocate.method === 'proportional') {
    const list = Array.isArray(to) ? to : [];
    return (
      <fieldset className="stack">
        <legend>Fördelas i proportion till</legend>
        {targets.map((t, k) => (
          <Checkbox
            key={t.id || k}
            id={serviceField(i, `to-${k}`)}
            label={t.name || t.id}
            value={t.id}
            checked={list.includes(t.id)}
            onChange={(e) =>
              change((d) => {
                const current = (d.services[i].allocate.to as string[] | undefined) ?? [];
                d.services[i].allocate.to = e.target.checked
                  ? doc.services.filter((x) => x.id === t.id || current.includes(x.id)).map((x) => x.id)
                  : current.filter((x) => x !== t.id);
              })
            }
            error={at[serviceField(i, `to-${k}`)]}
          />
        ))}
      </fieldset>
    );
  }
  const weights = to && !Array.isArray(to) ? to : {};
  return (
    <DataTable
      caption={`${s.name || 'Tjänsten'}: vikter (tom ruta: ingen del)`}
      rows={targets.map((t, k) => ({ t, k }))}
      rowKey={({ k }) => String(k)}
      columns={[
        { header: 'Mottagare', cell: ({ t }) => t.name || t.id },
        {
          header: 'Vikt',
          cell: ({ t, k }) => (
            <Textfield
              id={serviceField(i, `to-${k}`)}
              aria-label={`${s.name || 'Tjänsten'}: vikt för ${t.name || t.id}`}
              inputMode="decimal"
              data-size="sm"
              value={String(weights[t.id] ?? '')}
              onChange={(e) =>
                change((d) => {
                  const next = { ...((d.services[i].allocate.to as Record<string, string | number>) ?? {}) };
                  if (e.target.value === '') delete next[t.id];
                  else next[t.id] = e.target.value;
                  d.services[i].allocate.to = next;
                })
              }
              error={at[serviceField(i, `to-${k}`)]}
            />
          ),
        },
      ]}
    />
  );
}
