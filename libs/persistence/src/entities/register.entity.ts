import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RegisterKind, RegisterMappingRule } from '@it-samverkan/domain';
import { jsonColumn, timestampColumn } from '../columns';

/**
 * A named mapping from register values (responsibility code, department, cost centre) to consumers,
 * kept per organisation and reused across model versions and years; each import keeps a copy.
 */
@Entity('register_mapping')
export class RegisterMappingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ ...jsonColumn() })
  rules: RegisterMappingRule[];

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'updated_at', ...timestampColumn() })
  updatedAt: Date;
}

/** A dated register snapshot counted into one driver's volumes of a draft model version. */
@Entity('register_import')
@Index(['modelVersionId', 'driverId'])
export class RegisterImportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'model_version_id', type: 'varchar', length: 36 })
  modelVersionId: string;

  @Column({ name: 'driver_id', type: 'varchar', length: 64 })
  driverId: string;

  @Column({ name: 'register_kind', type: 'varchar', length: 20 })
  registerKind: RegisterKind;

  /** The date the register was taken (the snapshot), YYYY-MM-DD. */
  @Column({ name: 'as_of', type: 'varchar', length: 10 })
  asOf: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'file_hash', type: 'varchar', length: 64 })
  fileHash: string;

  @Column({ name: 'mapping_id', type: 'varchar', length: 36, nullable: true })
  mappingId: string | null;

  /** The mapping as it was used, plus the counting options (quantity and status column). */
  @Column({ ...jsonColumn() })
  settings: object;

  @Column({ name: 'total_rows', type: 'integer' })
  totalRows: number;

  @Column({ name: 'counted_rows', type: 'integer' })
  countedRows: number;

  /** Volumes per consumer, rows per consumer, consumers without rows and every uncounted row. */
  @Column({ ...jsonColumn() })
  result: object;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;

  /** 1, 2, … per version in the order stored (under the version's row lock): the tiebreak of one instant. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;
}

/** Where a drafted model version came from: the approved version it was drafted from and the indices per pool. */
@Entity('cost_model_basis')
export class CostModelBasisEntity {
  @PrimaryColumn({ name: 'model_version_id', type: 'varchar', length: 36 })
  modelVersionId: string;

  @Column({ name: 'based_on_id', type: 'varchar', length: 36 })
  basedOnId: string;

  /** Percent per pool id, e.g. {"personal": "3.5"}. */
  @Column({ ...jsonColumn() })
  indices: Record<string, string>;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}
