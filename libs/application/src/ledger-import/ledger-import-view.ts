import { Money, type LedgerAccountSource } from '@it-samverkan/domain';
import type { LedgerImportEntity } from '@it-samverkan/persistence';
import type { LedgerAccountView } from './ledger-account-view';

export type { LedgerAccountView, LedgerVoucherView, PoolLedgerSource } from './ledger-account-view';

export interface LedgerImportPoolView {
  poolId: string;
  poolName: string;
  /** The pool's amount before the import set it. */
  previousAmount: string;
  amount: string;
  /** Indexes of the `ledgerMapping.rules` that gave to the pool. */
  rules: number[];
  accounts: LedgerAccountView[];
}

/** What `result` of a stored import holds. */
export interface LedgerImportResult {
  companyName: string | null;
  checksum: string | null;
  rows: number;
  pools: LedgerImportPoolView[];
  unmapped: LedgerAccountView[];
  outsideScope: { rows: number; total: string };
  otherYears: { rows: number; total: string };
}

export interface LedgerImportSummary {
  id: string;
  /** 1, 2, … within the version; the highest is the latest. */
  sequence: number;
  modelVersionId: string;
  format: string;
  fileName: string;
  fileHash: string;
  fileSize: number;
  source: string;
  importedAt: string;
  importedBy: string;
  scopeTotal: string;
  mappedTotal: string;
  unmappedTotal: string;
  /** Pools total = mapped total and mapped + unmapped = scope, to the öre. */
  reconciled: boolean;
  documentHashBefore: string;
  documentHashAfter: string;
}

export type LedgerImportView = LedgerImportSummary & LedgerImportResult;

export function accountView(a: LedgerAccountSource): LedgerAccountView {
  return {
    account: a.account,
    accountName: a.accountName,
    objects: { ...a.objects },
    amount: a.amount.toString(),
    vouchers: a.vouchers.map((v) => ({
      series: v.series,
      number: v.number,
      date: v.date,
      text: v.text,
      amount: v.amount.toString(),
    })),
  };
}

/** Whether the stored figures reconcile exactly (checked again on every read). */
function isReconciled(result: LedgerImportResult, e: LedgerImportEntity): boolean {
  const sum = (items: { amount: string }[]) => Money.sum(items.map((i) => Money.parse(i.amount)));
  return (
    sum(result.pools).equals(e.mappedTotal) &&
    sum(result.unmapped).equals(e.unmappedTotal) &&
    e.mappedTotal.plus(e.unmappedTotal).equals(e.scopeTotal)
  );
}

export function ledgerImportSummary(e: LedgerImportEntity): LedgerImportSummary {
  return {
    id: e.id,
    sequence: e.sequence,
    modelVersionId: e.modelVersionId,
    format: e.format,
    fileName: e.fileName,
    fileHash: e.fileHash,
    fileSize: e.fileSize,
    source: e.source,
    importedAt: e.importedAt.toISOString(),
    importedBy: e.importedBy,
    scopeTotal: e.scopeTotal.toString(),
    mappedTotal: e.mappedTotal.toString(),
    unmappedTotal: e.unmappedTotal.toString(),
    reconciled: isReconciled(e.result as LedgerImportResult, e),
    documentHashBefore: e.documentHashBefore,
    documentHashAfter: e.documentHashAfter,
  };
}

export function ledgerImportView(e: LedgerImportEntity): LedgerImportView {
  return { ...ledgerImportSummary(e), ...(e.result as LedgerImportResult) };
}
