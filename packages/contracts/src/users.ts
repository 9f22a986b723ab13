/**
 * People: invitations, members of an organisation, memberships, in-app notifications.
 *
 * An invitation e-mail links to `${PUBLIC_URL}/invite/<token>`; the web shows
 * GET /api/v1/invitations/:token and accepts with POST /api/v1/invitations/:token/accept, which
 * signs the person in (returns Me and sets the session cookie). A person who already has an account
 * under that e-mail (`existingAccount`) accepts with their current password.
 */
import { z } from 'zod';
import { PasswordSchema } from './auth.ts';
import { RoleSchema } from './roles.ts';

const EmailSchema = z.string().trim().toLowerCase().email().max(320);

/** The scope goes with the role: organisation roles need organizationCode, province roles provinceCode, region roles paccRegion, national roles none. */
export const CreateInvitationBodySchema = z
  .object({
    email: EmailSchema,
    displayName: z.string().trim().min(1).max(200),
    role: RoleSchema,
    organizationCode: z.string().min(1).max(40).optional(),
    provinceCode: z.string().regex(/^\d{2}$/).optional(),
    paccRegion: z.number().int().min(1).max(9).optional(),
  })
  .meta({ id: 'CreateInvitationBody' });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>;

const ScopeFields = {
  organizationCode: z.string().nullable(),
  organizationNameTh: z.string().nullable(),
  provinceCode: z.string().nullable(),
  provinceNameTh: z.string().nullable(),
  paccRegion: z.number().int().nullable(),
};

export const InvitationSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    ...ScopeFields,
    invitedByName: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

/** What the person following an invitation link sees (no login needed). */
export const InvitationPreviewSchema = z
  .object({
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    ...ScopeFields,
    invitedByName: z.string(),
    expiresAt: z.iso.datetime(),
    /** An account with this e-mail exists: accept with its current password. */
    existingAccount: z.boolean(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const InvitationTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });

export const AcceptInvitationBodySchema = z
  .object({ password: PasswordSchema, displayName: z.string().trim().min(1).max(200).optional() })
  .meta({ id: 'AcceptInvitationBody' });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBodySchema>;

export const MemberSchema = z
  .object({
    membershipId: z.string().uuid(),
    userId: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    totpEnabled: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z
  .object({ members: z.array(MemberSchema), pendingInvitations: z.array(InvitationSchema) })
  .meta({ id: 'MemberList' });
export type MemberList = z.infer<typeof MemberListSchema>;

export const NotificationSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unreadOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const NotificationListSchema = z
  .object({ unread: z.number().int(), items: z.array(NotificationSchema) })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationListSchema>;
