/**
 * Accounts: sign-in, sessions, two-factor, passwords (this folder), invitations, members and
 * notifications (../users), audit and outbox browsing (../admin). app.ts calls
 * `createAuthModule(deps)` once: `resolveActor` runs on every /api request, `routes` registers the
 * HTTP routes of all three.
 *
 * resolveActor also refuses cross-site writes (ASVS 4.2.2 / 13.2.3): a state-changing request that
 * carries the session cookie must come with an Origin (or Referer) of PUBLIC_URL or of the Host it
 * was sent to; any request with a foreign Origin is refused. Requests without the cookie and
 * without an Origin (scripts, the CLI) are not affected. SameSite=Lax on the cookie is a second line.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '@prongsai/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { AppDeps } from '../../app.ts';
import { AppError } from '../../errors.ts';
import { systemClock } from '../../platform/clock.ts';
import { createMailer } from '../../platform/mailer.ts';
import { adminRoutes } from '../admin/admin.routes.ts';
import { createAdminService } from '../admin/admin.service.ts';
import { createUsersService } from '../users/users.service.ts';
import { usersRoutes } from '../users/users.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

export function createAuthModule(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const mailer = deps.mailer ?? createMailer({ smtpUrl: deps.config.SMTP_URL, from: deps.config.MAIL_FROM });
  const db = deps.database.db;
  const publicOrigin = new URL(deps.config.PUBLIC_URL).origin;
  const auth = createAuthService({ db, clock, mailer, config: deps.config });
  const users = createUsersService({ db, clock, mailer, config: deps.config, auth });
  const admin = createAdminService({ db });

  function assertSameOrigin(request: FastifyRequest): void {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    const hasSession = Boolean(request.cookies[SESSION_COOKIE]);
    if (origin === undefined && !hasSession) return;
    if (origin === publicOrigin || origin === `${request.protocol}://${request.host}`) return;
    request.log.warn({ origin: origin ?? null, url: request.url }, 'cross-site request refused');
    throw new AppError('FORBIDDEN', { reason: 'origin' });
  }

  return {
    async resolveActor(request: FastifyRequest): Promise<Actor> {
      assertSameOrigin(request);
      return auth.resolveActor(request.cookies[SESSION_COOKIE]);
    },
    routes: async (app: FastifyInstance) => {
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });
      await app.register(authRoutes(auth, deps.config));
      await app.register(usersRoutes(users, deps.config));
      await app.register(adminRoutes(admin));
    },
    services: { auth, users, admin },
  };
}
