import { Alert, List, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../api/client';
import { loadDirectory } from '../api/directory';
import { sek } from '../api/format';
import type { AppropriationReport, InternalChargeReport } from '../api/types';
import { DataTable } from '../components/data-table';
import { LoadState } from '../components/load-state';
import { Section } from '../components/page';
import { useApi } from '../components/use-api';

/**
 * The period's appropriation report and internal charges (the municipality's own books), read again
 * whenever `revision` changes (after a run).
 */
export function PeriodReports({ period, revision }: { period: string; revision: number }) {
  const directory = useApi(loadDirectory, []);
  const appropriation = useApi(
    () => api.get<AppropriationReport>('/reports/appropriation', { period }),
    [period, revision],
  );
  const charges = useApi(
    () => api.get<InternalChargeReport>('/reports/internal-charges', { period }),
    [period, revision],
  );
  return (
    <>
      <Section id="interndebiteringar" title="Interndebiteringar">
        <LoadState loaded={charges} what="interndebiteringarna">
          {(report) => (
            <>
              <DataTable
                caption={`Interndebiteringar ${report.period} (överföringar mellan enheter, utan moms)`}
                rows={report.charges}
                rowKey={(c) => c.id}
                empty="Inga interndebiteringar i perioden."
                columns={[
                  { header: 'Enhet', cell: (c) => directory.data?.name(c.unitId) ?? c.unitId },
                  { header: 'Beskrivning', cell: (c) => c.description },
                  { header: 'Belopp', numeric: true, cell: (c) => sek(c.amount) },
                ]}
                footer={['Summa', '', sek(report.total)]}
              />
              {report.notes.length > 0 && (
                // charges of a longer period (a quarter when a month is asked) are not in this one (DOMAIN.md 7)
                <Alert data-color="info">
                  <Paragraph id="interndebiteringar-langre">
                    Interndebiteringar i längre perioder som omfattar {report.period} ingår inte ovan:
                  </Paragraph>
                  <List.Unordered aria-labelledby="interndebiteringar-langre">
                    {report.notes.map((n) => (
                      <List.Item key={n}>{n}</List.Item>
                    ))}
                  </List.Unordered>
                </Alert>
              )}
            </>
          )}
        </LoadState>
      </Section>
      <Section id="anslag" title="Anslagsrapport">
        <LoadState loaded={appropriation} what="anslagsrapporten">
          {(report) => (
            <>
              <dl className="facts">
                <dt>Beslut</dt>
                <dd>{report.decision ?? 'Inget beslut'}</dd>
              </dl>
              <DataTable
                caption={`Andelar som anslaget ska täcka ${report.period}${report.model ? ` (${report.model})` : ''}`}
                rows={report.rows}
                rowKey={(r) => `${r.unitId}:${r.serviceId}`}
                empty="Inga enheter på anslag i perioden."
                columns={[
                  { header: 'Enhet', cell: (r) => r.unitName },
                  { header: 'Ansvar', cell: (r) => r.responsibilityCode },
                  { header: 'Tjänst', cell: (r) => directory.data?.name(r.serviceId) ?? r.serviceId },
                  { header: 'Belopp', numeric: true, cell: (r) => sek(r.amount) },
                ]}
                footer={['Summa', '', '', sek(report.total)]}
              />
            </>
          )}
        </LoadState>
      </Section>
    </>
  );
}
