import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, Query } from '../api/client';
import { dateTime } from '../api/format';
import type { AuditEntry, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FormProblems, problemsByField } from '../components/form-problems';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useApi } from '../components/use-api';
import { useSession } from '../components/session';
import { may } from '../api/permissions';

const FILTERS = [
  {
    key: 'entityType',
    label: 'Slag av post',
    description: 'Till exempel invoice, cost-model-version, decision',
  },
  { key: 'entityId', label: 'Postens id', description: 'Id eller period, till exempel 2025-Q1' },
  { key: 'actor', label: 'Vem', description: 'Användarnamn eller tokenens namn' },
  { key: 'action', label: 'Händelse', description: 'Till exempel issue, approve, run' },
  { key: 'from', label: 'Från och med', description: 'ÅÅÅÅ-MM-DD' },
  { key: 'to', label: 'Till', description: 'ÅÅÅÅ-MM-DD (inte med)' },
] as const;

type Filters = Record<(typeof FILTERS)[number]['key'], string>;

const EMPTY: Filters = { entityType: '', entityId: '', actor: '', action: '', from: '', to: '' };

function summary(value: unknown): string {
  if (value === null || value === undefined) return '–';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Auditors: the audit log (who, when, what, before and after), filtered. */
export function AuditPage() {
  const { me } = useSession();
  // the one policy: the audit log is read by an administrator of the party (DOMAIN.md 9)
  const mayRead = may(me, 'read-audit', { type: 'own' }, null);
  const [form, setForm] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const entries = useApi(
    () =>
      mayRead
        ? api.get<ApiPage<AuditEntry>>('/audit', { ...(applied as Query), pageSize: 100 })
        : Promise.resolve(null),
    [applied, mayRead],
  );
  if (!mayRead)
    return (
      <Page title="Ändringslogg">
        <Paragraph>
          Ändringsloggen läses av en administratör för sin part; en revisor loggar in med den behörigheten.
        </Paragraph>
        <Paragraph>
          Varje fakturarad går att följa till fördelningskörningen, modellversionen och beslutet bakom den
          från fakturans sida under <Link to="/ekonomi">Ekonomi</Link>.
        </Paragraph>
      </Page>
    );
  const fields = problemsByField(entries.error);

  function search(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...form });
  }

  return (
    <Page
      title="Ändringslogg"
      intro={
        <Paragraph>Varje ändring: vem, när, vad, före och efter. Nyast först, högst 100 åt gången.</Paragraph>
      }
    >
      <form onSubmit={search} noValidate className="stack" aria-label="Filtrera ändringsloggen">
        <FormProblems
          error={entries.error}
          heading="Filtret kunde inte användas:"
          fieldIds={Object.fromEntries(FILTERS.map((f) => [f.key, `audit-${f.key}`]))}
        />
        <div className="row">
          {FILTERS.map((f) => (
            <Textfield
              key={f.key}
              id={`audit-${f.key}`}
              label={f.label}
              description={f.description}
              value={form[f.key]}
              onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
              error={fields[f.key]}
            />
          ))}
        </div>
        <div>
          <Button type="submit">Filtrera</Button>
        </div>
      </form>
      <Section id="poster" title="Poster">
        {!entries.error && (
          <LoadState loaded={entries} what="ändringsloggen">
            {(page) =>
              page && (
                <DataTable
                  caption={`Ändringar (${page.total} träffar)`}
                  rows={page.items}
                  rowKey={(e) => String(e.id)}
                  empty="Inga ändringar matchar filtret."
                  columns={[
                    { header: 'När', cell: (e) => dateTime(e.at) },
                    { header: 'Vem', cell: (e) => e.actor },
                    { header: 'Händelse', cell: (e) => e.action },
                    { header: 'Post', cell: (e) => `${e.entityType} ${e.entityId}` },
                    { header: 'Före', cell: (e) => <code>{summary(e.before)}</code> },
                    { header: 'Efter', cell: (e) => <code>{summary(e.after)}</code> },
                  ]}
                />
              )
            }
          </LoadState>
        )}
      </Section>
    </Page>
  );
}
