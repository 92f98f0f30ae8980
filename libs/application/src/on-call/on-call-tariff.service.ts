import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  OnCallTariff,
  Problem,
  ValidationError,
  validateOnCallTariff,
} from '@it-samverkan/domain';
import { DecisionEntity, OnCallTariffEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { findPage, Page, PageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { isUniqueViolation } from '../common/unique-violation';

/** A tariff version as the API shows it; `document` is the validated tariff document. */
export interface OnCallTariffView {
  id: string;
  validFrom: string;
  timezone: string;
  decisionId: string | null;
  document: unknown;
  createdAt: string;
}

/** A stored tariff version, validated again on reading, with its row id. */
export interface StoredOnCallTariff {
  id: string;
  tariff: OnCallTariff;
}

function view(e: OnCallTariffEntity): OnCallTariffView {
  const tariff = validateOnCallTariff(e.document);
  return {
    id: e.id,
    validFrom: e.validFrom,
    timezone: tariff.timezone,
    decisionId: e.decisionId,
    document: e.document,
    createdAt: e.createdAt.toISOString(),
  };
}

/** Every stored tariff version, oldest first. */
export async function loadOnCallTariffs(db: DataSource | EntityManager): Promise<StoredOnCallTariff[]> {
  const rows = await db.getRepository(OnCallTariffEntity).find({ order: { validFrom: 'ASC' } });
  return rows.map((r) => ({ id: r.id, tariff: validateOnCallTariff(r.document) }));
}

/** Versions of the on-call tariff (part of the framework assignment), one per validFrom. */
export class OnCallTariffService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a new tariff version. The body is the tariff document, optionally with `decisionId`
   * (the decision that approved it). Every version uses the same time zone, so an incident's
   * local times read the same whichever version applies.
   */
  async create(body: unknown, actor: Actor, now: Date): Promise<OnCallTariffView> {
    const { document, decisionId, problems } = splitDecisionId(body);
    let tariff: OnCallTariff | null = null;
    try {
      tariff = validateOnCallTariff(document);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.unshift(...error.details);
    }
    if (problems.length > 0 || tariff === null) {
      throw new ValidationError(problems, 'Beredskapstaxan är ogiltig', 'ON_CALL_TARIFF_INVALID');
    }
    const valid = tariff;
    const entity: OnCallTariffEntity = Object.assign(new OnCallTariffEntity(), {
      id: randomUUID(),
      validFrom: valid.validFrom,
      document: JSON.parse(JSON.stringify(valid)) as object,
      decisionId,
      createdAt: now,
    });
    try {
      await inTransaction(this.dataSource, async (m) => {
        if (decisionId !== null && !(await m.existsBy(DecisionEntity, { id: decisionId }))) {
          throw new ValidationError(
            [{ path: 'decisionId', message: `Beslutet ${decisionId} finns inte` }],
            'Beredskapstaxan är ogiltig',
            'ON_CALL_TARIFF_INVALID',
          );
        }
        const existing = await loadOnCallTariffs(m);
        if (existing.some((t) => t.tariff.validFrom === valid.validFrom)) throw duplicate(valid.validFrom);
        const other = existing.find((t) => t.tariff.timezone !== valid.timezone);
        if (other) {
          throw new DomainError(
            'ON_CALL_TARIFF_TIMEZONE_CHANGED',
            `Taxan från ${other.tariff.validFrom} gäller i ${other.tariff.timezone}; alla versioner måste ha samma tidszon`,
            'conflict',
          );
        }
        await m.insert(OnCallTariffEntity, entity);
        await recordAudit(
          m,
          actor,
          { action: 'create', entityType: 'on-call-tariff', entityId: entity.id, after: view(entity) },
          now,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(valid.validFrom);
      throw error;
    }
    return view(entity);
  }

  async list(page: PageRequest): Promise<Page<OnCallTariffView>> {
    return findPage(
      this.dataSource.getRepository(OnCallTariffEntity),
      { order: { validFrom: 'ASC', id: 'ASC' } },
      page,
      view,
    );
  }

  async get(id: string): Promise<OnCallTariffView> {
    const row = await this.dataSource.getRepository(OnCallTariffEntity).findOneBy({ id });
    if (!row)
      throw new DomainError('ON_CALL_TARIFF_NOT_FOUND', `Beredskapstaxan ${id} finns inte`, 'not-found');
    return view(row);
  }
}

function splitDecisionId(body: unknown): {
  document: unknown;
  decisionId: string | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { document: body, decisionId: null, problems };
  }
  const { decisionId, ...document } = body as Record<string, unknown>;
  if (decisionId === undefined || decisionId === null) return { document, decisionId: null, problems };
  if (typeof decisionId !== 'string' || !/^[0-9a-f-]{36}$/i.test(decisionId)) {
    problems.push({ path: 'decisionId', message: 'decisionId ska vara ett besluts id (uuid)' });
    return { document, decisionId: null, problems };
  }
  return { document, decisionId, problems };
}

function duplicate(validFrom: string): DomainError {
  return new DomainError(
    'ON_CALL_TARIFF_EXISTS',
    `Det finns redan en beredskapstaxa som gäller från ${validFrom}`,
    'conflict',
  );
}
