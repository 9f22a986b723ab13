/**
 * Use cases about people: invite into an organisation, province, PACC region or the nation; accept
 * an invitation (new account, or a new role for an existing one) and sign in; list the members of
 * an organisation; revoke a membership; read one's notifications.
 *
 * Who may invite whom is the policy's `canGrantRole`: system administrators any role anywhere,
 * organisation administrators only organisation roles in their own organisation.
 */
import {
  ROLE_SCOPE,
  type AcceptInvitationBody,
  type CreateInvitationBody,
  type Invitation,
  type InvitationPreview,
  type MemberList,
  type NotificationList,
  type Role,
} from '@prongsai/contracts';
import type { Actor } from '../../auth/actor.ts';
import { assertCan, assertSignedIn, canGrantRole, NATIONAL_SCOPE, type ResourceScope } from '../../auth/policy.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/passwords.ts';
import { recordAudit, type RequestContext } from '../../audit/audit.ts';
import type { Config } from '../../config.ts';
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { notify } from '../../platform/notifications.ts';
import type { AuthService, IssuedSession } from '../auth/auth.service.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { createAuthRepository } from '../auth/auth.repository.ts';
import { createOrganizationsRepository } from '../organizations/organizations.repository.ts';
import { createUsersRepository, type MembershipScope } from './users.repository.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export interface UsersServiceDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  config: Config;
  auth: AuthService;
}

type InvitationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createUsersRepository>['findInvitation']>>>;

const iso = (d: Date) => d.toISOString();

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    organizationCode: row.organizationCode,
    organizationNameTh: row.organizationNameTh,
    provinceCode: row.provinceCode,
    provinceNameTh: row.provinceNameTh,
    paccRegion: row.paccRegion,
    invitedByName: row.invitedByName,
    createdAt: iso(row.createdAt),
    expiresAt: iso(row.expiresAt),
    acceptedAt: row.acceptedAt ? iso(row.acceptedAt) : null,
  };
}

function scopeLabel(row: InvitationRow): string {
  if (row.organizationNameTh) return row.organizationNameTh;
  if (row.provinceNameTh) return `จังหวัด${row.provinceNameTh}`;
  if (row.paccRegion) return `ป.ป.ท. เขต ${row.paccRegion}`;
  return 'ระดับประเทศ / national';
}

