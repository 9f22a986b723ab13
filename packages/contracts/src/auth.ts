/**
 * Sign-in, sessions, two-factor (TOTP) and passwords.
 *
 * Flow for the web:
 * 1. POST /api/v1/auth/login {email, password, totp?} → Me. The session cookie `prongsai_session`
 *    is set (httpOnly). If `me.stage` is 'totp_required', show the code form and POST
 *    /api/v1/auth/totp/verify {code} (or send `totp` with the login in one step).
 * 2. If `me.totp.setupRequired` (the person holds a role that needs two-factor and has not set it up),
 *    the roles in `me.pendingMemberships` are not in force yet: POST /api/v1/auth/totp/setup → secret,
 *    otpauth:// URI and QR image; then POST /api/v1/auth/totp/enable {code} → Me with every role.
 * 3. GET /api/v1/auth/me → Me or null (not signed in); POST /api/v1/auth/logout ends the session.
 * State-changing requests made with the session cookie must carry an Origin (or Referer) header of
 * this site; browsers do this by themselves.
 */
import { z } from 'zod';
import { MembershipSchema } from './roles.ts';

/** Passwords: 12–128 characters, checked exactly as typed (ASVS 6.2). */
export const PasswordSchema = z.string().min(1).max(1024).describe('At least 12 characters; not a common password');
/** A 6-digit code from an authenticator app. */
export const TotpCodeSchema = z.string().trim().regex(/^\d{6}$/).describe('6-digit code from the authenticator app');

export const LoginBodySchema = z
  .object({
    email: z.string().trim().min(3).max(320),
    password: z.string().min(1).max(1024),
    totp: TotpCodeSchema.optional(),
  })
  .meta({ id: 'LoginBody' });
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const MeSchema = z
  .object({
    /**
     * 'signed_in': the session is in force. 'totp_required': the password was right and the account
     * uses two-factor; nothing is in force until POST /auth/totp/verify.
     */
    stage: z.enum(['signed_in', 'totp_required']),
    user: z.object({
      id: z.string().uuid(),
      email: z.string(),
      displayName: z.string(),
      locale: z.enum(['th', 'en']),
    }),
    /** Roles in force for this session. */
    memberships: z.array(MembershipSchema),
    /** Roles held but not in force until the session passes two-factor (set up TOTP first if needed). */
    pendingMemberships: z.array(MembershipSchema),
    totp: z.object({
      /** The account has two-factor set up. */
      enabled: z.boolean(),
      /** This session has passed the two-factor step. */
      passed: z.boolean(),
      /** The person holds a role that needs two-factor and has not set it up yet. */
      setupRequired: z.boolean(),
    }),
    session: z.object({ idleExpiresAt: z.iso.datetime(), absoluteExpiresAt: z.iso.datetime() }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const MeOrNullSchema = MeSchema.nullable();

export const TotpCodeBodySchema = z.object({ code: TotpCodeSchema }).meta({ id: 'TotpCodeBody' });
export type TotpCodeBody = z.infer<typeof TotpCodeBodySchema>;

export const TotpSetupSchema = z
  .object({
    /** Base32 secret, for typing into an app by hand. */
    secret: z.string(),
    /** otpauth://totp/… URI (what the QR code encodes). */
    otpauthUri: z.string(),
    /** The QR code as a data: URL (PNG), or null when not available. */
    qrDataUrl: z.string().nullable(),
  })
  .meta({ id: 'TotpSetup' });
export type TotpSetup = z.infer<typeof TotpSetupSchema>;

export const ChangePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: PasswordSchema })
  .meta({ id: 'ChangePasswordBody' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const PasswordResetRequestBodySchema = z.object({ email: z.string().trim().min(3).max(320) }).meta({ id: 'PasswordResetRequestBody' });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBodySchema>;

/** The token is the last part of the link e-mailed: `${PUBLIC_URL}/reset-password/<token>`. */
export const PasswordResetConfirmBodySchema = z
  .object({ token: z.string().min(20).max(200), newPassword: PasswordSchema })
  .meta({ id: 'PasswordResetConfirmBody' });
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBodySchema>;

/** Session limits (ASVS 4.0.3 3.3.2 L2): 30 minutes idle, 12 hours absolute. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
export const SESSION_COOKIE = 'prongsai_session';
