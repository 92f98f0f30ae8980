import { Money, ProblemList, settleYear, SettlementKind } from '@it-samverkan/domain';
import type { ComputedSplit } from './split-computation';
import { swedishDate } from '../common/swedish-date';

/** Settlement kinds as the documents name them: a final charge, a credit, or nothing to settle. */
export type SettlementLineKind = 'slutfaktura' | 'kreditering' | 'ingen';

const KIND: Record<SettlementKind, SettlementLineKind> = {
  'final-charge': 'slutfaktura',
  credit: 'kreditering',
  none: 'ingen',
};

export interface SettlementLineView {
  consumer: string;
  name: string | null;
  municipality: string | null;
  charged: string;
  actual: string;
  /** actual − charged: positive is charged in addition (slutfaktura), negative is credited. */
  difference: string;
  kind: SettlementLineKind;
}

export interface SettlementDocument {
  format: 'it-samverkan/settlement@1';
  year: number;
  /** When the document was made (YYYY-MM-DD). */
  created: string;
  actualModel: { id: string | null; name: string; status: 'draft' | 'approved' | null };
  /** Whether the actual (utfall) model is approved; a draft gives a preliminary settlement. */
  actualStatus: 'draft' | 'approved' | null;
  /** Where `charged` came from: the approved budget split, or given by the caller. */
  chargedSource: 'budget-split' | 'given';
  budgetModel: { id: string; name: string } | null;
  lines: SettlementLineView[];
  totals: { charged: string; actual: string; difference: string; slutfaktura: string; kreditering: string };
}

export interface SettlementParams {
  year: number;
  actual: ComputedSplit;
  actualModel: SettlementDocument['actualModel'];
  charged: ReadonlyMap<string, Money>;
  chargedSource: SettlementDocument['chargedSource'];
  budgetModel?: SettlementDocument['budgetModel'];
  /** Names and municipalities of consumers not in the actual model (e.g. from the budget model). */
  knownConsumers?: ReadonlyMap<string, { name: string; municipality: string }>;
  /** Only lines of this municipality (a scoped token); null for all. */
  scope?: string | null;
  now: Date;
}

/** The year-end settlement (slutavräkning, DOMAIN.md 5.6) as a document, exact to the öre, with totals. */
export function settlementDocument(p: SettlementParams): SettlementDocument {
  const settled = settleYear({
    charged: [...p.charged].map(([consumerId, amount]) => ({ consumerId, amount })),
    actual: p.actual.split,
  });
  const names = new Map(
    p.actual.model.consumers.map((c) => [c.id, { name: c.name, municipality: c.municipality }]),
  );
  const lines = settled
    .map((l) => {
      const known = names.get(l.consumerId) ?? p.knownConsumers?.get(l.consumerId);
      return {
        line: l,
        name: known?.name ?? null,
        municipality: l.municipality ?? known?.municipality ?? null,
      };
    })
    .filter((x) => !p.scope || x.municipality === p.scope);
  const sum = (pick: (l: (typeof lines)[number]['line']) => Money, kind?: SettlementKind) =>
    Money.sum(lines.filter((x) => !kind || x.line.kind === kind).map((x) => pick(x.line))).toString();
  return {
    format: 'it-samverkan/settlement@1',
    year: p.year,
    created: swedishDate(p.now),
    actualModel: p.actualModel,
    actualStatus: p.actualModel.status,
    chargedSource: p.chargedSource,
    budgetModel: p.budgetModel ?? null,
    lines: lines.map(({ line, name, municipality }) => ({
      consumer: line.consumerId,
      name,
      municipality,
      charged: line.charged.toString(),
      actual: line.actual.toString(),
      difference: line.difference.toString(),
      kind: KIND[line.kind],
    })),
    totals: {
      charged: sum((l) => l.charged),
      actual: sum((l) => l.actual),
      difference: sum((l) => l.difference),
      slutfaktura: sum((l) => l.difference, 'final-charge'),
      kreditering: sum((l) => l.difference, 'credit'),
    },
  };
}

/**
 * Reads what consumers were charged: `{ "ulr-ks": "886666.67", … }` or
 * `[{ "consumer": "ulr-ks", "amount": "886666.67" }, …]` (lines of one consumer are added).
 * Every problem is reported with its path.
 */
export function readChargedAmounts(input: unknown, path = 'charged'): Map<string, Money> {
  const problems = new ProblemList();
  const out = new Map<string, Money>();
  const add = (consumer: unknown, amount: unknown, at: string, consumerPath: string) => {
    if (typeof consumer !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(consumer)) {
      problems.add(consumerPath, 'Förbrukarens id måste anges (gemener, siffror och bindestreck)');
      return;
    }
    const problem = Money.check(amount, at);
    if (problem) return problems.add(problem.path, problem.message);
    out.set(consumer, (out.get(consumer) ?? Money.ZERO).plus(Money.parse(amount, at)));
  };
  if (Array.isArray(input)) {
    input.forEach((row, i) => {
      const r = (row ?? {}) as Record<string, unknown>;
      add(r.consumer ?? r.consumerId, r.amount, `${path}[${i}].amount`, `${path}[${i}].consumer`);
    });
  } else if (input !== null && typeof input === 'object') {
    for (const [consumer, amount] of Object.entries(input))
      add(consumer, amount, `${path}.${consumer}`, `${path}.${consumer}`);
  } else {
    problems.add(
      path,
      'Debiterat ska anges som { "förbrukare": "belopp" } eller en lista med consumer och amount',
    );
  }
  problems.throwIfAny('Uppgifterna om debiterade belopp är ogiltiga', 'CHARGED_INVALID');
  return out;
}
