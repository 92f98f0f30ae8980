import { DomainError } from '../errors';
import { FORUMS, Role } from './roles';

/** Whose data a grant is limited to: one municipality, or one company (bolag); null is unscoped. */
export type AccessScope =
  { kind: 'municipality'; id: string } | { kind: 'company'; id: string; ownerMunicipalityId: string };

/** Who asks: a role and a scope. */
export interface AccessActor {
  role: Role;
  scope: AccessScope | null;
}

/** The cooperation as access sees it: its host (the joint IT department's municipality) and its parties. */
export interface CooperationParties {
  hostId: string | null;
  partyIds: readonly string[];
}

/**
 * What a request acts on, described by the parties that own, issue or buy it (DOMAIN.md 9).
 * `shared` covers what every party of the cooperation reads: model versions, split results, the
 * price list, decisions, scenarios, service-level reports, the development-request register,
 * tariffs, the organisation and the cooperation agreement.
 */
export type Resource =
  | { type: 'shared' }
  | { type: 'invoice'; issuerId: string; buyerId: string; buyerMunicipalityId: string }
  /** The issuer's invoicing as a whole: runs, settlement runs, closing and reopening periods (the host issues). */
  | { type: 'invoicing' }
  /** Internal charges, the appropriation report and the ledger file of one municipality (null: the actor's own). */
  | { type: 'books'; municipalityId: string | null }
  | { type: 'incident'; consumerMunicipalityIds: readonly string[] }
  | { type: 'unit'; municipalityId: string }
  | { type: 'service-agreement'; partyId: string; ownerMunicipalityId: string }
  /** A forum's own records (decisions, service-level targets). */
  | { type: 'forum'; forum: string }
  | { type: 'development-request'; municipalityId: string }
  /** A new party of the organisation: a unit or company of a municipality, or a municipality (owner null). */
  | { type: 'organisation-party'; ownerMunicipalityId: string | null }
  | { type: 'grant'; role: Role; scope: AccessScope | null }
  | { type: 'audit-entry'; parties: readonly string[] }
  /** A list the use case filters to the actor's own parties (its invoices, incidents, audit entries). */
  | { type: 'own' }
  /** Named by the request but not found: only an unscoped grant gets as far as the use case's own 404. */
  | { type: 'unknown' };

