import { Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { dateTime, decimal, percent, sek } from '../api/format';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';

/** GET /invoices/{id}/lines/{lineId}/trace and /internal-charges/{id}/trace (it-samverkan/audit-trace@1). */
export interface AuditTrace {
  format: string;
  generatedOn: string;
  source: {
    kind: 'invoice-line' | 'internal-charge' | 'split-run';
    id: string;
    label: string;
    description: string | null;
    period: string | null;
    amount: string | null;
    consumerId: string | null;
    serviceId: string | null;
  };
  splitRun: {
    id: string;
    engineVersion: string;
    inputHash: string;
    resultHash: string;
    createdAt: string;
    createdBy: string;
  } | null;
  model: { id: string; name: string; year: number; kind: string; status: string; approvedAt: string | null };
  decision: { reference: string; subject: string; date: string; forumName: string; paragraph: string } | null;
  total: string;
  pools: {
    id: string;
    name: string;
    amount: string;
    ledger: {
      account: string;
      accountName: string | null;
      amount: string;
      vouchers: { series: string; number: string; date: string; text: string | null; amount: string }[];
    }[];
  }[];
  services: {
    id: string;
    name: string;
    driver: { id: string; name: string; unit: string } | null;
    totalVolume: string | null;
    total: string;
    unitPrice: string | null;
    pools: { poolId: string; poolName: string; weight: string | null; direct: string; amount: string }[];
  }[];
  consumers: {
    id: string;
    name: string;
    municipality: string;
    total: string;
    lines: {
      serviceId: string;
      serviceName: string;
      volume: string;
      totalVolume: string;
      share: string;
      unitPrice: string | null;
      amount: string;
    }[];
  }[];
}

type Consumer = AuditTrace['consumers'][number];
type ConsumerLine = Consumer['lines'][number];
type Pool = AuditTrace['pools'][number];
type LedgerRow = { key: string; pool: string; account: string; amount: string; vouchers: string };

/** The auditor's trace of an invoice line: invoice line → split run → model and decision → pools. */
export function InvoiceLineTracePage() {
  const { invoiceId = '', lineId = '' } = useParams();
  const path = `/invoices/${encodeURIComponent(invoiceId)}/lines/${encodeURIComponent(lineId)}/trace`;
  return <TracePage path={path} back={{ to: `/ekonomi/fakturor/${invoiceId}`, text: 'Till fakturan' }} />;
}

/** The auditor's trace of an internal charge. */
export function InternalChargeTracePage() {
  const { chargeId = '' } = useParams();
  return <TracePage path={`/internal-charges/${encodeURIComponent(chargeId)}/trace`} />;
}

function TracePage({ path, back }: { path: string; back?: { to: string; text: string } }) {
  const trace = useApi(() => api.get<AuditTrace>(path), [path]);
  return (
    <Page title="Spårning för revisionen">
      {back && (
        <Paragraph>
          <Link to={back.to}>{back.text}</Link>
        </Paragraph>
      )}
      <LoadState loaded={trace} what="spårningen">
        {(t) => <TraceView trace={t} path={path} />}
      </LoadState>
    </Page>
  );
}

function TraceView({ trace, path }: { trace: AuditTrace; path: string }) {
  const { source, splitRun, model, decision } = trace;
  const ledgerRows: LedgerRow[] = trace.pools.flatMap((p: Pool) =>
    p.ledger.map((a, i) => ({
      key: `${p.id}-${a.account}-${i}`,
      pool: p.name,
      account: a.accountName ? `${a.account} ${a.accountName}` : a.account,
      amount: a.amount,
      vouchers: a.vouchers.length
        ? a.vouchers.map((v) => `${v.series}${v.number} ${v.date} (${sek(v.amount)})`).join(', ')
        : '–',
    })),
  );
  return (
    <>
      <Section id="kalla" title="Det som spåras">
        <dl className="facts">
          <dt>{source.kind === 'internal-charge' ? 'Intern debitering' : 'Fakturarad'}</dt>
          <dd>{source.label}</dd>
          <dt>Beskrivning</dt>
          <dd>{source.description ?? '–'}</dd>
          <dt>Period</dt>
          <dd>{source.period ?? '–'}</dd>
          <dt>Tjänst</dt>
          <dd>{trace.services.find((s) => s.id === source.serviceId)?.name ?? source.serviceId ?? '–'}</dd>
          <dt>Belopp</dt>
          <dd>{sek(source.amount)}</dd>
          <dt>Spårningen gjord</dt>
          <dd>{trace.generatedOn}</dd>
        </dl>
      </Section>
      <Section id="modell" title="Modell, beslut och fördelningskörning">
        <dl className="facts">
          <dt>Modellversion</dt>
          <dd>
            <Link to={`/tjanstefiering/modeller/${model.id}`}>{model.name}</Link> ({model.year},{' '}
            {model.kind === 'budget' ? 'budget' : 'utfall'})
          </dd>
          <dt>Godkänd</dt>
          <dd>{dateTime(model.approvedAt)}</dd>
          <dt>Beslut</dt>
          <dd>{decision ? `${decision.reference}: ${decision.subject}` : 'Inget beslut'}</dd>
          <dt>Fördelningskörning</dt>
          <dd>{splitRun ? splitRun.id : 'Ingen sparad körning'}</dd>
          {splitRun && (
            <>
              <dt>Motorversion</dt>
              <dd>{splitRun.engineVersion}</dd>
              <dt>Indatats hash</dt>
              <dd className="hash">{splitRun.inputHash}</dd>
              <dt>Resultatets hash</dt>
              <dd className="hash">{splitRun.resultHash}</dd>
              <dt>Körd</dt>
              <dd>{dateTime(splitRun.createdAt)}</dd>
            </>
          )}
        </dl>
      </Section>
      {trace.consumers.map((c) => (
        <Section key={c.id} id={`konsument-${c.id}`} title={`Konsument: ${c.name}`}>
          <DataTable<ConsumerLine>
            caption={`${c.name}: volym, à-pris och belopp per tjänst`}
            rows={c.lines}
            rowKey={(l) => l.serviceId}
            columns={[
              { header: 'Tjänst', cell: (l) => l.serviceName },
              {
                header: 'Fördelningsnyckel',
                cell: (l) => {
                  const d = trace.services.find((s) => s.id === l.serviceId)?.driver;
                  return d ? `${d.name} (${d.unit})` : '–';
                },
              },
              { header: 'Konsumentens volym', numeric: true, cell: (l) => decimal(l.volume) },
              { header: 'Total volym', numeric: true, cell: (l) => decimal(l.totalVolume) },
              { header: 'Andel', numeric: true, cell: (l) => percent(l.share) },
              { header: 'À-pris', numeric: true, cell: (l) => sek(l.unitPrice) },
              { header: 'Årsbelopp', numeric: true, cell: (l) => sek(l.amount) },
            ]}
            footer={['Summa', '', '', '', '', '', sek(c.total)]}
          />
        </Section>
      ))}
      <Section id="pooler" title="Kostnadspooler">
        <DataTable<Pool>
          caption="Kostnadspooler bakom tjänsterna"
          rows={trace.pools}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Pool', cell: (p) => p.name },
            { header: 'Belopp', numeric: true, cell: (p) => sek(p.amount) },
            { header: 'Konton', numeric: true, cell: (p) => p.ledger.length },
          ]}
        />
        <DataTable<LedgerRow>
          caption="Huvudbokskonton och verifikationer per pool"
          rows={ledgerRows}
          rowKey={(r) => r.key}
          empty="Modellversionen har ingen huvudboksimport: inga konton eller verifikationer att visa."
          columns={[
            { header: 'Pool', cell: (r) => r.pool },
            { header: 'Konto', cell: (r) => r.account },
            { header: 'Belopp', numeric: true, cell: (r) => sek(r.amount) },
            { header: 'Verifikationer', cell: (r) => r.vouchers },
          ]}
        />
      </Section>
      <Section id="filer" title="Filer">
        <div className="files">
          <FileButton label="Spårningen som XLSX" path={`${path}.xlsx`} />
          <FileButton label="Spårningen som PDF" path={`${path}.pdf`} />
        </div>
      </Section>
    </>
  );
}
