// Request parsing shared by the comments controllers: zod issues become a 400 ValidationError.
import type { z } from 'zod';
import { errors } from '@strapi/utils';

export interface Ctx {
  state: { user?: { id: number } };
  request: { body?: unknown; ip: string };
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  set(name: string, value: string): void;
}

export function currentUserId(ctx: { state: { user?: { id: number } } }): number {
  const id = ctx.state.user?.id;
  if (!id) throw new errors.UnauthorizedError('Log in first.');
  return id;
}

export function parse<T extends z.ZodTypeAny>(schema: T, input: unknown, what = 'The request body'): z.infer<T> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new errors.ValidationError(`${what} must be a JSON object.`);
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path, message: i.message }));
    const first = issues[0];
    throw new errors.ValidationError(first ? `${first.path.join('.') || 'body'} ${first.message}` : 'Invalid input.', { errors: issues });
  }
  return result.data;
}
