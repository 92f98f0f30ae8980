import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { Directory, loadDirectory } from '../api/directory';
import { dateTime, decimal, kronorForChart, sek } from '../api/format';
import type { SplitResultDocument } from '@it-samverkan/domain';
import type { CostModelVersion, ModelDocument } from '../api/types';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { Flow, flowsOf, Trace } from './money-flow';

interface SplitRun {
  id: string;
  createdAt: string;
  createdBy: string;
  engineVersion: string;
  inputHash: string;
  resultHash: string;
  model: Pick<CostModelVersion, 'id' | 'name' | 'year' | 'kind' | 'status' | 'decision'>;
  result: SplitResultDocument;
}

function MoneyFlow({ flows }: { flows: Flow[] }) {
  const option = useMemo(() => {
    const names = [...new Set(flows.flatMap((f) => [f.from, f.to]))];
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 160,
          nodeGap: 10,
          emphasis: { focus: 'adjacency' },
          label: { fontSize: 12 },
          data: names.map((n) => ({ name: n })),
          links: flows.map((f) => ({ source: f.from, target: f.to, value: kronorForChart(f.amount) })),
        },
      ],
    };
  }, [flows]);
  return (
    <Chart
      label="Pengarnas väg: kostnadspooler till tjänster till förbrukare till kommuner"
      option={option}
      height={620}
      table={
        <DataTable
          caption="Flöden i diagrammet (exakta belopp)"
          rows={flows}
          rowKey={(f) => `${f.from}→${f.to}`}
          columns={[
            { header: 'Från', cell: (f) => f.from },
            { header: 'Till', cell: (f) => f.to },
            { header: 'Belopp', numeric: true, cell: (f) => sek(f.amount) },
          ]}
        />
      }
    />
  );
}

async function loadTraces(run: SplitRun): Promise<Trace[]> {
  return Promise.all(run.result.consumers.map((c) => api.get<Trace>(`/splits/${run.id}/trace/${c.id}`)));
}

/** A split run: the price list, shares per consumer and municipality, the flow of money, and a consumer's trace. */
export function SplitPage() {
  const { id = '' } = useParams();
  const run = useApi(() => api.get<SplitRun>(`/splits/${id}`), [id]);
  const directory = useApi(loadDirectory, []);
  return (
    <LoadState loaded={run} what="fördelningen">
      {(r) => (
        <LoadState loaded={directory} what="organisationen">
          {(dir) => <SplitView run={r} directory={dir} />}
        </LoadState>
      )}
    </LoadState>
  );
}

function SplitView({ run, directory }: { run: SplitRun; directory: Directory }) {
  const input = useApi(() => api.get<ModelDocument>(`/splits/${run.id}/input`), [run.id]);
  const traces = useApi(() => loadTraces(run), [run]);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    const doc = input.data;
    if (doc)
      for (const x of [...doc.pools, ...doc.services, ...doc.consumers, ...doc.drivers])
        map.set(x.id, x.name);
    return (key: string | null) => (key ? (map.get(key) ?? directory.name(key)) : '–');
  }, [input.data, directory]);
  const result = run.result;
  return (
    <Page title={`Fördelning: ${result.model}`}>
      <Paragraph>
        <Link to={`/tjanstefiering/modeller/${run.model.id}`}>Modellversionen</Link>
      </Paragraph>
      <dl className="facts">
        <dt>Körd</dt>
        <dd>
          {dateTime(run.createdAt)} av {run.createdBy}
        </dd>
        <dt>Beslut</dt>
        <dd>{run.model.decision?.reference ?? 'Versionen är inte godkänd'}</dd>
        <dt>Totalt</dt>
        <dd>{sek(result.total)}</dd>
        <dt>Motorversion</dt>
        <dd>{run.engineVersion}</dd>
      </dl>
      <div className="files">
        <FileButton label="Resultatet (CSV)" path={`/splits/${run.id}/result.csv`} />
        <FileButton label="Resultatet (XLSX)" path={`/splits/${run.id}/result.xlsx`} />
      </div>
      <Section id="prislista" title="Prislista">
        <DataTable
          caption={`Tjänster och à-priser ${result.year}`}
          rows={result.services}
          rowKey={(s) => s.id}
          columns={[
            { header: 'Tjänst', cell: (s) => names(s.id) },
            { header: 'Direkt', numeric: true, cell: (s) => sek(s.direct) },
            { header: 'Mottaget', numeric: true, cell: (s) => sek(s.received) },
            { header: 'Totalt', numeric: true, cell: (s) => sek(s.total) },
            { header: 'Fördelningsnyckel', cell: (s) => names(s.driver) },
            { header: 'Volym', numeric: true, cell: (s) => decimal(s.volume) },
            { header: 'À-pris', numeric: true, cell: (s) => sek(s.unitPrice) },
          ]}
        />
      </Section>
      <Section id="kommuner" title="Per kommun och förbrukare">
        <DataTable
          caption="Andel per kommun"
          rows={result.municipalities}
          rowKey={(m) => m.id}
          columns={[
            { header: 'Kommun', cell: (m) => directory.name(m.id) },
            { header: 'Andel', numeric: true, cell: (m) => sek(m.total) },
          ]}
          footer={['Summa', sek(result.total)]}
        />
        <DataTable
          caption="Andel per förbrukare"
          rows={result.consumers}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Förbrukare', cell: (c) => names(c.id) },
            { header: 'Kommun', cell: (c) => directory.name(c.municipality) },
            { header: 'Andel', numeric: true, cell: (c) => sek(c.total) },
          ]}
          footer={['Summa', '', sek(result.total)]}
        />
      </Section>
      <Section id="flode" title="Pengarnas väg">
        <LoadState loaded={traces} what="spårningen">
          {(all) => (input.data ? <MoneyFlow flows={flowsOf(all, (k) => names(k))} /> : null)}
        </LoadState>
      </Section>
      <LoadState loaded={traces} what="spårningen">
        {(all) => <TraceSection traces={all} run={run} names={names} document={input.data} />}
      </LoadState>
    </Page>
  );
}

