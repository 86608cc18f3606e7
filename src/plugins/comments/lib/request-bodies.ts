// Shapes of the comment routes' bodies and queries. Bodies are strict: an unknown key is refused.
// The comment text itself is checked by ./body.ts (checkBody), not here.
import { z } from 'zod';

const id = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9][0-9]{0,14}$/, 'must be a comment id').transform(Number)]);

export const postBody = z
  .object({
    data: z.object({ body: z.unknown(), parent: id.nullable().optional() }, { required_error: 'is required', invalid_type_error: 'must be an object' }).strict(),
  })
  .strict();

export const editBody = z.object({ data: z.object({ body: z.unknown() }, { required_error: 'is required', invalid_type_error: 'must be an object' }).strict() }).strict();

export const acceptBody = z.object({ version: z.number({ required_error: 'is required', invalid_type_error: 'must be a number' }).int().positive() }).strict();

export const commentId = id;

export const listQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.string().regex(/^[1-9][0-9]{0,3}$/, 'must be a whole number ≥ 1').transform(Number).optional(),
  sort: z.enum(['oldest', 'newest']).optional(),
  locale: z.string().max(20).optional(),
});

/** Article documentIds as Strapi makes them (24 lowercase letters and digits), with some slack. */
export const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
