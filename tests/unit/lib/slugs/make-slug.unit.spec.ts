import { makeSlug, uniqueSlug } from '../../../../src/lib/slugs/make-slug';

describe('makeSlug', () => {
  it('lower-cases and hyphenates a Latin title, dropping punctuation', () => {
    expect(makeSlug('Parliament passes budget, after all-night session!')).toBe('parliament-passes-budget-after-all-night-session');
  });

  it('transliterates Cyrillic titles', () => {
    expect(makeSlug('Новый мост соединил берега')).toBe('novyj-most-soedinil-berega');
  });

  it('transliterates accented Latin letters', () => {
    expect(makeSlug('Café à São Paulo')).toBe('cafe-a-sao-paulo');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = makeSlug('word '.repeat(100), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });

  it('gives an empty slug for a title with no letters or digits', () => {
    expect(makeSlug('!!! ???')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('appends a counter until the slug is free', async () => {
    const taken = new Set(['kyiv-talks', 'kyiv-talks-2']);
    await expect(uniqueSlug('kyiv-talks', async (s) => taken.has(s))).resolves.toBe('kyiv-talks-3');
  });

  it('uses the fallback for an empty base', async () => {
    await expect(uniqueSlug('', async () => false, 'article')).resolves.toBe('article');
  });
});
