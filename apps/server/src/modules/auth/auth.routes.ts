/** HTTP for signing in, sessions, two-factor and passwords: declare, delegate, set the cookie. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  MeOrNullSchema,
  MeSchema,
  OkSchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
  SESSION_COOKIE,
  TotpCodeBodySchema,
  TotpSetupSchema,
} from '@prongsai/contracts';
import type { Config } from '../../config.ts';
import type { AuthService, IssuedSession } from './auth.service.ts';
import { clearSessionCookie, setSessionCookie } from './tokens.ts';

const tags = ['auth'];

export const sessionToken = (request: FastifyRequest): string | undefined => request.cookies[SESSION_COOKIE];

/** Sets the cookie of a newly issued session and answers with Me. */
export function sendSession(reply: FastifyReply, config: Config, issued: IssuedSession) {
  setSessionCookie(reply, issued.token, config, issued.expires);
  return reply.send(issued.me);
}

export function authRoutes(auth: AuthService, config: Config) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post('/api/v1/auth/login', {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in with e-mail and password (and TOTP code) / เข้าสู่ระบบ', body: LoginBodySchema, response: { 200: MeSchema } },
    }, async (req, reply) => sendSession(reply, config, await auth.login(req.body, sessionToken(req), req.context)));

    app.post('/api/v1/auth/totp/verify', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Second step of sign-in: the TOTP code (new session id)', body: TotpCodeBodySchema, response: { 200: MeSchema } },
    }, async (req, reply) => sendSession(reply, config, await auth.verifyTotp(sessionToken(req), req.body.code, req.context)));

    app.post('/api/v1/auth/logout', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Sign out: the session ends on the server / ออกจากระบบ', response: { 200: OkSchema } },
    }, async (req, reply) => {
      await auth.logout(sessionToken(req), req.context);
      clearSessionCookie(reply, config);
      reply.header('clear-site-data', '"cache", "storage"');
      return { ok: true as const };
    });

    app.get('/api/v1/auth/me', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Who is signed in (null when nobody)', response: { 200: MeOrNullSchema } },
    }, async (req) => auth.me(sessionToken(req)));

    app.post('/api/v1/auth/totp/setup', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Start two-factor set-up: secret, otpauth URI and QR code', response: { 200: TotpSetupSchema } },
    }, async (req) => auth.setupTotp(req.actor, req.context));

    app.post('/api/v1/auth/totp/enable', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Turn two-factor on with a code from the app (new session id)', body: TotpCodeBodySchema, response: { 200: MeSchema } },
    }, async (req, reply) => sendSession(reply, config, await auth.enableTotp(req.actor, sessionToken(req), req.body.code, req.context)));

    app.post('/api/v1/auth/password', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Change password (ends the other sessions)', body: ChangePasswordBodySchema, response: { 200: OkSchema } },
    }, async (req) => {
      await auth.changePassword(req.actor, req.body, req.context);
      return { ok: true as const };
    });

    app.post('/api/v1/auth/password-reset', {
      config: { access: 'public' },
      schema: { tags, summary: 'E-mail a password reset link (same answer whether or not the account exists)', body: PasswordResetRequestBodySchema, response: { 200: OkSchema } },
    }, async (req) => {
      await auth.requestPasswordReset(req.body.email, req.context);
      return { ok: true as const };
    });

    app.post('/api/v1/auth/password-reset/confirm', {
      config: { access: 'public' },
      schema: { tags, summary: 'Set a new password from a reset link (then sign in)', body: PasswordResetConfirmBodySchema, response: { 200: OkSchema } },
    }, async (req) => {
      await auth.confirmPasswordReset(req.body, req.context);
      return { ok: true as const };
    });
  };
}
