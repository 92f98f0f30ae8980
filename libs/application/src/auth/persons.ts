import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError, ProblemList } from '@it-samverkan/domain';
import { PersonEntity, Role, SessionEntity } from '@it-samverkan/persistence';
import { Actor, Principal } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { checkRoleAndScope } from './grant-input';
import { hashPassword, passwordProblems } from './passwords';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,99}$/;

export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  scope: string | null;
  active: boolean;
  /** Whether the person can log in with a local password. */
  hasPassword: boolean;
  /** The identity provider the person signs in through, if any. */
  oidcIssuer: string | null;
  createdAt: string;
  updatedAt: string;
}

export function personView(e: PersonEntity): PersonView {
  return {
    id: e.id,
    username: e.username,
    displayName: e.displayName,
    email: e.email,
    role: e.role,
    scope: e.scope,
    active: e.active,
    hasPassword: e.passwordHash !== null,
    oidcIssuer: e.oidcIssuer,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The principal a logged-in person acts as; the audit trail names them by username. */
export function personPrincipal(person: PersonEntity, via: Principal['via']): Principal {
  return {
    id: person.id,
    name: person.username,
    role: person.role,
    scope: person.scope,
    personId: person.id,
    via,
  };
}

export interface CreatePersonInput {
  username: string;
  displayName: string;
  email?: string | null;
  role: string;
  scope?: string | null;
  /** A local password; without one the person signs in only through OIDC (or gets one later). */
  password?: string | null;
}

/** Ends every open session of a person (after deactivation or a new password). */
export async function endSessionsOf(m: EntityManager, personId: string, now: Date): Promise<void> {
  await m.update(SessionEntity, { personId, endedAt: IsNull() }, { endedAt: now });
}

/** Creates, lists and deactivates persons and sets their passwords; every change is audited. */
export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates a person. `passwordHash` lets callers that give several persons one password (the
   * demo) hash it once.
   */
  async create(
    input: CreatePersonInput,
    actor: Actor,
    now: Date,
    passwordHash?: string,
  ): Promise<PersonView> {
    const problems = new ProblemList();
    const username = typeof input.username === 'string' ? input.username.trim().toLowerCase() : '';
    if (!USERNAME_PATTERN.test(username))
      problems.add(
        'username',
        'Användarnamn ska vara 2–100 tecken: gemener, siffror och . _ @ - (börjar med bokstav eller siffra)',
      );
    const displayName = typeof input.displayName === 'string' ? input.displayName.trim() : '';
    if (displayName.length < 1 || displayName.length > 200)
      problems.add('displayName', 'Namn måste anges (högst 200 tecken)');
    if (input.email != null && !/^[^\s@]+@[^\s@]+$/.test(input.email))
      problems.add('email', 'E-postadressen är ogiltig');
    checkRoleAndScope(problems, input);
    if (input.password != null) for (const p of passwordProblems(input.password)) problems.add('password', p);
    problems.throwIfAny();
    if (await this.exists(username))
      throw new DomainError('PERSON_EXISTS', `Användarnamnet "${username}" är redan upptaget`, 'conflict');
    const entity: PersonEntity = Object.assign(new PersonEntity(), {
      id: randomUUID(),
      username,
      displayName,
      email: input.email ?? null,
      role: input.role as Role,
      scope: input.scope ?? null,
      active: true,
      passwordHash: input.password ? (passwordHash ?? (await hashPassword(input.password))) : null,
      oidcIssuer: null,
      oidcSubject: null,
      createdAt: now,
      updatedAt: now,
    });
    await inTransaction(this.dataSource, async (m) => {
      await m.insert(PersonEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'person', entityId: entity.id, after: personView(entity) },
        now,
      );
    });
    return personView(entity);
  }

  async list(): Promise<PersonView[]> {
    const rows = await this.dataSource.getRepository(PersonEntity).find({ order: { username: 'ASC' } });
    return rows.map(personView);
  }

  async exists(username: string): Promise<boolean> {
    return this.dataSource.getRepository(PersonEntity).existsBy({ username: username.trim().toLowerCase() });
  }

  /** A person by id or username; 404 when there is none. */
  async find(idOrUsername: string): Promise<PersonEntity> {
    const repo = this.dataSource.getRepository(PersonEntity);
    const key = idOrUsername.trim();
    const found =
      (await repo.findOneBy({ username: key.toLowerCase() })) ??
      (/^[0-9a-f-]{36}$/i.test(key) ? await repo.findOneBy({ id: key }) : null);
    if (!found) throw new DomainError('PERSON_NOT_FOUND', `Personen "${key}" finns inte`, 'not-found');
    return found;
  }

  /** Deactivates a person: their sessions end and their tokens stop working. */
  async deactivate(idOrUsername: string, actor: Actor, now: Date): Promise<PersonView> {
    const person = await this.find(idOrUsername);
    if (!person.active) return personView(person);
    return inTransaction(this.dataSource, async (m) => {
      const before = personView(person);
      await m.update(PersonEntity, { id: person.id }, { active: false, updatedAt: now });
      await endSessionsOf(m, person.id, now);
      const after = personView({ ...person, active: false, updatedAt: now });
      await recordAudit(
        m,
        actor,
        { action: 'deactivate', entityType: 'person', entityId: person.id, before, after },
        now,
      );
      return after;
    });
  }

  /** Sets a new password; the person's open sessions end. */
  async setPassword(idOrUsername: string, password: string, actor: Actor, now: Date): Promise<PersonView> {
    const problems = new ProblemList();
    for (const p of passwordProblems(password)) problems.add('password', p);
    problems.throwIfAny();
    const person = await this.find(idOrUsername);
    const passwordHash = await hashPassword(password);
    return inTransaction(this.dataSource, async (m) => {
      await m.update(PersonEntity, { id: person.id }, { passwordHash, updatedAt: now });
      await endSessionsOf(m, person.id, now);
      const after = personView({ ...person, passwordHash, updatedAt: now });
      await recordAudit(
        m,
        actor,
        { action: 'set-password', entityType: 'person', entityId: person.id, after },
        now,
      );
      return after;
    });
  }
}
