import { Button, Paragraph } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { loadDirectory } from '../api/directory';
import { mayOnShared } from '../api/permissions';
import type { Decision, Page as ApiPage } from '../api/types';
import { DataTable } from '../components/data-table';
import { FileButton } from '../components/file-button';
import { LoadState } from '../components/load-state';
import { Page, Section } from '../components/page';
import { useSession } from '../components/session';
import { useApi } from '../components/use-api';
import { Comparison, ComparisonView } from './comparison-view';
import { HistorySection } from './history';
import { SideBySideSection } from './side-by-side';

interface Scenario {
  id: string;
  name: string;
  description: string | null;
  baseModelVersionId: string;
  createdAt: string;
  createdBy: string;
}

/** IT-styrgruppen: the decisions register and the saved scenarios with their comparison. */
export function StyrgruppPage() {
  const [params] = useSearchParams();
  const decisions = useApi(
    () => api.get<ApiPage<Decision>>('/decisions', { pageSize: 500, order: 'desc' }),
    [],
  );
  const scenarios = useApi(() => api.get<ApiPage<Scenario>>('/scenarios', { pageSize: 500 }), []);
  const directory = useApi(loadDirectory, []);
  const { me } = useSession();
  // the one policy decides: building is writing a scenario; comparing saved ones is reading them
  const mayBuild = directory.data !== null && mayOnShared(me, 'write-scenario', directory.data);
  const mayCompare = directory.data !== null && mayOnShared(me, 'read', directory.data);
  const chosen = params.get('scenario') ?? scenarios.data?.items[0]?.id ?? null;
  const comparison = useApi(
    () => (chosen ? api.get<Comparison>(`/scenarios/${chosen}/comparison`) : Promise.resolve(null)),
    [chosen],
  );
  return (
    <Page title="IT-styrgruppen">
      <Section id="scenarier" title="Scenarier">
        {mayBuild && (
          <Paragraph className="no-print">
            <Link to="/styrgrupp/nytt-scenario">Bygg ett nytt scenario</Link>
          </Paragraph>
        )}
        <div className="no-print">
          <LoadState loaded={scenarios} what="scenarierna">
            {(page) => (
              <DataTable
                caption="Sparade scenarier"
                rows={page.items}
                rowKey={(s) => s.id}
                empty="Inga sparade scenarier."
                columns={[
                  {
                    header: 'Scenario',
                    cell: (s) => (
                      <Link
                        to={`/styrgrupp?scenario=${s.id}`}
                        aria-current={s.id === chosen ? 'true' : undefined}
                      >
                        {s.name}
                      </Link>
                    ),
                  },
                  { header: 'Beskrivning', cell: (s) => s.description ?? '–' },
                ]}
              />
            )}
          </LoadState>
        </div>
        {chosen && (
          <div className="files no-print">
            <Button type="button" variant="secondary" data-size="sm" onClick={() => window.print()}>
              Skriv ut mötesunderlaget
            </Button>
            <FileButton label="Mötesunderlaget (PDF)" path={`/scenarios/${chosen}/summary.pdf`} />
            <FileButton label="Jämförelsen för mötet (XLSX)" path={`/scenarios/${chosen}/comparison.xlsx`} />
          </div>
        )}
        <LoadState loaded={comparison} what="jämförelsen">
          {(c) =>
            c && (
              <LoadState loaded={directory} what="organisationen">
                {(dir) => <ComparisonView comparison={c} directory={dir} />}
              </LoadState>
            )
          }
        </LoadState>
      </Section>
      {mayCompare && (
        <div className="no-print">
          <Section id="sida-vid-sida" title="Scenarier sida vid sida">
            <LoadState loaded={scenarios} what="scenarierna">
              {(page) => (
                <LoadState loaded={directory} what="organisationen">
                  {(dir) => <SideBySideSection scenarios={page.items} directory={dir} />}
                </LoadState>
              )}
            </LoadState>
          </Section>
        </div>
      )}
      <div className="no-print">
        <Section id="historik" title="Historik per kommun">
          <LoadState loaded={directory} what="organisationen">
            {(dir) => <HistorySection directory={dir} />}
          </LoadState>
        </Section>
      </div>
      <div className="no-print">
        <Section id="beslut" title="Beslutsregister">
          <LoadState loaded={decisions} what="besluten">
            {(page) => (
              <DataTable
                caption="Beslut, nyast först"
                rows={page.items}
                rowKey={(d) => d.id}
                columns={[
                  { header: 'Datum', cell: (d) => d.date },
                  { header: 'Forum', cell: (d) => d.forumName },
                  { header: 'Paragraf', cell: (d) => d.paragraph },
                  { header: 'Ärende', cell: (d) => d.subject },
                ]}
              />
            )}
          </LoadState>
        </Section>
      </div>
    </Page>
  );
}
