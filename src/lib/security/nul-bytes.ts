// Finds NUL characters in request input: PostgreSQL refuses them in text with an error (a 500
// and, over GraphQL, the SQL text in the error), so they are turned away as bad input first.

/** True when a string, or any key or string inside arrays/objects, holds U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/** True when a raw URL component (path or query string) encodes or holds U+0000. */
export function rawHasNul(raw: string): boolean {
  return raw.includes('\u0000') || /%00/i.test(raw);
}

/** True when GraphQL source text holds U+0000 raw or as a `\u0000` string escape. */
export function graphqlSourceHasNul(source: string): boolean {
  return source.includes('\u0000') || /\\u0000|\\u\{0+\}/i.test(source);
}
