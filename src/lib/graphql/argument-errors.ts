// GraphQL fields that take the REST validation (feeds, search): its errors re-worded with
// GraphQL's argument names, `first` and `after` for REST's `limit` and `cursor`.
import { errors } from '@strapi/utils';

const PAGING_ARGS: Record<string, string> = { limit: 'first', cursor: 'after' };

/** The REST validation error `e` as a ValidationError naming the GraphQL argument. */
export function argumentError(e: { message: string; path: string[] }): InstanceType<typeof errors.ValidationError> {
  const name = PAGING_ARGS[e.path[0]] ?? e.path[0];
  return new errors.ValidationError(e.message.replace(/^(limit|cursor)\b/, name), { path: [name] });
}
