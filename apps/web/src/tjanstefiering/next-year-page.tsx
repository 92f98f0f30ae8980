import { Alert, Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { decimal, percent, sek } from '../api/format';
import type { CostModelVersion, ModelDocument } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { useForm } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import type { YearChange } from '@it-samverkan/domain';
import { kindLabel, VersionStatus } from './tjanstefiering-page';

type Version = CostModelVersion & { document: ModelDocument };

const indexField = (poolId: string) => `index-${poolId}`;

/** Next year's budget from an approved model: an index per pool; volumes carried over or replaced by a register. */
export function NextYearPage() {
  const { id = '' } = useParams();
  const version = useApi(() => api.get<Version>(`/cost-models/${id}`), [id]);
  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={`Budget ${v.year + 1} från ${v.name}`}>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}`}>Tillbaka till versionen</Link>
          </Paragraph>
          {v.status === 'approved' ? (
            <NextYearForm version={v} />
          ) : (
            <Alert data-color="info">
              <Paragraph>
                Nästa års budget utgår från en godkänd version; {v.name} är ett utkast som först ska
                godkännas.
              </Paragraph>
            </Alert>
          )}
        </Page>
      )}
    </LoadState>
  );
}

function NextYearForm({ version }: { version: Version }) {
  const navigate = useNavigate();
  const doc = version.document;
  const [indices, setIndices] = useState<Record<string, string>>(() =>
    Object.fromEntries(doc.pools.map((p) => [p.id, '0'])),
  );
  const [volumes, setVolumes] = useState<'carry' | 'register'>('carry');
  const draft = useForm(
    { name: `Tjänstefiering ${version.year + 1}, budget` },
    { name: 'next-name' },
    async ({ name }) => {
      const sent = Object.fromEntries(
        Object.entries(indices).map(([k, v]) => [k, v.trim().replace(',', '.')]),
      );
      const result = await api.post<{ version: { id: string } }>(`/cost-models/${version.id}/next-year`, {
        name,
        indices: sent,
      });
      navigate(
        volumes === 'register'
          ? `/tjanstefiering/modeller/${result.version.id}/register`
          : `/tjanstefiering/modeller/${result.version.id}/forandringar`,
      );
    },
  );
  const fieldIds: Record<string, string> = { ...draft.fieldIds, indices: indexField(doc.pools[0]?.id ?? '') };
  for (const p of doc.pools) fieldIds[`indices.${p.id}`] = indexField(p.id);
  const fields = draft.problems;

  return (
    <form onSubmit={draft.submit} noValidate className="stack">
      <Paragraph>
        Utkastet får {version.name}s förbrukare, fördelningsnycklar, tjänster och volymer. Varje pool räknas
        upp med sitt index; totalen avrundas till öre och fördelas över poolerna så att summan håller.
      </Paragraph>
      <FormProblems
        error={draft.error}
        fieldIds={fieldIds}
        heading="Utkastet skapades inte. Rätta följande:"
      />
      <Textfield label="Utkastets namn" {...draft.field('name')} />
      <Section id="index" title="Index per pool">
        <DataTable
          caption={`Poolerna ${version.year} och index till ${version.year + 1}`}
          rows={doc.pools}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Pool', cell: (p) => p.name },
            { header: `Belopp ${version.year}`, numeric: true, cell: (p) => sek(String(p.amount)) },
            {
              header: 'Index (procent)',
              cell: (p) => (
                <Textfield
                  id={indexField(p.id)}
                  aria-label={`Index för ${p.name}, procent`}
                  inputMode="decimal"
                  data-size="sm"
                  value={indices[p.id] ?? ''}
                  onChange={(e) => setIndices({ ...indices, [p.id]: e.target.value })}
                  error={fields[`indices.${p.id}`]}
                />
              ),
            },
          ]}
        />
      </Section>
      <Fieldset>
        <Fieldset.Legend>Volymer</Fieldset.Legend>
        <Radio
          name="volumes"
          label={`För över volymerna från ${version.year}`}
          value="carry"
          checked={volumes === 'carry'}
          onChange={() => setVolumes('carry')}
        />
        <Radio
          name="volumes"
          label="Ersätt en nyckels volymer med en registerimport (registersidan öppnas för utkastet)"
          value="register"
          checked={volumes === 'register'}
          onChange={() => setVolumes('register')}
        />
      </Fieldset>
      <div>
        <Button type="submit" loading={draft.busy}>
          Skapa utkast för {version.year + 1}
        </Button>
      </div>
    </form>
  );
}

interface YearChanges {
  version: {
    id: string;
    name: string;
    year: number;
    status: 'draft' | 'approved';
    kind: 'budget' | 'actual';
  };
  against: { id: string; name: string; year: number };
  indices: Record<string, string> | null;
  changes: {
    total: YearChange;
    pools: YearChange[];
    services: (YearChange & { driver: string | null })[];
    consumers: (YearChange & { municipality: string })[];
    volumes: (YearChange & { unit: string; consumers: YearChange[] })[];
  };
}

/** A change with its sign: "+53 000,00 kr", "−50"; "–" when either year lacks the figure. */
const signed = (text: string | null, format: (t: string) => string) =>
  text === null ? '–' : /^-/.test(text) || /^0(\.0+)?$/.test(text) ? format(text) : `+${format(text)}`;
const signedPercent = (p: string | null) =>
  p === null
    ? '–'
    : p.startsWith('-')
      ? percent(`−${p.slice(1)}`)
      : /^0(\.0+)?$/.test(p)
        ? percent(p)
        : `+${percent(p)}`;

function changeColumns(lastYear: number, nextYear: number, format: (t: string | null) => string) {
  return [
    { header: String(lastYear), numeric: true, cell: (c: YearChange) => format(c.last) },
    { header: String(nextYear), numeric: true, cell: (c: YearChange) => format(c.next) },
    {
      header: 'Förändring',
      numeric: true,
      cell: (c: YearChange) => signed(c.change, (t) => format(t)),
    },
    { header: 'Förändring %', numeric: true, cell: (c: YearChange) => signedPercent(c.percent) },
  ];
}

/** What changed against last year (GET …/changes): pools, volumes, unit prices and consumers, SEK and %. */
export function ChangesPage() {
  const { id = '' } = useParams();
  const changes = useApi(() => api.get<YearChanges>(`/cost-models/${id}/changes`), [id]);
  const version = useApi(() => api.get<CostModelVersion>(`/cost-models/${id}`), [id]);
  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={`Förändringar mot förra året: ${v.name}`}>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}`}>Till versionen</Link>
            {v.status === 'draft' && (
              <>
                {' · '}
                <Link to={`/tjanstefiering/modeller/${v.id}/redigera`}>Redigera utkastet</Link>
                {' · '}
                <Link to={`/tjanstefiering/modeller/${v.id}/register`}>Volymer från register</Link>
              </>
            )}
          </Paragraph>
          <LoadState loaded={changes} what="förändringarna">
            {(c) => <ChangeTables version={v} changes={c} />}
          </LoadState>
        </Page>
      )}
    </LoadState>
  );
}

