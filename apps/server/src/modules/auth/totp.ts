/**
 * TOTP (RFC 6238): SHA-1, 6 digits, 30-second steps, 160-bit secrets, as every authenticator app
 * expects. A code is accepted for the step before, the current one and the one after (clock drift),
 * and each step at most once per user (the caller records it with consumeTotpStep).
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label = 'Prongsai'): TOTP {
  return new TOTP({ issuer: 'Prongsai', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

export async function totpQrDataUrl(uri: string): Promise<string | null> {
  try {
    return await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  } catch {
    return null;
  }
}

/** The time step the code belongs to (within ±1 step of `now`), or null when the code is wrong. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The code for `at` (tests and the demo). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);
}
