import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  isValidOrgNo,
  normaliseOrgNo,
  peppolIdOf,
  ProblemList,
  unitEndProblems,
  vatNoOf,
} from '@it-samverkan/domain';
import {
  CompanyEntity,
  DevelopmentHoursEntity,
  DevelopmentRequestEntity,
  FUNDING_MODES,
  FundingMode,
  IncidentEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  ServiceFundingEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';

const ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const UNIT_KINDS = ['forvaltning', 'sektion', 'namnd', 'enhet'] as const;

export interface AddressInput {
  street: string;
  postalCode: string;
  city: string;
}
export interface MunicipalityInput extends AddressInput {
  id: string;
  name: string;
  orgNo: string;
  bankgiro?: string | null;
  counterpartyCode: string;
}
export interface UnitInput {
  id: string;
  municipalityId: string;
  parentId?: string | null;
  name: string;
  kind: (typeof UNIT_KINDS)[number];
  responsibilityCode: string;
  fundingMode: FundingMode;
}
export interface CompanyInput extends AddressInput {
  id: string;
  name: string;
  orgNo: string;
  ownerMunicipalityId: string;
  counterpartyCode: string;
}
export interface JointCommitteeInput {
  id: string;
  name: string;
  hostMunicipalityId: string;
  members: string[];
  responsibilityCode: string;
  counterpartyCode: string;
}

/** Municipalities, units, companies and joint committees; every change validated and audited. */
export class OrganisationService {
  constructor(private readonly db: DataSource) {}

  /** Consumer ids are one namespace across units, companies and committees (the cost model's consumers). */
  private async idTaken(m: EntityManager, id: string): Promise<boolean> {
    return (
      (await m.getRepository(UnitEntity).countBy({ id })) +
        (await m.getRepository(CompanyEntity).countBy({ id })) +
        (await m.getRepository(JointCommitteeEntity).countBy({ id })) >
      0
    );
  }

  private checkCommon(problems: ProblemList, input: { id: string; name: string }): void {
    if (!ID.test(input.id ?? ''))
      problems.add('id', 'id skrivs med gemener, siffror och bindestreck, 2–64 tecken');
    if (!input.name?.trim()) problems.add('name', 'Namn måste anges');
  }

  private checkOrgNo(problems: ProblemList, orgNo: string): void {
    if (!isValidOrgNo(orgNo ?? ''))
      problems.add(
        'orgNo',
        `Organisationsnumret "${orgNo}" är ogiltigt (10 siffror med kontrollsiffra, t.ex. 212000-1561)`,
      );
  }

  async createMunicipality(input: MunicipalityInput, actor: Actor, now: Date): Promise<MunicipalityEntity> {
    const problems = new ProblemList();
    this.checkCommon(problems, input);
    this.checkOrgNo(problems, input.orgNo);
    problems.throwIfAny();
    return inTransaction(this.db, async (m) => {
      if (await m.getRepository(MunicipalityEntity).countBy({ id: input.id })) {
        throw new DomainError('MUNICIPALITY_EXISTS', `Kommunen ${input.id} finns redan`, 'conflict');
      }
      const orgNo = normaliseOrgNo(input.orgNo);
      const entity = Object.assign(new MunicipalityEntity(), {
        id: input.id,
        name: input.name.trim(),
        orgNo,
        vatNo: vatNoOf(orgNo),
        peppolId: peppolIdOf(orgNo),
        street: input.street,
        postalCode: input.postalCode,
        city: input.city,
        bankgiro: input.bankgiro ?? null,
        counterpartyCode: input.counterpartyCode,
      });
      await m.insert(MunicipalityEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'municipality', entityId: entity.id, after: entity },
        now,
      );
      return entity;
    });
  }

  async createUnit(input: UnitInput, actor: Actor, now: Date): Promise<UnitEntity> {
    const problems = new ProblemList();
    this.checkCommon(problems, input);
    if (!UNIT_KINDS.includes(input.kind))
      problems.add('kind', `kind måste vara en av ${UNIT_KINDS.join(', ')}`);
    if (!FUNDING_MODES.includes(input.fundingMode))
      problems.add('fundingMode', `fundingMode måste vara en av ${FUNDING_MODES.join(', ')}`);
    if (!input.responsibilityCode?.trim()) problems.add('responsibilityCode', 'Ansvarskod måste anges');
    problems.throwIfAny();
    return inTransaction(this.db, async (m) => {
      await this.checkUnitRefs(m, input.municipalityId, input.parentId ?? null);
      if (await this.idTaken(m, input.id))
        throw new DomainError(
          'CONSUMER_EXISTS',
          `Id ${input.id} används redan av en enhet, ett bolag eller en nämnd`,
          'conflict',
        );
      const entity = Object.assign(new UnitEntity(), {
        ...input,
        parentId: input.parentId ?? null,
        name: input.name.trim(),
        validTo: null,
      });
      await m.insert(UnitEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'unit', entityId: entity.id, after: entity },
        now,
      );
      return entity;
    });
  }

  private async checkUnitRefs(
    m: EntityManager,
    municipalityId: string,
    parentId: string | null,
  ): Promise<void> {
    const problems = new ProblemList();
    if (!(await m.getRepository(MunicipalityEntity).countBy({ id: municipalityId })))
      problems.add('municipalityId', `Kommunen ${municipalityId} finns inte`);
    if (parentId) {
      const parent = await m.getRepository(UnitEntity).findOneBy({ id: parentId });
      if (!parent) problems.add('parentId', `Enheten ${parentId} finns inte`);
      else if (parent.municipalityId !== municipalityId)
        problems.add('parentId', 'En enhet kan bara ligga under en enhet i samma kommun');
    }
    problems.throwIfAny();
  }

  /**
   * Changes a unit's name, responsibility code, parent or funding mode (the municipality decides),
   * or ends it: `validTo` is its last day (null undoes the end). An ended unit is not billed for
   * periods that start after its end; no incident of it may lie in such a period.
   */
  async updateUnit(
    id: string,
    change: Partial<Pick<UnitInput, 'name' | 'responsibilityCode' | 'fundingMode' | 'parentId'>> & {
      validTo?: string | null;
    },
    actor: Actor,
    now: Date,
  ): Promise<UnitEntity> {
    return inTransaction(this.db, async (m) => {
      const unit = await m.getRepository(UnitEntity).findOneBy({ id });
      if (!unit) throw new DomainError('UNIT_NOT_FOUND', `Enheten ${id} finns inte`, 'not-found');
      const problems = new ProblemList();
      if (change.fundingMode !== undefined && !FUNDING_MODES.includes(change.fundingMode))
        problems.add('fundingMode', `fundingMode måste vara en av ${FUNDING_MODES.join(', ')}`);
      if (change.name !== undefined && !change.name.trim()) problems.add('name', 'Namn får inte vara tomt');
      if (change.parentId === id) problems.add('parentId', 'En enhet kan inte ligga under sig själv');
      if (typeof change.validTo === 'string') {
        for (const p of unitEndProblems(change.validTo, await this.billedMonthsAfter(m, id, change.validTo)))
          problems.add(p.path, p.message);
      }
      problems.throwIfAny();
      if (change.parentId !== undefined) await this.checkUnitRefs(m, unit.municipalityId, change.parentId);
      const before = { ...unit };
      Object.assign(unit, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));
      await m.update(
        UnitEntity,
        { id },
        {
          name: unit.name,
          responsibilityCode: unit.responsibilityCode,
          fundingMode: unit.fundingMode,
          parentId: unit.parentId,
          validTo: unit.validTo,
        },
      );
      await recordAudit(
        m,
        actor,
        { action: 'update', entityType: 'unit', entityId: id, before, after: unit },
        now,
      );
      return unit;
    });
  }

  /** The months after `validTo` with an incident or reported development hours of the unit. */
  private async billedMonthsAfter(m: EntityManager, unitId: string, validTo: string): Promise<string[]> {
    const month = validTo.slice(0, 7);
    const incidents = await m
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .select('DISTINCT i.period', 'month')
      .where('i.consumerId = :unitId AND i.period > :month', { unitId, month })
      .getRawMany<{ month: string }>();
    const hours = await m
      .getRepository(DevelopmentHoursEntity)
      .createQueryBuilder('h')
      .innerJoin(DevelopmentRequestEntity, 'r', 'r.id = h.requestId')
      .select('DISTINCT h.month', 'month')
      .where('r.unitId = :unitId AND h.month > :month', { unitId, month })
      .getRawMany<{ month: string }>();
    return [...new Set([...incidents, ...hours].map((r) => r.month))].sort();
  }

  async createCompany(input: CompanyInput, actor: Actor, now: Date): Promise<CompanyEntity> {
    const problems = new ProblemList();
    this.checkCommon(problems, input);
    this.checkOrgNo(problems, input.orgNo);
    problems.throwIfAny();
    return inTransaction(this.db, async (m) => {
      if (!(await m.getRepository(MunicipalityEntity).countBy({ id: input.ownerMunicipalityId }))) {
        throw new DomainError('VALIDATION_FAILED', 'Ägarkommunen finns inte', 'invalid', [
          { path: 'ownerMunicipalityId', message: `Kommunen ${input.ownerMunicipalityId} finns inte` },
        ]);
      }
      if (await this.idTaken(m, input.id))
        throw new DomainError('CONSUMER_EXISTS', `Id ${input.id} används redan`, 'conflict');
      const orgNo = normaliseOrgNo(input.orgNo);
      const entity = Object.assign(new CompanyEntity(), {
        ...input,
        name: input.name.trim(),
        orgNo,
        vatNo: vatNoOf(orgNo),
        peppolId: peppolIdOf(orgNo),
      });
      await m.insert(CompanyEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'company', entityId: entity.id, after: entity },
        now,
      );
      return entity;
    });
  }

  async createJointCommittee(
    input: JointCommitteeInput,
    actor: Actor,
    now: Date,
  ): Promise<JointCommitteeEntity> {
    const problems = new ProblemList();
    this.checkCommon(problems, input);
    const known = new Set((await this.db.getRepository(MunicipalityEntity).find()).map((x) => x.id));
    if (!known.has(input.hostMunicipalityId))
      problems.add('hostMunicipalityId', `Kommunen ${input.hostMunicipalityId} finns inte`);
    (input.members ?? []).forEach(
      (id, i) => known.has(id) || problems.add(`members[${i}]`, `Kommunen ${id} finns inte`),
    );
    if (!(input.members ?? []).includes(input.hostMunicipalityId))
      problems.add('members', 'Värdkommunen måste vara medlem i nämnden');
    problems.throwIfAny();
    return inTransaction(this.db, async (m) => {
      if (await this.idTaken(m, input.id))
        throw new DomainError('CONSUMER_EXISTS', `Id ${input.id} används redan`, 'conflict');
      const entity = Object.assign(new JointCommitteeEntity(), { ...input, name: input.name.trim() });
      await m.insert(JointCommitteeEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'joint-committee', entityId: entity.id, after: entity },
        now,
      );
      return entity;
    });
  }

  /** Sets (or with null removes) a funding mode for one service of one of the host's units. */
  async setServiceFunding(
    consumerId: string,
    serviceId: string,
    mode: FundingMode | null,
    actor: Actor,
    now: Date,
  ) {
    if (mode !== null && mode === 'external-invoice') {
      throw new DomainError('VALIDATION_FAILED', 'Ogiltigt finansieringssätt', 'invalid', [
        { path: 'fundingMode', message: 'En egen enhet finansieras med anslag eller interndebitering' },
      ]);
    }
    return inTransaction(this.db, async (m) => {
      if (!(await m.getRepository(UnitEntity).countBy({ id: consumerId })))
        throw new DomainError('UNIT_NOT_FOUND', `Enheten ${consumerId} finns inte`, 'not-found');
      const before = await m.getRepository(ServiceFundingEntity).findOneBy({ consumerId, serviceId });
      if (mode === null) await m.delete(ServiceFundingEntity, { consumerId, serviceId });
      else if (before) await m.update(ServiceFundingEntity, { consumerId, serviceId }, { fundingMode: mode });
      else await m.insert(ServiceFundingEntity, { consumerId, serviceId, fundingMode: mode });
      await recordAudit(
        m,
        actor,
        {
          action: 'set-funding',
          entityType: 'unit',
          entityId: consumerId,
          before,
          after: { serviceId, fundingMode: mode },
        },
        now,
      );
      return { consumerId, serviceId, fundingMode: mode };
    });
  }
}
