import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { dateTime, decimal, sek, todayInSweden } from '../api/format';
import type { CostModelVersion, ModelDocument, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { FormProblems } from '../components/form-problems';
import { FormStatus, useForm, useSubmit } from '../components/use-form';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { kindLabel, VersionStatus } from './tjanstefiering-page';
import { useMayOnShared } from '../components/use-may';

interface SplitRunSummary {
  id: string;
  createdAt: string;
  createdBy: string;
  resultHash: string;
  engineVersion: string;
}

/** A model version: what it holds, its decision, its split runs; split it, or approve it (styrgruppen). */
export function ModelPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const version = useApi(
    () => api.get<CostModelVersion & { document: ModelDocument }>(`/cost-models/${id}`),
    [id],
  );
  const splits = useApi(() => api.get<ApiPage<SplitRunSummary>>(`/cost-models/${id}/splits`), [id]);
  const split = useSubmit(async (versionId: string) => {
    const run = await api.post<SplitRunSummary>(`/cost-models/${versionId}/splits`);
    navigate(`/tjanstefiering/fordelningar/${run.id}`);
  });
  const maySplit = useMayOnShared('run-split');
  const mayApprove = useMayOnShared('approve-model');

  return (
    <LoadState loaded={version} what="modellversionen">
      {(v) => (
        <Page title={v.name}>
          <Paragraph>
            <Link to="/tjanstefiering">Alla modellversioner</Link>
          </Paragraph>
          <dl className="facts">
            <dt>År</dt>
            <dd>{v.year}</dd>
            <dt>Slag</dt>
            <dd>{kindLabel(v.kind)}</dd>
            <dt>Status</dt>
            <dd>
              <VersionStatus version={v} />
            </dd>
            <dt>Beslut</dt>
            <dd>{v.decision ? `${v.decision.reference}: ${v.decision.subject}` : 'Inte godkänd ännu'}</dd>
            <dt>Dokumentets hash</dt>
            <dd>
              <code>{v.documentHash.slice(0, 16)}…</code>
            </dd>
          </dl>
          <div className="files">
            <FileButton label="Modellen som XLSX" path={`/cost-models/${v.id}/model.xlsx`} />
          </div>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}/huvudbok`}>Huvudbok: poolerna från bokföringen</Link>
          </Paragraph>
          <Paragraph>
            <Link to={`/tjanstefiering/modeller/${v.id}/register`}>
              Register: volymer från datorer, konton och licenser
            </Link>
          </Paragraph>
          {v.status === 'draft' && maySplit && (
            <Paragraph>
              <Link to={`/tjanstefiering/modeller/${v.id}/redigera`}>Redigera utkastet</Link>
            </Paragraph>
          )}
          {v.kind === 'budget' && (
            <Paragraph>
              <Link to={`/tjanstefiering/modeller/${v.id}/forandringar`}>Förändringar mot förra året</Link>
            </Paragraph>
          )}
          {v.status === 'approved' && maySplit && (
            <Paragraph>
              <Link to={`/tjanstefiering/modeller/${v.id}/nasta-ar`}>
                Nästa års budget från den här versionen
              </Link>
            </Paragraph>
          )}
          <Section id="pooler" title="Kostnadspooler">
            <DataTable
              caption="Kostnadspooler och belopp"
              rows={v.document.pools}
              rowKey={(p) => p.id}
              columns={[
                { header: 'Pool', cell: (p) => p.name },
                { header: 'Belopp', numeric: true, cell: (p) => sek(String(p.amount)) },
                {
                  header: 'Fördelas till (vikt)',
                  cell: (p) =>
                    Object.entries(p.to)
                      .map(
                        ([s, w]) => `${v.document.services.find((x) => x.id === s)?.name ?? s} ${decimal(w)}`,
                      )
                      .join(', '),
                },
              ]}
            />
          </Section>
          <Section id="korningar" title="Fördelningar">
            <FormProblems error={split.error} heading="Fördelningen kunde inte göras:" />
            {maySplit && (
              <Button type="button" onClick={() => void split.run(v.id)}>
                Fördela versionen
              </Button>
            )}
            <LoadState loaded={splits} what="fördelningarna">
              {(page) => (
                <DataTable
                  caption="Sparade fördelningskörningar, nyast först"
                  rows={page.items}
                  rowKey={(s) => s.id}
                  empty="Versionen har inte fördelats ännu."
                  columns={[
                    {
                      header: 'Körning',
                      cell: (s) => (
                        <Link to={`/tjanstefiering/fordelningar/${s.id}`}>{dateTime(s.createdAt)}</Link>
                      ),
                    },
                    { header: 'Av', cell: (s) => s.createdBy },
                    { header: 'Motorversion', cell: (s) => s.engineVersion },
                  ]}
                />
              )}
            </LoadState>
          </Section>
          {v.status === 'draft' && mayApprove && <ApproveForm versionId={v.id} onApproved={version.reload} />}
        </Page>
      )}
    </LoadState>
  );
}

function ApproveForm({ versionId, onApproved }: { versionId: string; onApproved: () => void }) {
  const approve = useForm(
    { date: todayInSweden(), paragraph: '', subject: '' },
    { date: 'approve-date', paragraph: 'approve-paragraph', subject: 'approve-subject' },
    async (decision) => {
      await api.post(`/cost-models/${versionId}/approve`, { decision });
      onApproved();
      return 'Versionen är godkänd och kan inte längre ändras.';
    },
    'decision',
  );
  return (
    <Section id="godkann" title="Godkänn genom beslut i IT-styrgruppen">
      <FormStatus status={approve.status} />
      <form onSubmit={approve.submit} noValidate className="stack">
        <FormProblems error={approve.error} fieldIds={approve.fieldIds} />
        <Textfield label="Sammanträdets datum" description="ÅÅÅÅ-MM-DD" {...approve.field('date')} />
        <Textfield label="Paragraf" description="Till exempel § 14" {...approve.field('paragraph')} />
        <Textfield label="Ärendemening" {...approve.field('subject')} />
        <div>
          <Button type="submit">Godkänn versionen</Button>
        </div>
      </form>
    </Section>
  );
}
