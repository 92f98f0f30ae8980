import { DataSource } from 'typeorm';
import {
  ConsumerFunding,
  DomainError,
  documentFundingSource,
  FundingSource,
  FundingSourceFactory,
  PeriodKind,
  periodsPerYear,
} from '@it-samverkan/domain';
import { Directory } from '../invoicing/directory';

const perYearOf = (frequency: string | undefined): number =>
  periodsPerYear((frequency ?? 'quarter') as PeriodKind);

/**
 * Funding from the organisation in the database, the way an invoice run of the year would charge
 * (DOMAIN.md 7): each unit's funding mode; the partner municipality invoiced once per period at its
 * frequency; a company or committee by its own agreement (a fixed or unit-price fee every period,
 * an hourly one only for reported hours). Consumers the organisation does not know (a municipality
 * that joins) follow the changes document's `funding`, else the host's → appropriation and the
 * others → one external invoice per municipality and period at the partner's frequency (quarter).
 * Without a cooperation agreement for the year, the changes document alone decides (as in the CLI).
 */
export async function organisationFundingFor(db: DataSource, year: number): Promise<FundingSourceFactory> {
  let directory: Directory | null = null;
  try {
    directory = await Directory.load(db, `${year}-01-01`, `${year}-12-31`);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'NO_COOPERATION_AGREEMENT') throw error;
  }
  if (!directory) {
    return (settings, base) => {
      const source = documentFundingSource(settings, base);
      return {
        ...source,
        assumptions: [
          `Inget samverkansavtal gäller ${year}: finansieringen följer ändringsdokumentet`,
          ...source.assumptions,
        ],
      };
    };
  }
  const dir = directory;
  return (settings, base): FundingSource => {
    const hostPerYear = perYearOf(dir.hostFrequency());
    const assumptions = [`Värdkommun: ${dir.host.id}; interndebitering ${hostPerYear} gånger per år`];
    const noted = new Set<string>();
    const note = (key: string, text: string) => {
      if (noted.has(key)) return;
      noted.add(key);
      assumptions.push(text);
    };
    for (const id of settings.funding.keys()) {
      if (dir.consumers.has(id))
        note(`ignored:${id}`, `"funding" för ${id} används inte: organisationen anger hur ${id} finansieras`);
    }
    const fundingOf = (consumer: { id: string; municipality: string }): ConsumerFunding => {
      const info = dir.consumers.get(consumer.id);
      if (!info) {
        const stated = settings.funding.get(consumer.id);
        const own = consumer.municipality === dir.host.id;
        const mode = stated?.mode ?? (own ? 'appropriation' : 'external-invoice');
        const perYear =
          mode === 'external-invoice'
            ? perYearOf(dir.partyOf(consumer.municipality)?.frequency)
            : hostPerYear;
        const buyer =
          mode === 'external-invoice'
            ? (stated?.buyer ?? (own ? consumer.id : `municipality:${consumer.municipality}`))
            : null;
        note(
          `unknown:${consumer.id}`,
          `${consumer.id} finns inte i organisationen: ${modeName[mode]}${buyer ? ` till ${buyer}` : ''}, ${perYear} gånger per år`,
        );
        return { mode, buyer, periodsPerYear: perYear, basis: 'share', serviceModes: {} };
      }
      if (info.fundingMode !== 'external-invoice') {
        // A host unit may fund some services otherwise than by its own mode (DOMAIN.md 7).
        const serviceModes = Object.fromEntries(
          base.services
            .map((s) => [s.id, dir.fundingOf(info, s.id)] as const)
            .filter(([, mode]) => mode !== info.fundingMode),
        );
        const buyer = Object.values(serviceModes).includes('external-invoice')
          ? `municipality:${info.municipalityId}`
          : null;
        return { mode: info.fundingMode, buyer, periodsPerYear: hostPerYear, basis: 'share', serviceModes };
      }
      if (info.kind !== 'unit') {
        const agreement = dir.agreementOf(info.kind === 'company' ? 'company' : 'joint-committee', info.id);
        if (agreement) {
          return {
            mode: 'external-invoice',
            buyer: `${info.kind}:${info.id}`,
            periodsPerYear: perYearOf(agreement.frequency),
            basis: agreement.priceModel === 'hourly' ? 'outside-model' : 'fixed-fee',
            serviceModes: {},
          };
        }
      }
      const buyer = dir.buyerFor(info);
      if ('missing' in buyer) {
        note(
          `missing:${info.id}`,
          `${buyer.missing}: räknas som en faktura per kvartal till ${info.municipalityId}`,
        );
        return {
          mode: 'external-invoice',
          buyer: `municipality:${info.municipalityId}`,
          periodsPerYear: 4,
          basis: 'share',
          serviceModes: {},
        };
      }
      return {
        mode: 'external-invoice',
        buyer: `${buyer.kind}:${buyer.id}`,
        periodsPerYear: perYearOf(buyer.frequency),
        basis: 'share',
        serviceModes: {},
      };
    };
    // Note the consumers the organisation does not know up front, so the list is in model order.
    for (const c of base.consumers) fundingOf(c);
    return { internalPeriodsPerYear: hostPerYear, fundingOf, assumptions };
  };
}

const modeName = {
  appropriation: 'anslag',
  'internal-charge': 'interndebitering',
  'external-invoice': 'extern faktura',
} as const;
