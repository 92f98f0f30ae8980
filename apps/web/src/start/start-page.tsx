import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { loadDirectory } from '../api/directory';
import { percent } from '../api/format';
import type {
  CostModelVersion,
  DevelopmentRequest,
  Invoice,
  Page as ApiPage,
  PeriodStatus,
} from '../api/types';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { ROLE_NAMES, useSession } from '../components/session';
import { useApi } from '../components/use-api';
import { missesOf } from '../drift/drift-types';
import { latestReportedTertial, newestYear } from '../drift/latest-tertial';

interface Attention {
  drafts: { period: string; count: number }[];
  toClose: PeriodStatus[];
  models: CostModelVersion[];
  requests: DevelopmentRequest[];
  misses: { tertial: string; municipality: string; label: string; share: string; target: string }[];
}

async function loadAttention(): Promise<Attention> {
  const models = api.get<ApiPage<CostModelVersion>>('/cost-models', { pageSize: 500 });
  // Only drafts and the periods not yet closed: the closed years' invoices are never read here.
  const [drafts, open, versions, requests, latest] = await Promise.all([
    api.get<ApiPage<Invoice>>('/invoices', { status: 'draft', pageSize: 500 }),
    api.get<PeriodStatus[]>('/periods'),
    models,
    api.get<ApiPage<DevelopmentRequest>>('/utveckling/requests', { pageSize: 500 }),
    models.then((m) => latestReportedTertial(newestYear(m.items))),
  ]);
  const perPeriod = new Map<string, number>();
  for (const d of drafts.items) perPeriod.set(d.period, (perPeriod.get(d.period) ?? 0) + 1);
  return {
    drafts: [...perPeriod]
      .map(([period, count]) => ({ period, count }))
      .sort((a, b) => a.period.localeCompare(b.period)),
    // issued but not closed, and nothing left to issue
    toClose: open.filter((s) => !s.closed && s.drafts === 0 && s.issued > 0),
    models: versions.items.filter((m) => m.status === 'draft'),
    requests: requests.items.filter((r) => r.status === 'received'),
    misses: latest ? missesOf(latest) : [],
  };
}

function Box({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <Card data-color={count > 0 ? 'warning' : 'neutral'} aria-labelledby={id}>
      <Heading level={2} data-size="xs" id={id}>
        {title}: {count}
      </Heading>
      {children}
    </Card>
  );
}

/** What needs attention now, with a link to where it is done. */
export function StartPage() {
  const { me } = useSession();
  const attention = useApi(loadAttention, []);
  const directory = useApi(loadDirectory, []);
  return (
    <Page
      title="Att göra nu"
      intro={
        <Paragraph>
          Välkommen {me.person?.displayName ?? me.name}. Du är inloggad med rollen{' '}
          {ROLE_NAMES[me.role] ?? me.role}
          {me.scope ? ` för ${directory.data?.name(me.scope) ?? me.scope}` : ''}.
        </Paragraph>
      }
    >
      <LoadState loaded={attention} what="läget">
        {(a) => (
          <div className="cards">
            <Box
              id="att-utfarda"
              title="Utkast att utfärda"
              count={a.drafts.reduce((n, d) => n + d.count, 0)}
            >
              {a.drafts.length === 0 ? (
                <Paragraph>Inga utkast väntar.</Paragraph>
              ) : (
                <List.Unordered>
                  {a.drafts.map((d) => (
                    <List.Item key={d.period}>
                      <Link to={`/ekonomi/perioder/${d.period}`}>
                        {d.period}: {d.count} utkast
                      </Link>
                    </List.Item>
                  ))}
                </List.Unordered>
              )}
            </Box>
            <Box id="att-stanga" title="Perioder att stänga" count={a.toClose.length}>
              {a.toClose.length === 0 ? (
                <Paragraph>Ingen utfärdad period väntar på att stängas.</Paragraph>
              ) : (
                <List.Unordered>
                  {a.toClose.map((p) => (
                    <List.Item key={p.period}>
                      <Link to={`/ekonomi/perioder/${p.period}`}>
                        {p.period}: {p.issued} utfärdade, inga utkast
                      </Link>
                    </List.Item>
                  ))}
                </List.Unordered>
              )}
            </Box>
            <Box id="att-godkanna" title="Modellversioner att godkänna" count={a.models.length}>
              {a.models.length === 0 ? (
                <Paragraph>Ingen modellversion väntar på beslut.</Paragraph>
              ) : (
                <List.Unordered>
                  {a.models.map((m) => (
                    <List.Item key={m.id}>
                      <Link to={`/tjanstefiering/modeller/${m.id}`}>{m.name}</Link>
                    </List.Item>
                  ))}
                </List.Unordered>
              )}
            </Box>
            <Box id="servicenivaer" title="Missade servicenivåer" count={a.misses.length}>
              {a.misses.length === 0 ? (
                <Paragraph>Alla mål nådda i senaste tertialen.</Paragraph>
              ) : (
                <List.Unordered>
                  {a.misses.map((m) => (
                    <List.Item key={`${m.tertial}:${m.municipality}:${m.label}`}>
                      <Link to={`/drift?tertial=${m.tertial}`}>
                        {m.tertial} {m.municipality}: {m.label} {percent(m.share)} (mål {percent(m.target)})
                      </Link>
                    </List.Item>
                  ))}
                </List.Unordered>
              )}
            </Box>
            <Box id="att-besluta" title="Utvecklingsärenden att besluta" count={a.requests.length}>
              {a.requests.length === 0 ? (
                <Paragraph>Inga ärenden väntar på beslut.</Paragraph>
              ) : (
                <List.Unordered>
                  {a.requests.map((r) => (
                    <List.Item key={r.id}>
                      <Link to="/utveckling">
                        {r.title} ({r.unitName})
                      </Link>
                    </List.Item>
                  ))}
                </List.Unordered>
              )}
            </Box>
          </div>
        )}
      </LoadState>
    </Page>
  );
}
