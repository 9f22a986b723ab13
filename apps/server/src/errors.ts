/**
 * AppError: the one error type services throw. Its code comes from the closed set in
 * `@prongsai/contracts` (ErrorCode), which maps to an HTTP status and to a Thai and English message.
 * Services never throw HTTP errors; the one Fastify error handler (see app.ts) maps codes to statuses.
 */
import { ERROR_STATUS, errorMessage, type ErrorCode } from '@prongsai/contracts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? errorMessage(code, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Throws FORBIDDEN unless `allowed` is true. Used right after a policy decision. */
export function assertAllowed(allowed: boolean): asserts allowed {
  if (!allowed) throw new AppError('FORBIDDEN');
}

/** For exhaustive switches over closed unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
