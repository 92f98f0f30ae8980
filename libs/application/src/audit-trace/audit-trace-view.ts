import {
  auditTrace,
  consumerPoolParts,
  CostModel,
  CostSplit,
  Money,
  quantityText,
  sharePercentText,
} from '@it-samverkan/domain';
import type { PoolLedgerSource } from '../ledger-import/ledger-account-view';
import type { DecisionView } from '../decisions/decision-view';

export const AUDIT_TRACE_FORMAT = 'it-samverkan/audit-trace@1';

/** What a trace starts from: an invoice line, an internal charge, or a whole split run. */
export interface TraceSource {
  kind: 'invoice-line' | 'internal-charge' | 'split-run';
  id: string;
  /** The invoice's number (or "utkast"), the charge's period, … as the auditor reads it. */
  label: string;
  description: string | null;
  period: string | null;
  amount: string | null;
  consumerId: string | null;
  serviceId: string | null;
}

export interface TraceSplitRun {
  id: string;
  engineVersion: string;
  inputHash: string;
  resultHash: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Where the trace's figures come from: the stored split run (`splitRun`, with its hashes), or — for a
 * version with no stored run of its approved document — a split computed now by today's engine from the
 * version's document, whose hash is given (the same hash a run of it would store as its input hash).
 */
export interface TraceFigures {
  from: 'stored-run' | 'computed-now';
  /** The engine that computed the figures: the run's, or today's. */
  engineVersion: string;
  /** The hash of the document split: the run's input hash, or the version's document hash. */
  inputHash: string;
}

/** A model version as the trace names it. */
export interface TraceModel {
  id: string;
  name: string;
  year: number;
  kind: string;
  status: string;
  approvedAt: string | null;
}

/**
 * Where a drafted pool's amount came from (cost_model_basis): the pool in the approved model it was
 * drafted from, the index applied and the indexed amount, with that model's decision and ledger, and
 * its own basis when it was drafted in turn.
 */
export interface TracePoolBasis {
  model: TraceModel;
  decision: DecisionView | null;
  /** The basis model's amount of the pool. */
  amount: string;
  /** The index applied, percent ("3.5"; "0" when none was named). */
  index: string;
  /** The basis amount indexed (rounded by 5.2 over the basis's pools, as drafted). */
  indexed: string;
  /** The ledger accounts and vouchers behind the basis pool (its model's ledger import); empty: none. */
  ledger: PoolLedgerSource['accounts'];
  basis: TracePoolBasis | null;
}

export interface TracePool {
  id: string;
  name: string;
  amount: string;
  /** The ledger accounts and vouchers behind the pool (from the version's ledger import); empty: none. */
  ledger: PoolLedgerSource['accounts'];
  /** When the model was drafted from an approved model: the pool there, the index and its own sources. */
  basis: TracePoolBasis | null;
}

export interface TraceService {
  id: string;
  name: string;
  method: string;
  driver: { id: string; name: string; unit: string } | null;
  /** The driver's total volume, or the sum of the consumer weights. */
  totalVolume: string | null;
  direct: string;
  received: string;
  total: string;
  unitPrice: string | null;
  /** Pools behind the service's total: weight, what came directly, and all that it passed on. */
  pools: { poolId: string; poolName: string; weight: string | null; direct: string; amount: string }[];
}

export interface TraceConsumer {
  id: string;
  name: string;
  municipality: string;
  total: string;
  /**
   * Each pool's part of the consumer's total (pool → service → consumer, 5.2, adding up to `total`);
   * in the trace of one consumer, null in the whole model's trace.
   */
  pools: { poolId: string; poolName: string; amount: string }[] | null;
  lines: {
    serviceId: string;
    serviceName: string;
    /** The consumer's volume of the driver (or its weight), of `totalVolume`. */
    volume: string;
    totalVolume: string;
    /** volume ÷ totalVolume in percent, four decimals (for reading; the amount is exact). */
    share: string;
    unitPrice: string | null;
    amount: string;
  }[];
}

/** The auditor's trace (JSON): source → split run → model and decision → services, pools, ledger. */
export interface AuditTraceView {
  format: typeof AUDIT_TRACE_FORMAT;
  /** 'YYYY-MM-DD' (Sweden): the date the trace was made. */
  generatedOn: string;
  source: TraceSource;
  splitRun: TraceSplitRun | null;
  figures: TraceFigures;
  model: TraceModel;
  decision: DecisionView | null;
  total: string;
  pools: TracePool[];
  services: TraceService[];
  consumers: TraceConsumer[];
}

/**
 * Builds the trace's services, pools and consumers from one split: services and pools once, each
 * consumer derived (only `consumerIds` when given, with only the services they pay and those behind them).
 */
export function traceBody(
  model: CostModel,
  split: CostSplit,
  ledger: readonly PoolLedgerSource[],
  consumerIds?: readonly string[],
  bases: ReadonlyMap<string, TracePoolBasis> = new Map(),
): Pick<AuditTraceView, 'total' | 'pools' | 'services' | 'consumers'> {
  const audit = auditTrace(model, split, consumerIds);
  const poolNames = new Map(model.pools.map((p) => [p.id, p.name]));
  const drivers = new Map(model.drivers.map((d) => [d.id, d]));
  const used = consumerIds ? new Set(audit.consumers.flatMap((c) => c.lines.map((l) => l.serviceId))) : null;
  const services: TraceService[] = [];
  audit.services.forEach((s, i) => {
    if (used && !used.has(s.serviceId)) return;
    const driver = s.driverId ? drivers.get(s.driverId)! : null;
    services.push({
      id: s.serviceId,
      name: model.services[i].name,
      method: s.method,
      driver: driver ? { id: driver.id, name: driver.name, unit: driver.unit } : null,
      totalVolume: s.totalQuantity?.toString() ?? null,
      direct: s.direct.toString(),
      received: s.received.toString(),
      total: s.total.toString(),
      unitPrice: s.unitPrice?.toString() ?? null,
      pools: s.pools.map((p) => ({
        poolId: p.poolId,
        poolName: poolNames.get(p.poolId) ?? p.poolId,
        weight: p.scaledWeight ? quantityText(p.scaledWeight) : null,
        direct: p.direct.toString(),
        amount: p.amount.toString(),
      })),
    });
  });
  const poolsUsed = new Set(services.flatMap((s) => s.pools.map((p) => p.poolId)));
  const ledgerOf = new Map(ledger.map((l) => [l.poolId, l.accounts]));
  const pools: TracePool[] = model.pools
    .filter((p) => poolsUsed.has(p.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      amount: p.amount.toString(),
      ledger: ledgerOf.get(p.id) ?? [],
      basis: bases.get(p.id) ?? null,
    }));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  // Each service's total volume as text, once (every line of the service shows it).
  const totalTexts = new Map<string, string>();
  const consumerById = new Map(model.consumers.map((c) => [c.id, c]));
  const consumers: TraceConsumer[] = audit.consumers.map((c) => {
    const consumer = consumerById.get(c.consumerId)!;
    return {
      id: c.consumerId,
      name: consumer.name,
      municipality: consumer.municipality,
      total: c.total.toString(),
      pools: consumerIds
        ? consumerPoolParts(model, audit.services, c).map((p) => ({
            poolId: p.poolId,
            poolName: poolNames.get(p.poolId) ?? p.poolId,
            amount: p.amount.toString(),
          }))
        : null,
      lines: c.lines.map((l) => {
        let totalVolume = totalTexts.get(l.serviceId);
        if (totalVolume === undefined)
          totalTexts.set(l.serviceId, (totalVolume = l.totalQuantity.toString()));
        const service = serviceById.get(l.serviceId);
        return {
          serviceId: l.serviceId,
          serviceName: service?.name ?? l.serviceId,
          volume: quantityText(l.volume),
          totalVolume,
          share: sharePercentText(l.volume, l.total),
          unitPrice: service?.unitPrice ?? null,
          amount: l.amount.toString(),
        };
      }),
    };
  });
  const total = consumerIds
    ? Money.sum(audit.consumers.map((c) => c.total)).toString()
    : split.total.toString();
  return { total, pools, services, consumers };
}
