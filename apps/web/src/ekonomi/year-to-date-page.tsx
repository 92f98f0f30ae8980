import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { kronorForChart, percent, sek } from '../api/format';
import type { YearToDate, YearToDateFigures as Figures } from '../api/types';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { PERIOD_PATTERN } from './invoice-labels';

const FUNDING: Record<string, string> = {
  'internal-charge': 'Interndebitering',
  'external-invoice': 'Extern faktura',
};

const figureColumns = [
  { header: 'Årsandel', numeric: true, cell: (f: Figures) => sek(f.yearlyShare) },
  { header: 'Debiterat hittills', numeric: true, cell: (f: Figures) => sek(f.charged) },
  { header: 'Kvar att debitera', numeric: true, cell: (f: Figures) => sek(f.remaining) },
  { header: 'Andel debiterad', numeric: true, cell: (f: Figures) => percent(f.percentCharged) },
];
const figureFooter = (f: Figures) => [
  sek(f.yearlyShare),
  sek(f.charged),
  sek(f.remaining),
  percent(f.percentCharged),
];

/** Charged so far against the yearly share, per municipality, as bars (the table beside it has the numbers). */
function chartOf(report: YearToDate) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 110, right: 24, top: 40, bottom: 30 },
    xAxis: { type: 'value', name: 'kr' },
    yAxis: { type: 'category', data: report.municipalities.map((m) => m.name) },
    series: [
      {
        name: 'Årsandel',
        type: 'bar',
        data: report.municipalities.map((m) => kronorForChart(m.yearlyShare)),
      },
      {
        name: 'Debiterat hittills',
        type: 'bar',
        data: report.municipalities.map((m) => kronorForChart(m.charged)),
      },
    ],
  };
}

function Report({ report }: { report: YearToDate }) {
  const option = useMemo(() => chartOf(report), [report]);
  return (
    <>
      <Paragraph>
        {report.model
          ? `Årsandelarna kommer från ${report.model.name}${
              report.model.decision ? `, godkänd ${report.model.decision.reference}` : ''
            }. Debiterat är utfärdade fakturarader och interndebiteringar till och med ${report.through}, minus krediteringar.`
          : 'Ingen godkänd budgetmodell för året.'}
      </Paragraph>
      {report.notes.map((n) => (
        <Paragraph key={n}>{n}</Paragraph>
      ))}
      <Section id="per-forbrukare" title="Per förbrukare">
        <DataTable
          caption={`Året hittills ${report.year} per förbrukare, debiterat till och med ${report.through}`}
          rows={report.consumers}
          rowKey={(c) => c.consumerId}
          empty="Ingen förbrukare debiteras enligt kostnadsmodellen."
          columns={[
            { header: 'Förbrukare', cell: (c) => c.name },
            {
              header: 'Kommun',
              cell: (c) => report.municipalities.find((m) => m.municipalityId === c.municipalityId)?.name,
            },
            { header: 'Finansiering', cell: (c) => FUNDING[c.fundingMode] ?? c.fundingMode },
            ...figureColumns,
          ]}
          footer={['Summa', '', '', ...figureFooter(report.total)]}
        />
      </Section>
      <Section id="per-kommun" title="Per kommun">
        <Chart
          label={`Årsandel och debiterat hittills ${report.year} per kommun`}
          option={option}
          height={Math.max(180, 90 * report.municipalities.length + 70)}
          table={
            <DataTable
              caption={`Året hittills ${report.year} per kommun, debiterat till och med ${report.through}`}
              rows={report.municipalities}
              rowKey={(m) => m.municipalityId}
              empty="Ingen kommun att visa."
              columns={[{ header: 'Kommun', cell: (m) => m.name }, ...figureColumns]}
              footer={['Summa', ...figureFooter(report.total)]}
            />
          }
        />
      </Section>
      <Section id="filer-aret" title="Filer">
        <div className="row">
          <FileButton
            label="Året hittills (XLSX)"
            path="/files/year-to-date"
            query={{ year: report.year, through: report.through, format: 'xlsx' }}
          />
          <FileButton
            label="Året hittills (CSV)"
            path="/files/year-to-date"
            query={{ year: report.year, through: report.through, format: 'csv' }}
          />
        </div>
      </Section>
    </>
  );
}

/** Year to date per consumer: what each has been charged so far of its yearly share, per municipality and in total. */
export function YearToDatePage() {
  const [year, setYear] = useState('2025');
  const [through, setThrough] = useState('2025-Q1');
  const [asked, setAsked] = useState({ year: '2025', through: '2025-Q1' });
  const [problems, setProblems] = useState<{ year?: string; through?: string }>({});
  const report = useApi(
    () => api.get<YearToDate>('/reports/year-to-date', { year: asked.year, through: asked.through }),
    [asked.year, asked.through],
  );

  function show(event: FormEvent) {
    event.preventDefault();
    const found: { year?: string; through?: string } = {};
    if (!/^\d{4}$/.test(year.trim())) found.year = 'Året skrivs med fyra siffror, till exempel 2025';
    if (!PERIOD_PATTERN.test(through.trim()))
      found.through = 'Perioden skrivs 2025-03, 2025-Q2, 2025-T1 eller 2025';
    else if (!found.year && !through.trim().startsWith(year.trim()))
      found.through = `Perioden ska ligga i ${year.trim()}`;
    setProblems(found);
    if (!found.year && !found.through) setAsked({ year: year.trim(), through: through.trim() });
  }

  return (
    <Page
      title="Året hittills"
      intro={
        <Paragraph>
          Debiterat hittills mot årsandelen per förbrukare. <Link to="/ekonomi">Tillbaka till Ekonomi</Link>
        </Paragraph>
      }
    >
      <form onSubmit={show} noValidate className="row" aria-label="Välj år och period">
        <Textfield
          id="ar"
          label="År"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={problems.year}
        />
        <Textfield
          id="till-och-med"
          label="Till och med period"
          description="Till exempel 2025-Q2, 2025-06 eller 2025"
          value={through}
          onChange={(e) => setThrough(e.target.value)}
          error={problems.through}
        />
        <Button type="submit">Visa</Button>
      </form>
      <LoadState loaded={report} what="året hittills">
        {(data) => <Report report={data} />}
      </LoadState>
    </Page>
  );
}
