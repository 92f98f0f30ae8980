import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Invoice, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useSession } from '../components/session';
import { useApi } from '../components/use-api';
import { PERIOD_PATTERN } from './invoice-labels';

interface PeriodSummary {
  period: string;
  drafts: number;
  issued: number;
}

/** Invoices grouped by period: how many drafts and issued documents each has. */
function summarise(invoices: Invoice[]): PeriodSummary[] {
  const byPeriod = new Map<string, PeriodSummary>();
  for (const i of invoices) {
    const s = byPeriod.get(i.period) ?? { period: i.period, drafts: 0, issued: 0 };
    if (i.status === 'draft') s.drafts += 1;
    else s.issued += 1;
    byPeriod.set(i.period, s);
  }
  return [...byPeriod.values()].sort((a, b) => b.period.localeCompare(a.period));
}

/** Finance's way in: choose a period; the periods that already have invoices are listed. */
export function EkonomiPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [period, setPeriod] = useState('2025-Q1');
  const [problem, setProblem] = useState<string | null>(null);
  const invoices = useApi(() => api.get<ApiPage<Invoice>>('/invoices', { pageSize: 500 }), []);

  function open(event: FormEvent) {
    event.preventDefault();
    const wanted = period.trim();
    if (!PERIOD_PATTERN.test(wanted)) {
      setProblem('Perioden skrivs 2025-03 (månad), 2025-Q1 (kvartal), 2025-T1 (tertial) eller 2025 (år)');
      return;
    }
    navigate(`/ekonomi/perioder/${wanted}`);
  }

  return (
    <Page
      title="Ekonomi"
      intro={
        <Paragraph>
          {me.role === 'finance' && me.scope
            ? `Fakturor, interndebiteringar och filer för ${me.scope}.`
            : 'Fakturor, interndebiteringar, anslagsrapport och filer per period.'}
        </Paragraph>
      }
    >
      <form onSubmit={open} noValidate className="row" aria-label="Välj period">
        <Textfield
          id="period"
          label="Period"
          description="Till exempel 2025-Q1, 2025-03 eller 2025"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          error={problem ?? undefined}
        />
        <Button type="submit">Öppna perioden</Button>
      </form>
      <Section id="uppfoljning" title="Året">
        <ul>
          <li>
            <Link to="/ekonomi/aret-hittills">Året hittills: debiterat mot årsandel per förbrukare</Link>
          </li>
          <li>
            <Link to="/ekonomi/slutavrakning">Slutavräkning mot utfallsmodellen</Link>
          </li>
        </ul>
      </Section>
      <Section id="perioder" title="Perioder med fakturor">
        <LoadState loaded={invoices} what="fakturorna">
          {(page) => (
            <DataTable
              caption="Perioder med fakturor och kreditfakturor"
              rows={summarise(page.items)}
              rowKey={(s) => s.period}
              empty="Inga fakturor ännu. Öppna en period och kör den."
              columns={[
                {
                  header: 'Period',
                  cell: (s) => <Link to={`/ekonomi/perioder/${s.period}`}>{s.period}</Link>,
                },
                { header: 'Utkast', numeric: true, cell: (s) => s.drafts },
                { header: 'Utfärdade', numeric: true, cell: (s) => s.issued },
              ]}
            />
          )}
        </LoadState>
      </Section>
    </Page>
  );
}
