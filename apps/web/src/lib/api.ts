/**
 * The typed API client: calls /api/v1, parses every response with the Zod schema from
 * @prongsai/contracts, and turns error bodies into ApiError carrying the stable `code`.
 * Screens show `errorText(error, locale)`, never the raw response.
 */
import type { z } from 'zod';
import { ERROR_CODES, ErrorBodySchema, errorMessage, type ErrorCode } from '@prongsai/contracts';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(`${code} (${status})`);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/v1` + path + query string (empty and undefined values left out). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const parsed = ErrorBodySchema.safeParse(await response.json());
    if (parsed.success) return new ApiError(parsed.data.code, response.status, parsed.data.details, parsed.data.requestId);
  } catch {
    /* not JSON */
  }
  const fallback: ErrorCode = response.status === 404 ? 'NOT_FOUND' : response.status === 403 ? 'FORBIDDEN' : response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL';
  return new ApiError(fallback, response.status);
}

async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S | null,
  options: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('INTERNAL', 0);
  }
  if (!response.ok) throw await toApiError(response);
  if (schema === null || response.status === 204) return undefined as z.infer<S>;
  const result = schema.safeParse(await response.json());
  if (!result.success) {
    console.error('Response does not match the contract', path, result.error);
    throw new ApiError('INTERNAL', response.status);
  }
  return result.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query, signal?: AbortSignal) => request('GET', path, schema, { query, signal }),
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S | null) => request('POST', path, schema, { body: body ?? {} }),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S | null) => request('PATCH', path, schema, { body }),
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S | null) => request('PUT', path, schema, { body }),
  delete: (path: string) => request('DELETE', path, null),
};

/** The person-readable message for any error, in the given locale. */
export function errorText(error: unknown, locale: 'th' | 'en'): string {
  const code: ErrorCode = error instanceof ApiError && (ERROR_CODES as string[]).includes(error.code) ? error.code : 'INTERNAL';
  return errorMessage(code, locale);
}

/** Field errors of a VALIDATION_FAILED response, as `path: message` lines. */
export function fieldErrors(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  if (Array.isArray(fields)) return fields.map((f: { path?: string; message?: string }) => `${f.path ?? ''}: ${f.message ?? ''}`);
  if (fields && typeof fields === 'object') return Object.entries(fields).map(([k, v]) => `${k}: ${String(v)}`);
  return [];
}
