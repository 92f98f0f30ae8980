import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters: N=2^15, r=8, p=3 is one of OWASP's equivalent minimums (32 MiB and three
 * passes per hash). They are stored with every hash, so they can be raised without a migration.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Limits on stored parameters, so a tampered row cannot make a login allocate gigabytes. */
const MAX_N = 2 ** 20;
const MAX_RP = 64;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** `scrypt$N=32768,r=8,p=3$<salt>$<hash>`, salt and hash in base64url. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) return null;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.N > MAX_N || params.r > MAX_RP || params.p > MAX_RP || (params.N & (params.N - 1)) !== 0)
    return null;
  return { params, salt: Buffer.from(m[4], 'base64url'), key: Buffer.from(m[5], 'base64url') };
}

/** Whether a password matches a stored hash, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | null = null;
/**
 * Spends the same work as a real check when the username is unknown or has no password, so the
 * answer time does not tell which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('ingen-användare-har-detta-lösenord');
  await verifyPassword(password, await dummyHash);
  return false;
}

/** The problems of a new password, in Swedish (empty when it is acceptable). */
export function passwordProblems(password: unknown): string[] {
  if (typeof password !== 'string') return ['Lösenord måste anges'];
  if (password.length < PASSWORD_MIN_LENGTH)
    return [`Lösenordet måste vara minst ${PASSWORD_MIN_LENGTH} tecken långt`];
  if (password.length > PASSWORD_MAX_LENGTH)
    return [`Lösenordet får vara högst ${PASSWORD_MAX_LENGTH} tecken långt`];
  return [];
}

/** A random password for generated accounts: 20 base64url characters (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
