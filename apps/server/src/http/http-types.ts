/**
 * What every route declares and every request carries. `access` documents who a route is for
 * (the services enforce it through the policy); the authorisation-matrix test reads it.
 */
import type { Actor } from '../auth/actor.ts';
import type { RequestContext } from '../audit/audit.ts';

export type RouteAccess = 'public' | 'signed_in' | 'session_optional';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Request id, client address and clock for audit entries. */
    context: RequestContext;
  }
}

export {};
