/**
 * Use cases of signing in: password and TOTP, sessions, sign-out, password change and reset.
 *
 * Sessions (ASVS 5.0 V7): a random 256-bit token in an httpOnly cookie, only its SHA-256 stored;
 * a new token at every sign-in and after the TOTP step (the old one is revoked); 30 minutes idle and
 * 12 hours absolute; sign-out, password change and reset revoke on the server.
 *
 * Guessing (ASVS 5.0 6.1.1/6.3.1, 4.0.3 2.2.1), decided here and held in the login_attempts table
 * so it holds across server instances:
 * - 5 failed passwords or TOTP codes on one account within 15 minutes (since its last successful
 *   sign-in) → TOO_MANY_ATTEMPTS until the oldest of them is 15 minutes old; attempts while locked
 *   are not counted, so a guesser can keep an account locked for at most 15 minutes after stopping
 *   and never more than 20 guesses an hour get through (ASVS 4.0.3 asks ≤100);
 * - 50 failures from one address within 15 minutes → TOO_MANY_ATTEMPTS for that address;
 * - unknown e-mails are treated exactly like known ones (same error, a password hash is verified,
 *   the same counters), so neither the answer nor its timing tells who has an account.
 * Under concurrent guessing the check-then-record can let a few extra attempts through (bounded by
 * the number of concurrent requests); the limits above leave ample margin.
 *
 * Two-factor: an account with TOTP on gets a session in stage 'totp_required' after the password
 * (nothing is in force, the actor is anonymous) until POST /auth/totp/verify. A person holding a
 * role in ROLES_REQUIRING_TOTP without TOTP set up gets only the other roles until they enable it.
 * Password reset never signs in, so it cannot bypass the second factor (ASVS 6.4.3).
 */
import { ROLES_REQUIRING_TOTP, type ChangePasswordBody, type LoginBody, type Me, type Membership, type PasswordResetConfirmBody, type Role, type TotpSetup } from '@prongsai/contracts';
import type { Actor, UserActor } from '../../auth/actor.ts';
import { ANONYMOUS } from '../../auth/actor.ts';
import { assertSignedIn } from '../../auth/policy.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/passwords.ts';
import { recordAudit, type RequestContext } from '../../audit/audit.ts';
import type { Config } from '../../config.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { SessionsTable, UsersTable } from '../../db/tables.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mailer.ts';
import type { Selectable } from 'kysely';
import { createAuthRepository } from './auth.repository.ts';
import { hashToken, newToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from './tokens.ts';
import { matchTotpStep, newTotpSecret, totpQrDataUrl, totpUri } from './totp.ts';

export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 50;
export const ATTEMPT_WINDOW_MS = 15 * 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
const MAX_RESETS_PER_HOUR = 3;

type UserRow = Selectable<UsersTable>;
type SessionRow = Selectable<SessionsTable>;

export interface SessionState {
  session: SessionRow;
  user: UserRow;
  stage: Me['stage'];
}

/** A new session: the token for the cookie and when it ends. */
export interface IssuedSession {
  token: string;
  expires: Date;
  me: Me;
}

export interface AuthServiceDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  config: Config;
}

const requiresTotp = (role: string) => (ROLES_REQUIRING_TOTP as readonly string[]).includes(role);

function stageOf(session: SessionRow, user: UserRow): Me['stage'] {
  return user.totpEnabledAt && !session.secondFactorAt ? 'totp_required' : 'signed_in';
}

/** An actor for audit entries about a person who is not (yet) fully signed in. */
function auditActorFor(user: UserRow, sessionIdHash: string | null = null): UserActor {
  return { kind: 'user', userId: user.id, email: user.email, displayName: user.displayName, memberships: [], sessionIdHash };
}

function passwordError(problem: string): AppError {
  return new AppError('PASSWORD_TOO_WEAK', { problem });
}

