// Answers 400 to requests whose path, query string or parsed body holds a NUL character.
import { errors } from '@strapi/utils';
import { containsNul, rawHasNul } from '../lib/security/nul-bytes';

type Ctx = { path: string; querystring: string; request: { body?: unknown } };

export default () => async (ctx: Ctx, next: () => Promise<unknown>) => {
  if (rawHasNul(ctx.path) || rawHasNul(ctx.querystring) || containsNul(ctx.request.body)) {
    throw new errors.ValidationError('The request contains a NUL character (U+0000), which no field accepts.');
  }
  return next();
};
