/** HTTP for invitations, members, memberships and notifications: declare, delegate, done. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptInvitationBodySchema,
  CreateInvitationBodySchema,
  IdParamsSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  MeSchema,
  MemberListSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  OkSchema,
  OrganizationCodeParamsSchema,
} from '@prongsai/contracts';
import type { Config } from '../../config.ts';
import { sendSession, sessionToken } from '../auth/auth.routes.ts';
import type { UsersService } from './users.service.ts';

const tags = ['people'];

export function usersRoutes(users: UsersService, config: Config) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post('/api/v1/invitations', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Invite a person by e-mail into a role / เชิญผู้ใช้', body: CreateInvitationBodySchema, response: { 201: InvitationSchema } },
    }, async (req, reply) => reply.code(201).send(await users.invite(req.actor, req.body, req.context)));

    app.get('/api/v1/invitations/:token', {
      config: { access: 'public' },
      schema: { tags, summary: 'What an invitation link offers', params: InvitationTokenParamsSchema, response: { 200: InvitationPreviewSchema } },
    }, async (req) => users.previewInvitation(req.params.token));

    app.post('/api/v1/invitations/:token/accept', {
      config: { access: 'public' },
      schema: { tags, summary: 'Accept an invitation and sign in / ตอบรับคำเชิญ', params: InvitationTokenParamsSchema, body: AcceptInvitationBodySchema, response: { 200: MeSchema } },
    }, async (req, reply) => sendSession(reply, config, await users.acceptInvitation(req.params.token, req.body, sessionToken(req), req.context)));

    app.get('/api/v1/organizations/:code/members', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'People and roles of an organisation, and open invitations', params: OrganizationCodeParamsSchema, response: { 200: MemberListSchema } },
    }, async (req) => users.listMembers(req.actor, req.params.code));

    app.delete('/api/v1/memberships/:id', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Revoke a membership (a role of a person)', params: IdParamsSchema, response: { 200: OkSchema } },
    }, async (req) => {
      await users.revokeMembership(req.actor, req.params.id, req.context);
      return { ok: true as const };
    });

    app.get('/api/v1/notifications', {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], summary: 'My notifications, newest first', querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema } },
    }, async (req) => users.listNotifications(req.actor, req.query));

    app.post('/api/v1/notifications/:id/read', {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], summary: 'Mark a notification read', params: IdParamsSchema, response: { 200: OkSchema } },
    }, async (req) => {
      await users.markNotificationRead(req.actor, req.params.id, req.context);
      return { ok: true as const };
    });
  };
}