export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock, mailer, config } = deps;
  const repo = createAuthRepository();
  let dummyHash: Promise<string> | undefined;

  const now = (context?: RequestContext) => context?.now ?? clock.now();

  async function loadSession(token: string | undefined): Promise<SessionState | undefined> {
    if (!token || token.length > 200) return undefined;
    const at = clock.now();
    const session = await repo.findSession(db, hashToken(token));
    if (!session || session.revokedAt || session.idleExpiresAt <= at || session.absoluteExpiresAt <= at) return undefined;
    const user = await repo.findUserById(db, session.userId);
    if (!user || user.disabledAt) return undefined;
    if (at.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
      const idle = new Date(Math.min(at.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()));
      await repo.touchSession(db, session.idHash, at, idle);
      session.lastSeenAt = at;
      session.idleExpiresAt = idle;
    }
    return { session, user, stage: stageOf(session, user) };
  }

  async function membershipsOf(q: Database | Tx, state: SessionState) {
    const all: Membership[] = (await repo.listMemberships(q, state.user.id)).map((m) => ({ ...m, role: m.role as Role }));
    const passed = state.session.secondFactorAt !== null;
    const inForce = state.stage === 'totp_required' ? [] : passed ? all : all.filter((m) => !requiresTotp(m.role));
    const pending = all.filter((m) => !inForce.includes(m));
    return { all, inForce, pending };
  }

  async function describe(q: Database | Tx, state: SessionState): Promise<Me> {
    const { all, inForce, pending } = await membershipsOf(q, state);
    const enabled = state.user.totpEnabledAt !== null;
    return {
      stage: state.stage,
      user: { id: state.user.id, email: state.user.email, displayName: state.user.displayName, locale: state.user.locale },
      memberships: inForce,
      pendingMemberships: pending,
      totp: { enabled, passed: state.session.secondFactorAt !== null, setupRequired: !enabled && all.some((m) => requiresTotp(m.role)) },
      session: { idleExpiresAt: state.session.idleExpiresAt.toISOString(), absoluteExpiresAt: state.session.absoluteExpiresAt.toISOString() },
    };
  }

  /** Creates a session (and revokes `replacesIdHash`), audited in `tx`. */
  async function startSession(
    tx: Tx,
    user: UserRow,
    options: { secondFactorAt: Date | null; absoluteExpiresAt?: Date; replacesIdHash?: string | null; action: string; context: RequestContext },
  ): Promise<IssuedSession> {
    const at = now(options.context);
    if (options.replacesIdHash) await repo.revokeSession(tx, options.replacesIdHash, at);
    const token = newToken();
    const absoluteExpiresAt = options.absoluteExpiresAt ?? new Date(at.getTime() + SESSION_ABSOLUTE_MS);
    const session = await repo.insertSession(tx, {
      idHash: hashToken(token),
      userId: user.id,
      createdAt: at,
      lastSeenAt: at,
      idleExpiresAt: new Date(Math.min(at.getTime() + SESSION_IDLE_MS, absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
      secondFactorAt: options.secondFactorAt,
      ip: options.context.ip ?? null,
    });
    const state: SessionState = { session, user, stage: stageOf(session, user) };
    await recordAudit(tx, auditActorFor(user), { action: options.action, subjectType: 'user', subjectId: user.id, after: { stage: state.stage, secondFactor: options.secondFactorAt !== null } }, options.context);
    return { token, expires: absoluteExpiresAt, me: await describe(tx, state) };
  }

  /** Throws TOO_MANY_ATTEMPTS when the account or the address is over its limit. */
  async function assertNotLocked(email: string, context: RequestContext): Promise<void> {
    const since = new Date(now(context).getTime() - ATTEMPT_WINDOW_MS);
    const [account, ip] = await Promise.all([
      repo.countAccountFailures(db, email, since),
      context.ip ? repo.countIpFailures(db, context.ip, since) : Promise.resolve(0),
    ]);
    if (account >= ACCOUNT_MAX_FAILURES || ip >= IP_MAX_FAILURES) throw new AppError('TOO_MANY_ATTEMPTS');
  }

  async function recordFailure(email: string, user: UserRow | undefined, action: string, context: RequestContext): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await repo.recordAttempt(tx, { email, ip: context.ip ?? null, at: now(context), success: false });
      if (user) await recordAudit(tx, ANONYMOUS, { action, subjectType: 'user', subjectId: user.id }, context);
    });
  }

  /** Verifies a TOTP code and uses up its time step. */
  async function checkTotp(user: UserRow, code: string, at: Date): Promise<boolean> {
    if (!user.totpSecret) return false;
    const step = matchTotpStep(user.totpSecret, code, at);
    if (step === null) return false;
    return repo.consumeTotpStep(db, user.id, step);
  }

  async function resetLink(tx: Tx, userId: string, at: Date, ttlMs: number): Promise<string> {
    const token = newToken();
    await repo.insertPasswordReset(tx, { tokenHash: hashToken(token), userId, createdAt: at, expiresAt: new Date(at.getTime() + ttlMs) });
    return `${config.PUBLIC_URL.replace(/\/$/, '')}/reset-password/${token}`;
  }

  return {
    loadSession,
    describe: (state: SessionState) => describe(db, state),
    startSession,

    /** The actor of a request: a person when the session is valid and past any TOTP step. */
    async resolveActor(token: string | undefined): Promise<Actor> {
      const state = await loadSession(token);
      if (!state || state.stage !== 'signed_in') return ANONYMOUS;
      const { inForce } = await membershipsOf(db, state);
      return {
        kind: 'user',
        userId: state.user.id,
        email: state.user.email,
        displayName: state.user.displayName,
        memberships: inForce.map((m) => ({ id: m.id, role: m.role, organizationId: m.organizationId, provinceCode: m.provinceCode, paccRegion: m.paccRegion })),
        sessionIdHash: state.session.idHash,
      };
    },

    async me(token: string | undefined): Promise<Me | null> {
      const state = await loadSession(token);
      return state ? describe(db, state) : null;
    },

    async login(input: LoginBody, currentToken: string | undefined, context: RequestContext): Promise<IssuedSession> {
      const email = input.email.trim().toLowerCase();
      dummyHash ??= hashPassword(newToken());
      const fallbackHash = await dummyHash;
      await assertNotLocked(email, context);
      const found = await repo.findUserByEmail(db, email);
      const user = found && !found.disabledAt && found.passwordHash ? found : undefined;
      const passwordOk = await verifyPassword(user?.passwordHash ?? fallbackHash, input.password);
      if (!user || !passwordOk) {
        await recordFailure(email, user, 'user.login_failed', context);
        throw new AppError('INVALID_CREDENTIALS');
      }
      let secondFactorAt: Date | null = null;
      if (user.totpEnabledAt && input.totp) {
        if (!(await checkTotp(user, input.totp, now(context)))) {
          await recordFailure(email, user, 'user.totp_failed', context);
          throw new AppError('TOTP_INVALID');
        }
        secondFactorAt = now(context);
      }
      const complete = !user.totpEnabledAt || secondFactorAt !== null;
      return db.transaction().execute(async (tx) => {
        // Only a complete sign-in resets the failure count, so a known password does not help to guess codes.
        if (complete) await repo.recordAttempt(tx, { email, ip: context.ip ?? null, at: now(context), success: true });
        const replaces = currentToken ? hashToken(currentToken) : null;
        return startSession(tx, user, { secondFactorAt, replacesIdHash: replaces, action: complete ? 'user.login' : 'user.login_password', context });
      });
    },

    /** The TOTP step after the password: a new session id with the second factor passed. */
    async verifyTotp(token: string | undefined, code: string, context: RequestContext): Promise<IssuedSession> {
      const state = await loadSession(token);
      if (!state) throw new AppError('UNAUTHENTICATED');
      if (state.stage === 'signed_in') throw new AppError('CONFLICT', { reason: 'already_verified' });
      const { user, session } = state;
      await assertNotLocked(user.email, context);
      if (!(await checkTotp(user, code, now(context)))) {
        await recordFailure(user.email, user, 'user.totp_failed', context);
        throw new AppError('TOTP_INVALID');
      }
      return db.transaction().execute(async (tx) => {
        await repo.recordAttempt(tx, { email: user.email, ip: context.ip ?? null, at: now(context), success: true });
        return startSession(tx, user, { secondFactorAt: now(context), absoluteExpiresAt: session.absoluteExpiresAt, replacesIdHash: session.idHash, action: 'user.login', context });
      });
    },

    async logout(token: string | undefined, context: RequestContext): Promise<void> {
      const state = await loadSession(token);
      if (!state) return;
      await db.transaction().execute(async (tx) => {
        await repo.revokeSession(tx, state.session.idHash, now(context));
        await recordAudit(tx, auditActorFor(state.user, state.session.idHash), { action: 'user.logout', subjectType: 'user', subjectId: state.user.id }, context);
      });
    },

    /** Starts TOTP set-up: a new secret, kept until a correct code enables it. */
    async setupTotp(actor: Actor, context: RequestContext): Promise<TotpSetup> {
      assertSignedIn(actor);
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (user.totpEnabledAt) throw new AppError('CONFLICT', { reason: 'totp_already_enabled' });
      const secret = newTotpSecret();
      await db.transaction().execute(async (tx) => {
        await repo.setTotpSecret(tx, user.id, secret);
        await recordAudit(tx, actor, { action: 'user.totp_setup', subjectType: 'user', subjectId: user.id }, context);
      });
      const uri = totpUri(secret, user.email);
      return { secret, otpauthUri: uri, qrDataUrl: await totpQrDataUrl(uri) };
    },

    /** Enables TOTP after a correct code; the session is replaced by one that has passed it. */
    async enableTotp(actor: Actor, token: string | undefined, code: string, context: RequestContext): Promise<IssuedSession> {
      assertSignedIn(actor);
      const state = await loadSession(token);
      if (!state || state.user.id !== actor.userId) throw new AppError('UNAUTHENTICATED');
      const { user, session } = state;
      if (user.totpEnabledAt || !user.totpSecret) throw new AppError('CONFLICT', { reason: user.totpEnabledAt ? 'totp_already_enabled' : 'totp_not_set_up' });
      if (!(await checkTotp(user, code, now(context)))) throw new AppError('TOTP_INVALID');
      return db.transaction().execute(async (tx) => {
        await repo.enableTotp(tx, user.id, now(context));
        await recordAudit(tx, actor, { action: 'user.totp_enable', subjectType: 'user', subjectId: user.id }, context);
        // Other sessions of this person now need the TOTP step (they have no second factor).
        const enabledUser = { ...user, totpEnabledAt: now(context) };
        return startSession(tx, enabledUser, { secondFactorAt: now(context), absoluteExpiresAt: session.absoluteExpiresAt, replacesIdHash: session.idHash, action: 'session.rotate', context });
      });
    },

    /** Changes the password (current one required) and ends every other session (ASVS 7.4.3). */
    async changePassword(actor: Actor, input: ChangePasswordBody, context: RequestContext): Promise<{ endedSessions: number }> {
      assertSignedIn(actor);
      const user = await repo.findUserById(db, actor.userId);
      if (!user?.passwordHash) throw new AppError('UNAUTHENTICATED');
      await assertNotLocked(user.email, context);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await recordFailure(user.email, user, 'user.password_change_failed', context);
        throw new AppError('INVALID_CREDENTIALS');
      }
      const problem = passwordProblem(input.newPassword, user.email);
      if (problem) throw passwordError(problem);
      const passwordHash = await hashPassword(input.newPassword);
      return db.transaction().execute(async (tx) => {
        await repo.updatePassword(tx, user.id, passwordHash);
        const endedSessions = await repo.revokeUserSessions(tx, user.id, now(context), actor.sessionIdHash ?? undefined);
        await recordAudit(tx, actor, { action: 'user.password_change', subjectType: 'user', subjectId: user.id, after: { endedSessions } }, context);
        return { endedSessions };
      });
    },

    /** E-mails a reset link (1 hour, single use) when the account exists; answers the same either way. */
    async requestPasswordReset(email: string, context: RequestContext): Promise<void> {
      const user = await repo.findUserByEmail(db, email);
      const at = now(context);
      await db.transaction().execute(async (tx) => {
        if (!user || user.disabledAt) return;
        if ((await repo.countRecentResets(tx, user.id, new Date(at.getTime() - 3_600_000))) >= MAX_RESETS_PER_HOUR) return;
        const link = await resetLink(tx, user.id, at, PASSWORD_RESET_TTL_MS);
        await mailer.enqueue(tx, {
          to: user.email,
          subject: 'ตั้งรหัสผ่านใหม่ Prongsai / Reset your Prongsai password',
          text:
            `มีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชีนี้ หากเป็นคุณ กรุณาเปิดลิงก์ภายใน 1 ชั่วโมง:\n${link}\n\n` +
            `Someone asked to reset the password of this account. If it was you, open this link within 1 hour:\n${link}\n\n` +
            'หากไม่ได้ขอ ไม่ต้องทำอะไร / If it was not you, ignore this e-mail.',
        });
        await recordAudit(tx, ANONYMOUS, { action: 'user.password_reset_request', subjectType: 'user', subjectId: user.id }, context);
      });
    },

    /** Sets a new password from a reset link; ends every session; does not sign in. */
    async confirmPasswordReset(input: PasswordResetConfirmBody, context: RequestContext): Promise<void> {
      const at = now(context);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (tx) => {
        const userId = await repo.useResetToken(tx, hashToken(input.token), at);
        if (!userId) throw new AppError('TOKEN_INVALID');
        const user = await repo.findUserById(tx, userId);
        if (!user || user.disabledAt) throw new AppError('TOKEN_INVALID');
        const problem = passwordProblem(input.newPassword, user.email);
        if (problem) throw passwordError(problem);
        await repo.updatePassword(tx, user.id, passwordHash);
        await repo.expireUserResets(tx, user.id, at);
        const endedSessions = await repo.revokeUserSessions(tx, user.id, at);
        await recordAudit(tx, ANONYMOUS, { action: 'user.password_reset', subjectType: 'user', subjectId: user.id, after: { endedSessions } }, context);
      });
    },

    /** A one-time set-password link for a new account (create-admin without a password). */
    resetLink,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
