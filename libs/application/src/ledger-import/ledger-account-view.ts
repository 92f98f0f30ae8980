// The ledger behind a pool, as the API, the trace and the web application show it (types only: the web imports it).

/** A voucher behind an account's amount in a pool. */
export interface LedgerVoucherView {
  series: string;
  number: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  text: string | null;
  amount: string;
}

/** One account (with its objects) behind a pool or among the unmapped amounts. */
export interface LedgerAccountView {
  account: string;
  accountName: string | null;
  /** `responsibility` (ansvar) and `activity` (verksamhet) when the rows have them. */
  objects: Record<string, string>;
  amount: string;
  vouchers: LedgerVoucherView[];
}

/** For the trace (engineer L3): the ledger accounts and vouchers behind each pool of a version. */
export interface PoolLedgerSource {
  poolId: string;
  accounts: LedgerAccountView[];
}
