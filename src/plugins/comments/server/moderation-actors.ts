// Who is calling: a logged-in reader (users-permissions JWT) or an integration (API token).
import { errors } from '@strapi/utils';
import { isApiTokenRequest } from '../../../document-middlewares/published-only';
import { forbidden, invalid } from './moderation-errors';
import type { Actor } from './moderation-support';

export type RequestState = { user?: { id: number }; auth?: { strategy?: { name?: string }; credentials?: { id?: number | string; name?: string } }; route?: { info?: { type?: string } } };

/** The logged-in reader's id: 401 when anonymous, 403 for an API token (readers only). */
export function readerId(state: RequestState | undefined): number {
  if (state?.auth?.strategy?.name !== 'users-permissions' || !state.user?.id) {
    if (isApiTokenRequest(state)) throw forbidden('ReaderOnly', 'Only a logged-in reader can do this.');
    throw new errors.UnauthorizedError('Log in first.');
  }
  return state.user.id;
}

/** The integration's actor (an API token): 403 for anyone else, whatever role permissions say. */
export function integrationActor(state: RequestState | undefined): Actor {
  if (!isApiTokenRequest(state)) throw forbidden('ApiTokenRequired', 'Moderation over the API needs an API token.');
  const token = state?.auth?.credentials ?? {};
  return { type: 'api-token', id: String(token.id ?? ''), name: `API token ${token.name ?? String(token.id ?? '')}`.trim() };
}

/** `{ data: { ... } }` of a request body, 400 when missing or not an object. */
export function dataOf(body: unknown): Record<string, unknown> {
  const data = (body as { data?: unknown } | null | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('The body must be { "data": { … } }.', { field: 'data' });
  return data as Record<string, unknown>;
}

/** A positive integer id from a path parameter (400 otherwise). */
export function idParam(value: unknown, name = 'id'): number {
  const id = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw invalid(`${name} must be a positive whole number.`, { field: name });
  return id;
}

export function optionalString(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${key} must be a string.`, { field: key });
  return value;
}
