// Document Service middlewares here read only the context fields they need (uid, action, params);
// Strapi's Middleware type is a union over every content type and action that such a function
// cannot name, so this is the one place the two meet.
import type { Modules } from '@strapi/strapi';

export type DocumentMiddleware = (ctx: never, next: () => Promise<unknown>) => Promise<unknown>;

export function documentMiddleware(middleware: DocumentMiddleware): Modules.Documents.Middleware.Middleware {
  // Strapi's typings force this: its per-uid/per-action context union has no common supertype to write against.
  return middleware as unknown as Modules.Documents.Middleware.Middleware;
}
