// URL slugs from titles in any script; Cyrillic and other letters are transliterated.
import slugify from 'slugify';

export const MAX_SLUG_LENGTH = 120;

export function makeSlug(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const slug = slugify(title ?? '', { lower: true, strict: true, trim: true, locale: 'en' });
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so the slug never ends in half a word.
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** "kyiv-talks" taken? try "kyiv-talks-2", "kyiv-talks-3", ... */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>, fallback = 'untitled'): Promise<string> {
  const root = base || fallback;
  if (!(await isTaken(root))) return root;
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${root}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for "${root}"`);
}
