import { ProblemList } from '../errors';
import { checkQuantity, Dec, Money, Rounding } from '../money';
import type { CostModelDocument, DecimalInput } from '../cost-model';
import { isObject, isSlug, readRef, type Json } from './scenario-document-reading';
import type {
  FundingSource,
  FundingSwitch,
  ScenarioChangeType,
  SwitchableFundingMode,
} from './scenario-types';

/** The scenario document while the changes are applied (a private copy of the base), and what they found. */
export interface WorkingScenario {
  readonly doc: CostModelDocument;
  readonly funding: FundingSource;
  /** Funding switches by consumer id, in the order they were made. */
  readonly switches: Map<string, FundingSwitch>;
  readonly problems: ProblemList;
}

type Applier = (change: Json, path: string, w: WorkingScenario) => void;

/** The largest volume a model accepts (15 integer digits, DOMAIN.md 5.1 via checkQuantity). */
const MAX_VOLUME = new Dec('1e15');
const SWITCHABLE: readonly SwitchableFundingMode[] = ['appropriation', 'internal-charge'];

const hasConsumer = (w: WorkingScenario, id: string) => w.doc.consumers.some((c) => c.id === id);
const hasDriver = (w: WorkingScenario, id: string) => w.doc.drivers.some((d) => d.id === id);

function readConsumerRef(change: Json, path: string, w: WorkingScenario): string | null {
  const id = readRef(change, 'consumer', path, w.problems, 'förbrukaren');
  if (id !== null && !hasConsumer(w, id)) {
    w.problems.add(`${path}.consumer`, `Okänd förbrukare '${id}'`);
    return null;
  }
  return id;
}

function readDriverRef(change: Json, path: string, w: WorkingScenario): string | null {
  const id = readRef(change, 'driver', path, w.problems, 'fördelningsnyckeln');
  if (id !== null && !hasDriver(w, id)) {
    w.problems.add(`${path}.driver`, `Okänd fördelningsnyckel '${id}'`);
    return null;
  }
  return id;
}

function readMunicipalityRef(change: Json, path: string, w: WorkingScenario): string[] | null {
  const municipality = change.municipality;
  if (!isSlug(municipality)) {
    w.problems.add(`${path}.municipality`, 'Kommunen anges som en slug, t.ex. "tranemo"');
    return null;
  }
  const ids = w.doc.consumers.filter((c) => c.municipality === municipality).map((c) => c.id);
  if (ids.length === 0) {
    w.problems.add(`${path}.municipality`, `Modellen har ingen förbrukare i kommunen '${municipality}'`);
    return null;
  }
  return ids;
}

/** One consumer, or every consumer of a municipality, or (when `all`) every consumer: never both keys. */
function readTarget(change: Json, path: string, w: WorkingScenario, all: boolean): string[] | null {
  const byConsumer = change.consumer !== undefined;
  const byMunicipality = change.municipality !== undefined;
  if (byConsumer && byMunicipality) {
    w.problems.add(path, 'Ange antingen "consumer" eller "municipality", inte båda');
    return null;
  }
  if (byConsumer) {
    const id = readConsumerRef(change, path, w);
    return id === null ? null : [id];
  }
  if (byMunicipality) return readMunicipalityRef(change, path, w);
  if (all) return w.doc.consumers.map((c) => c.id);
  w.problems.add(path, 'Ange "consumer" (en förbrukare) eller "municipality" (alla förbrukare i en kommun)');
  return null;
}

function readVolume(input: unknown, path: string, problems: ProblemList): string | null {
  const problem = checkQuantity(input, path);
  if (problem) {
    problems.add(problem.path, problem.message);
    return null;
  }
  return String(input).trim();
}

function volumesOf(doc: CostModelDocument, driver: string): Record<string, DecimalInput> {
  doc.volumes ??= {};
  doc.volumes[driver] ??= {};
  return doc.volumes[driver];
}

/**
 * A volume times a factor, half-up to the volume's own number of decimals but at least two
 * (600 × 1.10 = 660; 12.5 × 1.333 = 16.66; 0.125 × 2 = 0.25), so a scaling by 1 changes nothing.
 */
