// Parses the CORS allow-list from configuration: exact origins only, never a wildcard.

/**
 * `CORS_ORIGINS` is a comma-separated list of origins such as `https://www.example.com`.
 * Each entry is reduced to its origin (scheme, host, port) so a trailing slash or path does not
 * silently fail to match. `*` is refused: the content API sends credentials-capable responses.
 */
export function parseCorsOrigins(value: string, fallback: string[] = []): string[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return [...new Set(fallback)];
  const origins = entries.map((entry) => {
    if (entry === '*') throw new Error('CORS_ORIGINS must list origins explicitly; "*" is not allowed');
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`CORS_ORIGINS entry "${entry}" is not a URL such as https://www.example.com`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`CORS_ORIGINS entry "${entry}" must be an http(s) origin`);
    }
    return url.origin;
  });
  return [...new Set(origins)];
}
