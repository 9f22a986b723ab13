/** Small schemas shared by several resources. */
import { z } from 'zod';

/** A page request: `limit` 1–200 (default 50) and `offset` ≥ 0. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Output format of open-data endpoints. */
export const FormatQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** A UUID path parameter. */
export const IdParamsSchema = z.object({ id: z.string().uuid() });

export const OkSchema = z.object({ ok: z.literal(true) });