function ChangeTables({ version, changes }: { version: CostModelVersion; changes: YearChanges }) {
  const last = changes.against.year;
  const next = changes.version.year;
  const money = (t: string | null) => sek(t);
  const volume = (t: string | null) => decimal(t);
  const { total, pools, services, consumers, volumes } = changes.changes;
  return (
    <>
      <dl className="facts">
        <dt>Version</dt>
        <dd>
          {version.name} ({kindLabel(version.kind)}, <VersionStatus version={version} />)
        </dd>
        <dt>Jämförs med</dt>
        <dd>
          <Link to={`/tjanstefiering/modeller/${changes.against.id}`}>{changes.against.name}</Link>
        </dd>
        <dt>Index</dt>
        <dd>
          {changes.indices
            ? Object.entries(changes.indices)
                .map(([pool, p]) => `${pools.find((x) => x.id === pool)?.name ?? pool} ${signedPercent(p)}`)
                .join(', ') || 'inga'
            : 'Inte framräknat med index'}
        </dd>
        <dt>Totalt</dt>
        <dd data-testid="total-change">
          {sek(total.last)} → {sek(total.next)} ({signed(total.change, sek)}, {signedPercent(total.percent)})
        </dd>
      </dl>
      <Section id="pooler" title="Kostnadspooler">
        <DataTable
          caption={`Poolernas belopp ${last} → ${next}`}
          rows={pools}
          rowKey={(p) => p.id}
          columns={[{ header: 'Pool', cell: (p: YearChange) => p.name }, ...changeColumns(last, next, money)]}
          footer={[
            'Summa',
            sek(total.last),
            sek(total.next),
            signed(total.change, sek),
            signedPercent(total.percent),
          ]}
        />
      </Section>
      <Section id="volymer" title="Volymer">
        <DataTable
          caption={`Fördelningsnycklarnas totala volymer ${last} → ${next}`}
          rows={volumes}
          rowKey={(d) => d.id}
          columns={[
            { header: 'Fördelningsnyckel', cell: (d: YearChange) => d.name },
            ...changeColumns(last, next, volume),
          ]}
        />
        {volumes.map((d) => (
          <DataTable
            key={d.id}
            caption={`${d.name} (${d.unit}) per förbrukare ${last} → ${next}`}
            rows={d.consumers}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Förbrukare', cell: (c: YearChange) => c.name },
              ...changeColumns(last, next, volume),
            ]}
          />
        ))}
      </Section>
      <Section id="a-priser" title="À-priser per tjänst">
        <DataTable
          caption={`À-pris per tjänst ${last} → ${next}`}
          rows={services}
          rowKey={(s) => s.id}
          columns={[
            { header: 'Tjänst', cell: (s: YearChange) => s.name },
            ...changeColumns(last, next, (t) => (t === null ? 'inget à-pris' : sek(t))),
          ]}
        />
      </Section>
      <Section id="forbrukare" title="Per förbrukare">
        <DataTable
          caption={`Förbrukarnas kostnad ${last} → ${next}`}
          rows={consumers}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Förbrukare', cell: (c: YearChange) => c.name },
            ...changeColumns(last, next, money),
          ]}
        />
      </Section>
    </>
  );
}
