import { canonical, isEmpty, parseQuery, QueryError, wordsOf, MAX_QUERY_CHARS } from '../../../../src/plugins/search/lib/query-parser';
import { renderFts5, vocabularyForm } from '../../../../src/plugins/search/lib/render-fts5';
import { pgConfigFor, renderTsquery } from '../../../../src/plugins/search/lib/render-tsquery';

describe('parseQuery', () => {
  it('reads words, phrases, or, exclusions and the prefix of the word being typed', () => {
    expect(parseQuery('Election "new constitution" -markets rock or roll')).toEqual({
      must: [
        [{ kind: 'word', text: 'election', prefix: false }],
        [{ kind: 'phrase', words: ['new', 'constitution'] }],
        [
          { kind: 'word', text: 'rock', prefix: false },
          { kind: 'word', text: 'roll', prefix: false }, // no prefix inside an or group
        ],
      ],
      not: [{ kind: 'word', text: 'markets', prefix: false }],
    });
  });

  it('stops the prefix after a space, a closing quote, an or group or a short word', () => {
    expect(parseQuery('electi').must[0][0]).toEqual({ kind: 'word', text: 'electi', prefix: true });
    expect(parseQuery('electi ').must[0][0]).toEqual({ kind: 'word', text: 'electi', prefix: false });
    expect(parseQuery('"electi"').must[0][0]).toEqual({ kind: 'word', text: 'electi', prefix: false });
    expect(parseQuery('a').must[0][0]).toEqual({ kind: 'word', text: 'a', prefix: false });
    expect(parseQuery('electi', { prefixLast: false }).must[0][0]).toMatchObject({ prefix: false });
  });

  it('turns a hyphenated or punctuated chunk into a phrase of its words', () => {
    expect(parseQuery('covid-19 ').must).toEqual([[{ kind: 'phrase', words: ['covid', '19'] }]]);
    expect(parseQuery("don't ").must).toEqual([[{ kind: 'phrase', words: ['don', 't'] }]]);
  });

  it('keeps Cyrillic, accents and CJK as words, lower-cased and NFKC-normalised', () => {
    expect(wordsOf('Выборы Café ＡＢＣ 東京')).toEqual(['выборы', 'café', 'abc', '東京']);
  });

  it.each([
    ['*'],
    ['-'],
    ['""'],
    ['" "'],
    ['or'],
    ['OR OR'],
    ['&|!():*^'],
    ['-election'],
    ['\u0000\u0007\u200b'],
    ['🗳️🎉'],
    ['\uE000\uE001'],
  ])('finds nothing to match in %j without throwing', (q) => {
    const ast = parseQuery(q);
    expect(isEmpty(ast)).toBe(true);
    expect(renderFts5(ast)).toBeNull();
    expect(renderTsquery(ast, 'english')).toBeNull();
  });

  it.each([
    ['NEAR(a b)', '"near a" AND "b"'], // one chunk with punctuation inside is a phrase of its words
    ['NEAR(ab cd)', '"near ab" AND "cd"'], // no prefix after ")"
    ['NEAR(ab cd', '"near ab" AND "cd"*'],
    ['title:election', '"title election"'],
    ['{title}: x', '"title" AND "x"'],
    ['a AND b NOT c', '"a" AND "and" AND "b" AND "not" AND "c"'],
    ["'; DROP TABLE x; --", '"drop" AND "table" AND "x"'],
    ['"unbalanced quote', '"unbalanced quote"'],
    ['elec\u0000tion', '"elec" AND "tion"*'],
  ])('reads hostile input %j as plain words', (q, fts) => {
    const rendered = renderFts5(parseQuery(q))!;
    expect(rendered).toBe(fts);
    expect(rendered).not.toMatch(/[:^{}();]|NEAR/);
  });

  it('refuses queries that are too long or have too many terms', () => {
    expect(() => parseQuery('x'.repeat(10_000))).toThrow(QueryError);
    expect(() => parseQuery('x'.repeat(MAX_QUERY_CHARS + 1))).toThrow(/too long/);
    expect(() => parseQuery('x'.repeat(MAX_QUERY_CHARS))).not.toThrow();
    expect(() => parseQuery(Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '))).toThrow(/too many terms/);
  });

  it('caps phrases and gives a stable canonical form', () => {
    expect(parseQuery(`"${'a b c d e f g h i j'}"`).must[0][0]).toEqual({ kind: 'phrase', words: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] });
    expect(canonical(parseQuery('B or a -c "d e"'))).toBe('b|a "d e" -c');
    expect(canonical(parseQuery('  b   or a -c  "d e"'))).toBe(canonical(parseQuery('B OR a -c "D E"')));
  });
});

describe('renderFts5', () => {
  it('quotes every term and writes only its own operators', () => {
    expect(renderFts5(parseQuery('rock or roll "new constitution" -markets -"old town"'))).toBe(
      '(("rock" OR "roll") AND "new constitution") NOT ("markets" OR "old town")',
    );
  });

  it('completes a prefix with the vocabulary words given', () => {
    expect(renderFts5(parseQuery('electi'), { electi: ['election', 'elections'] })).toBe('("electi"* OR "election" OR "elections")');
    expect(renderFts5(parseQuery('electi'))).toBe('"electi"*');
    expect(vocabularyForm('Café')).toBe('cafe');
  });
});

describe('renderTsquery', () => {
  it('binds every term as a quoted lexeme of the locale configuration', () => {
    const f = renderTsquery(parseQuery('rock or roll "new constitution" -markets '), 'english')!;
    expect(f.sql).toBe('(((to_tsquery(?::regconfig, ?) || to_tsquery(?::regconfig, ?)) && to_tsquery(?::regconfig, ?)) && !!to_tsquery(?::regconfig, ?))');
    expect(f.bindings).toEqual(['english', "'rock'", 'english', "'roll'", 'english', "'new' <-> 'constitution'", 'english', "'markets'"]);
  });

  it('matches the word being typed unstemmed as a prefix, or whole and stemmed', () => {
    const f = renderTsquery(parseQuery('electi'), 'english')!;
    expect(f.sql).toBe("(to_tsquery('simple', ?) || to_tsquery(?::regconfig, ?))");
    expect(f.bindings).toEqual(["'electi':*", 'english', "'electi'"]);
  });

  it('never lets a quote or backslash out of a lexeme', () => {
    // The parser keeps only letters, digits and marks; the renderer still escapes as a second line of defence.
    const f = renderTsquery({ must: [[{ kind: 'word', text: "a'b\\c", prefix: false }]], not: [] }, 'simple')!;
    expect(f.bindings[1]).toBe("'a''b\\\\c'");
  });

  it('picks the PostgreSQL configuration of a locale, simple otherwise', () => {
    expect(pgConfigFor('en')).toBe('english');
    expect(pgConfigFor('fr-CA')).toBe('french');
    expect(pgConfigFor('ru')).toBe('russian');
    expect(pgConfigFor('ja')).toBe('simple');
  });
});
