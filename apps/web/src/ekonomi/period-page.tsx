import { Alert, Button, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { Directory, loadDirectory } from '../api/directory';
import { sek, sumAmounts } from '../api/format';
import { mayActOnInvoicing, mayReopenPeriod } from '../api/permissions';
import type { Invoice, InvoiceRunResult, Page as ApiPage, PeriodStatus } from '../api/types';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { FormProblems } from '../components/form-problems';
import { useSubmit } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useSession } from '../components/session';
import { useApi } from '../components/use-api';
import { invoiceTitle, statusLabel } from './invoice-labels';
import { IssueForm } from './issue-form';
import { PeriodReports } from './period-reports';

/** One period for finance: run it, review and issue the drafts, the files, the reports, close it. */
export function PeriodPage() {
  const { period = '' } = useParams();
  const { me } = useSession();
  const invoices = useApi(() => api.get<ApiPage<Invoice>>('/invoices', { period, pageSize: 500 }), [period]);
  const directory = useApi(loadDirectory, []);
  const [revision, setRevision] = useState(0);
  const status = useApi(() => api.get<PeriodStatus>(`/periods/${period}`), [period, revision]);
  const [message, setMessage] = useState<{ text: string; details?: string[] } | null>(null);
  const issuer = invoices.data?.items[0]?.issuerId ?? directory.data?.hostId ?? null;
  const mayAct = directory.data !== null && mayActOnInvoicing(me, issuer);
  // a partner's finance books what it received on its own responsibility codes
  const isBuyer = me.scope !== null && issuer !== null && me.scope !== issuer;

  const act = useSubmit(async (work: () => Promise<{ text: string; details?: string[] }>) => {
    setMessage(null);
    setMessage(await work());
    invoices.reload();
    setRevision((r) => r + 1);
  });

  return (
    <Page title={`Ekonomi ${period}`}>
      <Paragraph>
        <Link to="/ekonomi">Alla perioder</Link>
      </Paragraph>
      {status.data && <PeriodState status={status.data} />}
      {directory.data && !mayAct && (
        <Alert data-color="info">
          <Paragraph>
            Du kan se periodens dokument och filer, men körning, utfärdande, kreditering och stängning görs av
            den utfärdande kommunens ekonomi.
          </Paragraph>
        </Alert>
      )}
      <div aria-live="polite">
        {message && (
          <Alert data-color="success">
            <Paragraph>{message.text}</Paragraph>
            {message.details && message.details.length > 0 && (
              <List.Unordered>
                {message.details.map((d) => (
                  <List.Item key={d}>{d}</List.Item>
                ))}
              </List.Unordered>
            )}
          </Alert>
        )}
      </div>
      <FormProblems error={act.error} heading="Det gick inte:" />
      {mayAct && (
        <Section id="korning" title="Körning">
          <Paragraph>
            Körningen skapar utkast till fakturor och interndebiteringar för perioden. En ny körning lägger
            bara till det som saknas.
          </Paragraph>
          <Button
            type="button"
            onClick={() =>
              act.run(async () => {
                const r = await api.post<InvoiceRunResult>(
                  '/invoice-runs',
                  { period },
                  { idempotencyKey: crypto.randomUUID() },
                );
                return {
                  text:
                    `Körningen av ${r.period} är klar: ${r.createdInvoices} nya fakturautkast, ${r.updatedInvoices} ` +
                    `kompletterade, ${r.addedLines} nya rader och ${r.addedInternalCharges} interndebiteringar` +
                    (r.model ? ` (underlag: ${r.model.name}).` : '.'),
                  details: r.warnings,
                };
              })
            }
          >
            Kör perioden {period}
          </Button>
        </Section>
      )}
      <Section id="fakturor" title="Fakturor och kreditfakturor">
        <LoadState loaded={invoices} what="fakturorna">
          {(page) => (
            <LoadState loaded={directory} what="organisationen">
              {(dir) => (
                <>
                  <InvoiceTable invoices={page.items} directory={dir} period={period} />
                  {mayAct && page.items.some((i) => i.status === 'draft') && (
                    <IssueForm
                      drafts={page.items.filter((i) => i.status === 'draft')}
                      onIssued={(text) => {
                        setMessage({ text });
                        invoices.reload();
                        setRevision((r) => r + 1);
                      }}
                    />
                  )}
                </>
              )}
            </LoadState>
          )}
        </LoadState>
      </Section>
      <Section id="filer" title="Filer">
        <Paragraph>Filerna gäller de utfärdade dokumenten och interndebiteringarna i perioden.</Paragraph>
        <div className="files">
          {isBuyer && (
            <FileButton label="Våra inköp (SIE 4)" path="/files/sie/purchases" query={{ period }} />
          )}
          <FileButton label="SIE 4 (bokföring)" path="/files/sie" query={{ period }} />
          <FileButton label="Fakturor (CSV)" path="/files/invoices" query={{ period, format: 'csv' }} />
          <FileButton label="Fakturor (XLSX)" path="/files/invoices" query={{ period, format: 'xlsx' }} />
          <FileButton
            label="Interndebiteringar (CSV)"
            path="/files/internal-charges"
            query={{ period, format: 'csv' }}
          />
          <FileButton
            label="Interndebiteringar (XLSX)"
            path="/files/internal-charges"
            query={{ period, format: 'xlsx' }}
          />
          <FileButton
            label="Anslagsrapport (CSV)"
            path="/files/appropriation"
            query={{ period, format: 'csv' }}
          />
          <FileButton
            label="Anslagsrapport (XLSX)"
            path="/files/appropriation"
            query={{ period, format: 'xlsx' }}
          />
        </div>
      </Section>
      <PeriodReports period={period} revision={revision} />
      {(mayAct || mayReopenPeriod(me, issuer)) && (
        <Section id="stangning" title="Stäng eller öppna perioden">
          <Paragraph>
            En stängd period tar inte emot nya utkast, ärenden eller volymer; sena poster hamnar i första
            öppna period. Alla utkast måste vara utfärdade innan perioden stängs.
          </Paragraph>
          <div className="row">
            {mayAct && !status.data?.closed && (
              <Button
                variant="secondary"
                type="button"
                onClick={() =>
                  act.run(async () => {
                    const r = await api.post<{ closedMonths: string[] }>(`/periods/${period}/close`);
                    return { text: `Perioden ${period} är stängd (månaderna ${r.closedMonths.join(', ')}).` };
                  })
                }
              >
                Stäng perioden {period}
              </Button>
            )}
            {mayReopenPeriod(me, issuer) && (status.data?.closedMonths.length ?? 0) > 0 && (
              <Button
                variant="secondary"
                type="button"
                onClick={() =>
                  act.run(async () => {
                    await api.post(`/periods/${period}/reopen`);
                    return { text: `Perioden ${period} är öppnad igen.` };
                  })
                }
              >
                Öppna perioden {period} igen
              </Button>
            )}
          </div>
        </Section>
      )}
    </Page>
  );
}

