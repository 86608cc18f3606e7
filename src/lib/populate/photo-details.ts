// Rewrites a Document Service populate so every photo it returns carries its credit
// structure and image: a photo never travels without caption, credit and alt text.

export const PHOTO_UID = 'api::photo.photo';
const PHOTO_DETAILS = ['credit', 'image'] as const;

type Attribute = { type: string; target?: string; component?: string; components?: string[] };
export type GetAttributes = (uid: string) => Record<string, Attribute> | undefined;
type PopulateObject = Record<string, unknown>;

const POPULATABLE = new Set(['relation', 'component', 'media', 'dynamiczone']);

/** Strapi's populate forms ('*', true, 'a,b', ['a'], { a: … }) as an object, or null to leave as is. */
function toObject(populate: unknown, attributes: Record<string, Attribute>): PopulateObject | null {
  if (populate === undefined || populate === null || populate === false) return {};
  if (populate === '*' || populate === true) {
    return Object.fromEntries(Object.entries(attributes).filter(([, a]) => POPULATABLE.has(a.type)).map(([k]) => [k, true]));
  }
  if (typeof populate === 'string') return Object.fromEntries(populate.split(',').map((k) => [k.trim(), true]));
  if (Array.isArray(populate)) {
    if (!populate.every((k) => typeof k === 'string')) return null;
    return Object.fromEntries((populate as string[]).map((k) => [k, true]));
  }
  if (typeof populate === 'object') return { ...(populate as PopulateObject) };
  return null;
}

/** The nested entry for one populated key, with its own populate rewritten for `uid`. */
function nested(value: unknown, uid: string, getAttributes: GetAttributes, depth: number): unknown {
  if (value === 'true') value = true; // query strings carry booleans as text
  if (value === true || value === '*' || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
    const entry: PopulateObject = value === true || value === '*' ? {} : { ...(value as PopulateObject) };
    if ('on' in entry) return entry; // dynamic-zone form handled by the caller
    const rewritten = withPhotoDetails(uid, entry.populate, getAttributes, depth + 1);
    if (rewritten !== undefined) entry.populate = rewritten;
    return Object.keys(entry).length === 0 ? true : entry;
  }
  return value;
}

export function withPhotoDetails(uid: string, populate: unknown, getAttributes: GetAttributes, depth = 0): unknown {
  if (depth > 6) return populate; // the API's own depth limits apply long before this
  const attributes = getAttributes(uid);
  if (!attributes) return populate;
  const isPhoto = uid === PHOTO_UID;
  if (!isPhoto && (populate === undefined || populate === null || populate === false)) return populate;
  const object = toObject(populate, attributes);
  if (!object) return populate;

  for (const [key, value] of Object.entries(object)) {
    const attribute = attributes[key];
    if (!attribute || value === false || value === 'false') continue;
    if (attribute.type === 'relation' && attribute.target) {
      // Only photos need rewriting below a relation; other targets keep what was asked.
      if (attribute.target === PHOTO_UID || (typeof value === 'object' && value !== null)) {
        object[key] = nested(value, attribute.target, getAttributes, depth);
      }
    } else if (attribute.type === 'component' && attribute.component && typeof value === 'object' && value !== null) {
      object[key] = nested(value, attribute.component, getAttributes, depth);
    } else if (attribute.type === 'dynamiczone' && typeof value === 'object' && value !== null && 'on' in (value as object)) {
      const on = { ...((value as { on: PopulateObject }).on ?? {}) };
      for (const [component, sub] of Object.entries(on)) on[component] = nested(sub, component, getAttributes, depth);
      object[key] = { ...(value as PopulateObject), on };
    }
  }
  if (isPhoto) for (const detail of PHOTO_DETAILS) if (!object[detail]) object[detail] = true;
  return object;
}
