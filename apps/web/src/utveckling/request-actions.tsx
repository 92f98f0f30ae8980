import { Button, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { DEVELOPMENT_STATUS_LABELS } from '@it-samverkan/domain/development/development-request-status';
import { api } from '../api/client';
import { decimal, sek, todayInSweden } from '../api/format';
import type { Decision, DevelopmentHours, DevelopmentRequest, Invoice, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems } from '../components/form-problems';
import { FormStatus, useForm, useSubmit } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Section } from '../components/page';
import { useApi } from '../components/use-api';

/** The statuses' Swedish names (the domain's). */
export const STATUS_LABELS: Record<string, string> = DEVELOPMENT_STATUS_LABELS;

/** Each reported hour's invoice line (sourceKey development:<hours id>) in the years its months lie in. */
async function loadHoursWithBilling(requestId: string) {
  const hours = await api.get<DevelopmentHours[]>(`/utveckling/requests/${requestId}/hours`);
  const years = [...new Set(hours.map((h) => h.month.slice(0, 4)))];
  const invoices = (
    await Promise.all(years.map((y) => api.get<ApiPage<Invoice>>('/invoices', { period: y, pageSize: 500 })))
  ).flatMap((p) => p.items);
  return hours.map((h) => {
    const invoice = invoices.find((i) => i.lines.some((l) => l.sourceKey === `development:${h.id}`));
    const line = invoice?.lines.find((l) => l.sourceKey === `development:${h.id}`);
    return { ...h, invoice: invoice ?? null, net: line?.net ?? null };
  });
}

/** IT-forum utveckling acts on one request: next status with its decision, hours, and what has been billed. */
export function RequestActions({
  request,
  onChanged,
}: {
  request: DevelopmentRequest;
  onChanged: () => void;
}) {
  const decisions = useApi(
    () => api.get<ApiPage<Decision>>('/decisions', { forum: 'utveckling', pageSize: 500 }),
    [],
  );
  const hours = useApi(() => loadHoursWithBilling(request.id), [request.id]);
  return (
    <>
      <LoadState loaded={decisions} what="besluten">
        {(page) => (
          <StatusForm
            request={request}
            decisions={page.items}
            onChanged={onChanged}
            onDecision={decisions.reload}
          />
        )}
      </LoadState>
      <HoursForm
        request={request}
        onReported={() => {
          hours.reload();
          onChanged();
        }}
      />
      <LoadState loaded={hours} what="tidrapporterna">
        {(rows) => (
          <DataTable
            caption={`${request.title}: rapporterad tid och vad som fakturerats`}
            rows={rows}
            rowKey={(h) => h.id}
            empty="Ingen tid rapporterad."
            columns={[
              { header: 'Datum', cell: (h) => h.reportedOn },
              { header: 'Timmar', numeric: true, cell: (h) => decimal(h.hours) },
              { header: 'Debiteras månad', cell: (h) => h.month },
              {
                header: 'Faktura',
                cell: (h) =>
                  h.invoice
                    ? h.invoice.status === 'issued'
                      ? `Fakturerad, nr ${h.invoice.number}`
                      : 'Utkast (inte utfärdad)'
                    : request.funding === 'additional'
                      ? 'Inte fakturerad ännu'
                      : 'Debiteras inte (ramuppdrag)',
              },
              { header: 'Belopp', numeric: true, cell: (h) => (h.net ? sek(h.net) : '–') },
            ]}
          />
        )}
      </LoadState>
    </>
  );
}

