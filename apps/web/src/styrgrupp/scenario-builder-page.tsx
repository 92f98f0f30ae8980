import { Button, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { Directory, loadDirectory } from '../api/directory';
import { mayOnShared } from '../api/permissions';
import { useSession } from '../components/session';
import type { CostModelVersion, ModelDocument, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { useForm } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { Comparison, ComparisonView } from './comparison-view';

/** One change of it-samverkan/scenario-changes@1, as the API takes it. */
type ScenarioChange =
  | {
      type: 'add-consumers';
      consumers: { id: string; name: string; municipality: string; municipalityName?: string }[];
      volumes: Record<string, Record<string, string>>;
    }
  | { type: 'switch-funding'; municipality: string; from: string; to: string }
  | { type: 'set-pool-amount'; pool: string; amount: string }
  | { type: 'change-driver'; service: string; driver: string };

const FUNDING_MODES = [
  { value: 'appropriation', label: 'Anslag' },
  { value: 'internal-charge', label: 'Interndebitering' },
];

/** How long typing may pause before the result is computed again. */
const RECOMPUTE_AFTER_MS = 100;

function describe(change: ScenarioChange, name: (id: string) => string): string {
  switch (change.type) {
    case 'add-consumers':
      return `${change.consumers.map((c) => c.name).join(', ')} ansluter (${
        change.consumers[0]?.municipalityName ?? name(change.consumers[0]?.municipality ?? '')
      })`;
    case 'switch-funding':
      return `${name(change.municipality)}: ${change.from === 'appropriation' ? 'anslag' : 'interndebitering'} → ${
        change.to === 'appropriation' ? 'anslag' : 'interndebitering'
      }`;
    case 'set-pool-amount':
      return `${name(change.pool)}: nytt belopp ${change.amount} kr`;
    case 'change-driver':
      return `${name(change.service)} fördelas efter ${name(change.driver)}`;
  }
}

/** IT-styrgruppen builds a scenario; the result is computed again as the scenario changes. */
export function ScenarioBuilderPage() {
  const versions = useApi(
    () => api.get<ApiPage<CostModelVersion>>('/cost-models', { status: 'approved' }),
    [],
  );
  const directory = useApi(loadDirectory, []);
  const { me } = useSession();
  if (directory.data && !mayOnShared(me, 'write-scenario', directory.data))
    return (
      <Page title="Nytt scenario">
        <Paragraph>
          Scenarier byggs av IT-styrgruppen och tjänstefieringsgruppen. Du kan läsa och jämföra de sparade
          scenarierna under <Link to="/styrgrupp">IT-styrgruppen</Link>.
        </Paragraph>
      </Page>
    );
  return (
    <Page
      title="Nytt scenario"
      intro={
        <Paragraph>
          Bygg scenariot ändring för ändring. Resultatet räknas om när något ändras; inget sparas förrän du
          sparar.
        </Paragraph>
      }
    >
      <LoadState loaded={versions} what="modellversionerna">
        {(page) =>
          page.items.length === 0 ? (
            <Paragraph>Det finns ingen godkänd modellversion att utgå från.</Paragraph>
          ) : (
            <LoadState loaded={directory} what="organisationen">
              {(dir) => <Builder bases={page.items} directory={dir} />}
            </LoadState>
          )
        }
      </LoadState>
    </Page>
  );
}

function Builder({ bases, directory }: { bases: CostModelVersion[]; directory: Directory }) {
  const navigate = useNavigate();
  const [baseId, setBaseId] = useState(bases[0].id);
  const [changes, setChanges] = useState<ScenarioChange[]>([]);
  const save = useForm(
    { name: '', description: '' },
    { name: 'scenario-name', description: 'scenario-description' },
    async ({ name, description }) => {
      const saved = await api.post<{ id: string }>('/scenarios', {
        name,
        ...(description.trim() ? { description } : {}),
        baseModelVersionId: baseId,
        changes,
      });
      navigate(`/styrgrupp?scenario=${saved.id}`);
    },
  );
  const name = save.values.name;
  const [result, setResult] = useState<{ comparison: Comparison | null; error: unknown; ms: number | null }>({
    comparison: null,
    error: null,
    ms: null,
  });
  const base = useApi(() => api.get<{ document: ModelDocument }>(`/cost-models/${baseId}`), [baseId]);

  useEffect(() => {
    if (changes.length === 0) {
      setResult({ comparison: null, error: null, ms: null });
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const started = performance.now();
      try {
        const comparison = await api.post<Comparison>('/scenarios/preview', {
          name: name.trim() || 'Scenario under arbete',
          baseModelVersionId: baseId,
          changes,
        });
        if (current) setResult({ comparison, error: null, ms: Math.round(performance.now() - started) });
      } catch (error) {
        if (current) setResult({ comparison: null, error, ms: null });
      }
    }, RECOMPUTE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [baseId, name, changes]);

  const names = (id: string) => {
    const doc = base.data?.document;
    const found = doc && [...doc.pools, ...doc.services, ...doc.drivers].find((x) => x.id === id);
    return found ? found.name : directory.name(id);
  };
  return (
    <>
      <form onSubmit={save.submit} noValidate className="stack">
        <FormProblems error={save.error} fieldIds={save.fieldIds} heading="Scenariot sparades inte:" />
        <Textfield label="Scenariots namn" {...save.field('name')} />
        <Textfield label="Beskrivning (frivilligt)" {...save.field('description')} />
        <Field>
          <Label htmlFor="scenario-base">Utgår från</Label>
          <Select id="scenario-base" value={baseId} onChange={(e) => setBaseId(e.target.value)}>
            {bases.map((b) => (
              <Select.Option key={b.id} value={b.id}>
                {b.name} ({b.decision?.reference ?? 'godkänd'})
              </Select.Option>
            ))}
          </Select>
        </Field>
        <DataTable
          caption="Ändringar i scenariot"
          rows={changes.map((c, i) => ({ c, i }))}
          rowKey={({ i }) => String(i)}
          empty="Inga ändringar ännu. Lägg till en nedan."
          columns={[
            { header: 'Nr', numeric: true, cell: ({ i }) => i + 1 },
            { header: 'Ändring', cell: ({ c }) => describe(c, names) },
            {
              header: 'Ta bort',
              cell: ({ i }) => (
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setChanges(changes.filter((_, j) => j !== i))}
                >
                  Ta bort ändring {i + 1}
                </Button>
              ),
            },
          ]}
        />
        <div>
          <Button type="submit" disabled={changes.length === 0}>
            Spara scenariot
          </Button>
        </div>
      </form>
      <LoadState loaded={base} what="basmodellen">
        {(b) => (
          <AddChange document={b.document} directory={directory} onAdd={(c) => setChanges([...changes, c])} />
        )}
      </LoadState>
      <Section id="resultat" title="Resultat">
        <div aria-live="polite">
          {result.ms !== null && (
            <Paragraph data-size="sm" className="muted">
              Omräknat på {result.ms} ms.
            </Paragraph>
          )}
        </div>
        <FormProblems error={result.error} heading="Scenariot går inte att räkna ut:" />
        {result.comparison && <ComparisonView comparison={result.comparison} directory={directory} />}
      </Section>
    </>
  );
}

type Kind = ScenarioChange['type'];

/** One form per kind of change; adding puts it last in the scenario's list. */
function AddChange({
  document,
  directory,
  onAdd,
}: {
  document: ModelDocument;
  directory: Directory;
  onAdd: (change: ScenarioChange) => void;
}) {
  const [kind, setKind] = useState<Kind>('add-consumers');
  const [municipality, setMunicipality] = useState('mark');
  const [municipalityName, setMunicipalityName] = useState('Marks kommun');
  const [consumerId, setConsumerId] = useState('mark-kl');
  const [consumerName, setConsumerName] = useState('Marks kommun kommunledningsförvaltningen');
  const [volumes, setVolumes] = useState<Record<string, string>>({});
  const [switchOf, setSwitchOf] = useState(directory.organisation.municipalities[0]?.id ?? '');
  const [from, setFrom] = useState('appropriation');
  const [pool, setPool] = useState(document.pools[0]?.id ?? '');
  const [amount, setAmount] = useState(String(document.pools[0]?.amount ?? ''));
  const [service, setService] = useState(document.services[0]?.id ?? '');
  const [driver, setDriver] = useState(document.drivers[0]?.id ?? '');

  function add(event: FormEvent) {
    event.preventDefault();
    if (kind === 'add-consumers') {
      onAdd({
        type: 'add-consumers',
        consumers: [
          {
            id: consumerId.trim(),
            name: consumerName.trim(),
            municipality: municipality.trim(),
            // a municipality the organisation knows keeps its own name; a joining one is named here
            ...(municipalityName.trim() ? { municipalityName: municipalityName.trim() } : {}),
          },
        ],
        volumes: Object.fromEntries(
          document.drivers.map((d) => [d.id, { [consumerId.trim()]: (volumes[d.id] ?? '0').trim() || '0' }]),
        ),
      });
    } else if (kind === 'switch-funding') {
      const to = from === 'appropriation' ? 'internal-charge' : 'appropriation';
      onAdd({ type: 'switch-funding', municipality: switchOf, from, to });
    } else if (kind === 'set-pool-amount') {
      onAdd({ type: 'set-pool-amount', pool, amount: amount.trim() });
    } else {
      onAdd({ type: 'change-driver', service, driver });
    }
  }

  return (
    <Section id="lagg-till" title="Lägg till en ändring">
      <form onSubmit={add} noValidate className="stack">
        <Field>
          <Label htmlFor="change-kind">Slag av ändring</Label>
          <Select id="change-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <Select.Option value="add-consumers">
              En ny kommuns förvaltning ansluter, med sina volymer
            </Select.Option>
            <Select.Option value="switch-funding">En kommun byter finansiering</Select.Option>
            <Select.Option value="set-pool-amount">En kostnadspool får nytt belopp</Select.Option>
            <Select.Option value="change-driver">En tjänst fördelas efter en annan nyckel</Select.Option>
          </Select>
        </Field>
        {kind === 'add-consumers' && (
          <Fieldset>
            <Fieldset.Legend>Ny förbrukare</Fieldset.Legend>
            <Textfield
              label="Kommunens namn"
              value={municipalityName}
              onChange={(e) => setMunicipalityName(e.target.value)}
            />
            <Textfield
              label="Kommunens id"
              description="Kort id med små bokstäver, till exempel mark"
              value={municipality}
              onChange={(e) => setMunicipality(e.target.value)}
            />
            <Textfield
              label="Förbrukarens id"
              value={consumerId}
              onChange={(e) => setConsumerId(e.target.value)}
            />
            <Textfield
              label="Förbrukarens namn"
              value={consumerName}
              onChange={(e) => setConsumerName(e.target.value)}
            />
            {document.drivers.map((d) => (
              <Textfield
                key={d.id}
                label={`${d.name} (${d.unit})`}
                inputMode="decimal"
                value={volumes[d.id] ?? ''}
                onChange={(e) => setVolumes({ ...volumes, [d.id]: e.target.value })}
              />
            ))}
          </Fieldset>
        )}
        {kind === 'switch-funding' && (
          <Fieldset>
            <Fieldset.Legend>Byte av finansiering</Fieldset.Legend>
            <Field>
              <Label htmlFor="switch-municipality">Kommun</Label>
              <Select id="switch-municipality" value={switchOf} onChange={(e) => setSwitchOf(e.target.value)}>
                {directory.organisation.municipalities.map((m) => (
                  <Select.Option key={m.id} value={m.id}>
                    {m.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="switch-from">Enheter som i dag har</Label>
              <Select id="switch-from" value={from} onChange={(e) => setFrom(e.target.value)}>
                {FUNDING_MODES.map((f) => (
                  <Select.Option key={f.value} value={f.value}>
                    {f.label} (byts till {f.value === 'appropriation' ? 'interndebitering' : 'anslag'})
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </Fieldset>
        )}
        {kind === 'set-pool-amount' && (
          <Fieldset>
            <Fieldset.Legend>Nytt poolbelopp</Fieldset.Legend>
            <Field>
              <Label htmlFor="pool">Kostnadspool</Label>
              <Select
                id="pool"
                value={pool}
                onChange={(e) => {
                  setPool(e.target.value);
                  setAmount(String(document.pools.find((p) => p.id === e.target.value)?.amount ?? ''));
                }}
              >
                {document.pools.map((p) => (
                  <Select.Option key={p.id} value={p.id}>
                    {p.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield
              label="Nytt belopp (kronor)"
              description="Med punkt som decimaltecken, till exempel 5500000.00"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Fieldset>
        )}
        {kind === 'change-driver' && (
          <Fieldset>
            <Fieldset.Legend>Ny fördelningsnyckel</Fieldset.Legend>
            <Field>
              <Label htmlFor="driver-service">Tjänst</Label>
              <Select id="driver-service" value={service} onChange={(e) => setService(e.target.value)}>
                {document.services.map((s) => (
                  <Select.Option key={s.id} value={s.id}>
                    {s.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="driver-driver">Fördelas efter</Label>
              <Select id="driver-driver" value={driver} onChange={(e) => setDriver(e.target.value)}>
                {document.drivers.map((d) => (
                  <Select.Option key={d.id} value={d.id}>
                    {d.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </Fieldset>
        )}
        <div>
          <Button type="submit" variant="secondary">
            Lägg till ändringen
          </Button>
        </div>
        <Paragraph data-size="sm" className="muted">
          Varje ändring kontrolleras mot modellen när resultatet räknas.
        </Paragraph>
      </form>
    </Section>
  );
}
