import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@it-samverkan/domain';
import {
  AgreementParty,
  CompanyEntity,
  CooperationAgreementEntity,
  FundingMode,
  JointCommitteeEntity,
  MunicipalityEntity,
  PartyKind,
  ServiceAgreementEntity,
  ServiceFundingEntity,
  UnitEntity,
} from '@it-samverkan/persistence';

/** A consumer of IT cost as invoicing sees it: who it is, whose it is and how it is funded. */
export interface ConsumerInfo {
  id: string;
  name: string;
  kind: 'unit' | 'company' | 'joint-committee';
  municipalityId: string;
  fundingMode: FundingMode;
  responsibilityCode: string;
}

/** Who receives an external invoice and on what terms. */
export interface BuyerTerms {
  kind: PartyKind;
  id: string;
  name: string;
  municipalityId: string;
  buyerReference: string;
  vatRate: string;
  paymentTermsDays: number;
  frequency: string;
  agreement: ServiceAgreementEntity | null;
}

/** The organisation and agreements in force on a date, looked up once per run. */
export class Directory {
  private constructor(
    readonly host: MunicipalityEntity,
    readonly cooperation: CooperationAgreementEntity,
    readonly municipalities: Map<string, MunicipalityEntity>,
    readonly consumers: Map<string, ConsumerInfo>,
    private readonly agreements: ServiceAgreementEntity[],
    private readonly serviceFunding: Map<string, FundingMode>,
  ) {}

  /** Loads the directory for a period starting `firstDay` and ending `lastDay`. */
  static async load(db: DataSource | EntityManager, firstDay: string, lastDay: string): Promise<Directory> {
    const cooperations = await db
      .getRepository(CooperationAgreementEntity)
      .find({ order: { validFrom: 'DESC' } });
    const cooperation = cooperations.find(
      (c) => c.validFrom <= lastDay && (c.validTo === null || c.validTo >= firstDay),
    );
    if (!cooperation) {
      throw new DomainError(
        'NO_COOPERATION_AGREEMENT',
        `Inget samverkansavtal gäller för ${firstDay}–${lastDay}`,
        'unprocessable',
      );
    }
    const municipalities = new Map((await db.getRepository(MunicipalityEntity).find()).map((m) => [m.id, m]));
    const host = municipalities.get(cooperation.hostId);
    if (!host)
      throw new DomainError('HOST_MISSING', `Värdkommunen ${cooperation.hostId} finns inte`, 'unprocessable');
    const consumers = new Map<string, ConsumerInfo>();
    for (const u of await db.getRepository(UnitEntity).find()) {
      // The host's own units cannot be invoiced externally; another municipality's units always are.
      const ownUnit = u.municipalityId === host.id;
      const fundingMode: FundingMode = !ownUnit
        ? 'external-invoice'
        : u.fundingMode === 'external-invoice'
          ? 'internal-charge'
          : u.fundingMode;
      consumers.set(u.id, {
        id: u.id,
        name: u.name,
        kind: 'unit',
        municipalityId: u.municipalityId,
        fundingMode,
        responsibilityCode: u.responsibilityCode,
      });
    }
    for (const c of await db.getRepository(CompanyEntity).find()) {
      consumers.set(c.id, {
        id: c.id,
        name: c.name,
        kind: 'company',
        municipalityId: c.ownerMunicipalityId,
        fundingMode: 'external-invoice',
        responsibilityCode: c.counterpartyCode,
      });
    }
    for (const j of await db.getRepository(JointCommitteeEntity).find()) {
      consumers.set(j.id, {
        id: j.id,
        name: j.name,
        kind: 'joint-committee',
        municipalityId: j.hostMunicipalityId,
        fundingMode: 'external-invoice',
        responsibilityCode: j.responsibilityCode,
      });
    }
    const agreements = (
      await db.getRepository(ServiceAgreementEntity).find({ order: { validFrom: 'ASC', id: 'ASC' } })
    ).filter((a) => a.validFrom <= lastDay && (a.validTo === null || a.validTo >= firstDay));
    const serviceFunding = new Map(
      (await db.getRepository(ServiceFundingEntity).find()).map((f) => [
        `${f.consumerId}:${f.serviceId}`,
        f.fundingMode,
      ]),
    );
    return new Directory(host, cooperation, municipalities, consumers, agreements, serviceFunding);
  }

  /** How a consumer's share of a service is funded: a per-service choice of the host's unit, else its own mode. */
  fundingOf(consumer: ConsumerInfo, serviceId: string | null): FundingMode {
    if (consumer.kind !== 'unit' || consumer.fundingMode === 'external-invoice' || serviceId === null)
      return consumer.fundingMode;
    return this.serviceFunding.get(`${consumer.id}:${serviceId}`) ?? consumer.fundingMode;
  }

  /** The active service agreement of a company or committee, if any. */
  agreementOf(kind: PartyKind, id: string): ServiceAgreementEntity | null {
    return this.agreements.find((a) => a.partyKind === kind && a.partyId === id) ?? null;
  }

  activeAgreements(): ServiceAgreementEntity[] {
    return this.agreements;
  }

  partyOf(municipalityId: string): AgreementParty | undefined {
    return this.cooperation.parties.find((p) => p.municipalityId === municipalityId);
  }

  /** How often the host charges its own units internally. */
  hostFrequency(): string {
    return this.partyOf(this.host.id)?.frequency ?? 'quarter';
  }

  /** The buyer of an externally invoiced consumer, or null with the reason it cannot be invoiced. */
  buyerFor(consumer: ConsumerInfo): BuyerTerms | { missing: string } {
    if (consumer.kind === 'unit') {
      const m = this.municipalities.get(consumer.municipalityId);
      const party = this.partyOf(consumer.municipalityId);
      if (!m || !party) return { missing: `${consumer.municipalityId} är inte part i samverkansavtalet` };
      return {
        kind: 'municipality',
        id: m.id,
        name: m.name,
        municipalityId: m.id,
        buyerReference: party.buyerReference ?? '',
        vatRate: party.vatRate ?? '25',
        paymentTermsDays: party.paymentTermsDays ?? 30,
        frequency: party.frequency ?? 'quarter',
        agreement: null,
      };
    }
    const kind: PartyKind = consumer.kind === 'company' ? 'company' : 'joint-committee';
    const agreement = this.agreementOf(kind, consumer.id);
    if (!agreement) return { missing: `${consumer.name} saknar gällande tjänsteavtal` };
    return {
      kind,
      id: consumer.id,
      name: consumer.name,
      municipalityId: consumer.municipalityId,
      buyerReference: agreement.buyerReference,
      vatRate: agreement.vatRate,
      paymentTermsDays: agreement.paymentTermsDays,
      frequency: agreement.frequency,
      agreement,
    };
  }
}
