/**
 * Secret tokens (sessions, invitations, password resets) and the session cookie. A token is 32
 * random bytes from the CSPRNG (256 bits; ASVS 7.2.3 asks ≥128), sent to the client once; the
 * database keeps only its SHA-256, so a copy of the database does not give working tokens.
 */
import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { SESSION_ABSOLUTE_HOURS, SESSION_COOKIE, SESSION_IDLE_MINUTES } from '@prongsai/contracts';
import type { Config } from '../../config.ts';

export const SESSION_IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
export const SESSION_ABSOLUTE_MS = SESSION_ABSOLUTE_HOURS * 3_600_000;
/** last_seen_at / idle expiry are written at most this often per session (fewer writes). */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export function setSessionCookie(reply: FastifyReply, token: string, config: Config, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, expires });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE });
}
