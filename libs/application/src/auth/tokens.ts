import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, ProblemList } from '@it-samverkan/domain';
import { ApiTokenEntity, ROLES, Role } from '@it-samverkan/persistence';
import { Actor, Principal } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';

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
  createdAt: string;
  revokedAt: string | null;
}

function view(e: ApiTokenEntity): TokenView {
  return {
    id: e.id,
    name: e.name,
    role: e.role,
    scope: e.scope,
    prefix: e.prefix,
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null,
  };
}

export interface CreateTokenInput {
  name: string;
  role: string;
  scope?: string | null;
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
    if (!ROLES.includes(input.role as Role))
      problems.add('role', `Okänd roll "${input.role}"; tillåtna: ${ROLES.join(', ')}`);
    if (input.scope != null && !/^[a-z0-9-]{2,64}$/.test(input.scope)) {
      problems.add('scope', 'Omfattning ska vara en kommuns id (gemener, siffror och bindestreck)');
    }
    problems.throwIfAny();
    const entity: ApiTokenEntity = Object.assign(new ApiTokenEntity(), {
      id: randomUUID(),
      name: input.name.trim(),
      role: input.role as Role,
      scope: input.scope ?? null,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 10),
      createdAt: now,
      revokedAt: null,
    });
    await inTransaction(this.dataSource, async (m) => {
      await m.insert(ApiTokenEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'api-token', entityId: entity.id, after: view(entity) },
        now,
      );
    });
    return { ...view(entity), token: secret };
  }

  async list(): Promise<TokenView[]> {
    const rows = await this.dataSource
      .getRepository(ApiTokenEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  /** Revokes a token; a revoked token never authenticates again. */
  async revoke(id: string, actor: Actor, now: Date): Promise<TokenView> {
    return inTransaction(this.dataSource, async (m) => {
      const entity = await m.findOneBy(ApiTokenEntity, { id });
      if (!entity) throw new DomainError('TOKEN_NOT_FOUND', `Token ${id} finns inte`, 'not-found');
      if (entity.revokedAt) return view(entity);
      const before = view(entity);
      entity.revokedAt = now;
      await m.update(ApiTokenEntity, { id }, { revokedAt: now });
      await recordAudit(
        m,
        actor,
        { action: 'revoke', entityType: 'api-token', entityId: id, before, after: view(entity) },
        now,
      );
      return view(entity);
    });
  }

  /** The principal a presented token belongs to, or null if it is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token.startsWith(TOKEN_PREFIX) && token.length < 24) return null;
    const entity = await this.dataSource
      .getRepository(ApiTokenEntity)
      .findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    return entity ? { id: entity.id, name: entity.name, role: entity.role, scope: entity.scope } : null;
  }

  /**
   * On an empty token table, creates the first admin token (the given secret, or a new one) and
   * returns the secret so it can be printed once; otherwise null.
   */
  async ensureBootstrapToken(now: Date, secret?: string | null): Promise<string | null> {
    const count = await this.dataSource.getRepository(ApiTokenEntity).count();
    if (count > 0) return null;
    const system: Actor = {
      principal: { id: null, name: 'system', role: 'admin', scope: null },
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