export function scaleVolumeValue(volume: DecimalInput, factor: Dec): Dec {
  const value = new Dec(String(volume).trim());
  return value.times(factor).toDecimalPlaces(Math.max(2, value.decimalPlaces()), Rounding.halfUp);
}

const setVolume: Applier = (change, path, w) => {
  const driver = readDriverRef(change, path, w);
  const consumer = readConsumerRef(change, path, w);
  const value = readVolume(change.value, `${path}.value`, w.problems);
  if (driver === null || consumer === null || value === null) return;
  volumesOf(w.doc, driver)[consumer] = value;
};

const scaleVolume: Applier = (change, path, w) => {
  const driver = readDriverRef(change, path, w);
  const targets = readTarget(change, path, w, true);
  const factorText = readVolume(change.factor, `${path}.factor`, w.problems);
  if (driver === null || targets === null || factorText === null) return;
  const factor = new Dec(factorText);
  const volumes = volumesOf(w.doc, driver);
  const scaled = new Map<string, string>();
  for (const consumer of targets) {
    if (volumes[consumer] === undefined) continue;
    const value = scaleVolumeValue(volumes[consumer], factor);
    if (value.greaterThanOrEqualTo(MAX_VOLUME)) {
      w.problems.add(
        `${path}.factor`,
        `Volymen för '${consumer}' blir ${value.toString()}, större än vad en modell tillåter`,
      );
      return;
    }
    scaled.set(consumer, value.toString());
  }
  for (const [consumer, value] of scaled) volumes[consumer] = value;
};

const setPoolAmount: Applier = (change, path, w) => {
  const id = readRef(change, 'pool', path, w.problems, 'kostnadspoolen');
  const pool = id === null ? undefined : w.doc.pools.find((p) => p.id === id);
  if (id !== null && !pool) w.problems.add(`${path}.pool`, `Okänd kostnadspool '${id}'`);
  const problem = Money.check(change.amount, `${path}.amount`);
  if (problem) w.problems.add(problem.path, problem.message);
  if (!pool || problem) return;
  pool.amount = Money.parse(change.amount).toString();
};

const changeDriver: Applier = (change, path, w) => {
  const id = readRef(change, 'service', path, w.problems, 'tjänsten');
  const service = id === null ? undefined : w.doc.services.find((s) => s.id === id);
  if (id !== null && !service) w.problems.add(`${path}.service`, `Okänd tjänst '${id}'`);
  const driver = readDriverRef(change, path, w);
  if (!service || driver === null) return;
  service.allocate = { method: 'driver', driver };
};

