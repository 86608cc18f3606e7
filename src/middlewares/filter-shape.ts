// Answers 400 to `filters` whose logical operators have the wrong shape. Strapi's query validation
// walks `$and`/`$or` as arrays and `$not` as an object; `filters[$or][documentId]=x` (an object
// where an array belongs) otherwise reaches its internals and fails with a 500.
import { errors } from '@strapi/utils';

const ARRAY_OPERATORS = new Set(['$and', '$or']);

/** The path of the first misshapen logical operator in a filters tree, or null. */
export function misshapenOperator(value: unknown, path = 'filters', depth = 0): string | null {
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const here = `${path}[${key}]`;
    if (ARRAY_OPERATORS.has(key) && !Array.isArray(child)) return here;
    if (key === '$not' && (child === null || typeof child !== 'object' || Array.isArray(child))) return here;
    if (ARRAY_OPERATORS.has(key) && (child as unknown[]).some((item) => item === null || typeof item !== 'object' || Array.isArray(item))) return here;
    const nested = misshapenOperator(child, here, depth + 1);
    if (nested) return nested;
  }
  return null;
}

type Ctx = { query?: Record<string, unknown> };

export default () => async (ctx: Ctx, next: () => Promise<unknown>) => {
  const filters = ctx.query?.filters;
  if (filters !== undefined) {
    const bad = misshapenOperator(filters);
    if (bad) throw new errors.ValidationError(`Invalid filter ${bad}: $and and $or take a list of conditions ([0]=…), $not one condition.`);
  }
  return next();
};
