/**
 * Sign-in, sessions, two-factor, invitations and password reset. (Placeholder until the auth
 * module lands: every request is anonymous.)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from '../../auth/actor.ts';
import type { AppDeps } from '../../app.ts';

export function createAuthModule(_deps: AppDeps) {
  return {
    async resolveActor(_request: FastifyRequest): Promise<Actor> {
      return ANONYMOUS;
    },
    routes: async (_app: FastifyInstance) => {},
  };
}