export const ACCESS_ACTIONS = [
  'read',
  'compute',
  'preview-settlement',
  'run-invoices',
  'edit-draft',
  'issue-invoice',
  'credit-invoice',
  'close-period',
  'reopen-period',
  'change-funding',
  'manage-agreement',
  'amend-cooperation',
  'manage-organisation',
  'edit-model',
  'approve-model',
  'run-split',
  'write-scenario',
  'record-decision',
  'set-targets',
  'import-forum-data',
  'register-development',
  'decide-development',
  'report-development-hours',
  'record-incident',
  'set-tariff',
  'manage-grant',
  'read-audit',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The parties a scoped grant must belong to: a list of party ids, or every municipality of the cooperation. */
export type Parties = readonly string[] | 'cooperation';

/** One row of the policy: which roles (admin always) and which parties may do an action on a resource. */
export interface AccessRule {
  roles: (resource: Resource) => readonly Role[];
  parties: (resource: Resource, cooperation: CooperationParties, actor: AccessActor) => Parties;
  /** Who may, in Swedish, for refusals. */
  who: string;
}

export interface AccessDecision {
  allowed: boolean;
  /** Why, in Swedish. */
  reason: string;
  /** What refused it: the role, or the scope (the parties). */
  refusedBy?: 'role' | 'scope';
}

const ALL_ROLES: readonly Role[] = [
  'admin',
  'tjanstefiering',
  'finance',
  'drift',
  'utveckling',
  'styrgrupp',
  'readonly',
];
const only =
  (...roles: Role[]) =>
  () =>
    roles;
const host = (c: CooperationParties): string[] => (c.hostId ? [c.hostId] : []);

/** The role that records a forum's decisions and targets (DOMAIN 9); a forum with no role of its own is admin's. */
export const FORUM_ROLES: Readonly<Record<string, Role>> = {
  styrgrupp: 'styrgrupp',
  drift: 'drift',
  utveckling: 'utveckling',
};

/** The roles that may record a forum's decisions; for a name that is no forum, the recording roles, so validation answers. */
function forumRoles(resource: Resource): readonly Role[] {
  if (resource.type !== 'forum') return [];
  if (!(FORUMS as readonly string[]).includes(resource.forum)) return Object.values(FORUM_ROLES);
  return FORUM_ROLES[resource.forum] ? [FORUM_ROLES[resource.forum]] : [];
}

/** The parties an invoice or credit note is private to: its issuer and its buyer (a bolag, or a municipality's party). */
export function invoiceParties(invoice: {
  issuerId: string;
  buyerId: string;
  buyerMunicipalityId: string;
}): string[] {
  return [invoice.issuerId, invoice.buyerId, invoice.buyerMunicipalityId];
}

/** Who may read a resource: DOMAIN.md 9's shared and private data. */
export function readersOf(resource: Resource, cooperation: CooperationParties, actor: AccessActor): Parties {
  switch (resource.type) {
    case 'shared':
    case 'forum':
    case 'invoicing':
    case 'unit':
    case 'development-request':
      return 'cooperation';
    case 'invoice':
      return invoiceParties(resource);
    case 'books':
      if (resource.municipalityId !== null) return [resource.municipalityId];
      return actor.scope?.kind === 'municipality' ? [actor.scope.id] : [];
    case 'incident':
      return [...resource.consumerMunicipalityIds, ...host(cooperation)];
    case 'service-agreement':
      return [resource.partyId, resource.ownerMunicipalityId, ...host(cooperation)];
    case 'grant':
      return grantParties(resource);
    case 'audit-entry':
      return resource.parties;
    case 'own':
      return actor.scope ? [actor.scope.id] : [];
    case 'organisation-party':
    case 'unknown':
      return [];
  }
}

/** A scoped administrator administers grants inside its scope: its own, or a company its municipality owns. */
function grantParties(resource: Resource): Parties {
  if (resource.type !== 'grant' || resource.scope === null) return [];
  return resource.scope.kind === 'company'
    ? [resource.scope.id, resource.scope.ownerMunicipalityId]
    : [resource.scope.id];
}

const issuerOf = (r: Resource, c: CooperationParties): Parties =>
  r.type === 'invoice' ? [r.issuerId] : host(c);
const hostOnly = (_r: Resource, c: CooperationParties): Parties => host(c);
const cooperation = (): Parties => 'cooperation';

/**
 * The policy table: action → roles × parties. Everything not listed is refused; an unscoped grant
 * passes the parties column, a scoped one must be one of the parties.
 */
export const ACCESS_POLICY: Readonly<Record<AccessAction, AccessRule>> = {
  read: { roles: () => ALL_ROLES, parties: readersOf, who: 'resursens parter' },
  compute: { roles: () => ALL_ROLES, parties: cooperation, who: 'samverkanens parter' },
  'preview-settlement': {
    roles: only('tjanstefiering', 'finance', 'styrgrupp'),
    parties: cooperation,
    who: 'tjänstefiering, ekonomi och IT-styrgruppen',
  },
  'run-invoices': { roles: only('finance'), parties: hostOnly, who: 'utfärdarens ekonomi' },
  'edit-draft': { roles: only('finance'), parties: issuerOf, who: 'utfärdarens ekonomi' },
  'issue-invoice': { roles: only('finance'), parties: issuerOf, who: 'utfärdarens ekonomi' },
  'credit-invoice': { roles: only('finance'), parties: issuerOf, who: 'utfärdarens ekonomi' },
  'close-period': { roles: only('finance'), parties: hostOnly, who: 'utfärdarens ekonomi' },
  'reopen-period': { roles: only(), parties: hostOnly, who: 'utfärdarens administratör' },
  'change-funding': {
    roles: only('finance'),
    parties: (r) => (r.type === 'unit' ? [r.municipalityId] : []),
    who: 'enhetens kommuns ekonomi',
  },
  'manage-agreement': {
    roles: only('finance'),
    parties: (r, c) => (r.type === 'service-agreement' ? [r.ownerMunicipalityId, ...host(c)] : host(c)),
    who: 'den ägande kommunens eller utfärdarens ekonomi',
  },
  'amend-cooperation': { roles: only('styrgrupp'), parties: hostOnly, who: 'IT-styrgruppen' },
  'manage-organisation': {
    roles: only(),
    parties: (r) =>
      r.type === 'organisation-party' && r.ownerMunicipalityId !== null ? [r.ownerMunicipalityId] : [],
    who: 'den ägande kommunens administratör',
  },
  'edit-model': { roles: only('tjanstefiering'), parties: hostOnly, who: 'tjänstefieringsgruppen' },
  'approve-model': { roles: only('styrgrupp'), parties: hostOnly, who: 'IT-styrgruppen' },
  'run-split': { roles: only('tjanstefiering'), parties: hostOnly, who: 'värdkommunens tjänstefiering' },
  'write-scenario': {
    roles: only('styrgrupp', 'tjanstefiering'),
    parties: cooperation,
    who: 'IT-styrgruppen och tjänstefieringsgruppen',
  },
  'record-decision': {
    roles: forumRoles,
    parties: hostOnly,
    who: 'forumet självt',
  },
  'set-targets': { roles: only('drift'), parties: hostOnly, who: 'IT-forum drift' },
  'import-forum-data': { roles: only('drift'), parties: cooperation, who: 'IT-forum drift' },
  'register-development': {
    roles: only('utveckling'),
    parties: (r, c) => (r.type === 'development-request' ? [r.municipalityId, ...host(c)] : host(c)),
    who: 'IT-forum utveckling för enhetens kommun',
  },
  'decide-development': { roles: only('utveckling'), parties: hostOnly, who: 'IT-forum utveckling' },
  'report-development-hours': { roles: only('utveckling'), parties: hostOnly, who: 'IT-forum utveckling' },
  'record-incident': { roles: only('drift'), parties: cooperation, who: 'IT-forum drift' },
  'set-tariff': { roles: only('drift'), parties: hostOnly, who: 'IT-forum drift' },
  'manage-grant': {
    roles: only(),
    parties: (r, c, a) => (r.type === 'grant' ? grantParties(r) : readersOf(r, c, a)),
    who: 'en administratör för omfattningen',
  },
  'read-audit': { roles: only(), parties: readersOf, who: 'en administratör för parten' },
};

function inParties(scope: AccessScope, parties: Parties, cooperation: CooperationParties): boolean {
  if (parties === 'cooperation')
    return scope.kind === 'municipality' && cooperation.partyIds.includes(scope.id);
  return parties.includes(scope.id);
}

/** Whether an actor may do an action on a resource, and why: the one authorisation rule. */
export function decideAccess(input: {
  actor: AccessActor;
  action: AccessAction;
  resource: Resource;
  cooperation: CooperationParties;
}): AccessDecision {
  const { actor, action, resource, cooperation: coop } = input;
  const rule = ACCESS_POLICY[action];
  if (actor.role !== 'admin' && !rule.roles(resource).includes(actor.role)) {
    return {
      allowed: false,
      refusedBy: 'role',
      reason: `Rollen ${actor.role} får inte göra detta (${rule.who})`,
    };
  }
  if (actor.scope === null) return { allowed: true, reason: 'Behörigheten saknar omfattning' };
  if (resource.type === 'unknown' || !inParties(actor.scope, rule.parties(resource, coop, actor), coop)) {
    return {
      allowed: false,
      refusedBy: 'scope',
      reason: `Omfattningen ${actor.scope.id} får inte göra detta (${rule.who})`,
    };
  }
  return { allowed: true, reason: `${actor.scope.id} är part` };
}

/**
 * Throws unless allowed. An existing resource named by id that the actor may not even read answers
 * as missing (404, `concealUnreadable`), so ids leak nothing; otherwise a refusal answers 403.
 */
export function requireAccess(input: {
  actor: AccessActor;
  action: AccessAction;
  resource: Resource;
  cooperation: CooperationParties;
  concealUnreadable?: boolean;
}): void {
  const decision = decideAccess(input);
  if (decision.allowed) return;
  const conceal = input.concealUnreadable ?? true;
  if (conceal && decision.refusedBy === 'scope' && !decideAccess({ ...input, action: 'read' }).allowed) {
    throw new DomainError('NOT_FOUND', 'Det efterfrågade finns inte', 'not-found');
  }
  throw new DomainError('FORBIDDEN', decision.reason, 'forbidden');
}
