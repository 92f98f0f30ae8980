import { Alert, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Money } from '@it-samverkan/domain/money/money';
import { api } from '../api/client';
import { Directory, loadDirectory } from '../api/directory';
import { kronorForChart, percent, sek } from '../api/format';
import type { BudgetFigures, BudgetVersusActualReport } from '../api/types';
import { Chart } from '../components/chart';
import { Column, DataTable } from '../components/data-table';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';

type Year = BudgetVersusActualReport['years'][number];

/** Actual less budget, exact ("-1234.50"); null without a budget or an actual (the year lacks that model). */
export function difference(f: BudgetFigures): string | null {
  if (f.budget === null || f.actual === null) return null;
  return Money.parse(f.actual).minus(Money.parse(f.budget)).toString();
}

/** Actual less budget as a share of the budget, one decimal rounded half up ("2.5"); null without a budget or an actual. */
export function differenceShare(f: BudgetFigures): string | null {
  const diff = difference(f);
  if (diff === null || f.budget === null) return null;
  const budget = Money.parse(f.budget);
  if (budget.isZero()) return null;
  return Money.parse(diff).toDecimal().div(budget.toDecimal()).times(100).toFixed(1);
}

const HIDDEN =
  'Debiterat och avräknat visas bara för egna enheter: – betyder också att beloppet inte visas för dig.';

/** The budget column's heading: a budget IT-styrgruppen has not approved is marked as a draft. */
const budgetHeader = (draft: boolean) => (draft ? 'Budget (utkast, ej godkänd)' : 'Budget');

/**
 * The figure columns; a draft budget is marked. Without a budget or an actual model the API answers it
 * null, so it and the differences show – (not 0 kr and ±100 %); likewise charged and settled before any.
 */
function figures(draftBudget: boolean): { header: string; value: (f: BudgetFigures) => string }[] {
  return [
    { header: budgetHeader(draftBudget), value: (f) => sek(f.budget) },
    { header: 'Utfall', value: (f) => sek(f.actual) },
    { header: 'Debiterat', value: (f) => sek(f.charged) },
    { header: 'Avräknat', value: (f) => sek(f.settled) },
    { header: 'Utfall − budget', value: (f) => sek(difference(f)) },
    { header: 'Utfall − budget (%)', value: (f) => percent(differenceShare(f)) },
  ];
}
function figureColumns<T extends BudgetFigures>(draftBudget: boolean): Column<T>[] {
  return figures(draftBudget).map((c) => ({ header: c.header, numeric: true, cell: c.value }));
}
const figureFooter = (f: BudgetFigures, draftBudget: boolean) => figures(draftBudget).map((c) => c.value(f));

/** A bar's kronor; no bar (not a bar at 0) where the API answers null (the year lacks the model). */
const bar = (amount: string | null) => (amount === null ? null : kronorForChart(amount));

/** Budget and actual per municipality as bars (the table beside it has the numbers). */
function chartOf(year: Year, names: Directory['name'], draftBudget: boolean) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 110, right: 24, top: 40, bottom: 30 },
    xAxis: { type: 'value', name: 'kr' },
    yAxis: { type: 'category', data: year.municipalities.map((m) => names(m.id)) },
    series: [
      {
        name: budgetHeader(draftBudget),
        type: 'bar',
        data: year.municipalities.map((m) => bar(m.budget)),
      },
      { name: 'Utfall', type: 'bar', data: year.municipalities.map((m) => bar(m.actual)) },
    ],
  };
}

