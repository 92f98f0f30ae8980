import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { percent } from '../api/format';
import type {
  CostModelVersion,
  DevelopmentRequest,
  Invoice,
  Page as ApiPage,
  PeriodStatus,
} from '../api/types';
import { LoadState } from '../components/load-state';
import { useApi } from '../components/use-api';
import { missesOf } from '../drift/drift-types';
import { latestReportedTertial, newestYear } from '../drift/latest-tertial';

/**
 * One box of the start page: it reads its own part of the API, so one box's failure is shown in
 * that box (in Swedish, the API's message) while the others still show theirs.
 */
function Section<T>({
  id,
  title,
  what,
  load,
  empty,
  count = (items) => items.length,
  children,
}: {
  id: string;
  title: string;
  /** What is read, for the spinner and the error ("utkasten"). */
  what: string;
  load: () => Promise<T[]>;
  /** Said when nothing waits. */
  empty: string;
  /** The number in the heading (the items unless told). */
  count?: (items: T[]) => number;
  children: (item: T) => ReactNode;
}) {
  const loaded = useApi(load, []);
  const waiting = loaded.data ? count(loaded.data) : null;
  return (
    <Card data-color={waiting ? 'warning' : 'neutral'} aria-labelledby={id}>
      <Heading level={2} data-size="xs" id={id}>
        {title}
        {waiting === null ? '' : `: ${waiting}`}
      </Heading>
      <LoadState loaded={loaded} what={what}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{empty}</Paragraph>
          ) : (
            <List.Unordered>{list.map(children)}</List.Unordered>
          )
        }
      </LoadState>
    </Card>
  );
}

async function draftsPerPeriod(): Promise<{ period: string; count: number }[]> {
  const drafts = await api.get<ApiPage<Invoice>>('/invoices', { status: 'draft', pageSize: 500 });
  const perPeriod = new Map<string, number>();
  for (const d of drafts.items) perPeriod.set(d.period, (perPeriod.get(d.period) ?? 0) + 1);
  return [...perPeriod]
    .map(([period, count]) => ({ period, count }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

/** Drafts of the invoices the reader may see, per period (the API filters them to the reader's parties). */
export function DraftsSection() {
  return (
    <Section
      id="att-utfarda"
      title="Utkast att utfärda"
      what="utkasten"
      load={draftsPerPeriod}
      empty="Inga utkast väntar."
      count={(drafts) => drafts.reduce((n, d) => n + d.count, 0)}
    >
      {(d) => (
        <List.Item key={d.period}>
          <Link to={`/ekonomi/perioder/${d.period}`}>
            {d.period}: {d.count} utkast
          </Link>
        </List.Item>
      )}
    </Section>
  );
}

// Only the periods not yet closed: the closed years' invoices are never read here.
async function periodsToClose(): Promise<PeriodStatus[]> {
  const open = await api.get<PeriodStatus[]>('/periods');
  // issued but not closed, and nothing left to issue
  return open.filter((s) => !s.closed && s.drafts === 0 && s.issued > 0);
}

export function ToCloseSection() {
  return (
    <Section
      id="att-stanga"
      title="Perioder att stänga"
      what="perioderna"
      load={periodsToClose}
      empty="Ingen utfärdad period väntar på att stängas."
    >
      {(p) => (
        <List.Item key={p.period}>
          <Link to={`/ekonomi/perioder/${p.period}`}>
            {p.period}: {p.issued} utfärdade, inga utkast
          </Link>
        </List.Item>
      )}
    </Section>
  );
}

const modelVersions = () => api.get<ApiPage<CostModelVersion>>('/cost-models', { pageSize: 500 });

async function draftModels(): Promise<CostModelVersion[]> {
  return (await modelVersions()).items.filter((m) => m.status === 'draft');
}

export function ModelsSection() {
  return (
    <Section
      id="att-godkanna"
      title="Modellversioner att godkänna"
      what="modellversionerna"
      load={draftModels}
      empty="Ingen modellversion väntar på beslut."
    >
      {(m) => (
        <List.Item key={m.id}>
          <Link to={`/tjanstefiering/modeller/${m.id}`}>{m.name}</Link>
        </List.Item>
      )}
    </Section>
  );
}

async function latestMisses(): Promise<ReturnType<typeof missesOf>> {
  const latest = await latestReportedTertial(newestYear((await modelVersions()).items));
  return latest ? missesOf(latest) : [];
}

export function MissesSection() {
  return (
    <Section
      id="servicenivaer"
      title="Missade servicenivåer"
      what="servicenivåerna"
      load={latestMisses}
      empty="Alla mål nådda i senaste tertialen."
    >
      {(m) => (
        <List.Item key={`${m.tertial}:${m.municipality}:${m.label}`}>
          <Link to={`/drift?tertial=${m.tertial}`}>
            {m.tertial} {m.municipality}: {m.label} {percent(m.share)} (mål {percent(m.target)})
          </Link>
        </List.Item>
      )}
    </Section>
  );
}

async function receivedRequests(): Promise<DevelopmentRequest[]> {
  const requests = await api.get<ApiPage<DevelopmentRequest>>('/utveckling/requests', { pageSize: 500 });
  return requests.items.filter((r) => r.status === 'received');
}

export function RequestsSection() {
  return (
    <Section
      id="att-besluta"
      title="Utvecklingsärenden att besluta"
      what="utvecklingsärendena"
      load={receivedRequests}
      empty="Inga ärenden väntar på beslut."
    >
      {(r) => (
        <List.Item key={r.id}>
          <Link to="/utveckling">
            {r.title} ({r.unitName})
          </Link>
        </List.Item>
      )}
    </Section>
  );
}
