import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn, moneyColumn, timestampColumn } from '../columns';
import type { Money } from '@it-samverkan/domain';

/** A version of the on-call tariff (part of the framework assignment), in force from validFrom. */
@Entity('on_call_tariff')
export class OnCallTariffEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom: string;

  /** The tariff document (it-samverkan/on-call-tariff@1). */
  @Column({ ...jsonColumn() })
  document: object;

  @Column({ name: 'decision_id', type: 'varchar', length: 36, nullable: true })
  decisionId: string | null;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}

/** An on-call incident (beredskapsärende), billed once to the affected consumer in its period. */
@Entity('incident')
@Index(['period', 'consumerId'])
export class IncidentEntity {
  /** The id from the ticket system; importing it again bills nothing twice. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ name: 'consumer_id', type: 'varchar', length: 64 })
  consumerId: string;

  @Column({ type: 'varchar', length: 200 })
  system: string;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ name: 'start_at', ...timestampColumn() })
  startAt: Date;

  @Column({ name: 'end_at', ...timestampColumn() })
  endAt: Date;

  /** The billing month, YYYY-MM: the month of the start, or the first open month if that is closed. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'tariff_id', type: 'varchar', length: 36 })
  tariffId: string;

  /** Rounded minutes per class and the raw minutes, as billed. */
  @Column({ ...jsonColumn() })
  bill: object;

  @Column({ ...moneyColumn() })
  amount: Money;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}
