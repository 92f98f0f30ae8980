import { Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { dateTime, decimal, percent, sek } from '../api/format';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import type { AuditTrace, TraceLedgerAccount, TracePoolBasis } from '../api/types';

type Consumer = AuditTrace['consumers'][number];
type ConsumerLine = Consumer['lines'][number];
type Pool = AuditTrace['pools'][number];
type LedgerRow = { key: string; pool: string; account: string; amount: string; vouchers: string };
type ConsumerPool = NonNullable<Consumer['pools']>[number];
type BasisRow = { key: string; pool: string; level: TracePoolBasis; depth: number };
type BasisLedgerRow = LedgerRow & { basis: string };

const modelText = (m: { name: string; year: number; kind: string }) =>
  `${m.name} (${m.kind === 'actual' ? 'utfall' : 'budget'} ${m.year})`;

/** A pool's ledger accounts as table rows, the vouchers of each account on one line. */
function ledgerRowsOf(key: string, pool: string, ledger: TraceLedgerAccount[]): LedgerRow[] {
  return ledger.map((a, i) => ({
    key: `${key}-${a.account}-${i}`,
    pool,
    account: a.accountName ? `${a.account} ${a.accountName}` : a.account,
    amount: a.amount,
    vouchers: a.vouchers.length
      ? a.vouchers.map((v) => `${v.series}${v.number} ${v.date} (${sek(v.amount)})`).join(', ')
      : '–',
  }));
}

/** Every level of each pool's basis (a budget from a budget from an actual …), nearest first. */
function basisRowsOf(pools: Pool[]): BasisRow[] {
  return pools.flatMap((p) => {
    const rows: BasisRow[] = [];
    for (let b = p.basis, depth = 0; b; b = b.basis, depth++)
      rows.push({ key: `${p.id}-${depth}`, pool: p.name, level: b, depth });
    return rows;
  });
}

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
  const { source, splitRun, figures, model, decision } = trace;
  const ledgerRows = trace.pools.flatMap((p: Pool) => ledgerRowsOf(p.id, p.name, p.ledger));
  const basisRows = basisRowsOf(trace.pools);
  const basisLedger: BasisLedgerRow[] = basisRows.flatMap((b) =>
    ledgerRowsOf(b.key, b.pool, b.level.ledger).map((r) => ({ ...r, basis: modelText(b.level.model) })),
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
          <dt>Siffrorna</dt>
          <dd>
            {figures.from === 'stored-run'
              ? 'Ur den sparade fördelningskörningen'
              : `Beräknade nu (motor ${figures.engineVersion}) ur den godkända versionens dokument, hash ${figures.inputHash}`}
          </dd>
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
          {c.pools && (
            <DataTable<ConsumerPool>
              caption={`${c.name}: varje pools del av årsbeloppet`}
              rows={c.pools}
              rowKey={(p) => p.poolId}
              columns={[
                { header: 'Pool', cell: (p) => p.poolName },
                { header: 'Del av årsbeloppet', numeric: true, cell: (p) => sek(p.amount) },
              ]}
              footer={['Summa', sek(c.total)]}
            />
          )}
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
            { header: 'Underlag', cell: (p) => (p.basis ? modelText(p.basis.model) : '–') },
          ]}
        />
        <DataTable<LedgerRow>
          caption="Huvudbokskonton och verifikationer per pool"
          rows={ledgerRows}
          rowKey={(r) => r.key}
          empty={
            basisRows.length > 0
              ? 'Modellversionen har ingen egen huvudboksimport: huvudboken bakom poolerna finns under underlaget nedan.'
              : 'Modellversionen har ingen huvudboksimport: inga konton eller verifikationer att visa.'
          }
          columns={[
            { header: 'Pool', cell: (r) => r.pool },
            { header: 'Konto', cell: (r) => r.account },
            { header: 'Belopp', numeric: true, cell: (r) => sek(r.amount) },
            { header: 'Verifikationer', cell: (r) => r.vouchers },
          ]}
        />
      </Section>
      {basisRows.length > 0 && (
        <Section id="underlag" title="Underlaget bakom poolerna">
          <Paragraph>
            Modellen räknades fram ur en godkänd modell: varje pools belopp där, indexet och det indexerade
            beloppet, och huvudboken bakom underlaget.
          </Paragraph>
          <DataTable<BasisRow>
            caption="Poolernas underlag: belopp, index och beslut"
            rows={basisRows}
            rowKey={(r) => r.key}
            columns={[
              { header: 'Pool', cell: (r) => r.pool },
              { header: 'Underlag', cell: (r) => modelText(r.level.model) },
              {
                header: 'Beslut',
                cell: (r) =>
                  r.level.decision ? `${r.level.decision.reference}: ${r.level.decision.subject}` : '–',
              },
              { header: 'Belopp i underlaget', numeric: true, cell: (r) => sek(r.level.amount) },
              { header: 'Index', numeric: true, cell: (r) => percent(r.level.index) },
              { header: 'Indexerat belopp', numeric: true, cell: (r) => sek(r.level.indexed) },
            ]}
          />
          <DataTable<BasisLedgerRow>
            caption="Huvudbokskonton och verifikationer bakom underlaget"
            rows={basisLedger}
            rowKey={(r) => r.key}
            empty="Underlaget har ingen huvudboksimport: inga konton eller verifikationer att visa."
            columns={[
              { header: 'Pool', cell: (r) => r.pool },
              { header: 'Underlag', cell: (r) => r.basis },
              { header: 'Konto', cell: (r) => r.account },
              { header: 'Belopp', numeric: true, cell: (r) => sek(r.amount) },
              { header: 'Verifikationer', cell: (r) => r.vouchers },
            ]}
          />
        </Section>
      )}
      <Section id="filer" title="Filer">
        <div className="files">
          <FileButton label="Spårningen som XLSX" path={`${path}.xlsx`} />
          <FileButton label="Spårningen som PDF" path={`${path}.pdf`} />
        </div>
      </Section>
    </>
  );
}
