import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@it-samverkan/domain';
import { timestampColumn } from '../columns';

// Roles are a domain word (the access policy's); re-exported for the entities' users.
export { ROLES, type Role } from '@it-samverkan/domain';

/** An API token; only the SHA-256 hash of the secret is stored. */
@Entity('api_token')
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** A municipality id that limits whose data the token sees; null sees everything. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  scope: string | null;

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** The first characters of the token, so a person can tell tokens apart in a list. */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'revoked_at', ...timestampColumn({ nullable: true }) })
  revokedAt: Date | null;

  /** The person who owns the token (the audit trail names them), or null for a system's token. */
  @Column({ name: 'owner_person_id', type: 'varchar', length: 36, nullable: true })
  ownerPersonId: string | null;

  /** The named system that owns the token when no person does. */
  @Column({ name: 'owner_system', type: 'varchar', length: 100, nullable: true })
  ownerSystem: string | null;

  /** After this moment the token no longer authenticates; null never expires. */
  @Column({ name: 'expires_at', ...timestampColumn({ nullable: true }) })
  expiresAt: Date | null;
}
