import { DataSource, EntityManager } from 'typeorm';
import {
  agreementCovering,
  agreementPartyOf,
  buyerOf,
  DomainError,
  FundedConsumer,
  FundingMode,
  fundingModeOf,
  inForceDuring,
  PartyKind,
  Period,
  unitBilledForPeriod,
} from '@it-samverkan/domain';
import {
  AgreementParty,
  CompanyEntity,
  CooperationAgreementEntity,
  JointCommitteeEntity,
  MunicipalityEntity,
  ServiceAgreementEntity,
  ServiceFundingEntity,
  UnitEntity,
} from '@it-samverkan/persistence';

/** A consumer of IT cost as invoicing sees it: who it is, whose it is and how it is funded. */
export interface ConsumerInfo extends FundedConsumer {
  name: string;
  responsibilityCode: string;
}

/** Who receives an external invoice and on what terms (the agreement's, or the cooperation's). */
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

/** The key agreements are indexed by: their party. */
const partyKey = (kind: PartyKind, id: string) => `${kind}:${id}`;

/** The organisation and agreements in force in a period, loaded once per run; the rules are the domain's. */
export class Directory {
  /** The agreements in force by party, in the same order as `agreements` (a run asks per charge). */
  private readonly agreementsByParty = new Map<string, ServiceAgreementEntity[]>();

  private constructor(
    readonly host: MunicipalityEntity,
    readonly cooperation: CooperationAgreementEntity,
    readonly municipalities: Map<string, MunicipalityEntity>,
    readonly consumers: Map<string, ConsumerInfo>,
    private readonly agreements: ServiceAgreementEntity[],
    /** Units that ended before the period starts (not in `consumers`): name and last day. */
    readonly endedUnits: Map<string, { name: string; validTo: string }>,
  ) {
    for (const a of agreements) {
      const key = partyKey(a.partyKind, a.partyId);
      const own = this.agreementsByParty.get(key);
      if (own) own.push(a);
      else this.agreementsByParty.set(key, [a]);
    }
  }

