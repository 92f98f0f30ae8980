import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn, timestampColumn } from '../columns';

import type { ModelKind, ModelStatus } from '@it-samverkan/domain';

// A model's kind and status are domain words; re-exported for the entities' users.
export type { ModelKind, ModelStatus } from '@it-samverkan/domain';

/** A version of the cost model (tjänstefiering): a draft until a decision approves it, then immutable. */
@Entity('cost_model_version')
@Index(['year', 'kind'])
export class CostModelVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 10 })
  kind: ModelKind;

  @Column({ type: 'varchar', length: 10 })
  status: ModelStatus;

  /** The canonical model document (it-samverkan/cost-model@1). */
  @Column({ ...jsonColumn() })
  document: object;

  /** SHA-256 of the canonical document. */
  @Column({ name: 'document_hash', type: 'varchar', length: 64 })
  documentHash: string;

  @Column({ name: 'decision_id', type: 'varchar', length: 36, nullable: true })
  decisionId: string | null;

  @Column({ name: 'approved_at', ...timestampColumn({ nullable: true }) })
  approvedAt: Date | null;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'updated_at', ...timestampColumn() })
  updatedAt: Date;
}

/** A stored split: its input document, engine version and hashes, so it can be reproduced. */
@Entity('split_run')
@Index(['modelVersionId'])
@Index('ix_split_run_model_created', ['modelVersionId', 'createdAt'])
export class SplitRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'model_version_id', type: 'varchar', length: 36, nullable: true })
  modelVersionId: string | null;

  @Column({ name: 'engine_version', type: 'varchar', length: 40 })
  engineVersion: string;

  @Column({ name: 'input_hash', type: 'varchar', length: 64 })
  inputHash: string;

  @Column({ name: 'result_hash', type: 'varchar', length: 64 })
  resultHash: string;

  @Column({ ...jsonColumn() })
  input: object;

  @Column({ ...jsonColumn() })
  result: object;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;
}
