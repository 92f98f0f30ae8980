import { Alert, Button, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { CostModelVersion } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems, problemsByField } from '../components/form-problems';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import type { ModelDocument } from './model-page';

type Version = CostModelVersion & { document: ModelDocument };

/** The id of the input that holds a document path, so the error summary links to the field. */
const poolField = (i: number) => `pool-${i}-amount`;
const driverField = (i: number) => `service-${i}-driver`;
const volumeField = (driver: string, consumer: string) => `volume-${driver}-${consumer}`;

function fieldIdsOf(doc: ModelDocument): Record<string, string> {
  const ids: Record<string, string> = {};
  doc.pools.forEach((_, i) => (ids[`pools[${i}].amount`] = poolField(i)));
  doc.services.forEach((_, i) => (ids[`services[${i}].allocate.driver`] = driverField(i)));
  for (const d of doc.drivers)
    for (const c of doc.consumers) ids[`volumes.${d.id}.${c.id}`] = volumeField(d.id, c.id);
  return ids;
}

/** Tjänstefieringsgruppen edits a draft model version: pool amounts, volumes, a service's driver; then splits it again. */
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

function DraftForm({ version, onSaved }: { version: Version; onSaved: () => void }) {
  const navigate = useNavigate();
  const [doc, setDoc] = useState<ModelDocument>(() => structuredClone(version.document));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDoc(structuredClone(version.document)), [version]);
  const fields = problemsByField(error);
  const change = (edit: (d: ModelDocument) => void) => {
    const next = structuredClone(doc);
    edit(next);
    setDoc(next);
    setSaved(false);
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

  const driverServices = doc.services
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.allocate.method === 'driver');
  return (
    <form onSubmit={save} noValidate className="stack">
      <FormProblems
        error={error}
        fieldIds={fieldIdsOf(doc)}
        heading="Utkastet sparades inte. Rätta följande:"
      />
      <div aria-live="polite">
        {saved && (
          <Alert data-color="success">
            <Paragraph>Utkastet är sparat. Fördela det igen för att se resultatet.</Paragraph>
          </Alert>
        )}
      </div>
      <Section id="redigera-pooler" title="Kostnadspooler">
        {doc.pools.map((p, i) => (
          <Textfield
            key={p.id}
            id={poolField(i)}
            label={`${p.name} (kronor)`}
            description="Med punkt som decimaltecken, till exempel 5500000.00"
            inputMode="decimal"
            value={String(p.amount)}
            onChange={(e) => change((d) => (d.pools[i].amount = e.target.value))}
            error={fields[`pools[${i}].amount`]}
          />
        ))}
      </Section>
      <Section id="redigera-nycklar" title="Tjänsternas fördelningsnycklar">
        {driverServices.map(({ s, i }) => (
          <Field key={s.id}>
            <Label htmlFor={driverField(i)}>{s.name} fördelas efter</Label>
            <Select
              id={driverField(i)}
              value={s.allocate.driver ?? ''}
              onChange={(e) => change((d) => (d.services[i].allocate.driver = e.target.value))}
              aria-invalid={fields[`services[${i}].allocate.driver`] ? true : undefined}
            >
              {doc.drivers.map((d) => (
                <Select.Option key={d.id} value={d.id}>
                  {d.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ))}
      </Section>
      <Section id="redigera-volymer" title="Volymer">
        {doc.drivers.map((driver) => (
          <DataTable
            key={driver.id}
            caption={`${driver.name} (${driver.unit}) per förbrukare`}
            rows={doc.consumers}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Förbrukare', cell: (c) => c.name },
              {
                header: 'Volym',
                cell: (c) => (
                  <Textfield
                    id={volumeField(driver.id, c.id)}
                    aria-label={`${driver.name}, ${c.name}`}
                    inputMode="decimal"
                    data-size="sm"
                    value={String(doc.volumes[driver.id]?.[c.id] ?? '')}
                    onChange={(e) =>
                      change((d) => {
                        d.volumes[driver.id] = { ...(d.volumes[driver.id] ?? {}), [c.id]: e.target.value };
                      })
                    }
                    error={fields[`volumes.${driver.id}.${c.id}`]}
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
