import type { AccessAction } from '@it-samverkan/domain/access/access-policy';
import { loadDirectory } from '../api/directory';
import { mayOnShared } from '../api/permissions';
import { useSession } from './session';
import { useApi } from './use-api';

/**
 * Whether the logged-in person may do `action` on what the cooperation shares (models, imports,
 * splits, approvals), by the domain's policy table; false until the cooperation's parties are
 * loaded, so a button never shows before the answer is known.
 */
export function useMayOnShared(action: AccessAction): boolean {
  const { me } = useSession();
  const directory = useApi(loadDirectory, []);
  return directory.data !== null && mayOnShared(me, action, directory.data);
}
