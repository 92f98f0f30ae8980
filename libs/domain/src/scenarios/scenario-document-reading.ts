import { ProblemList } from '../errors';
import { periodOf, type PeriodKind } from '../invoicing';
import {
  CONSUMER_FUNDING_MODES,
  SCENARIO_CHANGES_FORMAT,
  type ConsumerFundingMode,
  type ScenarioChangesDocument,
} from './scenario-types';

/** Small readers for the loose changes document; each reports to the problem list instead of throwing. */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const SLUG = /^[a-z0-9åäö]+(?:-[a-z0-9åäö]+)*$/;
const FREQUENCIES: readonly PeriodKind[] = ['month', 'quarter', 'tertial', 'year'];

/** A required reference to an id (a driver, consumer, pool or service). */
export function readRef(
  obj: Json,
  key: string,
  path: string,
  problems: ProblemList,
  what: string,
): string | null {
  const v = obj[key];
  if (typeof v !== 'string' || v.trim() === '') {
    problems.add(
      `${path}.${key}`,
      `Ange ${what} som en text, t.ex. "${key === 'municipality' ? 'tranemo' : 'ulr-ks'}"`,
    );
    return null;
  }
  return v;
}

/** A municipality slug such as "mark". */
export function isSlug(v: unknown): v is string {
  return typeof v === 'string' && SLUG.test(v);
}

/** The funding of one consumer as the changes document states it. */
export interface FundingStatementValue {
  mode: ConsumerFundingMode;
  buyer: string | null;
}

/** The parts of a changes document that are not changes: name, description and the funding statements. */
export interface ScenarioSettings {
  name: string;
  description: string | null;
  funding: ReadonlyMap<string, FundingStatementValue>;
  /** CLI: the host municipality, when stated. */
  host: string | null;
  /** CLI: the charging frequency, when stated. */
  frequency: PeriodKind | null;
}

const MODE_LIST = CONSUMER_FUNDING_MODES.join(', ');

function readFundingStatement(
  raw: unknown,
  path: string,
  problems: ProblemList,
): FundingStatementValue | null {
  const mode = isObject(raw) ? raw.mode : raw;
  if (typeof mode !== 'string' || !(CONSUMER_FUNDING_MODES as readonly string[]).includes(mode)) {
    problems.add(isObject(raw) ? `${path}.mode` : path, `Finansieringen måste vara en av: ${MODE_LIST}`);
    return null;
  }
  let buyer: string | null = null;
  if (isObject(raw) && raw.buyer !== undefined) {
    if (typeof raw.buyer !== 'string' || raw.buyer.trim() === '') {
      problems.add(`${path}.buyer`, 'Köparen anges som ett id, t.ex. "bolag-ue"');
    } else if (mode !== 'external-invoice') {
      problems.add(`${path}.buyer`, 'Köpare anges bara för extern faktura');
    } else {
      buyer = raw.buyer;
    }
  }
  return { mode: mode as ConsumerFundingMode, buyer };
}

/**
 * Reads the header of a changes document (`it-samverkan/scenario-changes@1`); returns the settings
 * and the raw list of changes (each checked when it is applied).
 */
export function readScenarioSettings(
  input: unknown,
  problems: ProblemList,
): { settings: ScenarioSettings; changes: unknown[] } {
  const empty: ScenarioSettings = {
    name: '',
    description: null,
    funding: new Map(),
    host: null,
    frequency: null,
  };
  if (!isObject(input)) {
    problems.add('', 'Ändringsdokumentet måste vara ett JSON-objekt');
    return { settings: empty, changes: [] };
  }
  const doc = input as Partial<Record<keyof ScenarioChangesDocument, unknown>>;
  if (doc.format !== SCENARIO_CHANGES_FORMAT) {
    problems.add('format', `Okänt format "${String(doc.format)}": förväntade "${SCENARIO_CHANGES_FORMAT}"`);
  }
  const name = typeof doc.name === 'string' ? doc.name.trim() : '';
  if (name === '' || name.length > 200) problems.add('name', 'Scenariot måste ha ett namn (1–200 tecken)');
  let description: string | null = null;
  if (doc.description !== undefined && doc.description !== null) {
    if (typeof doc.description !== 'string' || doc.description.length > 2000) {
      problems.add('description', 'Beskrivningen måste vara en text på högst 2000 tecken');
    } else {
      description = doc.description;
    }
  }
  let changes: unknown[] = [];
  if (!Array.isArray(doc.changes)) problems.add('changes', '"changes" måste vara en lista med ändringar');
  else changes = doc.changes;

  const funding = new Map<string, FundingStatementValue>();
  if (doc.funding !== undefined) {
    if (!isObject(doc.funding)) {
      problems.add(
        'funding',
        'Finansieringen anges som ett objekt: { "förbrukar-id": "appropriation" | "internal-charge" | "external-invoice" }',
      );
    } else {
      for (const [consumer, raw] of Object.entries(doc.funding)) {
        const statement = readFundingStatement(raw, `funding.${consumer}`, problems);
        if (statement) funding.set(consumer, statement);
      }
    }
  }
  let host: string | null = null;
  if (doc.host !== undefined) {
    if (isSlug(doc.host)) host = doc.host;
    else problems.add('host', 'Värdkommunen anges som en slug, t.ex. "ulricehamn"');
  }
  let frequency: PeriodKind | null = null;
  if (doc.frequency !== undefined) {
    if (typeof doc.frequency === 'string' && (FREQUENCIES as readonly string[]).includes(doc.frequency))
      frequency = doc.frequency as PeriodKind;
    else problems.add('frequency', 'Frekvensen måste vara month, quarter, tertial eller year');
  }
  return { settings: { name, description, funding, host, frequency }, changes };
}

/** How many charging periods a year of a kind has (quarter → 4). */
export function periodsPerYear(kind: PeriodKind): number {
  return periodOf(kind, 2000, 1).perYear;
}
