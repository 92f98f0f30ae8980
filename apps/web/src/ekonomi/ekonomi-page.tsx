import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { sek } from '../api/format';
import type { InvoicePeriodSummary, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { PageNav, usePageNumber } from '../components/page-nav';
import { useSession } from '../components/session';
import { useApi } from '../components/use-api';
import { PERIOD_PATTERN } from './invoice-labels';

const PERIODS_PER_PAGE = 12;

/** Finance's way in: choose a period; the periods that already have invoices are listed. */
export function EkonomiPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [period, setPeriod] = useState('2025-Q1');
  const [problem, setProblem] = useState<string | null>(null);
  const periodsPage = usePageNumber(PERIODS_PER_PAGE);
  const periods = useApi(
    () => api.get<ApiPage<InvoicePeriodSummary>>('/invoices/periods', periodsPage.query),
    [periodsPage.page],
  );

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
        <LoadState loaded={periods} what="perioderna">
          {(list) => <PeriodTable list={list} onPage={periodsPage.setPage} />}
        </LoadState>
      </Section>
    </Page>
  );
}

/** The periods with invoices, newest first, a page at a time. */
function PeriodTable({
  list,
  onPage,
}: {
  list: ApiPage<InvoicePeriodSummary>;
  onPage: (page: number) => void;
}) {
  return (
    <>
      <DataTable
        caption="Perioder med fakturor och kreditfakturor, senaste först"
        rows={list.items}
        rowKey={(s) => s.period}
        empty="Inga fakturor ännu. Öppna en period och kör den."
        columns={[
          {
            header: 'Period',
            cell: (s) => <Link to={`/ekonomi/perioder/${s.period}`}>{s.period}</Link>,
          },
          { header: 'Utkast', numeric: true, cell: (s) => s.drafts },
          { header: 'Utfärdade', numeric: true, cell: (s) => s.issued },
          { header: 'Kreditfakturor', numeric: true, cell: (s) => s.creditNotes },
          { header: 'Utfärdat inkl. moms', numeric: true, cell: (s) => sek(s.issuedTotal) },
          { header: 'Krediterat inkl. moms', numeric: true, cell: (s) => sek(s.creditedTotal) },
          { header: 'Läge', cell: (s) => (s.closed ? 'Stängd' : 'Öppen') },
        ]}
      />
      <PageNav list={list} label="Sidor med perioder" noun="perioder" onPage={onPage} />
    </>
  );
}