function StatusForm({
  request,
  decisions,
  onChanged,
  onDecision,
}: {
  request: DevelopmentRequest;
  decisions: Decision[];
  onChanged: () => void;
  onDecision: () => void;
}) {
  const [status, setStatus] = useState<string>(request.nextStatuses[0] ?? '');
  const [decisionId, setDecisionId] = useState('');
  const [funding, setFunding] = useState<string>(request.funding);
  const needsDecision = status === 'decided' || status === 'rejected';
  const change = useSubmit(async () => {
    await api.post(`/utveckling/requests/${request.id}/status`, {
      status,
      ...(needsDecision && decisionId ? { decisionId } : {}),
      ...(status === 'decided' ? { funding } : {}),
    });
    onChanged();
  });
  const record = useForm(
    { date: todayInSweden(), paragraph: '', subject: request.title },
    { date: 'decision-date', paragraph: 'decision-paragraph', subject: 'decision-subject' },
    async (decision) => {
      const made = await api.post<Decision>('/decisions', { forum: 'utveckling', ...decision });
      setDecisionId(made.id);
      onDecision();
      return `Beslutet är registrerat: ${made.reference}. Välj det när du ändrar status.`;
    },
  );

  if (request.nextStatuses.length === 0)
    return <Paragraph>Ärendet är {request.statusLabel.toLowerCase()} och ändras inte mer.</Paragraph>;
  return (
    <>
      <Section id="beslut-nytt" title="Registrera forumets beslut">
        <form onSubmit={record.submit} noValidate className="stack">
          <FormProblems
            error={record.error}
            fieldIds={record.fieldIds}
            heading="Beslutet registrerades inte:"
          />
          <Textfield label="Sammanträdets datum" {...record.field('date')} />
          <Textfield label="Paragraf" description="Till exempel § 21" {...record.field('paragraph')} />
          <Textfield label="Ärendemening" {...record.field('subject')} />
          <div>
            <Button type="submit" variant="secondary">
              Registrera beslutet
            </Button>
          </div>
          <FormStatus status={record.status} />
        </form>
      </Section>
      <Section id="status-andra" title="Ändra status">
        <form onSubmit={change.submit} noValidate className="stack">
          <FormProblems
            error={change.error}
            fieldIds={{ status: 'next-status', decisionId: 'status-decision' }}
            heading="Statusen ändrades inte:"
          />
          <Field>
            <Label htmlFor="next-status">Ny status</Label>
            <Select id="next-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              {request.nextStatuses.map((s) => (
                <Select.Option key={s} value={s}>
                  {STATUS_LABELS[s] ?? s}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {needsDecision && (
            <Field>
              <Label htmlFor="status-decision">Beslut</Label>
              <Select
                id="status-decision"
                value={decisionId}
                onChange={(e) => setDecisionId(e.target.value)}
                aria-invalid={change.problems.decisionId ? true : undefined}
              >
                <Select.Option value="">Välj beslut</Select.Option>
                {decisions.map((d) => (
                  <Select.Option key={d.id} value={d.id}>
                    {d.reference}: {d.subject}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {status === 'decided' && (
            <Field>
              <Label htmlFor="status-funding">Finansiering enligt beslutet</Label>
              <Select id="status-funding" value={funding} onChange={(e) => setFunding(e.target.value)}>
                <Select.Option value="framework">Inom ramuppdraget</Select.Option>
                <Select.Option value="additional">Tilläggsuppdrag (debiteras beställaren)</Select.Option>
              </Select>
            </Field>
          )}
          <div>
            <Button type="submit">Ändra status</Button>
          </div>
        </form>
      </Section>
    </>
  );
}

function HoursForm({ request, onReported }: { request: DevelopmentRequest; onReported: () => void }) {
  const report = useForm(
    { hours: '', reportedOn: todayInSweden(), note: '' },
    { hours: 'hours', reportedOn: 'reported-on', note: 'hours-note' },
    async ({ hours, reportedOn, note }) => {
      const made = await api.post<DevelopmentHours>(`/utveckling/requests/${request.id}/hours`, {
        hours: hours.trim(),
        reportedOn: reportedOn.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      report.set('hours', '');
      report.set('note', '');
      onReported();
      return `${decimal(made.hours)} timmar rapporterade, debiteras ${made.month}.`;
    },
  );
  if (request.funding !== 'additional' || !['in-progress', 'done'].includes(request.status)) return null;

  return (
    <Section id="tid-rapportera" title="Rapportera tid">
      <form onSubmit={report.submit} noValidate className="stack">
        <FormProblems error={report.error} fieldIds={report.fieldIds} heading="Tiden rapporterades inte:" />
        <Textfield label="Timmar" inputMode="decimal" {...report.field('hours')} />
        <Textfield label="Arbetsdag (ÅÅÅÅ-MM-DD)" {...report.field('reportedOn')} />
        <Textfield label="Anteckning (frivilligt)" {...report.field('note')} />
        <div>
          <Button type="submit">Rapportera tiden</Button>
        </div>
        <FormStatus status={report.status} />
      </form>
    </Section>
  );
}
