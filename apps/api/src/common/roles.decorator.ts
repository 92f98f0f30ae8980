import { SetMetadata } from '@nestjs/common';
import type { Role } from '@it-samverkan/persistence';

export const ROLES_KEY = 'it-samverkan:roles';
export const PUBLIC_KEY = 'it-samverkan:public';

/**
 * The roles that may call a handler (admin always may). Without it, reading (GET) is open to
 * every authenticated role and any change is admin-only: a forgotten decorator fails closed.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (only /health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