const addConsumers: Applier = (change, path, w) => {
  const before = w.problems.items.length;
  const list = change.consumers;
  const added: { id: string; name: string; municipality: string }[] = [];
  if (!Array.isArray(list) || list.length === 0) {
    w.problems.add(`${path}.consumers`, 'Ange minst en ny förbrukare: [{ "id", "name", "municipality" }]');
  } else {
    list.forEach((raw, i) => {
      const at = `${path}.consumers[${i}]`;
      if (!isObject(raw)) {
        w.problems.add(at, 'Förbrukaren måste vara ett objekt { "id", "name", "municipality" }');
        return;
      }
      const id = raw.id;
      if (typeof id !== 'string' || id === '' || id.trim() !== id) {
        w.problems.add(
          `${at}.id`,
          'Id måste vara en icke-tom text utan inledande eller avslutande blanksteg',
        );
      } else if (hasConsumer(w, id) || added.some((c) => c.id === id)) {
        w.problems.add(`${at}.id`, `Förbrukaren '${id}' finns redan`);
      }
      if (typeof raw.name !== 'string' || raw.name.trim() === '')
        w.problems.add(`${at}.name`, 'Förbrukaren måste ha ett namn');
      if (!isSlug(raw.municipality))
        w.problems.add(`${at}.municipality`, 'Kommunen anges som en slug, t.ex. "mark"');
      if (
        raw.municipalityName !== undefined &&
        (typeof raw.municipalityName !== 'string' || raw.municipalityName.trim() === '')
      )
        w.problems.add(
          `${at}.municipalityName`,
          'Kommunens namn måste vara en icke-tom text, t.ex. "Marks kommun"',
        );
      added.push({ id: String(id), name: String(raw.name), municipality: String(raw.municipality) });
    });
  }
  const volumes: [string, string, string][] = [];
  if (change.volumes !== undefined && !isObject(change.volumes)) {
    w.problems.add(`${path}.volumes`, 'Volymerna anges som { "fördelningsnyckel": { "förbrukare": volym } }');
  } else if (isObject(change.volumes)) {
    for (const [driver, perConsumer] of Object.entries(change.volumes)) {
      const at = `${path}.volumes.${driver}`;
      if (!hasDriver(w, driver)) w.problems.add(at, `Okänd fördelningsnyckel '${driver}'`);
      if (!isObject(perConsumer)) {
        w.problems.add(at, 'Volymerna anges som ett objekt med en volym per ny förbrukare');
        continue;
      }
      for (const [consumer, raw] of Object.entries(perConsumer)) {
        if (!added.some((c) => c.id === consumer)) {
          w.problems.add(
            `${at}.${consumer}`,
            `'${consumer}' är inte en av de nya förbrukarna (ändra befintliga med set-volume)`,
          );
        }
        const value = readVolume(raw, `${at}.${consumer}`, w.problems);
        if (value !== null) volumes.push([driver, consumer, value]);
      }
    }
  }
  if (w.problems.items.length > before) return;
  w.doc.consumers.push(...added);
  for (const [driver, consumer, value] of volumes) volumesOf(w.doc, driver)[consumer] = value;
};

function readSwitchable(
  change: Json,
  key: 'from' | 'to',
  path: string,
  problems: ProblemList,
): SwitchableFundingMode | null {
  const v = change[key];
  if (typeof v !== 'string' || !(SWITCHABLE as readonly string[]).includes(v)) {
    problems.add(
      `${path}.${key}`,
      `"${key}" måste vara appropriation (anslag) eller internal-charge (interndebitering)`,
    );
    return null;
  }
  return v as SwitchableFundingMode;
}

const switchFunding: Applier = (change, path, w) => {
  const from = readSwitchable(change, 'from', path, w.problems);
  const to = readSwitchable(change, 'to', path, w.problems);
  if (from !== null && from === to) w.problems.add(`${path}.to`, '"to" måste skilja sig från "from"');
  const targets = readTarget(change, path, w, false);
  if (from === null || to === null || from === to || targets === null) return;
  const modeOf = (id: string) => {
    const consumer = w.doc.consumers.find((c) => c.id === id)!;
    return w.switches.get(id)?.to ?? w.funding.fundingOf(consumer).mode;
  };
  const matching = targets.filter((id) => modeOf(id) === from);
  if (change.consumer !== undefined && matching.length === 0) {
    const mode = modeOf(targets[0]);
    w.problems.add(
      `${path}.consumer`,
      mode === 'external-invoice'
        ? `'${targets[0]}' faktureras externt; bara värdkommunens egna enheter kan byta mellan anslag och interndebitering`
        : `'${targets[0]}' finansieras inte genom ${from === 'appropriation' ? 'anslag' : 'interndebitering'}`,
    );
    return;
  }
  if (matching.length === 0) {
    w.problems.add(
      `${path}.municipality`,
      `Ingen förbrukare i kommunen finansieras genom ${from === 'appropriation' ? 'anslag' : 'interndebitering'}`,
    );
    return;
  }
  for (const id of matching) {
    const original = w.switches.get(id)?.from ?? from;
    if (original === to) w.switches.delete(id);
    else w.switches.set(id, { consumer: id, from: original, to });
  }
};

/** One applier per change type: each checks its fields against the scenario so far, then applies. */
export const SCENARIO_CHANGE_APPLIERS: Record<ScenarioChangeType, Applier> = {
  'set-volume': setVolume,
  'scale-volume': scaleVolume,
  'set-pool-amount': setPoolAmount,
  'change-driver': changeDriver,
  'add-consumers': addConsumers,
  'switch-funding': switchFunding,
};
