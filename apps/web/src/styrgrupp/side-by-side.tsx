import { Button, Checkbox, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Directory } from '../api/directory';
import { kronorForChart, percent, sek } from '../api/format';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { useSubmit } from '../components/use-form';
import { municipalityNamer, signed } from './comparison-view';

export interface SavedScenario {
  id: string;
  name: string;
  description: string | null;
  baseModelVersionId: string;
}

interface Column {
  scenario: string;
  amount: string;
  difference: string;
  differencePercent: string | null;
}

/** it-samverkan/scenarios-side-by-side@1 (POST /api/v1/scenarios/compare). */
export interface SideBySide {
  model: string;
  year: number;
  scenarios: { key: string; name: string }[];
  totals: { base: string; scenarios: Column[] };
  municipalities: { id: string; base: string; scenarios: Column[] }[];
  /** Every municipality by name, a joining one by the name its scenario carries. */
  municipalityNames: Record<string, string>;
  administrativeLoad: {
    base: { internalCharges: number; invoices: number };
    scenarios: { scenario: string; internalCharges: number; invoices: number }[];
  };
}

/** Several saved scenarios chosen and set next to each other per municipality, as a chart with its table. */
export function SideBySideSection({
  scenarios,
  directory,
}: {
  scenarios: SavedScenario[];
  directory: Directory;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<SideBySide | null>(null);
  const compare = useSubmit(async () => {
    if (chosen.length < 2) {
      setProblem('Välj minst två scenarier att jämföra');
      return;
    }
    const bases = new Set(chosen.map((id) => scenarios.find((s) => s.id === id)!.baseModelVersionId));
    if (bases.size > 1) {
      setProblem('Scenarierna utgår från olika modellversioner; välj scenarier med samma bas');
      return;
    }
    setProblem(null);
    try {
      setResult(
        await api.post<SideBySide>('/scenarios/compare', {
          baseModelVersionId: [...bases][0],
          scenarioIds: chosen,
        }),
      );
    } catch (e) {
      setResult(null);
      throw e;
    }
  });

  return (
    <>
      <form onSubmit={compare.submit} noValidate className="stack no-print" aria-label="Jämför scenarier">
        <FormProblems error={compare.error} heading="Scenarierna gick inte att jämföra:" />
        <Fieldset aria-describedby={problem ? 'side-by-side-problem' : undefined}>
          <Fieldset.Legend>Scenarier att ställa bredvid varandra</Fieldset.Legend>
          {scenarios.map((s) => (
            <Checkbox
              key={s.id}
              label={s.name}
              value={s.id}
              checked={chosen.includes(s.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))
              }
            />
          ))}
          {problem && <ValidationMessage id="side-by-side-problem">{problem}</ValidationMessage>}
        </Fieldset>
        <div>
          <Button type="submit" variant="secondary" loading={compare.busy}>
            Jämför valda scenarier
          </Button>
        </div>
      </form>
      <div aria-live="polite">{result && <SideBySideView result={result} directory={directory} />}</div>
    </>
  );
}

/** A scenario's amount with its change under it, in SEK and %. */
function Figure({ column }: { column: Column }) {
  return (
    <>
      {sek(column.amount)}
      <br />
      <span className="muted">
        {signed(column.difference)} ({percent(column.differencePercent)})
      </span>
    </>
  );
}

function SideBySideView({ result, directory }: { result: SideBySide; directory: Directory }) {
  const name = (key: string) => result.scenarios.find((s) => s.key === key)?.name ?? key;
  const municipality = useMemo(
    () => municipalityNamer(result.municipalityNames, directory),
    [result, directory],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 110, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: result.municipalities.map((m) => municipality(m.id)) },
      yAxis: { type: 'value', name: 'kr' },
      series: [
        { type: 'bar', name: 'Bas', data: result.municipalities.map((m) => kronorForChart(m.base)) },
        ...result.scenarios.map((s, i) => ({
          type: 'bar',
          name: s.name,
          data: result.municipalities.map((m) => kronorForChart(m.scenarios[i].amount)),
        })),
      ],
    }),
    [result, municipality],
  );
  const columns = result.scenarios.map((s, i) => ({
    header: s.name,
    numeric: true,
    cell: (m: { scenarios: Column[] }) => <Figure column={m.scenarios[i]} />,
  }));
  return (
    <>
      <Paragraph>
        {result.scenarios.length} scenarier på {result.model}.
      </Paragraph>
      <Chart
        label={`Per kommun: bas och ${result.scenarios.map((s) => `”${s.name}”`).join(', ')}`}
        option={option}
        table={
          <DataTable
            caption="Scenarier sida vid sida per kommun: bas, scenario och förändring i kronor och procent"
            rows={result.municipalities}
            rowKey={(m) => m.id}
            columns={[
              { header: 'Kommun', cell: (m) => municipality(m.id) },
              { header: 'Bas', numeric: true, cell: (m) => sek(m.base) },
              ...columns,
            ]}
            footer={[
              'Summa',
              sek(result.totals.base),
              ...result.totals.scenarios.map((c) => <Figure key={c.scenario} column={c} />),
            ]}
          />
        }
      />
      <DataTable
        caption="Debiteringar och fakturor per år, sida vid sida"
        rows={[
          { key: 'base', label: 'Bas', ...result.administrativeLoad.base },
          ...result.administrativeLoad.scenarios.map((s) => ({
            key: s.scenario,
            label: name(s.scenario),
            ...s,
          })),
        ]}
        rowKey={(r) => r.key}
        columns={[
          { header: 'Alternativ', cell: (r) => r.label },
          { header: 'Interndebiteringar', numeric: true, cell: (r) => r.internalCharges },
          { header: 'Fakturor', numeric: true, cell: (r) => r.invoices },
        ]}
      />
    </>
  );
}
