import { EntityManager } from 'typeorm';
import { AccessScope, Parties, readersOf, Resource } from '@it-samverkan/domain';
import { AccessDirectory, loadAccessDirectory, resolveResource, ResourceRef } from './access.service';

/** The column value of an entry about what every party of the cooperation shares. */
export const SHARED_AUDIT_PARTIES = '|*|';

/** The resource an audited entity is, by its type and id; types not listed are nobody's but an unscoped admin's. */
function auditedResource(entityType: string, entityId: string, directory: AccessDirectory): ResourceRef {
  switch (entityType) {
    case 'invoice':
      return { type: 'invoice-id', id: entityId };
    case 'incident':
      return { type: 'incident-id', id: entityId };
    case 'service-agreement':
      return { type: 'service-agreement-id', id: entityId };
    case 'api-token':
      return { type: 'token-id', id: entityId };
    case 'development-request':
      return { type: 'development-request-id', id: entityId };
    // The issuer's runs and period closings are the issuer's books.
    case 'invoice-run':
    case 'period':
      return { type: 'books', municipalityId: directory.cooperation.hostId ?? '' };
    case 'municipality':
    case 'unit':
    case 'company':
    case 'joint-committee':
    case 'organisation':
    case 'cooperation-agreement':
    case 'cost-model-version':
    case 'split-run':
    case 'decision':
    case 'scenario':
    case 'service-level-targets':
    case 'ticket':
    case 'phone-call':
    case 'survey-answer':
    case 'on-call-tariff':
    case 'development-hours':
    case 'register-mapping':
      return { type: 'shared' };
    default:
      return { type: 'unknown' };
  }
}

/** `|a|b|` for a list of parties, `|*|` for the cooperation: searchable with LIKE '%|id|%'. */
export function partiesColumn(parties: Parties): string {
  return parties === 'cooperation' ? SHARED_AUDIT_PARTIES : `|${[...new Set(parties)].join('|')}|`;
}

const UNSCOPED = { role: 'admin', scope: null as AccessScope | null } as const;

/**
 * Who may read an audit entry: the readers of the resource it is about (the access policy's
 * readersOf), looked up inside the writing transaction so a row created in it is found.
 */
export async function auditPartiesOf(
  m: EntityManager,
  entityType: string,
  entityId: string,
): Promise<string> {
  const directory = await loadAccessDirectory(m);
  const resource: Resource = await resolveResource(
    m,
    auditedResource(entityType, entityId, directory),
    directory,
  );
  return partiesColumn(readersOf(resource, directory.cooperation, UNSCOPED));
}