function YearView({ year, directory, hidden }: { year: Year; directory: Directory; hidden: boolean }) {
  const names = directory.name;
  const draftBudget = year.budgetModel?.status === 'draft';
  const option = useMemo(() => chartOf(year, names, draftBudget), [year, names, draftBudget]);
  const model = (m: Year['budgetModel'], what: string) =>
    m ? `${what}: ${m.name}${m.status === 'approved' ? '' : ' (utkast)'}.` : `${what}: saknas.`;
  return (
    <>
      {draftBudget && (
        <Alert data-color="warning">
          <Paragraph>
            Budgeten för {year.year} är ett utkast som IT-styrgruppen ännu inte har godkänt. Budgetsiffrorna
            är ett förslag som kan ändras; prislistan och debiteringen bygger bara på en godkänd budget.
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        {model(year.budgetModel, 'Budget')} {model(year.actualModel, 'Utfall')} Debiterat är utfärdade
        fakturarader och interndebiteringar för året minus krediteringar; avräknat är årets slutavräkning. –
        betyder att det inte finns något att visa: året saknar modellen, eller inget har ännu debiterats eller
        avräknats för året.
      </Paragraph>
      {hidden && <Paragraph>{HIDDEN}</Paragraph>}
      <Section id="per-kommun" title="Per kommun">
        <Chart
          label={`Budget och utfall ${year.year} per kommun`}
          option={option}
          height={Math.max(180, 90 * year.municipalities.length + 70)}
          table={
            <DataTable
              caption={`Budget mot utfall ${year.year} per kommun`}
              rows={year.municipalities}
              rowKey={(m) => m.id}
              empty="Ingen kommun att visa."
              columns={[
                { header: 'Kommun', cell: (m) => names(m.id) },
                ...figureColumns<Year['municipalities'][number]>(draftBudget),
              ]}
              footer={['Summa', ...figureFooter(year.total, draftBudget)]}
            />
          }
        />
      </Section>
      <Section id="per-tjanst" title="Per tjänst">
        <Paragraph>
          Slutavräkningen görs per förbrukare, inte per tjänst: avräknat per tjänst visas som –.
        </Paragraph>
        <DataTable
          caption={`Budget mot utfall ${year.year} per tjänst`}
          rows={year.services}
          rowKey={(s) => s.id}
          empty="Ingen tjänst att visa."
          columns={[
            { header: 'Tjänst', cell: (s) => names(s.id) },
            ...figureColumns<Year['services'][number]>(draftBudget),
          ]}
          footer={['Summa', ...figureFooter(year.total, draftBudget)]}
        />
      </Section>
      <Section id="per-forbrukare" title="Per förbrukare">
        <DataTable
          caption={`Budget mot utfall ${year.year} per förbrukare`}
          rows={year.consumers}
          rowKey={(c) => c.id}
          empty="Ingen förbrukare att visa."
          columns={[
            { header: 'Förbrukare', cell: (c) => names(c.id) },
            { header: 'Kommun', cell: (c) => names(c.municipality) },
            ...figureColumns<Year['consumers'][number]>(draftBudget),
          ]}
          footer={['Summa', '', ...figureFooter(year.total, draftBudget)]}
        />
      </Section>
    </>
  );
}

function ReportView({ report, directory }: { report: BudgetVersusActualReport; directory: Directory }) {
  const years = report.years.map((y) => y.year);
  const [chosen, setChosen] = useState(String(years.includes(2025) ? 2025 : (years.at(-1) ?? '')));
  const year = report.years.find((y) => String(y.year) === chosen);
  if (years.length === 0) return <Paragraph>Det finns inga modellversioner ännu.</Paragraph>;
  return (
    <>
      <Field>
        <Label htmlFor="budget-ar">År</Label>
        <Select id="budget-ar" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {year && <YearView year={year} directory={directory} hidden={report.chargedVisibleFor !== 'all'} />}
    </>
  );
}

/** Budget against actual, year over year: per municipality, service and consumer, with charged and settled. */
export function BudgetVsActualPage() {
  const report = useApi(() => api.get<BudgetVersusActualReport>('/reports/budget-vs-actual'), []);
  const directory = useApi(loadDirectory, []);
  return (
    <Page
      title="Budget mot utfall"
      intro={
        <Paragraph>
          Årets budget mot utfallet, och vad som debiterats och avräknats.{' '}
          <Link to="/tjanstefiering">Tillbaka till Tjänstefiering</Link>
        </Paragraph>
      }
    >
      <LoadState loaded={report} what="budget mot utfall">
        {(r) => (
          <LoadState loaded={directory} what="organisationen">
            {(dir) => <ReportView report={r} directory={dir} />}
          </LoadState>
        )}
      </LoadState>
    </Page>
  );
}
