import { Money } from '@it-samverkan/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn, moneyColumn, timestampColumn } from '../columns';

/**
 * A ledger file imported into a draft model version: which file (name, SHA-256, size), when and
 * by whom, the reconciled totals and, in `result`, each pool's sources (accounts, objects,
 * vouchers) and every unmapped amount, so an auditor can trace a pool back to the ledger.
 */
@Entity('ledger_import')
@Index(['modelVersionId', 'importedAt'])
export class LedgerImportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'model_version_id', type: 'varchar', length: 36 })
  modelVersionId: string;

  /** 'sie4' or 'csv'. */
  @Column({ type: 'varchar', length: 10 })
  format: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** SHA-256 (hex) of the file's bytes as received. */
  @Column({ name: 'file_hash', type: 'varchar', length: 64 })
  fileHash: string;

  @Column({ name: 'file_size', type: 'integer' })
  fileSize: number;

  /** 'vouchers' or 'balances' (#RES). */
  @Column({ type: 'varchar', length: 10 })
  source: string;

  @Column({ name: 'scope_total', ...moneyColumn() })
  scopeTotal: Money;

  @Column({ name: 'mapped_total', ...moneyColumn() })
  mappedTotal: Money;

  @Column({ name: 'unmapped_total', ...moneyColumn() })
  unmappedTotal: Money;

  /** The version's document hash before and after the import set its pools. */
  @Column({ name: 'document_hash_before', type: 'varchar', length: 64 })
  documentHashBefore: string;

  @Column({ name: 'document_hash_after', type: 'varchar', length: 64 })
  documentHashAfter: string;

  @Column({ ...jsonColumn() })
  result: object;

  @Column({ name: 'imported_at', ...timestampColumn() })
  importedAt: Date;

  @Column({ name: 'imported_by', type: 'varchar', length: 100 })
  importedBy: string;

  /** 1, 2, … per version: the latest import is the highest. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;
}
