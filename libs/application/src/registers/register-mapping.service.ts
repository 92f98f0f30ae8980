import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  checkRegisterMapping,
  DomainError,
  Problem,
  RegisterMappingRule,
  ValidationError,
} from '@it-samverkan/domain';
import { RegisterMappingEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { findPage, Page, PageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { isUniqueViolation } from '../common/unique-violation';

export interface RegisterMappingInput {
  name: string;
  rules: unknown;
}

export interface RegisterMappingView {
  id: string;
  name: string;
  rules: RegisterMappingRule[];
  createdAt: string;
  updatedAt: string;
}

const view = (e: RegisterMappingEntity): RegisterMappingView => ({
  id: e.id,
  name: e.name,
  rules: e.rules,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export function registerMappingNotFound(id: string): DomainError {
  return new DomainError('REGISTER_MAPPING_NOT_FOUND', `Registermappningen ${id} finns inte`, 'not-found');
}

/** Trims the rules' columns, values and consumers once they are known to be well-formed. */
function cleanRules(rules: RegisterMappingRule[]): RegisterMappingRule[] {
  return rules.map((r) => ({
    match: Object.fromEntries(Object.entries(r.match).map(([c, v]) => [c.trim(), v.trim()])),
    consumer: r.consumer.trim(),
  }));
}

function checked(input: RegisterMappingInput): { name: string; rules: RegisterMappingRule[] } {
  const problems: Problem[] = [];
  if (typeof input.name !== 'string' || input.name.trim() === '')
    problems.push({ path: 'name', message: 'Ange ett namn på mappningen' });
  problems.push(...checkRegisterMapping(input.rules));
  if (problems.length)
    throw new ValidationError(problems, 'Mappningen är ogiltig', 'REGISTER_MAPPING_INVALID');
  return { name: input.name.trim(), rules: cleanRules(input.rules as RegisterMappingRule[]) };
}

const nameTaken = (name: string) =>
  new ValidationError(
    [{ path: 'name', message: `Det finns redan en mappning som heter "${name}"` }],
    'Mappningen är ogiltig',
    'REGISTER_MAPPING_INVALID',
  );

/**
 * Register mappings are kept per organisation, by name, not per model version: responsibility
 * codes and department names belong to the municipalities' books and change slowly, so one mapping
 * serves every year's budget and actual model. Each import stores a copy of the rules it used.
 */
export class RegisterMappingService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: RegisterMappingInput, actor: Actor, now: Date): Promise<RegisterMappingView> {
    const { name, rules } = checked(input);
    const entity = Object.assign(new RegisterMappingEntity(), {
      id: randomUUID(),
      name,
      rules,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await inTransaction(this.dataSource, async (m) => {
        if (await m.existsBy(RegisterMappingEntity, { name })) throw nameTaken(name);
        await m.insert(RegisterMappingEntity, entity);
        await recordAudit(
          m,
          actor,
          { action: 'create', entityType: 'register-mapping', entityId: entity.id, after: view(entity) },
          now,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
    return view(entity);
  }

  async replace(
    id: string,
    input: RegisterMappingInput,
    actor: Actor,
    now: Date,
  ): Promise<RegisterMappingView> {
    const { name, rules } = checked(input);
    return inTransaction(this.dataSource, async (m) => {
      const entity = await m.findOneBy(RegisterMappingEntity, { id });
      if (!entity) throw registerMappingNotFound(id);
      const other = await m.findOneBy(RegisterMappingEntity, { name });
      if (other && other.id !== id) throw nameTaken(name);
      const before = view(entity);
      Object.assign(entity, { name, rules, updatedAt: now });
      await m.save(RegisterMappingEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'update', entityType: 'register-mapping', entityId: id, before, after: view(entity) },
        now,
      );
      return view(entity);
    });
  }

  async list(page: PageRequest): Promise<Page<RegisterMappingView>> {
    return findPage(
      this.dataSource.getRepository(RegisterMappingEntity),
      { order: { name: 'ASC', id: 'ASC' } },
      page,
      view,
    );
  }

  /** The mapping with this id or name, or null. */
  async byIdOrName(key: string): Promise<RegisterMappingView | null> {
    const repo = this.dataSource.getRepository(RegisterMappingEntity);
    const entity =
      (/^[0-9a-f-]{36}$/i.test(key) ? await repo.findOneBy({ id: key }) : null) ??
      (await repo.findOne({ where: { name: key }, order: { id: 'ASC' } }));
    return entity ? view(entity) : null;
  }

  async get(id: string): Promise<RegisterMappingView> {
    const entity = await this.dataSource.getRepository(RegisterMappingEntity).findOneBy({ id });
    if (!entity) throw registerMappingNotFound(id);
    return view(entity);
  }
}
