// Validates a feed request's query string (format, locale, limit, cursor, date) into plain values.
import { z } from 'zod';
import { FEED_FORMATS, type FeedFormat } from './types';
import { parseDay } from '../weeks/picture-week';

export const FEED_LIMIT = { min: 1, max: 50, default: 20 } as const;

export interface FeedQuery {
  format: FeedFormat;
  locale?: string;
  limit: number;
  cursor?: string;
  date?: string;
}

export class FeedQueryError extends Error {
  constructor(message: string, readonly path: string[]) {
    super(message);
  }
}

const single = (name: string) =>
  z.unknown().refine((v) => v === undefined || typeof v === 'string', { message: `${name} must be given once, as a single value.` });

const schema = z.object({
  format: single('format').pipe(
    z
      .enum(FEED_FORMATS as [FeedFormat, ...FeedFormat[]], {
        errorMap: () => ({ message: `format must be one of ${FEED_FORMATS.join(', ')}.` }),
      })
      .optional(),
  ),
  locale: single('locale').pipe(
    z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, 'locale must be a locale code such as en or fr-FR.')
      .optional(),
  ),
  limit: single('limit').pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, `limit must be a whole number from ${FEED_LIMIT.min} to ${FEED_LIMIT.max}.`)
      .transform(Number)
      .pipe(
        z
          .number()
          .min(FEED_LIMIT.min, `limit must be a whole number from ${FEED_LIMIT.min} to ${FEED_LIMIT.max}.`)
          .max(FEED_LIMIT.max, `limit must be a whole number from ${FEED_LIMIT.min} to ${FEED_LIMIT.max}.`),
      )
      .optional(),
  ),
  cursor: single('cursor').pipe(z.string().min(1, 'cursor must not be empty.').max(512, 'cursor is too long.').optional()),
  date: single('date').pipe(
    z
      .string()
      .refine((v) => parseDay(v) !== null, 'date must be a real calendar day written YYYY-MM-DD.')
      .optional(),
  ),
});

/** Parses the query; `allowDate` is for the picture-week feed only. Throws FeedQueryError with the first problem. */
export function parseFeedQuery(query: Record<string, unknown>, opts: { allowDate?: boolean } = {}): FeedQuery {
  const input = { format: query.format, locale: query.locale, limit: query.limit, cursor: query.cursor, date: query.date };
  if (!opts.allowDate && input.date !== undefined) throw new FeedQueryError('date is only accepted by the This Week in Pictures feed.', ['date']);
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FeedQueryError(issue.message, issue.path.map(String));
  }
  const v = result.data;
  return {
    format: v.format ?? 'json',
    limit: v.limit ?? FEED_LIMIT.default,
    ...(v.locale ? { locale: v.locale } : {}),
    ...(v.cursor ? { cursor: v.cursor } : {}),
    ...(v.date ? { date: v.date } : {}),
  };
}
