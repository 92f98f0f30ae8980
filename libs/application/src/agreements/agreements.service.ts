import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import {
  addDays,
  checkQuantity,
  coverageConflict,
  DomainError,
  Money,
  ProblemList,
  VAT_RATES,
} from '@it-samverkan/domain';
import {
  AgreementParty,
  CompanyEntity,
  CooperationAgreementEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  ServiceAgreementEntity,
  UnitEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { findPage, Page, pageList, PageRequest } from '../common/pagination';
import { inTransaction, lockMode } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import {
  companyView,
  jointCommitteeView,
  municipalityView,
  unitView,
} from '../organisation/organisation.mapper';
import type { OrganisationPageView } from '../organisation/organisation-view';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface CooperationInput {
  name: string;
  hostId: string;
  parties: AgreementParty[];
  validFrom: string;
  noticeMonths?: number;
  costPrinciple: string;
  decisionId?: string | null;
}

export interface ServiceAgreementInput {
  name: string;
  partyKind: 'company' | 'joint-committee' | 'municipality';
  partyId: string;
  services?: string[];
  priceModel: 'fixed-yearly' | 'unit-price' | 'hourly';
  yearlyFee?: string | null;
  unitPrice?: string | null;
  volume?: string | null;
  hourlyRate?: string | null;
  frequency: 'month' | 'quarter' | 'tertial' | 'year';
  vatRate: string;
  buyerReference: string;
  paymentTermsDays?: number;
  validFrom: string;
  validTo?: string | null;
  indexation?: Record<string, string>;
}

function plainAgreement(a: ServiceAgreementEntity) {
  return {
    ...a,
    yearlyFee: a.yearlyFee?.toString() ?? null,
    unitPrice: a.unitPrice?.toString() ?? null,
    hourlyRate: a.hourlyRate?.toString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** The cooperation agreement's versions and the separate service agreements, effective-dated and audited. */
export class AgreementService {
  constructor(private readonly db: DataSource) {}

  /** The cooperation agreement's versions, oldest first. */
  async listCooperation(page: PageRequest): Promise<Page<CooperationAgreementEntity>> {
    return findPage(
      this.db.getRepository(CooperationAgreementEntity),
      { order: { validFrom: 'ASC', id: 'ASC' } },
      page,
      (row) => row,
    );
  }

  /** Adds a version; the previous open version ends the day before, so versions never overlap. */
  async addCooperationVersion(
    input: CooperationInput,
    actor: Actor,
    now: Date,
  ): Promise<CooperationAgreementEntity> {
    const problems = new ProblemList();
    const municipalities = new Set((await this.db.getRepository(MunicipalityEntity).find()).map((m) => m.id));
    if (!input.name?.trim()) problems.add('name', 'Namn måste anges');
    if (!DATE.test(input.validFrom ?? '')) problems.add('validFrom', 'Datum skrivs ÅÅÅÅ-MM-DD');
    if (!input.costPrinciple?.trim())
      problems.add('costPrinciple', 'Kostnadsfördelningsprincipen måste anges');
    if (!municipalities.has(input.hostId)) problems.add('hostId', `Kommunen ${input.hostId} finns inte`);
    (input.parties ?? []).forEach((p, i) => {
      if (!municipalities.has(p.municipalityId))
        problems.add(`parties[${i}].municipalityId`, `Kommunen ${p.municipalityId} finns inte`);
      if (p.vatRate !== undefined && !(VAT_RATES as readonly string[]).includes(p.vatRate))
        problems.add(`parties[${i}].vatRate`, 'Momssatsen måste vara 25, 12, 6 eller 0');
      if (p.role === 'partner' && !p.buyerReference?.trim())
        problems.add(`parties[${i}].buyerReference`, 'En samverkanspart behöver en fakturareferens');
    });
    if (!(input.parties ?? []).some((p) => p.role === 'host' && p.municipalityId === input.hostId))
      problems.add('parties', 'Värdkommunen måste vara part med rollen host');
    problems.throwIfAny();
    return inTransaction(this.db, async (m) => {
      const all = await m.getRepository(CooperationAgreementEntity).find({ order: { validFrom: 'DESC' } });
      const latest = all[0];
      if (latest && latest.validFrom >= input.validFrom) {
        throw new DomainError(
          'AGREEMENT_OVERLAP',
          `En version gäller redan från ${latest.validFrom}; en ny version måste börja senare`,
          'conflict',
        );
      }
      if (latest && (latest.validTo === null || latest.validTo >= input.validFrom)) {
        const before = { validTo: latest.validTo };
        latest.validTo = addDays(input.validFrom, -1);
        await m.update(CooperationAgreementEntity, { id: latest.id }, { validTo: latest.validTo });
        await recordAudit(
          m,
          actor,
          {
            action: 'end',
            entityType: 'cooperation-agreement',
            entityId: latest.id,
            before,
            after: { validTo: latest.validTo },
          },
          now,
        );
      }
      const entity = Object.assign(new CooperationAgreementEntity(), {
        id: randomUUID(),
        version: (latest?.version ?? 0) + 1,
        name: input.name.trim(),
        hostId: input.hostId,
        parties: input.parties,
        validFrom: input.validFrom,
        validTo: null,
        noticeMonths: input.noticeMonths ?? 12,
        costPrinciple: input.costPrinciple.trim(),
        decisionId: input.decisionId ?? null,
        createdAt: now,
      });
      await m.insert(CooperationAgreementEntity, entity);
      await recordAudit(
        m,
        actor,
        { action: 'create', entityType: 'cooperation-agreement', entityId: entity.id, after: entity },
        now,
      );
      return entity;
    });
  }

  /** The service agreements, a scoped reader's own parties' only (the parties its municipality owns). */
  async listServiceAgreements(scope: string | null, page: PageRequest) {
    const owned =
      scope === null
        ? null
        : [...(await this.partyMunicipalities())].filter(([, owner]) => owner === scope).map(([id]) => id);
    return findPage(
      this.db.getRepository(ServiceAgreementEntity),
      {
        where: owned === null ? {} : { partyId: In(owned) },
        order: { validFrom: 'ASC', name: 'ASC', id: 'ASC' },
      },
      page,
      plainAgreement,
    );
  }

  private async partyMunicipalities(): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const c of await this.db.getRepository(CompanyEntity).find()) map.set(c.id, c.ownerMunicipalityId);
    for (const j of await this.db.getRepository(JointCommitteeEntity).find())
      map.set(j.id, j.hostMunicipalityId);
    for (const m of await this.db.getRepository(MunicipalityEntity).find()) map.set(m.id, m.id);
    return map;
  }

  /** Creates a service agreement after checking every field; all problems are reported together. */
  async createServiceAgreement(input: ServiceAgreementInput, actor: Actor, now: Date) {
    const problems = new ProblemList();
    const owners = await this.partyMunicipalities();
    if (!input.name?.trim()) problems.add('name', 'Namn måste anges');
    if (!['company', 'joint-committee', 'municipality'].includes(input.partyKind))
      problems.add('partyKind', 'partyKind måste vara company, joint-committee eller municipality');
    if (!owners.has(input.partyId)) problems.add('partyId', `Parten ${input.partyId} finns inte`);
    const money = (field: 'yearlyFee' | 'unitPrice' | 'hourlyRate', required: boolean) => {
      const value = input[field];
      if (value === undefined || value === null) {
        if (required) problems.add(field, `${field} krävs för prismodellen ${input.priceModel}`);
        return null;
      }
      const p = Money.check(value, field);
      if (p) problems.add(p.path, p.message);
      return p ? null : Money.parse(value);
    };
    const yearlyFee = money('yearlyFee', input.priceModel === 'fixed-yearly');
    const unitPrice = money('unitPrice', input.priceModel === 'unit-price');
    const hourlyRate = money('hourlyRate', input.priceModel === 'hourly');
    if (!['fixed-yearly', 'unit-price', 'hourly'].includes(input.priceModel))
      problems.add('priceModel', 'priceModel måste vara fixed-yearly, unit-price eller hourly');
    if (input.priceModel === 'unit-price') {
      const p = checkQuantity(input.volume ?? '', 'volume');
      if (p) problems.add(p.path, p.message);
    }
    if (!['month', 'quarter', 'tertial', 'year'].includes(input.frequency))
      problems.add('frequency', 'frequency måste vara month, quarter, tertial eller year');
    if (!(VAT_RATES as readonly string[]).includes(input.vatRate))
      problems.add('vatRate', 'Momssatsen måste vara 25, 12, 6 eller 0');
    if (!input.buyerReference?.trim())
      problems.add('buyerReference', 'Köparens referens krävs (den ska stå på fakturan)');
    if (!DATE.test(input.validFrom ?? '')) problems.add('validFrom', 'Datum skrivs ÅÅÅÅ-MM-DD');
    if (input.validTo && (!DATE.test(input.validTo) || input.validTo < input.validFrom))
      problems.add('validTo', 'Slutdatum skrivs ÅÅÅÅ-MM-DD och får inte vara före startdatum');
    for (const [year, pct] of Object.entries(input.indexation ?? {})) {
      if (!/^\d{4}$/.test(year) || !/^-?\d{1,2}(\.\d{1,2})?$/.test(pct))
        problems.add(`indexation.${year}`, 'Indexering anges per år som procent, t.ex. {"2026": "3.5"}');
    }
    if (
      input.paymentTermsDays !== undefined &&
      (!Number.isInteger(input.paymentTermsDays) ||
        input.paymentTermsDays < 0 ||
        input.paymentTermsDays > 120)
    ) {
      problems.add('paymentTermsDays', 'Betalningsvillkor anges i dagar, 0–120');
    }
    problems.throwIfAny();
    const entity = Object.assign(new ServiceAgreementEntity(), {
      id: randomUUID(),
      name: input.name.trim(),
      partyKind: input.partyKind,
      partyId: input.partyId,
      services: input.services ?? [],
      priceModel: input.priceModel,
      yearlyFee,
      unitPrice,
      volume: input.priceModel === 'unit-price' ? String(input.volume) : null,
      hourlyRate,
      frequency: input.frequency,
      vatRate: input.vatRate,
      buyerReference: input.buyerReference.trim(),
      paymentTermsDays: input.paymentTermsDays ?? 30,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      indexation: input.indexation ?? {},
      createdAt: now,
    });
    await inTransaction(this.db, async (m) => {
      // One service of one buyer is covered by one agreement at a time (DOMAIN.md 7); the party's
      // agreements are read (locked FOR UPDATE on MySQL) in the transaction that inserts.
      const conflict = coverageConflict(
        await m.getRepository(ServiceAgreementEntity).find({
          where: { partyKind: entity.partyKind, partyId: entity.partyId },
          lock: lockMode(this.db) ? { mode: 'pessimistic_write' } : undefined,
        }),
        entity,
      );
      if (conflict) {
        const a = conflict.agreement;
        const services =
          conflict.services[0] === '*' ? 'alla tjänster' : `tjänsten ${conflict.services.join(', ')}`;
        const message = `Avtalet "${a.name}" (${a.validFrom}–${a.validTo ?? 'tills vidare'}) täcker redan ${services} för ${entity.partyId} under samma tid; avsluta det eller välj andra tjänster eller datum`;
        throw new DomainError('AGREEMENT_COVERAGE_OVERLAP', message, 'conflict', [
          { path: 'services', message },
        ]);
      }
      await m.insert(ServiceAgreementEntity, entity);
      await recordAudit(
        m,
        actor,
        {
          action: 'create',
          entityType: 'service-agreement',
          entityId: entity.id,
          after: plainAgreement(entity),
        },
        now,
      );
    });
    return plainAgreement(entity);
  }

  /** Ends an agreement on a date (it stays in history; invoices already made are not touched). */
  async endServiceAgreement(id: string, validTo: string, actor: Actor, now: Date) {
    if (!DATE.test(validTo ?? ''))
      throw new DomainError('VALIDATION_FAILED', 'Slutdatum skrivs ÅÅÅÅ-MM-DD', 'invalid', [
        { path: 'validTo', message: 'Datum skrivs ÅÅÅÅ-MM-DD' },
      ]);
    return inTransaction(this.db, async (m) => {
      const entity = await m.getRepository(ServiceAgreementEntity).findOneBy({ id });
      if (!entity) throw new DomainError('AGREEMENT_NOT_FOUND', `Avtalet ${id} finns inte`, 'not-found');
      if (validTo < entity.validFrom)
        throw new DomainError('VALIDATION_FAILED', 'Slutdatum före startdatum', 'invalid', [
          { path: 'validTo', message: 'Slutdatum får inte vara före startdatum' },
        ]);
      const before = { validTo: entity.validTo };
      entity.validTo = validTo;
      await m.update(ServiceAgreementEntity, { id }, { validTo });
      await recordAudit(
        m,
        actor,
        { action: 'end', entityType: 'service-agreement', entityId: id, before, after: { validTo } },
        now,
      );
      return plainAgreement(entity);
    });
  }

  /**
   * The organisation: municipalities, units (nested by parentId), companies and joint committees,
   * each list paged by the same page request (page n of each); `totals` counts each list, `pages`
   * and `next` follow the longest.
   */
  async organisation(scope: string | null, request: PageRequest): Promise<OrganisationPageView> {
    const [municipalities, units, companies] = await Promise.all([
      // every municipality: a public body's name and address are public, and each party of a
      // document must be able to name the other (the host's invoice to the partner)
      findPage(
        this.db.getRepository(MunicipalityEntity),
        { order: { id: 'ASC' } },
        request,
        municipalityView,
      ),
      findPage(
        this.db.getRepository(UnitEntity),
        {
          where: scope === null ? {} : { municipalityId: scope },
          order: { municipalityId: 'ASC', id: 'ASC' },
        },
        request,
        unitView,
      ),
      findPage(
        this.db.getRepository(CompanyEntity),
        { where: scope === null ? {} : { ownerMunicipalityId: scope }, order: { id: 'ASC' } },
        request,
        companyView,
      ),
    ]);
    // a committee is also its member municipalities' (members is a JSON list): few, chosen here
    const committees = pageList(
      (await this.db.getRepository(JointCommitteeEntity).find({ order: { id: 'ASC' } })).filter(
        (j) => scope === null || j.hostMunicipalityId === scope || j.members.includes(scope),
      ),
      request,
    );
    const lists = [municipalities, units, companies, committees];
    const longest = lists.reduce((a, b) => (b.pages > a.pages ? b : a));
    return {
      municipalities: municipalities.items,
      units: units.items,
      companies: companies.items,
      jointCommittees: committees.items.map(jointCommitteeView),
      page: request.page,
      pageSize: request.pageSize,
      totals: {
        municipalities: municipalities.total,
        units: units.total,
        companies: companies.total,
        jointCommittees: committees.total,
      },
      pages: longest.pages,
      next: longest.next,
    };
  }
}
