import {
  Button,
  Checkbox,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { DataTable } from '../components/data-table';
import { Section } from '../components/page';
import {
  allocationFor,
  DraftEdits,
  driverField,
  removeService,
  renameService,
  serviceField,
  targetsOf,
} from './draft-document';
import type { AllocationMethod } from '@it-samverkan/domain';
import type { ModelDocument } from '../api/types';

const METHODS: { method: AllocationMethod; label: string }[] = [
  { method: 'driver', label: 'Efter en fördelningsnyckel (volymer)' },
  { method: 'consumer-weights', label: 'Med vikter per förbrukare' },
  { method: 'weights', label: 'Med vikter till senare tjänster' },
  { method: 'proportional', label: 'I proportion till senare tjänsters kostnad' },
];

/** Each service: its name (and id when added here), how it is spread, by which driver or to whom. */
export function ServicesSection({ doc, added, at, change, add, remove }: DraftEdits) {
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
                onChange={(e) =>
                  // the options are METHODS' methods
                  change(
                    (d) => (d.services[i].allocate = allocationFor(e.target.value as AllocationMethod, d)),
                  )
                }
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
                value={s.allocate.driver}
                onChange={(e) =>
                  change((d) => (d.services[i].allocate = { method: 'driver', driver: e.target.value }))
                }
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
  change: DraftEdits['change'];
}) {
  const s = doc.services[i];
  const targets = targetsOf(doc, i);
  const allocation = s.allocate;
  if (targets.length === 0 || allocation.method === 'driver') return null;
  if (allocation.method === 'proportional') {
    const list = allocation.to;
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
                const current = d.services[i].allocate;
                if (current.method !== 'proportional') return;
                current.to = e.target.checked
                  ? doc.services.filter((x) => x.id === t.id || current.to.includes(x.id)).map((x) => x.id)
                  : current.to.filter((x) => x !== t.id);
              })
            }
            error={at[serviceField(i, `to-${k}`)]}
          />
        ))}
      </fieldset>
    );
  }
  const weights = allocation.to;
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
                  const current = d.services[i].allocate;
                  if (current.method === 'driver' || current.method === 'proportional') return;
                  const next = { ...current.to };
                  if (e.target.value === '') delete next[t.id];
                  else next[t.id] = e.target.value;
                  current.to = next;
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
