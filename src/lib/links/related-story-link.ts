// Validates a related-story link: exactly one target, an internal article or an external http(s) URL.

export interface RelatedStoryLinkInput {
  article?: unknown;
  url?: string | null;
  titleOverride?: string | null;
  label?: string | null;
}

/** True when the value is an absolute http(s) URL with a host; refuses javascript:, data:, //x and friends. */
export function isSafeHttpUrl(value: string): boolean {
  // Browsers strip ASCII tab/newline and leading/trailing C0 controls and spaces before parsing.
  if (/[\u0000-\u001f\u007f\s]/.test(value.trim()) || value !== value.trim()) return false;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0 && /^https?:\/\/[^/]/i.test(value);
}

/** Whether a relation value in Document Service input names at least one target. */
export function hasRelationTarget(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('connect' in v || 'set' in v) {
      const list = (v.set ?? v.connect) as unknown;
      return Array.isArray(list) ? list.length > 0 : hasRelationTarget(list);
    }
    return 'documentId' in v || 'id' in v;
  }
  return false;
}

/**
 * Returns the reason the link is invalid, or null when it is valid.
 * `articleUnknown` covers partial updates where the relation is not in the payload.
 */
export function relatedStoryLinkError(link: RelatedStoryLinkInput, opts: { articleUnknown?: boolean } = {}): string | null {
  const url = typeof link.url === 'string' ? link.url : '';
  const hasUrl = url.trim().length > 0;
  const hasArticle = opts.articleUnknown ? false : hasRelationTarget(link.article);
  if (hasUrl && hasArticle) return 'A related-story link takes either an internal article or an external URL, not both.';
  if (!hasUrl && !hasArticle) return 'A related-story link needs a target: choose an article or enter an external http(s) URL.';
  if (hasUrl && !isSafeHttpUrl(url)) return `The related-story URL "${url.slice(0, 200)}" is not an absolute http(s) URL.`;
  return null;
}
