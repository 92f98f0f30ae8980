import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { DataTable } from '../components/data-table';
import { Section } from '../components/page';
import {
  consumerField,
  DraftEdits,
  poolField,
  removeConsumer,
  renameConsumer,
  volumeField,
} from './draft-document';
import type { ModelDocument } from '../api/types';

// The draft's tables: its consumers, its cost pools with their weights per service, and the volumes.

/** An id: typed for an entry added here, shown as text for one the document already had. */
export function IdCell({
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

export function ConsumersSection({ doc, added, at, change, add, remove }: DraftEdits) {
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

export function PoolsSection({ doc, added, at, change, add, remove }: DraftEdits) {
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

/** Each driver's volume per consumer (empty: none); a driver added above gets its table here. */
export function VolumesSection({ doc, at, change }: DraftEdits) {
  return (
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
  );
}
