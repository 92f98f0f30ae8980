import { ProblemList } from '@it-samverkan/domain';
import { ROLES, Role } from '@it-samverkan/persistence';

/** Checks the role and scope given to a token or a person; every problem goes to `problems`. */
export function checkRoleAndScope(
  problems: ProblemList,
  input: { role: unknown; scope?: unknown },
): { role: Role; scope: string | null } {
  if (!ROLES.includes(input.role as Role))
    problems.add('role', `Okänd roll "${String(input.role)}"; tillåtna: ${ROLES.join(', ')}`);
  const scope = input.scope ?? null;
  if (scope !== null && (typeof scope !== 'string' || !/^[a-z0-9-]{2,64}$/.test(scope))) {
    problems.add('scope', 'Omfattning ska vara en kommuns id (gemener, siffror och bindestreck)');
  }
  return { role: input.role as Role, scope: scope as string | null };
}
