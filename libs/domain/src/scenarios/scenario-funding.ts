import type { CostModel } from '../cost-model';
import { periodsPerYear, type ScenarioSettings } from './scenario-document-reading';
import type { ConsumerFunding, FundingSource, FundingSwitch } from './scenario-types';

const FREQUENCY_NAME = { month: 'månad', quarter: 'kvartal', tertial: 'tertial', year: 'år' } as const;

/**
 * Funding taken from the changes document alone (the CLI, which has no organisation): each
 * consumer's mode is what `funding` states; otherwise consumers of the host municipality (`host`,
 * or the municipality of the base model's first consumer) are on appropriation and all others are
 * invoiced externally. An external invoice goes to the stated buyer, else to the consumer's
 * municipality (one invoice per municipality), or to the consumer itself if it belongs to the
 * host (a company of the host is its own buyer). Everything is charged per `frequency` (default
 * quarter, 4 times a year).
 */
export function documentFundingSource(settings: ScenarioSettings, base: CostModel): FundingSource {
  const host = settings.host ?? base.consumers[0]?.municipality ?? '';
  const frequency = settings.frequency ?? 'quarter';
  const perYear = periodsPerYear(frequency);
  return {
    internalPeriodsPerYear: perYear,
    fundingOf: (consumer) => {
      const stated = settings.funding.get(consumer.id);
      const own = consumer.municipality === host;
      const mode = stated?.mode ?? (own ? 'appropriation' : 'external-invoice');
      const buyer =
        mode === 'external-invoice' ? (stated?.buyer ?? (own ? consumer.id : consumer.municipality)) : null;
      return { mode, buyer, periodsPerYear: perYear, basis: 'share', serviceModes: {} };
    },
    assumptions: [
      `Värdkommun: ${host}${settings.host ? '' : ' (kommunen för modellens första förbrukare)'}`,
      `Debitering och fakturering per ${FREQUENCY_NAME[frequency]} (${perYear} gånger per år)`,
      'Förbrukare som "funding" inte anger: värdkommunens anslag, övriga extern faktura per kommun',
    ],
  };
}

/**
 * A consumer's funding in the scenario: the source's, unless a change switched it; a switch moves
 * everything the consumer funded the old way (its own mode and any service on it) to the new way.
 */
export function scenarioFundingOf(
  source: FundingSource,
  switches: readonly FundingSwitch[],
  consumer: { id: string; municipality: string },
): ConsumerFunding {
  const base = source.fundingOf(consumer);
  const moved = switches.find((s) => s.consumer === consumer.id);
  if (!moved) return base;
  const serviceModes = Object.fromEntries(
    Object.entries(base.serviceModes).map(([service, mode]) => [
      service,
      mode === moved.from ? moved.to : mode,
    ]),
  );
  const perYear = moved.to === 'internal-charge' ? source.internalPeriodsPerYear : base.periodsPerYear;
  return { mode: moved.to, buyer: null, periodsPerYear: perYear, basis: 'share', serviceModes };
}
