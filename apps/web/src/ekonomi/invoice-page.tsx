import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { Directory, loadDirectory } from '../api/directory';
import { dateTime, decimal, sek } from '../api/format';
import { mayActOnInvoicing } from '../api/permissions';
import type { Invoice, InvoiceLine } from '../api/types';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { FormProblems } from '../components/form-problems';
import { FormStatus, useForm } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useSession } from '../components/session';
import { useApi } from '../components/use-api';
import { invoiceTitle, statusLabel } from './invoice-labels';
import { IssueForm } from './issue-form';
import { isTraceable } from '../revision/traceable';

/** One invoice or credit note: its lines and VAT, editing a draft, issuing, crediting, its PDF and files. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const invoice = useApi(() => api.get<Invoice>(`/invoices/${id}`), [id]);
  const directory = useApi(loadDirectory, []);
  return (
    <LoadState loaded={invoice} what="fakturan">
      {(inv) => (
        <LoadState loaded={directory} what="organisationen">
          {(dir) => <InvoiceView invoice={inv} directory={dir} reload={invoice.reload} />}
        </LoadState>
      )}
    </LoadState>
  );
}

function InvoiceView({
  invoice,
  directory,
  reload,
}: {
  invoice: Invoice;
  directory: Directory;
  reload: () => void;
}) {
  const { me } = useSession();
  const mayAct = mayActOnInvoicing(me, invoice.issuerId);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const title = invoiceTitle(invoice);
  const draft = invoice.status === 'draft';
  return (
    <Page title={title}>
      <Paragraph>
        <Link to={`/ekonomi/perioder/${invoice.period}`}>Perioden {invoice.period}</Link>
      </Paragraph>
      <FormStatus status={notice} />
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <Tag data-color={draft ? 'warning' : 'success'} data-size="sm">
            {statusLabel(invoice.status)}
          </Tag>
        </dd>
        <dt>Utfärdare</dt>
        <dd>{directory.name(invoice.issuerId)}</dd>
        <dt>Köpare</dt>
        <dd>{directory.name(invoice.buyer.id)}</dd>
        <dt>Köparens referens</dt>
        <dd>{invoice.buyerReference ?? '–'}</dd>
        <dt>Period</dt>
        <dd>{invoice.period}</dd>
        <dt>Fakturadatum</dt>
        <dd>{invoice.issueDate ?? '–'}</dd>
        {invoice.bookingDate !== undefined && (
          <>
            <dt>Bokföringsdag</dt>
            <dd>{invoice.bookingDate ?? '–'}</dd>
          </>
        )}
        <dt>Förfallodag</dt>
        <dd>{invoice.dueDate ?? `${invoice.paymentTermsDays} dagar efter fakturadatum`}</dd>
        {invoice.creditedInvoiceId && (
          <>
            <dt>Krediterar</dt>
            <dd>
              <Link to={`/ekonomi/fakturor/${invoice.creditedInvoiceId}`}>den krediterade fakturan</Link>
            </dd>
          </>
        )}
        <dt>Utfärdad</dt>
        <dd>{dateTime(invoice.issuedAt)}</dd>
      </dl>
      <Section id="rader" title="Rader">
        <DataTable
          caption={`Rader på ${title.toLowerCase()}`}
          rows={invoice.lines}
          rowKey={(l) => l.id}
          columns={[
            { header: 'Rad', numeric: true, cell: (l) => l.lineNo },
            { header: 'Beskrivning', cell: (l) => l.description },
            { header: 'Ansvar', cell: (l) => l.responsibilityCode ?? '–' },
            { header: 'Antal', numeric: true, cell: (l) => decimal(l.quantity) },
            { header: 'À-pris', numeric: true, cell: (l) => sek(l.unitPrice) },
            { header: 'Moms', numeric: true, cell: (l) => `${l.vatRate} %` },
            { header: 'Netto', numeric: true, cell: (l) => sek(l.net) },
            {
              header: 'Spårning',
              cell: (l) =>
                isTraceable(l.sourceKey) ? (
                  <Link
                    to={`/revision/fakturarader/${invoice.id}/${l.id}/sparning`}
                    aria-label={`Spåra rad ${l.lineNo}: ${l.description}`}
                  >
                    Spåra
                  </Link>
                ) : (
                  '–'
                ),
            },
            ...(draft && mayAct
              ? [
                  {
                    header: 'Ändra',
                    cell: (l: InvoiceLine) => (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        type="button"
                        aria-expanded={editing === l.id}
                        onClick={() => setEditing(editing === l.id ? null : l.id)}
                      >
                        Ändra rad {l.lineNo}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editing && (
          <EditLine
            invoice={invoice}
            line={invoice.lines.find((l) => l.id === editing)!}
            onSaved={() => {
              setEditing(null);
              setNotice('Raden är ändrad.');
              reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        <DataTable
          caption="Moms per sats"
          rows={invoice.vatBreakdown}
          rowKey={(v) => v.rate}
          columns={[
            { header: 'Momssats', cell: (v) => `${v.rate} %` },
            { header: 'Underlag', numeric: true, cell: (v) => sek(v.base) },
            { header: 'Moms', numeric: true, cell: (v) => sek(v.vat) },
          ]}
          footer={['Summa', sek(invoice.net), sek(invoice.vat)]}
        />
        <Paragraph>
          Netto {sek(invoice.net)}, moms {sek(invoice.vat)}, <strong>att betala {sek(invoice.gross)}</strong>.
        </Paragraph>
      </Section>
      {draft && mayAct && (
        <IssueForm
          drafts={[invoice]}
          onIssued={(text) => {
            setNotice(text);
            reload();
          }}
        />
      )}
      {!draft && (
        <>
          <Section id="filer" title="Filer">
            <div className="files">
              <FileButton label="PDF" path={`/files/invoices/${invoice.id}/pdf`} />
              <FileButton label="Peppol BIS 3.0 (XML)" path={`/files/invoices/${invoice.id}/peppol`} />
            </div>
          </Section>
          <PdfView invoiceId={invoice.id} title={title} />
          {mayAct && invoice.kind === 'invoice' && <CreditForm invoice={invoice} onCredited={setNotice} />}
        </>
      )}
    </Page>
  );
}

function EditLine({
  invoice,
  line,
  onSaved,
  onCancel,
}: {
  invoice: Invoice;
  line: InvoiceLine;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const save = useForm(
    { description: line.description, quantity: line.quantity, unitPrice: line.unitPrice },
    { description: 'line-description', quantity: 'line-quantity', unitPrice: 'line-unit-price' },
    async (values) => {
      await api.patch(`/invoices/${invoice.id}/lines/${line.id}`, values);
      onSaved();
    },
  );
  return (
    <form onSubmit={save.submit} noValidate className="stack" aria-labelledby="andra-rad">
      <Heading level={3} data-size="sm" id="andra-rad">
        Ändra rad {line.lineNo}
      </Heading>
      <FormProblems error={save.error} fieldIds={save.fieldIds} />
      <Textfield label="Beskrivning" {...save.field('description')} />
      <Textfield
        label="Antal"
        description="Med punkt som decimaltecken, till exempel 6.5; negativt för en minskning"
        {...save.field('quantity')}
      />
      <Textfield
        label="À-pris (kronor)"
        description="Med punkt som decimaltecken och högst två decimaler, till exempel 950.00"
        {...save.field('unitPrice')}
      />
      <div className="row">
        <Button type="submit">Spara raden</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Avbryt
        </Button>
      </div>
    </form>
  );
}

/** The invoice's PDF shown in the page (fetched with this session's authentication). */
function PdfView({ invoiceId, title }: { invoiceId: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    api.file(`/files/invoices/${invoiceId}/pdf`).then(
      ({ blob }) => {
        made = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        setUrl(made);
      },
      (error: Error) => setProblem(error.message),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [invoiceId]);
  return (
    <Section id="pdf" title="Fakturan som PDF">
      {problem && <Paragraph>Kunde inte visa PDF:en: {problem}</Paragraph>}
      {url && <iframe className="pdf-frame" src={url} title={`${title} som PDF`} />}
    </Section>
  );
}

const CREDIT_IDS = { reason: 'credit-reason', invoiceDate: 'credit-date' };

/** Credit all that is left, or chosen amounts per line; never more than the invoice. */
function CreditForm({ invoice, onCredited }: { invoice: Invoice; onCredited: (text: string) => void }) {
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Invoice | null>(null);
  const credit = useForm({ reason: '', invoiceDate: '' }, CREDIT_IDS, async ({ reason, invoiceDate }) => {
    const lines = invoice.lines
      .filter((l) => (amounts[l.id] ?? '').trim() !== '')
      .map((l) => ({ lineId: l.id, amount: amounts[l.id].trim() }));
    const note = await api.post<Invoice>(
      `/invoices/${invoice.id}/credit`,
      {
        reason,
        ...(invoiceDate.trim() ? { invoiceDate: invoiceDate.trim() } : {}),
        ...(lines.length > 0 ? { lines } : {}),
      },
      { idempotencyKey: crypto.randomUUID() },
    );
    setCreated(note);
    onCredited(`Kreditfaktura skapad (${sek(note.gross)} inklusive moms).`);
  });
  const fields = credit.problems;
  const lineField = (i: number) => `line-credit-${i}`;
  const fieldIds: Record<string, string> = { ...credit.fieldIds };
  invoice.lines.forEach((_, i) => {
    fieldIds[`lines.${i}.amount`] = lineField(i);
    fieldIds[`lines[${i}].amount`] = lineField(i);
  });
  return (
    <Section id="kreditera" title="Kreditera">
      <form onSubmit={credit.submit} noValidate className="stack">
        <Paragraph>
          Lämna beloppen tomma för att kreditera allt som återstår, eller ange belopp (netto, kronor) på de
          rader som ska krediteras delvis.
        </Paragraph>
        <FormProblems error={credit.error} fieldIds={fieldIds} />
        <Textfield label="Skäl till krediteringen" {...credit.field('reason')} />
        <Textfield
          label="Kreditfakturans fakturadatum (frivilligt)"
          description="ÅÅÅÅ-MM-DD; tomt för i dag. Kreditfakturan hör till månaden för sitt datum, som måste vara öppen."
          {...credit.field('invoiceDate')}
        />
        {invoice.lines.map((l, i) => (
          <Textfield
            key={l.id}
            id={lineField(i)}
            label={`Rad ${l.lineNo}: ${l.description} (netto ${sek(l.net)})`}
            value={amounts[l.id] ?? ''}
            onChange={(e) => setAmounts({ ...amounts, [l.id]: e.target.value })}
            error={fields[`lines.${i}.amount`] ?? fields[`lines[${i}].amount`]}
          />
        ))}
        <div>
          <Button type="submit">Skapa kreditfaktura</Button>
        </div>
        {created && (
          <Paragraph>
            <Link to={`/ekonomi/fakturor/${created.id}`}>Öppna kreditfakturan</Link>
          </Paragraph>
        )}
      </form>
    </Section>
  );
}