function volumeOf(document: ModelDocument | null, consumer: string, driver: string | null): string | null {
  const value = driver ? document?.volumes[driver]?.[consumer] : undefined;
  return value === undefined ? null : String(value);
}

/** A consumer's own weight in a service shared by weights (e.g. samverkansstyrning 1 : 1). */
function weightOf(document: ModelDocument | null, consumer: string, service: string): string | null {
  const allocation = document?.services.find((s) => s.id === service)?.allocate;
  if (allocation?.method !== 'consumer-weights' || allocation.to[consumer] === undefined) return null;
  return String(allocation.to[consumer]);
}

function TraceSection({
  traces,
  run,
  names,
  document,
}: {
  traces: Trace[];
  run: SplitRun;
  names: (id: string | null) => string;
  document: ModelDocument | null;
}) {
  const [consumerId, setConsumerId] = useState(traces[0]?.consumerId ?? '');
  const trace = traces.find((t) => t.consumerId === consumerId);
  const consumer = run.result.consumers.find((c) => c.id === consumerId);
  return (
    <Section id="sparning" title="Spårning för en förbrukare">
      <Field>
        <Label htmlFor="trace-consumer">Förbrukare</Label>
        <Select id="trace-consumer" value={consumerId} onChange={(e) => setConsumerId(e.target.value)}>
          {traces.map((t) => (
            <Select.Option key={t.consumerId} value={t.consumerId}>
              {t.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {trace && consumer && (
        <>
          <Paragraph>
            {trace.name} ({names(trace.municipality)}) bär {sek(trace.total)} av {sek(run.result.total)}.
            Godkänt genom {run.model.decision?.reference ?? '– (versionen är inte godkänd)'}.
          </Paragraph>
          <DataTable
            caption={`${trace.name}: tjänster, volymer och à-priser`}
            rows={run.result.services.filter((s) => consumer.services[s.id] !== undefined)}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Tjänst', cell: (s) => names(s.id) },
              { header: 'Fördelningsnyckel', cell: (s) => names(s.driver) },
              {
                header: 'Volym',
                numeric: true,
                cell: (s) => decimal(volumeOf(document, consumer.id, s.driver)),
              },
              { header: 'Total volym', numeric: true, cell: (s) => decimal(s.volume) },
              { header: 'Vikt', numeric: true, cell: (s) => decimal(weightOf(document, consumer.id, s.id)) },
              { header: 'À-pris', numeric: true, cell: (s) => sek(s.unitPrice) },
              { header: 'Andel', numeric: true, cell: (s) => sek(consumer.services[s.id]) },
            ]}
            footer={['Summa', '', '', '', '', '', sek(consumer.total)]}
          />
          <DataTable
            caption={`${trace.name}: från kostnadspool via tjänster`}
            rows={trace.paths}
            rowKey={(p) => `${p.pool}:${p.via.join('>')}`}
            columns={[
              { header: 'Kostnadspool', cell: (p) => names(p.pool) },
              { header: 'Via tjänster', cell: (p) => p.via.map((v) => names(v)).join(' → ') },
              { header: 'Belopp', numeric: true, cell: (p) => sek(p.amount) },
            ]}
            footer={['Summa', '', sek(trace.total)]}
          />
        </>
      )}
    </Section>
  );
}
