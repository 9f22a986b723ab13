/**
 * TOTP codes for the demo accounts, computed like an authenticator app. The server refuses a code
 * it has already accepted (replay protection), so a second sign-in within the same 30-second step
 * waits for the next one.
 */
import * as OTPAuth from 'otpauth';

const used = new Map<string, number>();

export async function freshTotp(secret: string): Promise<string> {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  const step = () => Math.floor(Date.now() / 30_000);
  while (used.get(secret) === step()) await new Promise((r) => setTimeout(r, 500));
  used.set(secret, step());
  return totp.generate();
}
