import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn, timestampColumn } from '../columns';

/**
 * A saved what-if scenario (DOMAIN.md 8.3): a base model version and a changes document
 * (it-samverkan/scenario-changes@1). The base is never changed; the last comparison computed when
 * the scenario was saved is kept with its hash, and is recomputed whenever it is asked for.
 */
@Entity('scenario')
@Index(['baseModelVersionId'])
export class ScenarioEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ name: 'base_model_version_id', type: 'varchar', length: 36 })
  baseModelVersionId: string;

  /** The changes document as given (it-samverkan/scenario-changes@1). */
  @Column({ ...jsonColumn() })
  changes: object;

  /** The comparison computed when the scenario was saved (it-samverkan/scenario-comparison@1). */
  @Column({ name: 'last_result', ...jsonColumn({ nullable: true }) })
  lastResult: object | null;

  /** SHA-256 of the canonical last result. */
  @Column({ name: 'last_result_hash', type: 'varchar', length: 64, nullable: true })
  lastResultHash: string | null;

  /** SHA-256 of the base document the last result was computed from. */
  @Column({ name: 'base_document_hash', type: 'varchar', length: 64 })
  baseDocumentHash: string;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;
}
