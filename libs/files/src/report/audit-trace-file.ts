/** What the auditor's trace files print: the JSON view's shape (names, money as strings). */

/** The ledger accounts and vouchers behind a pool. */
export type TraceFileLedger = {
  account: string;
  accountName: string | null;
  objects: Record<string, string>;
  amount: string;
  vouchers: { series: string; number: string; date: string; text: string | null; amount: string }[];
}[];

/** A drafted pool's basis: the pool in the approved model it came from, the index, and its sources. */
export interface TraceFileBasis {
  model: { name: string; year: number; kind: string };
  decision: { reference: string } | null;
  amount: string;
  index: string;
  indexed: string;
  ledger: TraceFileLedger;
  basis: TraceFileBasis | null;
}

/** The auditor's trace as the files print it (the JSON view's shape: names, money as strings). */
export interface AuditTraceFile {
  generatedOn: string;
  source: { label: string; description: string | null; period: string | null; amount: string | null };
  splitRun: {
    id: string;
    engineVersion: string;
    inputHash: string;
    resultHash: string;
    createdAt: string;
  } | null;
  figures: { from: 'stored-run' | 'computed-now'; engineVersion: string; inputHash: string };
  model: { name: string; year: number; kind: string; status: string };
  decision: { reference: string; subject: string } | null;
  total: string;
  pools: {
    id: string;
    name: string;
    amount: string;
    ledger: TraceFileLedger;
    /** Where a drafted model's pool came from (absent or null: typed in). */
    basis?: TraceFileBasis | null;
  }[];
  services: {
    id: string;
    name: string;
    method: string;
    driver: { name: string; unit: string } | null;
    totalVolume: string | null;
    total: string;
    unitPrice: string | null;
    pools: { poolName: string; weight: string | null; direct: string; amount: string }[];
  }[];
  consumers: {
    id: string;
    name: string;
    municipality: string;
    total: string;
    /** Each pool's part of the consumer's total (absent or null in the whole model's trace). */
    pools?: { poolName: string; amount: string }[] | null;
    lines: {
      serviceName: string;
      volume: string;
      totalVolume: string;
      share: string;
      unitPrice: string | null;
      amount: string;
    }[];
  }[];
}