  private agreementsOf(kind: PartyKind, id: string): readonly ServiceAgreementEntity[] {
    return this.agreementsByParty.get(partyKey(kind, id)) ?? [];
  }

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
    const serviceModes = new Map<string, Map<string, FundingMode>>();
    for (const f of await db.getRepository(ServiceFundingEntity).find()) {
      const modes = serviceModes.get(f.consumerId) ?? new Map<string, FundingMode>();
      modes.set(f.serviceId, f.fundingMode);
      serviceModes.set(f.consumerId, modes);
    }
    const consumers = new Map<string, ConsumerInfo>();
    // A consumer's fundingMode is its mode seen from the host (DOMAIN.md 3, 7), per-service modes aside.
    const add = (c: Omit<ConsumerInfo, 'fundingMode'> & { ownMode: FundingMode }) => {
      const { ownMode, ...rest } = c;
      const info: ConsumerInfo = { ...rest, fundingMode: ownMode };
      info.fundingMode = fundingModeOf(info, host.id, null);
      consumers.set(info.id, info);
    };
    const endedUnits = new Map<string, { name: string; validTo: string }>();
    for (const u of await db.getRepository(UnitEntity).find()) {
      if (!unitBilledForPeriod(u.validTo, firstDay)) {
        endedUnits.set(u.id, { name: u.name, validTo: u.validTo! });
        continue;
      }
      add({
        id: u.id,
        name: u.name,
        kind: 'unit',
        municipalityId: u.municipalityId,
        ownMode: u.fundingMode,
        serviceModes: serviceModes.get(u.id),
        responsibilityCode: u.responsibilityCode,
      });
    }
    for (const c of await db.getRepository(CompanyEntity).find()) {
      add({
        id: c.id,
        name: c.name,
        kind: 'company',
        municipalityId: c.ownerMunicipalityId,
        ownMode: 'external-invoice',
        responsibilityCode: c.counterpartyCode,
      });
    }
    for (const j of await db.getRepository(JointCommitteeEntity).find()) {
      add({
        id: j.id,
        name: j.name,
        kind: 'joint-committee',
        municipalityId: j.hostMunicipalityId,
        ownMode: 'external-invoice',
        responsibilityCode: j.responsibilityCode,
      });
    }
    const agreements = (
      await db
        .getRepository(ServiceAgreementEntity)
        .find({ order: { validFrom: 'ASC', createdAt: 'ASC', name: 'ASC', id: 'ASC' } })
    ).filter((a) => inForceDuring(a, firstDay, lastDay));
    return new Directory(host, cooperation, municipalities, consumers, agreements, endedUnits);
  }

  /** How a consumer's share of a service is funded (the domain's rule, seen from the host). */
  fundingOf(consumer: ConsumerInfo, serviceId: string | null): FundingMode {
    return fundingModeOf(consumer, this.host.id, serviceId);
  }

  /** The first agreement in force of a party, if any: its default terms (on-call, hours). */
  agreementOf(kind: PartyKind, id: string): ServiceAgreementEntity | null {
    return this.agreementsOf(kind, id)[0] ?? null;
  }

  /** The agreement of a consumer's party that covers a service in the period, if any. */
  coveringAgreement(
    consumer: ConsumerInfo,
    serviceId: string,
    period: Period,
  ): ServiceAgreementEntity | null {
    const party = agreementPartyOf(consumer);
    return agreementCovering(this.agreementsOf(party.kind, party.id), party, serviceId, period);
  }

  /** The hourly rate an agreement of the consumer's party sets, if any. */
  agreedHourlyRate(consumer: ConsumerInfo): string | null {
    const party = agreementPartyOf(consumer);
    const agreement = this.agreementsOf(party.kind, party.id).find((a) => a.hourlyRate !== null);
    return agreement?.hourlyRate?.toString() ?? null;
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

  /** The name of a party: a municipality, company or joint committee. */
  partyName(kind: PartyKind, id: string): string | null {
    return kind === 'municipality'
      ? (this.municipalities.get(id)?.name ?? null)
      : (this.consumers.get(id)?.name ?? null);
  }

  /** Terms on an agreement: the buyer is the agreement's party. */
  termsOf(
    agreement: ServiceAgreementEntity,
    buyer: { kind: PartyKind; id: string; municipalityId: string },
  ): BuyerTerms {
    return {
      ...buyer,
      name: this.partyName(buyer.kind, buyer.id) ?? buyer.id,
      buyerReference: agreement.buyerReference,
      vatRate: agreement.vatRate,
      paymentTermsDays: agreement.paymentTermsDays,
      frequency: agreement.frequency,
      agreement,
    };
  }

  /**
   * The buyer of an externally invoiced consumer and its default terms: a partner municipality's
   * from the cooperation agreement, else the party's first agreement in force; or the reason it
   * cannot be invoiced.
   */
  buyerFor(consumer: ConsumerInfo): BuyerTerms | { missing: string } {
    const buyer = buyerOf(consumer);
    const party = agreementPartyOf(consumer);
    const agreement = this.agreementOf(party.kind, party.id);
    if (consumer.kind === 'unit') {
      const m = this.municipalities.get(consumer.municipalityId);
      const partner = this.partyOf(consumer.municipalityId);
      if (m && partner) {
        return {
          ...buyer,
          name: m.name,
          buyerReference: partner.buyerReference ?? '',
          vatRate: partner.vatRate ?? '25',
          paymentTermsDays: partner.paymentTermsDays ?? 30,
          frequency: partner.frequency ?? 'quarter',
          agreement: null,
        };
      }
      if (m && agreement) return this.termsOf(agreement, buyer);
      return { missing: `${consumer.municipalityId} är inte part i samverkansavtalet` };
    }
    if (!agreement) return { missing: `${consumer.name} saknar gällande tjänsteavtal` };
    return this.termsOf(agreement, buyer);
  }
}
