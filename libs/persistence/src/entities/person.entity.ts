import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../columns';
import type { Role } from './api-token.entity';

/** A person who logs in: with a local password, through OpenID Connect, or both. */
@Entity('person')
@Index('uq_person_oidc', ['oidcIssuer', 'oidcSubject'], { unique: true })
export class PersonEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_person_username', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** A municipality or bolag id limiting whose data the person sees and acts on; null for all. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  scope: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** `scrypt$N=…,r=…,p=…$salt$hash` (base64url); null for a person who only signs in through OIDC. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'oidc_issuer', type: 'varchar', length: 255, nullable: true })
  oidcIssuer: string | null;

  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true })
  oidcSubject: string | null;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'updated_at', ...timestampColumn() })
  updatedAt: Date;
}

/** A login session; only the SHA-256 hash of the 256-bit session secret (the cookie) is stored. */
@Entity('session')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_session_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Index('ix_session_person')
  @Column({ name: 'person_id', type: 'varchar', length: 36 })
  personId: string;

  /** How the person proved who they are: password or oidc. */
  @Column({ type: 'varchar', length: 20 })
  method: string;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'last_seen_at', ...timestampColumn() })
  lastSeenAt: Date;

  /** The absolute end, however active the session is. */
  @Column({ name: 'expires_at', ...timestampColumn() })
  expiresAt: Date;

  @Column({ name: 'ended_at', ...timestampColumn({ nullable: true }) })
  endedAt: Date | null;
}

/** Failed logins per key (`user:<name>` or `ip:<address>`), for lockout with growing back-off. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'throttle_key', type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'last_failure_at', ...timestampColumn() })
  lastFailureAt: Date;

  @Column({ name: 'locked_until', ...timestampColumn({ nullable: true }) })
  lockedUntil: Date | null;
}

/** A started OpenID Connect sign-in: the state's hash, the PKCE verifier and nonce, used once. */
@Entity('oidc_request')
export class OidcRequestEntity {
  @PrimaryColumn({ name: 'state_hash', type: 'varchar', length: 64 })
  stateHash: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier: string;

  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  @Column({ name: 'return_to', type: 'varchar', length: 500 })
  returnTo: string;

  @Column({ name: 'expires_at', ...timestampColumn() })
  expiresAt: Date;
}
