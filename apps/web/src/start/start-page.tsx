import { Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api/client';
import { loadDirectory } from '../api/directory';
import {
  Cooperation,
  mayClosePeriod,
  mayOnShared,
  mayReadOwn,
  OUTSIDE_COOPERATION,
} from '../api/permissions';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { ROLE_NAMES, useSession } from '../components/session';
import { Loaded, useApi } from '../components/use-api';
import {
  DraftsSection,
  MissesSection,
  ModelsSection,
  RequestsSection,
  ToCloseSection,
} from './start-sections';

/**
 * What needs attention now, with a link to where it is done. Only the boxes the policy lets the
 * reader see are shown, and each reads its own part of the API: a bolag's finance, refused what the
 * cooperation shares, sees its drafts; closing periods is shown only to those who may close them.
 */
export function StartPage() {
  const { me } = useSession();
  const directory = useApi(loadDirectory, []);
  // a reader the API refuses the cooperation's parties is no party of it: it reads only its own
  const refused = directory.error instanceof ApiError && directory.error.status === 403;
  const cooperation: Loaded<Cooperation> = refused
    ? { ...directory, data: OUTSIDE_COOPERATION, error: null }
    : directory;
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
      <LoadState loaded={cooperation} what="samverkanens parter">
        {(c) => {
          const shared = mayOnShared(me, 'read', c);
          return (
            <div className="cards">
              {mayReadOwn(me, c) && <DraftsSection />}
              {mayClosePeriod(me, c.hostId) && <ToCloseSection />}
              {shared && <ModelsSection />}
              {shared && <MissesSection />}
              {shared && <RequestsSection />}
            </div>
          );
        }}
      </LoadState>
    </Page>
  );
}
