import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { dateTime, sek } from '../api/format';
import type { CostModelVersion, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { PageNav, usePageNumber } from '../components/page-nav';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { FormStatus, useSubmit } from '../components/use-form';
import { VersionFacts } from './tjanstefiering-page';
import { useMayOnShared } from '../components/use-may';

interface VoucherView {
  series: string;
  number: string;
  date: string;
  text: string | null;
  amount: string;
}

interface AccountView {
  account: string;
  accountName: string | null;
  objects: { responsibility?: string; activity?: string };
  amount: string;
  vouchers: VoucherView[];
}

interface LedgerImport {
  id: string;
  sequence: number;
  format: string;
  fileName: string;
  fileHash: string;
  source: string;
  importedAt: string;
  importedBy: string;
  companyName: string | null;
  checksum: string | null;
  rows: number;
  scopeTotal: string;
  mappedTotal: string;
  unmappedTotal: string;
  reconciled: boolean;
  pools: {
    poolId: string;
    poolName: string;
    previousAmount: string;
    amount: string;
    accounts: AccountView[];
  }[];
  unmapped: AccountView[];
  outsideScope: { rows: number; total: string };
  otherYears: { rows: number; total: string };
}

type Summary = Pick<
  LedgerImport,
  | 'id'
  | 'sequence'
  | 'format'
  | 'fileName'
  | 'importedAt'
  | 'importedBy'
  | 'mappedTotal'
  | 'unmappedTotal'
  | 'reconciled'
>;

/** Imports are listed ten to a page, newest first. */
const IMPORTS_PER_PAGE = 10;

const formatName = (format: string) => (format === 'sie4' ? 'SIE 4' : 'CSV');
const formatOf = (name: string) => (/\.csv$/i.test(name) ? 'csv' : 'sie4');
const objectText = (a: AccountView) =>
  [
    a.objects.responsibility && `ansvar ${a.objects.responsibility}`,
    a.objects.activity && `verksamhet ${a.objects.activity}`,
  ]
    .filter(Boolean)
    .join(', ') || '–';
const voucherText = (a: AccountView) =>
  a.vouchers.map((v) => `${[v.series, v.number].filter(Boolean).join(' ')} (${v.date})`).join(', ') || '–';

/** Costs from the ledger: upload the host's SIE 4 or CSV onto a draft version and see the reconciliation. */
export function LedgerImportPage() {
  const { id = '' } = useParams();
  const version = useApi(() => api.get<CostModelVersion>(`/cost-models/${id}`), [id]);
  const importsPage = usePageNumber(IMPORTS_PER_PAGE);
  const imports = useApi(
    () => api.get<ApiPage<Summary>>(`/cost-models/${id}/ledger-imports`, importsPage.query),
    [id, importsPage.page],
  );
  // the import whose reconciliation is shown: the one chosen in the list, else the latest
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = useApi(async () => {
    const which =
      chosen ??
      (await api.get<ApiPage<Summary>>(`/cost-models/${id}/ledger-imports`, { pageSize: 1 })).items[0]?.id;
    return which ? api.get<LedgerImport>(`/cost-models/${id}/ledger-imports/${which}`) : null;
  }, [id, chosen]);
  const mayImport = useMayOnShared('edit-model');
  const imported = () => {
    setChosen(null);
    importsPage.setPage(1);
    imports.reload();
    shown.reload();
  };

  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={`Huvudbok: ${v.name}`}>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}`}>Tillbaka till versionen</Link>
          </Paragraph>
          <VersionFacts version={v} />
          <Paragraph>
            {'Huvudboken (SIE 4 från ekonomisystemet, eller CSV med kolumnerna ' +
              'Konto;Ansvar;Verksamhet;Belopp;Datum;Verifikation;Text) läses med versionens kontomappning: varje rad ' +
              'inom omfattningen går till den pool vars regel den matchar, annars listas den som omappad. Poolernas ' +
              'belopp sätts till huvudbokens.'}
          </Paragraph>
          {v.status === 'draft' && mayImport ? (
            <UploadLedger versionId={v.id} onImported={imported} />
          ) : (
            <Alert data-color="info">
              <Paragraph>
                {v.status === 'approved'
                  ? 'Versionen är godkänd; huvudboken kan bara importeras till ett utkast.'
                  : 'Tjänstefieringsgruppen importerar huvudboken.'}
              </Paragraph>
            </Alert>
          )}
          <LoadState loaded={imports} what="huvudboksimporterna">
            {(list) => (
              <ImportList
                list={list}
                shownId={shown.data?.id ?? null}
                onShow={setChosen}
                onPage={importsPage.setPage}
              />
            )}
          </LoadState>
          <LoadState loaded={shown} what="importen">
            {(imp) =>
              imp ? (
                <Reconciliation imp={imp} />
              ) : (
                <Paragraph>Ingen huvudbok har importerats till versionen ännu.</Paragraph>
              )
            }
          </LoadState>
        </Page>
      )}
    </LoadState>
  );
}

function UploadLedger({ versionId, onImported }: { versionId: string; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const upload = useSubmit(async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setFileProblem('Välj en fil (SIE 4 eller CSV)');
      return;
    }
    setFileProblem(null);
    const query = `format=${formatOf(file.name)}&fileName=${encodeURIComponent(file.name)}`;
    await api.upload(`/cost-models/${versionId}/ledger-imports?${query}`, file, 'application/octet-stream');
    onImported();
    return `${file.name} är importerad; poolerna har fått huvudbokens belopp.`;
  });
  const error = upload.error;
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  const details = error instanceof ApiError ? error.details : [];
  return (
    <Section id="importera" title="Importera huvudboken">
      <FormStatus status={upload.status} />
      {error !== null && (
        <div ref={summary} tabIndex={-1}>
          {details.length > 0 ? (
            <ErrorSummary>
              <ErrorSummary.Heading>Filen kunde inte läsas och ingenting sparades:</ErrorSummary.Heading>
              <ErrorSummary.List>
                {details.map((d) => (
                  <ErrorSummary.Item key={`${d.path}:${d.message}`}>
                    <span>
                      {/^Rad \d/.test(d.message)
                        ? d.message
                        : `${d.path.replace(/^rad/, 'Rad')}: ${d.message}`}
                    </span>
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          ) : (
            <Alert data-color="danger" role="alert">
              <Paragraph>{error instanceof Error ? error.message : String(error)}</Paragraph>
            </Alert>
          )}
        </div>
      )}
      <form onSubmit={upload.submit} noValidate className="stack">
        <Field>
          <Label htmlFor="ledger-file">Huvudboksfil (SIE 4: .se, .si, .sie; eller .csv)</Label>
          <input
            id="ledger-file"
            ref={input}
            type="file"
            accept=".se,.si,.sie,.csv,text/csv"
            aria-invalid={fileProblem ? true : undefined}
            aria-describedby={fileProblem ? 'ledger-file-problem' : undefined}
          />
          {fileProblem && <ValidationMessage id="ledger-file-problem">{fileProblem}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" loading={upload.busy}>
            Importera
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** The version's imports, a page at a time, each with a button to show its reconciliation. */
function ImportList({
  list,
  shownId,
  onShow,
  onPage,
}: {
  list: ApiPage<Summary>;
  shownId: string | null;
  onShow: (id: string) => void;
  onPage: (page: number) => void;
}) {
  if (list.total === 0) return null;
  return (
    <Section id="importer" title="Importer till versionen">
      <DataTable
        caption="Huvudboksimporter, senaste först"
        rows={list.items}
        rowKey={(i) => i.id}
        columns={[
          { header: 'Import', numeric: true, cell: (i) => i.sequence },
          { header: 'Fil', cell: (i) => `${i.fileName} (${formatName(i.format)})` },
          { header: 'Importerad', cell: (i) => `${dateTime(i.importedAt)} av ${i.importedBy}` },
          { header: 'Mappat', numeric: true, cell: (i) => sek(i.mappedTotal) },
          { header: 'Omappat', numeric: true, cell: (i) => sek(i.unmappedTotal) },
          { header: 'Avstämd', cell: (i) => (i.reconciled ? 'Ja' : 'Nej') },
          {
            header: 'Avstämning',
            cell: (i) =>
              i.id === shownId ? (
                'Visas nedan'
              ) : (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => onShow(i.id)}>
                  Visa import {i.sequence}
                </Button>
              ),
          },
        ]}
      />
      <PageNav list={list} label="Sidor med huvudboksimporter" noun="importer" onPage={onPage} />
    </Section>
  );
}

function Reconciliation({ imp }: { imp: LedgerImport }) {
  return (
    <>
      <Section id="avstamning" title="Avstämning">
        <dl className="facts">
          <dt>Fil</dt>
          <dd>
            {imp.fileName} ({formatName(imp.format)}, {imp.rows} rader
            {imp.checksum ? ', kontrollsumman stämmer' : ''})
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <code>{imp.fileHash.slice(0, 16)}…</code>
          </dd>
          <dt>Importerad</dt>
          <dd>
            {dateTime(imp.importedAt)} av {imp.importedBy} (import {imp.sequence})
          </dd>
          <dt>Mappat till pooler</dt>
          <dd data-testid="mapped-total">{sek(imp.mappedTotal)}</dd>
          <dt>Omappat</dt>
          <dd data-testid="unmapped-total">{sek(imp.unmappedTotal)}</dd>
          <dt>Summa inom omfattningen</dt>
          <dd data-testid="scope-total">{sek(imp.scopeTotal)}</dd>
          <dt>Avstämning</dt>
          <dd>{imp.reconciled ? 'Poolerna stämmer med huvudboken på öret' : 'Stämmer inte'}</dd>
          <dt>Utanför omfattningen</dt>
          <dd>
            {imp.outsideScope.rows} rader (andra konton eller ansvar); {imp.otherYears.rows} rader från andra
            år
          </dd>
        </dl>
        <DataTable
          caption="Poolernas belopp från huvudboken"
          rows={imp.pools}
          rowKey={(p) => p.poolId}
          columns={[
            { header: 'Pool', cell: (p) => p.poolName },
            { header: 'Före importen', numeric: true, cell: (p) => sek(p.previousAmount) },
            { header: 'Från huvudboken', numeric: true, cell: (p) => sek(p.amount) },
            { header: 'Konton', numeric: true, cell: (p) => p.accounts.length },
          ]}
          footer={['Summa', '', sek(imp.mappedTotal), '']}
        />
      </Section>
      <Section id="omappat" title="Omappade belopp">
        <DataTable
          caption="Rader inom omfattningen som ingen regel mappar"
          rows={imp.unmapped}
          rowKey={(a) => `${a.account}|${objectText(a)}`}
          empty="Alla rader inom omfattningen är mappade."
          columns={[
            { header: 'Konto', cell: (a) => a.account },
            { header: 'Kontonamn', cell: (a) => a.accountName ?? '–' },
            { header: 'Objekt', cell: objectText },
            { header: 'Belopp', numeric: true, cell: (a) => sek(a.amount) },
            { header: 'Verifikationer', cell: voucherText },
          ]}
          footer={['Summa', '', '', sek(imp.unmappedTotal), '']}
        />
      </Section>
      <Section id="kallor" title="Poolernas konton och verifikationer">
        {imp.pools.map((p) => (
          <DataTable
            key={p.poolId}
            caption={`${p.poolName}: ${sek(p.amount)}`}
            rows={p.accounts}
            rowKey={(a) => `${a.account}|${objectText(a)}`}
            empty="Inga rader."
            columns={[
              { header: 'Konto', cell: (a) => a.account },
              { header: 'Kontonamn', cell: (a) => a.accountName ?? '–' },
              { header: 'Objekt', cell: objectText },
              { header: 'Belopp', numeric: true, cell: (a) => sek(a.amount) },
              { header: 'Verifikationer', cell: voucherText },
            ]}
          />
        ))}
      </Section>
    </>
  );
}