export function createUsersService(deps: UsersServiceDeps) {
  const { db, clock, mailer, config, auth } = deps;
  const repo = createUsersRepository();
  const accounts = createAuthRepository();
  const organizations = createOrganizationsRepository();
  const now = (context?: RequestContext) => context?.now ?? clock.now();
  const baseUrl = config.PUBLIC_URL.replace(/\/$/, '');

  /** The membership scope a role needs, and the policy scope it sits in. */
  async function resolveScope(input: CreateInvitationBody): Promise<{ membership: MembershipScope; policy: ResourceScope }> {
    const kind = ROLE_SCOPE[input.role];
    const extra = (fields: Array<'organizationCode' | 'provinceCode' | 'paccRegion'>) => {
      const wrong = (['organizationCode', 'provinceCode', 'paccRegion'] as const).filter((f) => !fields.includes(f) && input[f] !== undefined);
      const missing = fields.filter((f) => input[f] === undefined);
      if (wrong.length > 0 || missing.length > 0) {
        throw new AppError('VALIDATION_FAILED', { fields: [...missing.map((f) => ({ path: f, message: `required for role ${input.role}` })), ...wrong.map((f) => ({ path: f, message: `not allowed for role ${input.role}` }))] });
      }
    };
    switch (kind) {
      case 'organization': {
        extra(['organizationCode']);
        const org = await repo.findOrganization(db, input.organizationCode!);
        if (!org) throw new AppError('ORGANIZATION_NOT_FOUND', { code: input.organizationCode });
        return {
          membership: { organizationId: org.id, provinceCode: null, paccRegion: null },
          policy: { organizationId: org.id, provinceCode: org.provinceCode, paccRegion: org.paccRegion ?? null },
        };
      }
      case 'province': {
        extra(['provinceCode']);
        const province = await repo.findProvince(db, input.provinceCode!);
        if (!province) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'provinceCode', message: 'unknown province' }] });
        return { membership: { organizationId: null, provinceCode: province.code, paccRegion: null }, policy: { organizationId: null, provinceCode: province.code, paccRegion: province.paccRegion } };
      }
      case 'region':
        extra(['paccRegion']);
        return { membership: { organizationId: null, provinceCode: null, paccRegion: input.paccRegion! }, policy: { organizationId: null, provinceCode: null, paccRegion: input.paccRegion! } };
      case 'national':
        extra([]);
        return { membership: { organizationId: null, provinceCode: null, paccRegion: null }, policy: NATIONAL_SCOPE };
    }
  }

  /** Where an existing membership sits, for the policy. */
  async function membershipPolicyScope(m: MembershipScope): Promise<ResourceScope> {
    if (m.organizationId) return (await organizations.findScope(db, m.organizationId)) ?? { organizationId: m.organizationId, provinceCode: null, paccRegion: null };
    if (m.provinceCode) {
      const province = await repo.findProvince(db, m.provinceCode);
      return { organizationId: null, provinceCode: m.provinceCode, paccRegion: province?.paccRegion ?? null };
    }
    if (m.paccRegion !== null) return { organizationId: null, provinceCode: null, paccRegion: m.paccRegion };
    return NATIONAL_SCOPE;
  }

  async function openInvitation(token: string): Promise<InvitationRow> {
    const row = await repo.findInvitationByTokenHash(db, hashToken(token));
    if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= clock.now()) throw new AppError('TOKEN_INVALID');
    return row;
  }

  return {
    async invite(actor: Actor, input: CreateInvitationBody, context: RequestContext): Promise<Invitation> {
      assertSignedIn(actor);
      const { membership, policy } = await resolveScope(input);
      assertCan(actor, 'user.invite', policy);
      if (!canGrantRole(actor, input.role, policy)) throw new AppError('FORBIDDEN', { reason: 'role_not_grantable' });
      const existing = await accounts.findUserByEmail(db, input.email);
      if (existing && (await repo.hasActiveMembership(db, existing.id, input.role, membership))) throw new AppError('CONFLICT', { reason: 'already_member' });
      const at = now(context);
      const token = newToken();
      const id = await db.transaction().execute(async (tx) => {
        await repo.revokeOpenInvitations(tx, input.email, input.role, membership, at);
        const { id } = await repo.insertInvitation(tx, {
          email: input.email,
          displayName: input.displayName,
          tokenHash: hashToken(token),
          role: input.role,
          ...membership,
          invitedBy: actor.userId,
          createdAt: at,
          expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
        });
        const row = (await repo.findInvitation(tx, id))!;
        const link = `${baseUrl}/invite/${token}`;
        await mailer.enqueue(tx, {
          to: input.email,
          subject: `คำเชิญเข้าใช้ Prongsai / Invitation to Prongsai`,
          text:
            `${actor.displayName} เชิญคุณ (${input.displayName}) เข้าใช้ Prongsai ในบทบาท ${input.role} ของ ${scopeLabel(row)}\n` +
            `เปิดลิงก์นี้ภายใน 7 วันเพื่อตอบรับ:\n${link}\n\n` +
            `${actor.displayName} invites you to Prongsai as ${input.role} (${scopeLabel(row)}). Open this link within 7 days to accept:\n${link}\n`,
        });
        await recordAudit(tx, actor, {
          action: 'invitation.create',
          subjectType: 'invitation',
          subjectId: id,
          organizationId: membership.organizationId,
          after: { email: input.email, displayName: input.displayName, role: input.role, ...membership, expiresAt: row.expiresAt },
        }, context);
        return id;
      });
      return toInvitation((await repo.findInvitation(db, id))!);
    },

    /** What an invitation link offers (public: the token is the credential). */
    async previewInvitation(token: string): Promise<InvitationPreview> {
      const row = await openInvitation(token);
      const existing = await accounts.findUserByEmail(db, row.email);
      const { id: _id, createdAt: _c, acceptedAt: _a, ...rest } = toInvitation(row);
      return { ...rest, existingAccount: Boolean(existing?.passwordHash && !existing.disabledAt) };
    },

    /** Accepts an invitation: creates the account (or adds the role to the existing one) and signs in. */
    async acceptInvitation(token: string, input: AcceptInvitationBody, currentToken: string | undefined, context: RequestContext): Promise<IssuedSession> {
      const preview = await openInvitation(token);
      const existing = await accounts.findUserByEmail(db, preview.email);
      if (existing?.disabledAt) throw new AppError('TOKEN_INVALID');
      let passwordHash: string | null = null;
      if (existing?.passwordHash) {
        if (!(await verifyPassword(existing.passwordHash, input.password))) throw new AppError('INVALID_CREDENTIALS');
      } else {
        const problem = passwordProblem(input.password, preview.email);
        if (problem) throw new AppError('PASSWORD_TOO_WEAK', { problem });
        passwordHash = await hashPassword(input.password);
      }
      const at = now(context);
      return db.transaction().execute(async (tx: Tx) => {
        const invitation = await repo.lockOpenInvitation(tx, hashToken(token), at);
        if (!invitation) throw new AppError('TOKEN_INVALID');
        let user = existing ? await accounts.findUserById(tx, existing.id) : undefined;
        if (!user) {
          user = await accounts.insertUser(tx, { email: invitation.email.toLowerCase(), displayName: input.displayName ?? invitation.displayName, passwordHash, createdAt: at });
          await recordAudit(tx, { kind: 'user', userId: user.id, email: user.email, displayName: user.displayName, memberships: [], sessionIdHash: null }, {
            action: 'user.create', subjectType: 'user', subjectId: user.id, organizationId: invitation.organizationId, after: { email: user.email, displayName: user.displayName, invitationId: invitation.id },
          }, context);
        } else if (passwordHash) {
          // An account made by create-admin without a password: the invitation sets it.
          user = await accounts.updatePassword(tx, user.id, passwordHash);
        }
        const scope = { organizationId: invitation.organizationId, provinceCode: invitation.provinceCode, paccRegion: invitation.paccRegion };
        const actor: Actor = { kind: 'user', userId: user.id, email: user.email, displayName: user.displayName, memberships: [], sessionIdHash: null };
        if (await repo.hasActiveMembership(tx, user.id, invitation.role, scope)) throw new AppError('CONFLICT', { reason: 'already_member' });
        const membership = await repo.insertMembership(tx, { userId: user.id, role: invitation.role, ...scope, createdAt: at, createdBy: invitation.invitedBy });
        await repo.markInvitationAccepted(tx, invitation.id, at);
        await recordAudit(tx, actor, { action: 'invitation.accept', subjectType: 'invitation', subjectId: invitation.id, organizationId: invitation.organizationId, after: { userId: user.id, membershipId: membership.id } }, context);
        await recordAudit(tx, actor, { action: 'membership.create', subjectType: 'membership', subjectId: membership.id, organizationId: invitation.organizationId, after: membership }, context);
        await notify(tx, [invitation.invitedBy], {
          kind: 'invitation.accepted',
          title: `${user.displayName} ตอบรับคำเชิญแล้ว / accepted your invitation`,
          body: `${user.email} · ${invitation.role} · ${scopeLabel(preview)}`,
          link: preview.organizationCode ? `/organizations/${preview.organizationCode}/members` : null,
        }, { mailer, publicUrl: baseUrl, email: false });
        return auth.startSession(tx, user, { secondFactorAt: null, replacesIdHash: currentToken ? hashToken(currentToken) : null, action: 'user.login', context });
      });
    },

    /**
     * Creates a national system administrator (or gives an existing account the role): the
     * `prongsai create-admin` command. Without a password the account gets a one-time link to set
     * one (24 hours). Two-factor set-up is asked at first sign-in, as for every admin.
     */
    async createSystemAdmin(
      actor: Actor,
      input: { email: string; displayName: string; password?: string | undefined },
      context: RequestContext = {},
    ): Promise<{ userId: string; createdUser: boolean; addedRole: boolean; setPasswordLink: string | null }> {
      assertCan(actor, 'user.invite', NATIONAL_SCOPE);
      if (!canGrantRole(actor, 'system_admin', NATIONAL_SCOPE)) throw new AppError('FORBIDDEN');
      const email = input.email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'email', message: 'not an e-mail address' }] });
      let passwordHash: string | null = null;
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password, email);
        if (problem) throw new AppError('PASSWORD_TOO_WEAK', { problem });
        passwordHash = await hashPassword(input.password);
      }
      const at = now(context);
      return db.transaction().execute(async (tx) => {
        let user = await accounts.findUserByEmail(tx, email);
        const createdUser = !user;
        if (!user) {
          user = await accounts.insertUser(tx, { email, displayName: input.displayName, passwordHash, createdAt: at });
          await recordAudit(tx, actor, { action: 'user.create', subjectType: 'user', subjectId: user.id, after: { email, displayName: input.displayName } }, context);
        } else if (passwordHash) {
          user = await accounts.updatePassword(tx, user.id, passwordHash);
          await recordAudit(tx, actor, { action: 'user.password_set', subjectType: 'user', subjectId: user.id }, context);
        }
        const scope = { organizationId: null, provinceCode: null, paccRegion: null };
        const addedRole = !(await repo.hasActiveMembership(tx, user.id, 'system_admin', scope));
        if (addedRole) {
          const membership = await repo.insertMembership(tx, { userId: user.id, role: 'system_admin', ...scope, createdAt: at, createdBy: null });
          await recordAudit(tx, actor, { action: 'membership.create', subjectType: 'membership', subjectId: membership.id, after: membership }, context);
        }
        const setPasswordLink = user.passwordHash ? null : await auth.resetLink(tx, user.id, at, 24 * 3_600_000);
        return { userId: user.id, createdUser, addedRole, setPasswordLink };
      });
    },

    async listMembers(actor: Actor, organizationCode: string): Promise<MemberList> {
      const org = await repo.findOrganization(db, organizationCode);
      if (!org) {
        assertSignedIn(actor);
        throw new AppError('ORGANIZATION_NOT_FOUND', { code: organizationCode });
      }
      assertCan(actor, 'user.list', { organizationId: org.id, provinceCode: org.provinceCode, paccRegion: org.paccRegion ?? null });
      const [members, invitations] = await Promise.all([repo.listMembers(db, org.id), repo.listOpenInvitations(db, org.id, clock.now())]);
      return {
        members: members.map((m) => ({ membershipId: m.membershipId, userId: m.userId, email: m.email, displayName: m.displayName, role: m.role as Role, totpEnabled: m.totpEnabledAt !== null, createdAt: iso(m.createdAt) })),
        pendingInvitations: invitations.map(toInvitation),
      };
    },

    async revokeMembership(actor: Actor, membershipId: string, context: RequestContext): Promise<void> {
      assertSignedIn(actor);
      const membership = await repo.findMembership(db, membershipId);
      if (!membership) throw new AppError('NOT_FOUND');
      const scope = await membershipPolicyScope(membership);
      assertCan(actor, 'membership.revoke', scope);
      if (!canGrantRole(actor, membership.role as Role, scope)) throw new AppError('FORBIDDEN', { reason: 'role_not_grantable' });
      if (membership.role === 'system_admin' && (await repo.countActiveRole(db, 'system_admin')) <= 1) throw new AppError('CONFLICT', { reason: 'last_system_admin' });
      await db.transaction().execute(async (tx) => {
        const after = await repo.revokeMembership(tx, membershipId, now(context));
        if (!after) throw new AppError('NOT_FOUND');
        await recordAudit(tx, actor, { action: 'membership.revoke', subjectType: 'membership', subjectId: membershipId, organizationId: membership.organizationId, before: membership, after }, context);
        await notify(tx, [membership.userId], { kind: 'membership.revoked', title: `บทบาท ${membership.role} ถูกยกเลิก / Your role ${membership.role} was revoked` }, { mailer, publicUrl: baseUrl });
      });
    },

    async listNotifications(actor: Actor, query: { limit: number; unreadOnly: boolean }): Promise<NotificationList> {
      assertSignedIn(actor);
      const [items, unread] = await Promise.all([
        repo.listNotifications(db, actor.userId, query.limit, query.unreadOnly),
        repo.countUnread(db, actor.userId),
      ]);
      return { unread, items: items.map((n) => ({ ...n, createdAt: iso(n.createdAt), readAt: n.readAt ? iso(n.readAt) : null })) };
    },

    async markNotificationRead(actor: Actor, id: string, context: RequestContext): Promise<void> {
      assertSignedIn(actor);
      await db.transaction().execute(async (tx) => {
        const row = await repo.markNotificationRead(tx, id, actor.userId, now(context));
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, actor, { action: 'notification.read', subjectType: 'notification', subjectId: id }, context);
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
