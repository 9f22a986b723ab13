/**
 * Password hashing with Argon2id at the OWASP/ASVS 5.0 L2 parameters (memory 19 MiB, 2 passes,
 * 1 lane; ASVS 11.4.2 / OWASP Password Storage Cheat Sheet), and the password rules (ASVS 6.2:
 * at least 12 characters, no upper limit below 64, not a common password, no composition rules).
 */
import { hash, verify } from '@node-rs/argon2';

const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A small list of the most common passwords (and Thai favourites); extend from a larger list as needed. */
const COMMON = new Set([
  'password1234', '123456789012', '1234567890123', 'qwertyuiop12', 'password12345', 'iloveyou1234', 'admin1234567',
  'passw0rd1234', '111111111111', '000000000000', 'aaaaaaaaaaaa', 'abcdefghijkl', 'abc123456789', 'qwerty123456',
  'changeme1234', 'welcome12345', 'letmein12345', 'prongsai1234', 'thailand1234', 'bangkok12345',
]);

/** Why a password is not acceptable, or undefined when it is. */
export function passwordProblem(password: string, email?: string): 'too_short' | 'too_long' | 'common' | 'contains_email' | undefined {
  if ([...password].length < 12) return 'too_short';
  if ([...password].length > 128) return 'too_long';
  if (COMMON.has(password.toLowerCase())) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  return undefined;
}
