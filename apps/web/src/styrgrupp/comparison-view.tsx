import { Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import type { Directory } from '../api/directory';
import { kronorForChart, percent, sek } from '../api/format';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';

interface Change {
  id: string;
  name?: string;
  base: string;
  scenario: string;
  difference: string;
  differencePercent: string | null;
}

export interface Comparison {
  scenario: string;
  model: string;
  year: number;
  created: string;
  totals: Omit<Change, 'id'>;
  municipalities: Change[];
  consumers: (Change & { name: string; municipality: string })[];
  fundingSwitches: { consumer: string; from: string; to: string }[];
  fundingMoves: FundingMove[];
  /** Every municipality the comparison names, by id: a joining one (Mark) by the name its change carries. */
  municipalityNames: Record<string, string>;
  administrativeLoad: {
    base: { internalCharges: number; invoices: number };
    scenario: { internalCharges: number; invoices: number };
  };
}

/** A municipality's money between appropriation and internal charge (the domain's fundingMoves). */
export interface FundingMove {
  municipality: string;
  toInternalCharge: string;
  toAppropriation: string;
  appropriation: Omit<Change, 'id'>;
  internalCharge: Omit<Change, 'id'>;
}

const FUNDING: Record<string, string> = {
  appropriation: 'anslag',
  'internal-charge': 'interndebitering',
  'external-invoice': 'extern faktura',
};

/** A municipality's name: the one the API answered with the scenario, else the organisation's. */
export function municipalityNamer(
  names: Record<string, string> | undefined,
  directory: Directory,
): (id: string) => string {
  return (id) => names?.[id] ?? directory.name(id);
}

export function signed(amount: string): string {
  return amount.startsWith('-') || amount === '0.00' ? sek(amount) : `+${sek(amount)}`;
}

/** A scenario against its base: per municipality as a chart with its table, per consumer, funding switches, workload. */
export function ComparisonView({ comparison, directory }: { comparison: Comparison; directory: Directory }) {
  const municipality = useMemo(
    () => municipalityNamer(comparison.municipalityNames, directory),
    [comparison, directory],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: comparison.municipalities.map((m) => municipality(m.id)) },
      yAxis: { type: 'value', name: 'kr' },
      series: [
        { type: 'bar', name: 'Bas', data: comparison.municipalities.map((m) => kronorForChart(m.base)) },
        {
          type: 'bar',
          name: 'Scenario',
          data: comparison.municipalities.map((m) => kronorForChart(m.scenario)),
        },
      ],
    }),
    [comparison, municipality],
  );
  return (
    <>
      <Paragraph>
        {comparison.scenario}, på {comparison.model}. Beräknat {comparison.created}.
      </Paragraph>
      <Chart
        label={`Per kommun: bas och scenario ”${comparison.scenario}”`}
        option={option}
        table={
          <DataTable
            caption="Per kommun: bas, scenario och förändring"
            rows={comparison.municipalities}
            rowKey={(m) => m.id}
            columns={[
              { header: 'Kommun', cell: (m) => municipality(m.id) },
              { header: 'Bas', numeric: true, cell: (m) => sek(m.base) },
              { header: 'Scenario', numeric: true, cell: (m) => sek(m.scenario) },
              { header: 'Förändring', numeric: true, cell: (m) => signed(m.difference) },
              { header: 'Förändring %', numeric: true, cell: (m) => percent(m.differencePercent) },
            ]}
            footer={[
              'Summa',
              sek(comparison.totals.base),
              sek(comparison.totals.scenario),
              signed(comparison.totals.difference),
              percent(comparison.totals.differencePercent),
            ]}
          />
        }
      />
      <div className="no-print">
        <DataTable
          caption="Per förbrukare"
          rows={comparison.consumers}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Förbrukare', cell: (c) => c.name },
            { header: 'Kommun', cell: (c) => municipality(c.municipality) },
            { header: 'Bas', numeric: true, cell: (c) => sek(c.base) },
            { header: 'Scenario', numeric: true, cell: (c) => sek(c.scenario) },
            { header: 'Förändring', numeric: true, cell: (c) => signed(c.difference) },
            { header: 'Förändring %', numeric: true, cell: (c) => percent(c.differencePercent) },
          ]}
        />
      </div>
      <DataTable
        caption="Byte av finansiering (pengar som flyttas mellan anslag och interndebitering)"
        rows={comparison.fundingSwitches}
        rowKey={(f) => f.consumer}
        empty="Ingen förbrukare byter finansiering."
        columns={[
          { header: 'Förbrukare', cell: (f) => directory.name(f.consumer) },
          { header: 'Från', cell: (f) => FUNDING[f.from] ?? f.from },
          { header: 'Till', cell: (f) => FUNDING[f.to] ?? f.to },
        ]}
      />
      <FundingMovesTable moves={comparison.fundingMoves} municipality={municipality} />
      <DataTable
        caption="Debiteringar och fakturor per år"
        rows={[
          {
            what: 'Interndebiteringar',
            base: comparison.administrativeLoad.base.internalCharges,
            scenario: comparison.administrativeLoad.scenario.internalCharges,
          },
          {
            what: 'Fakturor',
            base: comparison.administrativeLoad.base.invoices,
            scenario: comparison.administrativeLoad.scenario.invoices,
          },
        ]}
        rowKey={(r) => r.what}
        columns={[
          { header: 'Slag', cell: (r) => r.what },
          { header: 'Bas', numeric: true, cell: (r) => r.base },
          { header: 'Scenario', numeric: true, cell: (r) => r.scenario },
        ]}
      />
    </>
  );
}

/** Per municipality: SEK moving from appropriation to internal charge and back, and what each way funds. */
export function FundingMovesTable({
  moves,
  municipality,
}: {
  moves: FundingMove[];
  municipality: (id: string) => string;
}) {
  return (
    <DataTable
      caption="Pengar mellan anslag och interndebitering per kommun (kronor per år)"
      rows={moves}
      rowKey={(m) => m.municipality}
      empty="Ingen kommun har anslag eller interndebitering i modellen."
      columns={[
        { header: 'Kommun', cell: (m) => municipality(m.municipality) },
        { header: 'Från anslag till interndebitering', numeric: true, cell: (m) => sek(m.toInternalCharge) },
        { header: 'Från interndebitering till anslag', numeric: true, cell: (m) => sek(m.toAppropriation) },
        {
          header: 'Anslag, bas → scenario',
          numeric: true,
          cell: (m) => `${sek(m.appropriation.base)} → ${sek(m.appropriation.scenario)}`,
        },
        {
          header: 'Interndebitering, bas → scenario',
          numeric: true,
          cell: (m) => `${sek(m.internalCharge.base)} → ${sek(m.internalCharge.scenario)}`,
        },
      ]}
    />
  );
}
