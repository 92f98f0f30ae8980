import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Directory } from '../api/directory';
import { kronorForChart, percent, sek } from '../api/format';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { LoadState } from '../components/load-state';
import { useApi } from '../components/use-api';
import { signed } from './comparison-view';

interface Compared {
  base: string;
  scenario: string;
  difference: string;
  differencePercent: string | null;
}

/** it-samverkan/municipality-history@1 (GET /api/v1/history/municipalities/{id}). */
export interface MunicipalityHistory {
  municipality: string;
  name: string;
  years: {
    year: number;
    budget: string | null;
    actual: string | null;
    outcome: Compared | null;
    budgetChange: Compared | null;
    budgetModel: { name: string; decision: string | null } | null;
    actualModel: { name: string; decision: string | null } | null;
  }[];
}

/** A municipality's charges year by year from the approved models: budget and actual, chart and table. */
export function HistorySection({ directory }: { directory: Directory }) {
  const municipalities = directory.organisation.municipalities;
  // the choice lives in the address (?kommun=tranemo): it can be linked and survives a new render
  const [params, setParams] = useSearchParams();
  const chosen = params.get('kommun') ?? municipalities[0]?.id ?? '';
  const setChosen = (id: string) =>
    setParams(
      (p) => {
        p.set('kommun', id);
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
  const history = useApi(
    () => api.get<MunicipalityHistory>(`/history/municipalities/${encodeURIComponent(chosen)}`),
    [chosen],
  );
  return (
    <>
      <Field className="no-print">
        <Label htmlFor="history-municipality">Kommun</Label>
        <Select id="history-municipality" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {municipalities.map((m) => (
            <Select.Option key={m.id} value={m.id}>
              {m.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <LoadState loaded={history} what="historiken">
        {(h) =>
          h.years.length === 0 ? (
            <Paragraph>Det finns ingen godkänd modell ännu.</Paragraph>
          ) : (
            <HistoryView history={h} />
          )
        }
      </LoadState>
    </>
  );
}

function HistoryView({ history }: { history: MunicipalityHistory }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: history.years.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: 'kr' },
      series: [
        {
          type: 'bar',
          name: 'Budget',
          data: history.years.map((y) => (y.budget === null ? null : kronorForChart(y.budget))),
        },
        {
          type: 'bar',
          name: 'Utfall',
          data: history.years.map((y) => (y.actual === null ? null : kronorForChart(y.actual))),
        },
      ],
    }),
    [history],
  );
  const first = history.years[0].year;
  const last = history.years[history.years.length - 1].year;
  return (
    <Chart
      label={`${history.name}: andel per år ${first === last ? first : `${first}–${last}`}, budget och utfall`}
      option={option}
      table={
        <DataTable
          caption={`${history.name}: andel per år ur godkända modeller`}
          rows={history.years}
          rowKey={(y) => String(y.year)}
          columns={[
            { header: 'År', cell: (y) => y.year },
            {
              header: 'Budget',
              numeric: true,
              cell: (y) => (y.budget === null ? 'Ej godkänd' : sek(y.budget)),
            },
            {
              header: 'Mot föregående års budget',
              numeric: true,
              cell: (y) =>
                y.budgetChange
                  ? `${signed(y.budgetChange.difference)} (${percent(y.budgetChange.differencePercent)})`
                  : '–',
            },
            {
              header: 'Utfall',
              numeric: true,
              cell: (y) => (y.actual === null ? 'Ej godkänt' : sek(y.actual)),
            },
            {
              header: 'Utfall mot budget',
              numeric: true,
              cell: (y) =>
                y.outcome ? `${signed(y.outcome.difference)} (${percent(y.outcome.differencePercent)})` : '–',
            },
            {
              header: 'Beslut',
              cell: (y) =>
                [y.budgetModel?.decision, y.actualModel?.decision].filter(Boolean).join('; ') || '–',
            },
          ]}
        />
      }
    />
  );
}
