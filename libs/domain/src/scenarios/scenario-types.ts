import type { CostModel, CostModelDocument, CostSplit, SplitResultDocument } from '../cost-model';
import { FUNDING_MODES, FundingMode } from '../invoicing/funding-mode';

/** The format tag of a changes document (DOMAIN.md 8.3). */
export const SCENARIO_CHANGES_FORMAT = 'it-samverkan/scenario-changes@1';
/** The format tag of a comparison of a scenario with its base. */
export const SCENARIO_COMPARISON_FORMAT = 'it-samverkan/scenario-comparison@1';

/** How a consumer's share is funded (DOMAIN.md 7): the invoicing word. */
export type ConsumerFundingMode = FundingMode;
export const CONSUMER_FUNDING_MODES: readonly ConsumerFundingMode[] = FUNDING_MODES;
/** The modes a scenario may switch between: the host's own units only (DOMAIN.md 7). */
export type SwitchableFundingMode = 'appropriation' | 'internal-charge';

/** The kinds of change a scenario can make, as written in `changes[].type`. */
export type ScenarioChangeType =
  'set-volume' | 'scale-volume' | 'set-pool-amount' | 'change-driver' | 'add-consumers' | 'switch-funding';

export const SCENARIO_CHANGE_TYPES: readonly ScenarioChangeType[] = [
  'set-volume',
  'scale-volume',
  'set-pool-amount',
  'change-driver',
  'add-consumers',
  'switch-funding',
];

/** One change of a changes document, in its JSON shape. */
export type ScenarioChange =
  | { type: 'set-volume'; driver: string; consumer: string; value: string | number }
  | {
      type: 'scale-volume';
      driver: string;
      consumer?: string;
      municipality?: string;
      factor: string | number;
    }
  | { type: 'set-pool-amount'; pool: string; amount: string | number }
  | { type: 'change-driver'; service: string; driver: string }
  | {
      type: 'add-consumers';
      /** `municipalityName`: the joining municipality's name, for one the organisation does not know yet. */
      consumers: { id: string; name: string; municipality: string; municipalityName?: string }[];
      volumes?: Record<string, Record<string, string | number>>;
    }
  | {
      type: 'switch-funding';
      consumer?: string;
      municipality?: string;
      from: SwitchableFundingMode;
      to: SwitchableFundingMode;
    };

/** A funding statement of the changes document: a mode, or an external buyer with its own invoice. */
export type FundingStatement = ConsumerFundingMode | { mode: ConsumerFundingMode; buyer?: string };

/** The changes document `it-samverkan/scenario-changes@1` in its JSON shape. */
export interface ScenarioChangesDocument {
  format: string;
  name: string;
  description?: string;
  changes: ScenarioChange[];
  /** Funding of consumers the organisation does not know (API) or of every consumer (CLI). */
  funding?: Record<string, FundingStatement>;
  /** CLI only: the host municipality (default: the municipality of the model's first consumer). */
  host?: string;
  /** CLI only: how often charges and invoices are made (default quarter). */
  frequency?: 'month' | 'quarter' | 'tertial' | 'year';
}

/** What a consumer's yearly charges or invoices rest on (see ConsumerFunding.basis). */
export type ChargeBasis = 'share' | 'fixed-fee' | 'outside-model';

/** How one consumer is funded, with what the yearly count of charges and invoices depends on. */
export interface ConsumerFunding {
  readonly mode: ConsumerFundingMode;
  /** Who receives the external invoice (a municipality, company or committee id); null otherwise. */
  readonly buyer: string | null;
  /** Charging periods a year (quarter → 4). */
  readonly periodsPerYear: number;
  /**
   * What the yearly charges rest on: `share` — the model share, spread over the periods;
   * `fixed-fee` — the consumer's own agreement fee, every period whatever the share;
   * `outside-model` — its own agreement billed by reported hours, so the share makes nothing.
   */
  readonly basis: ChargeBasis;
  /** Services the consumer funds otherwise than by `mode` (DOMAIN.md 7: a mode per service), by service id. */
  readonly serviceModes: Readonly<Record<string, ConsumerFundingMode>>;
}

