// The surrogate keys a populated document shows, found by walking it along its schema (relations,
// components, dynamic zones): whatever a page populates, the keys that purge it follow.
import type { Core, UID } from '@strapi/strapi';

type Raw = Record<string, unknown>;
type Attribute = { type: string; target?: string; component?: string };

/** How each content type that feeds show is named in a surrogate key. */
const KEY_OF: Record<string, (doc: Raw) => string | null> = {
  'api::article.article': (d) => (d.documentId ? `article:${d.documentId}` : null),
  'api::photo.photo': (d) => (d.documentId ? `photo:${d.documentId}` : null),
  'api::gallery.gallery': (d) => (d.documentId ? `gallery:${d.documentId}` : null),
  'api::tag.tag': (d) => (d.documentId ? `tag:${d.documentId}` : null),
  // Sections by slug, as CDNs were told (README); a rename purges by the old and the new slug.
  'api::section.section': (d) => (d.slug ? `section:${d.slug}` : null),
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const attributesOf = (uid: string) => (strapi.getModel(uid as UID.Schema) as unknown as { attributes?: Record<string, Attribute> } | undefined)?.attributes ?? {};

  function walk(uid: string, value: unknown, out: Set<string>, depth: number) {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(uid, v, out, depth);
      return;
    }
    const doc = value as Raw;
    const key = KEY_OF[uid]?.(doc);
    if (key) out.add(key);
    for (const [name, attribute] of Object.entries(attributesOf(uid))) {
      const child = doc[name];
      if (child === null || child === undefined) continue;
      if (attribute.type === 'relation' && attribute.target) walk(attribute.target, child, out, depth + 1);
      else if (attribute.type === 'component' && attribute.component) walk(attribute.component, child, out, depth + 1);
      else if (attribute.type === 'dynamiczone' && Array.isArray(child)) {
        for (const block of child as Raw[]) if (typeof block?.__component === 'string') walk(block.__component, block, out, depth + 1);
      }
    }
  }

  return {
    /** Keys of the document itself and of everything populated inside it. */
    ofDocument(uid: string, raw: unknown): string[] {
      const out = new Set<string>();
      walk(uid, raw, out, 0);
      return [...out];
    },
  };
};
