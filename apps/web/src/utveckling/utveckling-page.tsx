import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { api } from '../api/client';
import { decimal } from '../api/format';
import type { Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import type { DevelopmentRequest } from './development-types';

const STATUS_ORDER = ['received', 'decided', 'in-progress', 'done', 'rejected'];

/** IT-forum utveckling: the development requests by status, their decisions and reported hours. */
export function UtvecklingPage() {
  const requests = useApi(
    () => api.get<ApiPage<DevelopmentRequest>>('/utveckling/requests', { pageSize: 500 }),
    [],
  );
  return (
    <Page
      title="IT-forum utveckling"
      intro={
        <Paragraph>
          Utvecklingsärenden per status. Ärenden som beviljas som tilläggsuppdrag debiteras beställaren för
          rapporterade timmar.
        </Paragraph>
      }
    >
      <LoadState loaded={requests} what="utvecklingsärendena">
        {(page) => {
          const statuses = [...new Set(page.items.map((r) => r.status))].sort(
            (a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b),
          );
          if (statuses.length === 0) return <Paragraph>Inga utvecklingsärenden.</Paragraph>;
          return statuses.map((status) => {
            const rows = page.items.filter((r) => r.status === status);
            return (
              <Section key={status} id={`status-${status}`} title={`${rows[0].statusLabel} (${rows.length})`}>
                <DataTable
                  caption={`Utvecklingsärenden: ${rows[0].statusLabel.toLowerCase()}`}
                  rows={rows}
                  rowKey={(r) => r.id}
                  columns={[
                    { header: 'Ärende', cell: (r) => r.title },
                    { header: 'Beställare', cell: (r) => r.unitName },
                    {
                      header: 'Finansiering',
                      cell: (r) =>
                        r.fundingLabel ? (
                          <Tag data-size="sm" data-color={r.funding === 'additional' ? 'warning' : 'neutral'}>
                            {r.fundingLabel}
                          </Tag>
                        ) : (
                          'Ej beslutad'
                        ),
                    },
                    { header: 'Beslut', cell: (r) => r.decision?.reference ?? '–' },
                    { header: 'Uppskattat (h)', numeric: true, cell: (r) => decimal(r.estimateHours) },
                    { header: 'Rapporterat (h)', numeric: true, cell: (r) => decimal(r.reportedHours) },
                  ]}
                />
              </Section>
            );
          });
        }}
      </LoadState>
    </Page>
  );
}
