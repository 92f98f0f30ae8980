import { DataSource, EntityManager } from 'typeorm';
import {
  AccessAction,
  AccessActor,
  AccessScope,
  CooperationParties,
  decideAccess,
  requireAccess,
  Resource,
  ROLES,
  Role,
  ValidationError,
} from '@it-samverkan/domain';
import {
  ApiTokenEntity,
  CompanyEntity,
  CooperationAgreementEntity,
  DevelopmentRequestEntity,
  IncidentEntity,
  InvoiceEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  PartyKind,
  PersonEntity,
  InternalChargeEntity,
  ServiceAgreementEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import type { Principal } from '../common/principal';
import { readCacheOf } from '../common/read-cache';
import { resultCacheOf } from '../common/result-cache';
import { loadOnCallConsumers } from '../on-call/on-call-consumers';

/**
 * What a request names, for the policy: a resource already described, or one to load by id.
 * Loading turns it into the domain's Resource (its owning, issuing and buying parties).
 */
export type ResourceRef =
  | Resource
  | { type: 'invoice-id'; id: string }
  | { type: 'internal-charge-id'; id: string }
  | { type: 'unit-id'; id: string }
  | { type: 'service-agreement-id'; id: string }
  | { type: 'agreement-party'; partyKind: unknown; partyId: unknown }
  | { type: 'incident-id'; id: string }
  | { type: 'development-request-id'; id: string }
  | { type: 'development-unit'; unitId: unknown }
  | { type: 'token-id'; id: string }
  | { type: 'person-id'; id: string }
  | { type: 'new-grant'; role: unknown; scope: unknown };

/** The organisation's parties as access needs them: the cooperation, and what a scope id names. */
export interface AccessDirectory {
  cooperation: CooperationParties;
  municipalityIds: Set<string>;
  companyOwners: Map<string, string>;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

type Db = DataSource | EntityManager;

/**
 * Who the parties are: the latest cooperation agreement, the municipalities and the companies.
 * Read through the data source it is cached briefly (read-cache.ts: emptied by every write to
 * those tables); inside a transaction it is always read afresh.
 */
export async function loadAccessDirectory(m: Db): Promise<AccessDirectory> {
  if (m instanceof DataSource)
    return (await readCacheOf(m).get('access-directory', () => readAccessDirectory(m)))!;
  return readAccessDirectory(m);
}

async function readAccessDirectory(m: Db): Promise<AccessDirectory> {
  const [cooperations, municipalities, companies] = await Promise.all([
    m.getRepository(CooperationAgreementEntity).find({ order: { validFrom: 'DESC' } }),
    m.getRepository(MunicipalityEntity).find({ select: { id: true } }),
    m.getRepository(CompanyEntity).find({ select: { id: true, ownerMunicipalityId: true } }),
  ]);
  // The latest version names today's host and parties; earlier partners keep no access by it.
  // Before any agreement is recorded, every municipality of the organisation counts as a party.
  const latest = cooperations[0];
  return {
    cooperation: {
      hostId: latest?.hostId ?? null,
      partyIds: latest ? latest.parties.map((p) => p.municipalityId) : municipalities.map((x) => x.id),
    },
    municipalityIds: new Set(municipalities.map((x) => x.id)),
    companyOwners: new Map(companies.map((c) => [c.id, c.ownerMunicipalityId])),
  };
}

/**
 * The scope a use case filters a read by: null when the policy lets the principal read every item
 * of the kind `resource` stands for (the host's IT reads every incident; every party of the
 * cooperation reads the whole development register), else the principal's own scope.
 */
export async function readFilterScope(
  db: Db,
  principal: Principal,
  resource: Resource,
): Promise<string | null> {
  if (principal.scope === null) return null;
  const directory = await loadAccessDirectory(db);
  const actor = AccessService.actorOf(directory, principal);
  const all = decideAccess({ actor, action: 'read', resource, cooperation: directory.cooperation }).allowed;
  return all ? null : principal.scope;
}

/** Refuses (400, naming `scope`) a grant's scope that names no municipality or company of the organisation. */
export async function assertScopeNamesParty(db: Db, scope: string | null | undefined): Promise<void> {
  if (scope === null || scope === undefined) return;
  if (AccessService.scopeOf(await loadAccessDirectory(db), scope)) return;
  throw new ValidationError([
    {
      path: 'scope',
      message: `Omfattningen "${scope}" är varken en kommun eller ett bolag i organisationen`,
    },
  ]);
}

/** Loads who the parties are, resolves scopes and resources, and applies the domain's access policy. */
export class AccessService {
  constructor(private readonly db: DataSource) {}

  directory(): Promise<AccessDirectory> {
    return loadAccessDirectory(this.db);
  }

  /** What a scope id names: a municipality, a company, or nothing (null). */
  static scopeOf(directory: AccessDirectory, scopeId: string): AccessScope | null {
    if (directory.municipalityIds.has(scopeId)) return { kind: 'municipality', id: scopeId };
    const owner = directory.companyOwners.get(scopeId);
    return owner ? { kind: 'company', id: scopeId, ownerMunicipalityId: owner } : null;
  }

  /** A principal as the policy sees it; a scope naming no party is kept by id and matches nothing shared. */
  static actorOf(directory: AccessDirectory, principal: Principal): AccessActor {
    if (principal.scope === null) return { role: principal.role, scope: null };
    return {
      role: principal.role,
      scope: AccessService.scopeOf(directory, principal.scope) ?? {
        kind: 'municipality',
        id: principal.scope,
      },
    };
  }

  /** Throws (403, or 404 for what the principal may not even read) unless the policy allows every named resource. */
  async require(principal: Principal, action: AccessAction, refs: ResourceRef[]): Promise<void> {
    const directory = await this.directory();
    const actor = AccessService.actorOf(directory, principal);
    for (const ref of refs) {
      // What an id names (an invoice's parties…) is kept in the result cache, emptied by every write;
      // an id naming nothing is asked again, so a row another process just made is found at once.
      const resource = await resultCacheOf(this.db).get(
        `resource ${JSON.stringify(ref)}`,
        Date.now(),
        () => resolveResource(this.db, ref, directory),
        (found) => found.type !== 'unknown',
      );
      // What a path names by id is concealed when unreadable; what a body names (a new grant, a party) is refused.
      const concealUnreadable = ref.type.endsWith('-id') || ref.type === 'unknown';
      requireAccess({ actor, action, resource, cooperation: directory.cooperation, concealUnreadable });
    }
  }

  /** What a scoped principal's audit list holds (null: everything): its own parties, and shared entries if a cooperation party. */
  async auditVisibility(
    principal: Principal,
  ): Promise<{ scopeId: string; cooperationParty: boolean } | null> {
    if (principal.scope === null) return null;
    const directory = await this.directory();
    const actor = AccessService.actorOf(directory, principal);
    const shared = decideAccess({
      actor: { ...actor, role: 'readonly' },
      action: 'read',
      resource: { type: 'shared' },
      cooperation: directory.cooperation,
    });
    return { scopeId: principal.scope, cooperationParty: shared.allowed };
  }

  /** Keeps the items the principal may do `action` on. */
  async filter<T>(
    principal: Principal,
    action: AccessAction,
    items: T[],
    resourceOf: (item: T, directory: AccessDirectory) => Resource,
  ): Promise<T[]> {
    if (principal.scope === null) return items;
    const directory = await this.directory();
    const actor = AccessService.actorOf(directory, principal);
    return items.filter(
      (item) =>
        decideAccess({
          actor,
          action,
          resource: resourceOf(item, directory),
          cooperation: directory.cooperation,
        }).allowed,
    );
  }
}

/** The domain resource a reference names; one that does not exist is `unknown`. */
export async function resolveResource(
  db: Db,
  ref: ResourceRef,
  directory: AccessDirectory,
): Promise<Resource> {
  const unknown: Resource = { type: 'unknown' };
  switch (ref.type) {
    case 'invoice-id': {
      const i = await db.getRepository(InvoiceEntity).findOneBy({ id: ref.id });
      return i
        ? {
            type: 'invoice',
            issuerId: i.issuerId,
            buyerId: i.buyerId,
            buyerMunicipalityId: i.buyerMunicipalityId,
          }
        : unknown;
    }
    case 'internal-charge-id': {
      const c = await db.getRepository(InternalChargeEntity).findOneBy({ id: ref.id });
      return c ? { type: 'books', municipalityId: c.municipalityId } : unknown;
    }
    case 'unit-id': {
      const u = await db.getRepository(UnitEntity).findOneBy({ id: ref.id });
      return u ? { type: 'unit', municipalityId: u.municipalityId } : unknown;
    }
    case 'service-agreement-id': {
      const a = await db.getRepository(ServiceAgreementEntity).findOneBy({ id: ref.id });
      return a ? agreementParty(db, a.partyKind, a.partyId) : unknown;
    }
    case 'agreement-party': {
      const kind = text(ref.partyKind);
      const id = text(ref.partyId);
      return kind && id ? agreementParty(db, kind as PartyKind, id) : unknown;
    }
    case 'incident-id': {
      const incident = await db.getRepository(IncidentEntity).findOneBy({ id: ref.id });
      if (!incident) return unknown;
      const consumer = (await loadOnCallConsumers(db)).get(incident.consumerId);
      return { type: 'incident', consumerMunicipalityIds: consumer?.municipalityIds ?? [] };
    }
    case 'development-request-id': {
      const r = await db.getRepository(DevelopmentRequestEntity).findOneBy({ id: ref.id });
      return r ? { type: 'development-request', municipalityId: r.municipalityId } : unknown;
    }
    case 'development-unit': {
      const id = text(ref.unitId);
      const u = id ? await db.getRepository(UnitEntity).findOneBy({ id }) : null;
      return u ? { type: 'development-request', municipalityId: u.municipalityId } : unknown;
    }
    case 'token-id': {
      const t = await db.getRepository(ApiTokenEntity).findOneBy({ id: ref.id });
      return t ? grantResource(t.role, t.scope, directory) : unknown;
    }
    case 'person-id': {
      const p = await db.getRepository(PersonEntity).findOneBy({ id: ref.id });
      return p ? grantResource(p.role, p.scope, directory) : unknown;
    }
    case 'new-grant': {
      const role = text(ref.role);
      const scope = ref.scope === undefined || ref.scope === null ? null : text(ref.scope);
      if (!role || !(ROLES as readonly string[]).includes(role)) return unknown;
      if (ref.scope !== undefined && ref.scope !== null && scope === null) return unknown;
      return grantResource(role as Role, scope, directory);
    }
    default:
      return ref;
  }
}

/** A grant as a resource; a scope naming no party is unknown (only an unscoped admin reaches the use case). */
export function grantResource(role: Role, scopeId: string | null, directory: AccessDirectory): Resource {
  if (scopeId === null) return { type: 'grant', role, scope: null };
  const scope = AccessService.scopeOf(directory, scopeId);
  return scope ? { type: 'grant', role, scope } : { type: 'unknown' };
}

/** A service agreement's party and the municipality that owns it (a company's owner, a committee's host). */
async function agreementParty(db: Db, kind: PartyKind, partyId: string): Promise<Resource> {
  let owner: string | null = null;
  if (kind === 'municipality') owner = partyId;
  else if (kind === 'company')
    owner = (await db.getRepository(CompanyEntity).findOneBy({ id: partyId }))?.ownerMunicipalityId ?? null;
  else if (kind === 'joint-committee')
    owner =
      (await db.getRepository(JointCommitteeEntity).findOneBy({ id: partyId }))?.hostMunicipalityId ?? null;
  return owner ? { type: 'service-agreement', partyId, ownerMunicipalityId: owner } : { type: 'unknown' };
}
