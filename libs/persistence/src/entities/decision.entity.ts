import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ApprovedObject, Forum } from '@it-samverkan/domain';
import { jsonColumn, timestampColumn } from '../columns';

// Forums and what a decision approves are domain words (the access policy's); re-exported for the entities' users.
export { FORUMS, type ApprovedObject, type Forum } from '@it-samverkan/domain';

/** A forum's decision (beslut) with date and paragraph (§), and the objects it approves. */
@Entity('decision')
@Index(['forum', 'year', 'paragraph'], { unique: true })
export class DecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 30 })
  forum: Forum;

  /** The meeting date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'integer' })
  year: number;

  /** The paragraph, e.g. "§ 12". */
  @Column({ type: 'varchar', length: 20 })
  paragraph: string;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ ...jsonColumn() })
  approves: ApprovedObject[];

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;
}
