import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { percent } from '../api/format';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { useSession } from '../components/session';
import { loadDirectory } from '../api/directory';
import { mayOnShared } from '../api/permissions';
import { ImportSection } from './import-section';
import { Measure, MunicipalityLevels, previousTertial, ServiceLevelReport } from './drift-types';
import { latestReportedTertial, newestYear } from './latest-tertial';
import type { CostModelVersion, Page as ApiPage } from '../api/types';

const TERTIAL = /^\d{4}-T[1-3]$/;
const TREND_LENGTH = 4;

function Outcome({ measure }: { measure: Measure }) {
  if (measure.met === null) return <span>Inget underlag</span>;
  return measure.met ? <span className="met">✓ Uppfyllt</span> : <span className="miss">✗ Missat</span>;
}

function LevelsTable({ levels, tertial }: { levels: MunicipalityLevels; tertial: string }) {
  return (
    <DataTable
      caption={`${levels.name} ${tertial}: servicenivåer mot mål`}
      rows={levels.measures}
      rowKey={(m) => m.measure}
      columns={[
        { header: 'Mått', cell: (m) => m.label },
        { header: 'Utfall', numeric: true, cell: (m) => `${m.numerator} av ${m.denominator}` },
        { header: 'Andel', numeric: true, cell: (m) => percent(m.share) },
        { header: 'Mål', numeric: true, cell: (m) => `minst ${percent(m.target)}` },
        { header: 'Bedömning', cell: (m) => <Outcome measure={m} /> },
      ]}
    />
  );
}

/** The trend of the cooperation's total over the last tertials: a line per measure, and the same numbers as a table. */
function Trend({ reports }: { reports: ServiceLevelReport[] }) {
  const ordered = [...reports].reverse();
  const measures = ordered[ordered.length - 1].total.measures;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 24, top: 56, bottom: 32 },
      xAxis: { type: 'category', data: ordered.map((r) => r.tertial) },
      yAxis: { type: 'value', min: 0, max: 100, name: '%' },
      series: measures.map((m) => ({
        type: 'line',
        name: m.label,
        symbolSize: 8,
        data: ordered.map((r) => {
          const share = r.total.measures.find((x) => x.measure === m.measure)?.share;
          return share === null || share === undefined ? null : Number(share);
        }),
      })),
    }),
    [ordered, measures],
  );
  return (
    <Chart
      label={`Trend för samverkan som helhet, ${ordered[0].tertial}–${ordered[ordered.length - 1].tertial}, andel i procent`}
      option={option}
      table={
        <DataTable
          caption="Trend: andel per mått och tertial (samtliga kommuner)"
          rows={measures}
          rowKey={(m) => m.measure}
          columns={[
            { header: 'Mått', cell: (m) => m.label },
            ...ordered.map((r) => ({
              header: r.tertial,
              numeric: true,
              cell: (m: Measure) => {
                const x = r.total.measures.find((y) => y.measure === m.measure);
                return x ? `${percent(x.share)}${x.met === false ? ' (missat)' : ''}` : '–';
              },
            })),
            { header: 'Mål', numeric: true, cell: (m) => percent(m.target) },
          ]}
        />
      }
    />
  );
}

/** The asked tertial (or the newest with tickets) and the ones before it, newest first. */
async function loadTertials(asked: string | null): Promise<ServiceLevelReport[]> {
  const year = asked
    ? 0
    : newestYear((await api.get<ApiPage<CostModelVersion>>('/cost-models', { pageSize: 500 })).items);
  const tertial = asked ?? (await latestReportedTertial(year))?.tertial;
  if (!tertial) return [];
  const wanted = [tertial];
  while (wanted.length < TREND_LENGTH) wanted.push(previousTertial(wanted[wanted.length - 1]));
  return Promise.all(wanted.map((t) => api.get<ServiceLevelReport>(`/drift/reports/${t}`)));
}

/** IT-forum drift: service levels per tertial and municipality against the targets, and the trend. */
export function DriftPage() {
  const [params, setParams] = useSearchParams();
  const tertial = params.get('tertial');
  const [field, setField] = useState(tertial ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const reports = useApi(() => loadTertials(tertial), [tertial]);
  const { me } = useSession();
  const directory = useApi(loadDirectory, []);
  const mayImport = directory.data !== null && mayOnShared(me, 'import-forum-data', directory.data);
  const shown = reports.data?.[0]?.tertial;
  useEffect(() => {
    if (shown) setField(shown);
  }, [shown]);

  function show(event: FormEvent) {
    event.preventDefault();
    if (!TERTIAL.test(field.trim())) {
      setProblem('Tertialen skrivs 2025-T1, 2025-T2 eller 2025-T3');
      return;
    }
    setProblem(null);
    setParams({ tertial: field.trim() });
  }

  return (
    <Page title="Servicenivåer per tertial">
      <form onSubmit={show} noValidate className="row" aria-label="Välj tertial">
        <Textfield
          id="tertial"
          label="Tertial"
          description="T1 januari–april, T2 maj–augusti, T3 september–december"
          value={field}
          onChange={(e) => setField(e.target.value)}
          error={problem ?? undefined}
        />
        <Button type="submit">Visa</Button>
      </form>
      <LoadState loaded={reports} what="servicenivåerna">
        {([report, ...earlier]) =>
          !report ? (
            <Paragraph>Inga ärenden är inlästa ännu.</Paragraph>
          ) : (
            <>
              <Heading level={2} data-size="md">
                {report.tertial}: {report.firstDay} – {report.lastDay}
              </Heading>
              <Paragraph>Missade mål markeras med ✗ och texten ”Missat”, uppfyllda med ✓.</Paragraph>
              <div className="files">
                <FileButton label="Rapporten (XLSX)" path={`/drift/reports/${report.tertial}/report.xlsx`} />
              </div>
              {[...report.municipalities, report.total].map((m) => (
                <Section key={m.municipality} id={`niva-${m.municipality}`} title={m.name}>
                  <LevelsTable levels={m} tertial={report.tertial} />
                </Section>
              ))}
              <Section id="trend" title="Trend">
                <Trend reports={[report, ...earlier]} />
              </Section>
              <Section id="regler" title="Så räknas måtten">
                <ul>
                  {report.rules.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </Section>
            </>
          )
        }
      </LoadState>
      {mayImport && (
        <Section id="inlasning" title="Läs in data">
          <ImportSection onImported={reports.reload} />
        </Section>
      )}
    </Page>
  );
}