/** Where funding comes from: the organisation (API) or the changes document (CLI). */
export interface FundingSource {
  /** Periods a year of the host's internal charges, for units switched to internal charge. */
  readonly internalPeriodsPerYear: number;
  /** The funding of a consumer of the base or scenario model. */
  fundingOf(consumer: { id: string; municipality: string }): ConsumerFunding;
  /** Assumptions the source made, in Swedish, for the reader of the comparison. */
  readonly assumptions: readonly string[];
}

/** A consumer moved from one funding mode to another by a `switch-funding` change. */
export interface FundingSwitch {
  readonly consumer: string;
  readonly from: SwitchableFundingMode;
  readonly to: SwitchableFundingMode;
}

/** A base model with the changes applied: the scenario model, validated, and the funding overrides. */
export interface AppliedScenario {
  readonly name: string;
  readonly baseDocument: CostModelDocument;
  readonly baseModel: CostModel;
  readonly document: CostModelDocument;
  readonly model: CostModel;
  /** Consumers whose funding mode the scenario switched, in consumers order. */
  readonly fundingSwitches: readonly FundingSwitch[];
}

/** Both splits of a scenario, computed by the same engine. */
export interface ScenarioSplits {
  readonly base: { model: CostModel; split: CostSplit; document: SplitResultDocument };
  readonly scenario: { model: CostModel; split: CostSplit; document: SplitResultDocument };
}

// ---------------------------------------------------------------------------------------------
// The comparison document (plain JSON).
// ---------------------------------------------------------------------------------------------

/** Base, scenario and the difference in SEK and in % (half-up to one decimal, null when base is 0). */
export interface ComparedAmount {
  base: string;
  scenario: string;
  difference: string;
  differencePercent: string | null;
}

export interface MunicipalityComparison extends ComparedAmount {
  id: string;
}

export interface ConsumerComparison extends ComparedAmount {
  id: string;
  name: string;
  municipality: string;
}

/** A service: what it passes to consumers (so that the rows add up to the total). */
export interface ServiceComparison extends ComparedAmount {
  id: string;
  name: string;
  driver: { base: string | null; scenario: string | null };
  unitPrice: { base: string | null; scenario: string | null };
}

/** What one funding mode makes a year. */
export interface FundingModeLoad {
  /** Consumers whose own mode this is. */
  consumers: number;
  /** The shares funded this way (a unit may fund a service otherwise than by its own mode). */
  amount: string;
  internalCharges: number;
  invoices: number;
}

/** The yearly number of internal charges and invoices the split would produce (DOMAIN.md 8.3). */
export interface AdministrativeLoad {
  internalCharges: number;
  invoices: number;
  byMode: Record<ConsumerFundingMode, FundingModeLoad>;
}

/** A scenario set against its base (DOMAIN.md 8.3). */
export interface ScenarioComparisonDocument {
  format: typeof SCENARIO_COMPARISON_FORMAT;
  scenario: string;
  model: string;
  year: number;
  /** The date the comparison was made, YYYY-MM-DD (DOMAIN.md 8.3: every document carries it). */
  created: string;
  totals: ComparedAmount;
  municipalities: MunicipalityComparison[];
  consumers: ConsumerComparison[];
  services: ServiceComparison[];
  administrativeLoad: { base: AdministrativeLoad; scenario: AdministrativeLoad; assumptions: string[] };
  /** Consumers whose funding the scenario switched, with the new mode. */
  fundingSwitches: FundingSwitch[];
  /** Per municipality: the money moving between appropriation and internal charge. */
  fundingMoves: FundingMove[];
}

/**
 * A municipality's money between appropriation and internal charge: what moves each way (at the
 * scenario's amounts) and what each way funds in base and scenario.
 */
export interface FundingMove {
  municipality: string;
  toInternalCharge: string;
  toAppropriation: string;
  appropriation: ComparedAmount;
  internalCharge: ComparedAmount;
}
