import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, ProblemList } from '@it-samverkan/domain';
import { ApiTokenEntity, PersonEntity, Role } from '@it-samverkan/persistence';
import { Actor, Principal } from '../common/principal';
import { readCacheOf } from '../common/read-cache';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { checkRoleAndScope } from './grant-input';

const TOKEN_PREFIX = 'its_';

/** SHA-256 of a token: tokens carry 256 random bits, so a fast hash is enough to protect them at rest. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token: "its_" + 43 base64url characters (256 bits). */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  scope: string | null;
  prefix: string;
  /** Who the audit trail names for the token's changes: the owning person's username or the system. */
  owner: string;
  ownerKind: 'person' | 'system';
  ownerPersonId: string | null;
  expiresAt: string | null;
  createdAt: string;
  revokedAt: string | null;
}

function view(e: ApiTokenEntity, ownerUsername: string | null): TokenView {
  return {
    id: e.id,
    name: e.name,
    role: e.role,
    scope: e.scope,
    prefix: e.prefix,
    owner: e.ownerPersonId ? (ownerUsername ?? e.ownerPersonId) : (e.ownerSystem ?? e.name),
    ownerKind: e.ownerPersonId ? 'person' : 'system',
    ownerPersonId: e.ownerPersonId,
    expiresAt: e.expiresAt ? e.expiresAt.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null,
  };
}

export interface CreateTokenInput {
  name: string;
  role: string;
  scope?: string | null;
  /** The person who owns the token (username); otherwise a system owns it. */
  ownerUsername?: string | null;
  /** The owning system's name; defaults to the token's name when no person owns it. */
  ownerSystem?: string | null;
  /** ISO 8601 moment after which the token no longer authenticates. */
  expiresAt?: string | null;
}

/** Creates, lists, revokes and checks API tokens. */
export class TokenService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a token and returns its secret once; only the hash is kept. */
  async create(
    input: CreateTokenInput,
    actor: Actor,
    now: Date,
    secret = generateToken(),
  ): Promise<TokenView & { token: string }> {
    const problems = new ProblemList();
    if (!input.name || !input.name.trim()) problems.add('name', 'Namn måste anges');
    checkRoleAndScope(problems, input);
    if (input.ownerUsername && input.ownerSystem)
      problems.add('ownerSystem', 'Ange antingen en person eller ett system som ägare, inte båda');
    let owner: PersonEntity | null = null;
    if (input.ownerUsername) {
      owner = await this.dataSource
        .getRepository(PersonEntity)
        .findOneBy({ username: input.ownerUsername.trim().toLowerCase() });
      if (!owner || !owner.active)
        problems.add(
          'ownerUsername',
          `Det finns ingen aktiv person med användarnamnet "${input.ownerUsername}"`,
        );
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()))
      problems.add('expiresAt', 'Giltig till måste vara en tidpunkt i framtiden');
    problems.throwIfAny();
    const name = input.name.trim();
    const entity: ApiTokenEntity = Object.assign(new ApiTokenEntity(), {
      id: randomUUID(),
      name,
      role: input.role as Role,
      scope: input.scope ?? null,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 10),
      createdAt: now,
      revokedAt: null,
      ownerPersonId: owner?.id ?? null,
      ownerSystem: owner ? null : input.ownerSystem?.trim() || name,
      expiresAt,
    });
    const created = view(entity, owner?.username ?? null);
    await inTransaction(this.dataSource, async (m) => {
      await m.insert(ApiTokenEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'api-token', entityId: entity.id, after: created },
        now,
      );
    });
    return { ...created, token: secret };
  }

  async list(): Promise<TokenView[]> {
    const rows = await this.dataSource
      .getRepository(ApiTokenEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const usernames = await this.ownerUsernames(rows);
    return rows.map((r) => view(r, usernames.get(r.ownerPersonId ?? '') ?? null));
  }

  private async ownerUsernames(rows: ApiTokenEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.ownerPersonId).filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const persons = await this.dataSource.getRepository(PersonEntity).findBy(ids.map((id) => ({ id })));
    return new Map(persons.map((p) => [p.id, p.username]));
  }

  /** Revokes a token; a revoked token never authenticates again. */
  async revoke(id: string, actor: Actor, now: Date): Promise<TokenView> {
    return inTransaction(this.dataSource, async (m) => {
      const entity = await m.findOneBy(ApiTokenEntity, { id });
      if (!entity) throw new DomainError('TOKEN_NOT_FOUND', `Token ${id} finns inte`, 'not-found');
      const ownerName = (await this.ownerUsernames([entity])).get(entity.ownerPersonId ?? '') ?? null;
      if (entity.revokedAt) return view(entity, ownerName);
      const before = view(entity, ownerName);
      entity.revokedAt = now;
      await m.update(ApiTokenEntity, { id }, { revokedAt: now });
      const after = view(entity, ownerName);
      await recordAudit(
        m,
        actor,
        { action: 'revoke', entityType: 'api-token', entityId: id, before, after },
        now,
      );
      return after;
    });
  }

  /**
   * The principal a presented token stands for, or null if it is unknown, revoked, expired, or
   * owned by a person who is no longer active. A person's token acts in that person's name.
   */
  async authenticate(token: string, now: Date): Promise<Principal | null> {
    if (!token.startsWith(TOKEN_PREFIX) && token.length < 24) return null;
    const hash = hashToken(token);
    // The rows are cached briefly (read-cache.ts); revocation and expiry are checked on each request.
    const found = await readCacheOf(this.dataSource).get(`token:${hash}`, async () => {
      const entity = await this.dataSource
        .getRepository(ApiTokenEntity)
        .findOneBy({ tokenHash: hash, revokedAt: IsNull() });
      if (!entity) return null;
      const person = entity.ownerPersonId
        ? await this.dataSource.getRepository(PersonEntity).findOneBy({ id: entity.ownerPersonId })
        : null;
      return { entity, person };
    });
    if (!found) return null;
    const { entity, person } = found;
    if (entity.revokedAt) return null;
    if (entity.expiresAt && entity.expiresAt.getTime() <= now.getTime()) return null;
    const common = { role: entity.role, scope: entity.scope, via: 'token' as const, tokenName: entity.name };
    if (!entity.ownerPersonId) {
      return { id: entity.id, name: entity.ownerSystem ?? entity.name, personId: null, ...common };
    }
    if (!person || !person.active) return null;
    return { id: person.id, name: person.username, personId: person.id, ...common };
  }

  /**
   * On an empty token table, creates the first admin token (the given secret, or a new one) and
   * returns the secret so it can be printed once; otherwise null.
   */
  async ensureBootstrapToken(now: Date, secret?: string | null): Promise<string | null> {
    const count = await this.dataSource.getRepository(ApiTokenEntity).count();
    if (count > 0) return null;
    const system: Actor = {
      principal: { id: null, name: 'system', role: 'admin', scope: null, via: 'system' },
      correlationId: null,
    };
    const created = await this.create(
      { name: 'bootstrap-admin', role: 'admin' },
      system,
      now,
      secret ?? generateToken(),
    );
    return created.token;
  }
}
