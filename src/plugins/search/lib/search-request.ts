// Validates the search endpoints' query parameters (REST and GraphQL share it) into plain values.
import { z } from 'zod';
import { MAX_QUERY_CHARS } from './query-parser';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;
export const SUGGEST_LIMIT = 8;

export class SearchRequestError extends Error {
  constructor(message: string, readonly path: string[]) {
    super(message);
  }
}

const slug = (name: string) =>
  z.string({ invalid_type_error: `${name} must be given once, as a slug.` }).regex(/^[A-Za-z0-9_-]{1,200}$/, `${name} must be a slug (letters, digits, - and _).`);

const day = (name: string) =>
  z
    .string({ invalid_type_error: `${name} must be given once, as a date.` })
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, `${name} must be a date (YYYY-MM-DD or ISO 8601).`)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name} is not a real date.`);

const q = z
  .string({ required_error: 'q is required: the words to search for.', invalid_type_error: 'q must be given once, as text.' })
  .max(MAX_QUERY_CHARS * 4, `q is too long: at most ${MAX_QUERY_CHARS} characters.`)
  .refine((v) => v.trim() !== '', 'q is required: the words to search for.');

const searchSchema = z
  .object({
    q,
    section: slug('section').optional(),
    tag: slug('tag').optional(),
    locale: z.string({ invalid_type_error: 'locale must be given once.' }).regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'locale must be a locale code such as en or fr-CA.').optional(),
    from: day('from').optional(),
    to: day('to').optional(),
    limit: z
      .string({ invalid_type_error: 'limit must be given once, as a number.' })
      .regex(/^\d{1,4}$/, `limit must be a whole number from 1 to ${MAX_LIMIT}.`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_LIMIT, `limit must be from 1 to ${MAX_LIMIT}.`)
      .optional(),
    cursor: z.string({ invalid_type_error: 'cursor must be given once.' }).max(512, 'The cursor is malformed.').optional(),
  })
  .strict();

export interface SearchRequest {
  q: string;
  section?: string;
  tag?: string;
  locale?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

function fail(error: z.ZodError): never {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new SearchRequestError(`Unknown parameter "${issue.keys[0]}". Allowed: q, section, tag, locale, from, to, limit, cursor.`, [issue.keys[0]]);
  }
  throw new SearchRequestError(issue.message, issue.path.map(String));
}

/** `to` given as a day means the whole of that day. */
const endOf = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(Date.parse(v) + 86_400_000 - 1) : new Date(v));

export function parseSearchRequest(query: Record<string, unknown>): SearchRequest {
  const parsed = searchSchema.safeParse(query);
  if (!parsed.success) fail(parsed.error);
  const v = parsed.data;
  const from = v.from ? new Date(v.from) : undefined;
  const to = v.to ? endOf(v.to) : undefined;
  if (from && to && from > to) throw new SearchRequestError('from must not be after to.', ['from']);
  return { q: v.q, section: v.section, tag: v.tag, locale: v.locale, from, to, limit: v.limit ?? DEFAULT_LIMIT, cursor: v.cursor };
}

const suggestSchema = z.object({ q, locale: searchSchema.shape.locale }).strict();

export function parseSuggestRequest(query: Record<string, unknown>): { q: string; locale?: string } {
  const parsed = suggestSchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys') throw new SearchRequestError(`Unknown parameter "${issue.keys[0]}". Allowed: q, locale.`, [issue.keys[0]]);
    fail(parsed.error);
  }
  return parsed.data;
}