function InvoiceTable({
  invoices,
  directory,
  period,
}: {
  invoices: Invoice[];
  directory: Directory;
  period: string;
}) {
  return (
    <DataTable
      caption={`Fakturor och kreditfakturor ${period}`}
      rows={invoices}
      rowKey={(i) => i.id}
      empty="Inga fakturor i perioden. Kör perioden för att skapa utkast."
      columns={[
        { header: 'Dokument', cell: (i) => <Link to={`/ekonomi/fakturor/${i.id}`}>{invoiceTitle(i)}</Link> },
        { header: 'Köpare', cell: (i) => directory.name(i.buyer.id) },
        {
          header: 'Status',
          cell: (i) => (
            <Tag data-color={i.status === 'draft' ? 'warning' : 'success'} data-size="sm">
              {statusLabel(i.status)}
            </Tag>
          ),
        },
        { header: 'Rader', numeric: true, cell: (i) => i.lines.length },
        { header: 'Netto', numeric: true, cell: (i) => sek(i.net) },
        { header: 'Moms', numeric: true, cell: (i) => sek(i.vat) },
        { header: 'Att betala', numeric: true, cell: (i) => sek(i.gross) },
      ]}
      footer={[
        'Summa',
        '',
        '',
        '',
        sek(sumAmounts(invoices.map((i) => i.net))),
        sek(sumAmounts(invoices.map((i) => i.vat))),
        sek(sumAmounts(invoices.map((i) => i.gross))),
      ]}
    />
  );
}

/** Open or closed, in words (a tag's colour only repeats it), with the documents that touch the period. */
function PeriodState({ status }: { status: PeriodStatus }) {
  const state = status.closed
    ? 'Stängd'
    : status.closedMonths.length > 0
      ? `Delvis stängd (${status.closedMonths.join(', ')})`
      : 'Öppen';
  return (
    <Paragraph>
      <Tag data-color={status.closed ? 'neutral' : 'info'} data-size="sm">
        {state}
      </Tag>{' '}
      {status.drafts} utkast och {status.issued} utfärdade dokument.
    </Paragraph>
  );
}
