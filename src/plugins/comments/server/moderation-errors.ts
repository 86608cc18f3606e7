// Errors of moderation, reports, blocks and appeals, in Strapi's error shape with a name of their
// own (status from the base class: ApplicationError 400, ForbiddenError 403, NotFoundError 404).
import { errors } from '@strapi/utils';
import type { RefusalReason } from '../lib/blocks';

function named<T extends Error>(error: T, name: string): T {
  (error as { name: string }).name = name;
  return error;
}

export const badRequest = (name: string, message: string, details: Record<string, unknown> = {}) => named(new errors.ApplicationError(message, details), name);
export const invalid = (message: string, details: Record<string, unknown> = {}) => new errors.ValidationError(message, details);
// A PolicyError (403): Strapi's authorize step, which wraps the handler too, turns any other ForbiddenError into a bare "Forbidden".
export const forbidden = (name: string, message: string, details: Record<string, unknown> = {}) => named(new errors.PolicyError(message, details), name);
export const notFound = (message: string) => new errors.NotFoundError(message);

/** 403 AccountBlocked: a blocked reader can read but not post, report or edit. */
export const accountBlocked = (code: string, permanent: boolean) =>
  forbidden('AccountBlocked', permanent ? 'This account is blocked for good.' : 'This account is blocked; you may appeal (POST /api/account/appeals).', { code, permanent });

/** The state machine's refusal as an HTTP error: BlockPermanent 403, a missing appeal 404, the rest 400. */
export function refusal(reason: RefusalReason, message: string): Error {
  if (reason === 'BlockPermanent') return forbidden(reason, message, { reason });
  if (reason === 'AppealNotFound') return notFound(message);
  return badRequest(reason, message, { reason });
}
