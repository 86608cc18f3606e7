import { markSnippet, MARK_END, MARK_START } from '../../../../src/plugins/search/lib/snippet';
import { articleText, markdownText, shownPhotoCaptions } from '../../../../src/plugins/search/lib/article-text';
import { completesWithinOneEdit, corrections, withinOneEdit } from '../../../../src/plugins/search/lib/typo';
import { parseSearchRequest, parseSuggestRequest, SearchRequestError } from '../../../../src/plugins/search/lib/search-request';

describe('markSnippet', () => {
  it('escapes everything and wraps only the marked words', () => {
    expect(markSnippet(`<b>Tom & "Jerry"</b> ${MARK_START}election${MARK_END} it's`)).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; <mark>election</mark> it&#39;s');
  });
  it('balances stray markers', () => {
    expect(markSnippet(`${MARK_END}a ${MARK_START}${MARK_START}b`)).toBe('a <mark>b</mark>');
    expect(markSnippet('')).toBe('');
  });
});

describe('articleText', () => {
  const article = {
    title: 'Floods\u0000 hit the north',
    kicker: 'Weather',
    standfirst: 'Rivers burst their banks',
    tags: [{ name: 'Climate' }, { name: 'Rivers' }],
    leadPhoto: { caption: 'A flooded street' },
    body: [
      { __component: 'blocks.rich-text', body: '# Heading\n\nSee [the map](https://example.com/map) and **bold** <em>text</em>.\n\n- a list item' },
      { __component: 'blocks.quote', text: 'We lost everything', attribution: 'A resident' },
      { __component: 'blocks.photo-embed', photo: { caption: 'Original caption' }, captionOverride: 'Boats in the square' },
      { __component: 'blocks.photo-embed', photo: { caption: 'Rescue team at work' } },
      { __component: 'blocks.photo-embed', photo: null, captionOverride: 'A photo that is not shown' },
      { __component: 'blocks.external-embed', url: 'https://example.com' },
    ],
  };

  it('splits text by weight, without markup, control characters or link targets', () => {
    const text = articleText(article);
    expect(text.title).toBe('Floods hit the north');
    expect(text.lede).toBe('Weather Rivers burst their banks');
    expect(text.body).toBe('Heading See the map and bold text . a list item We lost everything A resident');
    expect(text.tags).toBe('Climate Rivers');
  });

  it('indexes the captions of the photos the article shows, the block override first', () => {
    expect(shownPhotoCaptions(article)).toEqual(['A flooded street', 'Boats in the square', 'Rescue team at work']);
    expect(articleText({ title: 'x' }).captions).toBe('');
  });

  it('strips markdown images to their alt text', () => {
    expect(markdownText('![A dam](http://x/y.jpg) burst')).toBe('A dam burst');
  });
});

describe('one typo (suggestions)', () => {
  it('allows one insertion, deletion, substitution or swap of neighbours', () => {
    for (const [a, b] of [['elecion', 'election'], ['election', 'elecion'], ['elextion', 'election'], ['elcetion', 'election'], ['election', 'election']]) expect(withinOneEdit(a, b)).toBe(true);
    for (const [a, b] of [['elcion', 'election'], ['eelctoin', 'election'], ['vote', 'election']]) expect(withinOneEdit(a, b)).toBe(false);
    expect(withinOneEdit('выбры', 'выборы')).toBe(true);
  });

  it('compares a word being typed with the beginnings of headline words', () => {
    expect(completesWithinOneEdit('elec', 'election')).toBe(true);
    expect(completesWithinOneEdit('elct', 'election')).toBe(true);
    expect(completesWithinOneEdit('elecion', 'elections')).toBe(true);
    expect(completesWithinOneEdit('ecet', 'election')).toBe(false);
  });

  it('corrects only unknown words, most used headline words first', () => {
    const terms = [{ term: 'election', weight: 3 }, { term: 'elections', weight: 5 }, { term: 'elect', weight: 1 }, { term: 'eleven', weight: 9 }];
    expect(corrections('elecion', terms, true)).toEqual(['elections', 'election']);
    expect(corrections('elec', terms, true)).toEqual([]);
    expect(corrections('elext', terms, false)).toEqual(['elect']);
  });
});

describe('search request', () => {
  it('defaults and converts', () => {
    expect(parseSearchRequest({ q: 'x', limit: '5', to: '2026-01-31', from: '2026-01-01' })).toEqual({
      q: 'x', limit: 5, section: undefined, tag: undefined, locale: undefined, cursor: undefined,
      from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2026-01-31T23:59:59.999Z'),
    });
  });

  it.each([
    [{}, 'q is required'],
    [{ q: 'x', limit: '0' }, 'limit must be from 1 to 50.'],
    [{ q: 'x', limit: '51' }, 'limit must be from 1 to 50.'],
    [{ q: 'x', limit: '-1' }, 'limit must be a whole number from 1 to 50.'],
    [{ q: 'x', from: '2026-02-30x' }, 'from must be a date (YYYY-MM-DD or ISO 8601).'],
    [{ q: 'x', from: '2026-13-45' }, 'from is not a real date.'],
    [{ q: 'x', from: '2026-02-01', to: '2026-01-01' }, 'from must not be after to.'],
    [{ q: 'x', section: { $ne: 1 } }, 'section must be given once, as a slug.'],
    [{ q: 'x', extra: '1' }, 'Unknown parameter "extra". Allowed: q, section, tag, locale, from, to, limit, cursor.'],
  ])('refuses %j', (query, message) => {
    expect(() => parseSearchRequest(query as Record<string, unknown>)).toThrow(SearchRequestError);
    expect(() => parseSearchRequest(query as Record<string, unknown>)).toThrow(message);
  });

  it('suggest takes q and locale only', () => {
    expect(parseSuggestRequest({ q: 'ele' })).toEqual({ q: 'ele' });
    expect(() => parseSuggestRequest({ q: 'ele', limit: '3' })).toThrow('Unknown parameter "limit". Allowed: q, locale.');
  });
});
