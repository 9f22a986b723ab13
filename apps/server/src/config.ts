/**
 * Configuration, parsed once from the environment at start-up. Nothing else in the server reads
 * `process.env`. Every problem is reported together, then the process exits.
 * Each variable is documented in `.env.example` at the repository root.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  /** HTTP port; 3000 by default. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on. */
  HOST: z.string().default('127.0.0.1'),
  /** A real PostgreSQL server (postgres://…). When unset, embedded PGlite in DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /** Folder for the embedded database and stored files. */
  DATA_DIR: z.string().default('data'),
  /** Public base URL used in e-mails (invitation and reset links). */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** SMTP server URL (smtp://user:pass@host:587). Unset: mail goes to the development outbox only. */
  SMTP_URL: z.string().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().default('Prongsai <no-reply@prongsai.local>'),
  /** Set cookies with the Secure flag (turn on behind HTTPS). */
  COOKIE_SECURE: booleanFromEnv,
  /** Log level for pino. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-* headers from a load balancer. */
  TRUST_PROXY: booleanFromEnv,
  /** Run background jobs in the `serve` process too (set false on web-only instances; start `prongsai worker`). */
  JOB_WORKER: z.enum(['true', 'false', '1', '0', '']).default('true').transform((v) => v !== 'false' && v !== '0'),
});

export type Config = Readonly<z.infer<typeof ConfigSchema> & { dataDir: string }>;

/** Parses an environment into a config, or throws an Error listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration / การตั้งค่าไม่ถูกต้อง:\n${lines.join('\n')}`);
  }
  return Object.freeze({ ...result.data, dataDir: path.resolve(result.data.DATA_DIR) });
}

/** The config of this process, parsed from `process.env` on first use. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}
