/**
 * buildApp(deps) → a Fastify instance with every module registered, ready for `listen` or for
 * `app.inject` in tests. Holds no state between requests: sessions, jobs and files live in the
 * database or the file store, so several instances can serve one PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { errorMessage, type ErrorBody, type ErrorCode } from '@prongsai/contracts';
import './http/http-types.ts';
import type { RouteAccess } from './http/http-types.ts';
import { ANONYMOUS } from './auth/actor.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { AppError } from './errors.ts';
import type { Clock } from './platform/clock.ts';
import { systemClock } from './platform/clock.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { createAuthModule } from './modules/auth/auth.module.ts';
import { createOrganizationsService } from './modules/organizations/organizations.service.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { createJobQueue } from './platform/jobs.ts';
import { createJobsService } from './modules/jobs/jobs.service.ts';
import { jobsRoutes } from './modules/jobs/jobs.routes.ts';
import { registerProcurement } from './modules/procurement/procurement.module.ts';
import { registerPlans } from './modules/plans/plans.module.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  mailer?: Mailer;
  logger?: FastifyServerOptions['logger'];
}

/** Routes as declared, for the authorisation-matrix test and the docs. */
export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

function errorBody(code: ErrorCode, requestId: string, details?: unknown): ErrorBody {
  return { code, message: errorMessage(code, 'th'), messageEn: errorMessage(code, 'en'), ...(details === undefined ? {} : { details }), requestId };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { routesInfo: RouteInfo[] }> {
  const clock = deps.clock ?? systemClock;
  const mailer = deps.mailer ?? createMailer({ smtpUrl: deps.config.SMTP_URL, from: deps.config.MAIL_FROM });
  const fullDeps: AppDeps = { ...deps, clock, mailer };
  const db = deps.database.db;

  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.LOG_LEVEL },
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  const routesInfo: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routesInfo.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Prongsai API',
        version: '1.0.0',
        description: 'Prongsai (โปร่งใส): anti-corruption platform for Thai public bodies. Open-data endpoints need no sign-in.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prongsai_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', { getter: () => ANONYMOUS });
  app.decorateRequest('context', null as never);

  const auth = createAuthModule(fullDeps);
  app.addHook('onRequest', async (request) => {
    request.context = { requestId: request.id, ip: request.ip, now: clock.now() };
    if (request.url.startsWith('/api/')) {
      const actor = await auth.resolveActor(request);
      Object.defineProperty(request, 'actor', { value: actor, writable: true, configurable: true });
    }
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({ path: v.instancePath || (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path?.join('.') || '', message: v.message }));
      return reply.code(400).send(errorBody('VALIDATION_FAILED', request.id, { fields }));
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'app error');
      return reply.code(error.status).send(errorBody(error.code, request.id, error.details));
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE', request.id));
    if (status === 415) return reply.code(415).send(errorBody('UNSUPPORTED_FILE', request.id));
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', request.id));
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', request.id));
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const started = Date.now();
    await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return reply.send({ status: 'ok', database: deps.database.driver, dbLatencyMs: Date.now() - started });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const organizations = createOrganizationsService(db);
  await app.register(auth.routes);
  await app.register(organizationsRoutes(organizations));
  await app.register(jobsRoutes(createJobsService(db, createJobQueue(db, clock))));
  await registerProcurement(app, fullDeps);
  await registerPlans(app, fullDeps);

  app.get('/api/v1/geo/provinces.geojson', { config: { access: 'public' }, schema: { tags: ['places'], summary: 'Province boundaries (GeoJSON, display quality)' } }, async (_req, reply) => {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/province_boundaries.geojson');
    return reply.header('content-type', 'application/geo+json').header('cache-control', 'public, max-age=86400').send(fs.createReadStream(file));
  });

  // The web app: static files, and index.html for client-side routes.
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Hashed bundles never change; index.html must be revalidated to pick up a new build.
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send(errorBody('NOT_FOUND', request.id));
    });
  } else {
    app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody('NOT_FOUND', request.id)));
  }

  // Security headers on every response (security.md check 14). Signed-in API answers are not cached.
  const csp = [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', csp);
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (deps.config.COOKIE_SECURE) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') && request.actor.kind !== 'anonymous') reply.header('cache-control', 'no-store');
    return payload;
  });

  return Object.assign(app, { routesInfo }) as unknown as FastifyInstance & { routesInfo: RouteInfo[] };
}
