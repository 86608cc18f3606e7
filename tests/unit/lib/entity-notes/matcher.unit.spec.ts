import { createMatcher, type MatcherEntry } from '../../../../src/lib/entity-notes/matcher';

const words = (text: string, entries: MatcherEntry[]) => createMatcher(entries).find(text).map((m) => `${m.key}:${text.slice(m.start, m.end)}`);

describe('entity matcher', () => {
  const isis: MatcherEntry = { key: 'isis', terms: ['Islamic State', 'ISIS', 'ИГИЛ', 'Исламское государство', 'Исламского государства', 'Исламским государством'] };

  it('finds names and aliases case-insensitively, on word boundaries only', () => {
    expect(words('isis and Islamic state fighters; ISISx and xISIS and crisis are not', [isis])).toEqual(['isis:isis', 'isis:Islamic state']);
  });

  it('folds diacritics both ways', () => {
    const e = { key: 'soc', terms: ['Société Générale'] };
    expect(words('SOCIETE GENERALE said; société générale agreed', [e])).toEqual(['soc:SOCIETE GENERALE', 'soc:société générale']);
    expect(words('Societe Generale', [{ key: 'x', terms: ['Société Générale'] }])).toEqual(['x:Societe Generale']);
  });

  it('matches Russian inflections listed as aliases, and ё as е', () => {
    const text = 'Боевики Исламского государства (ИГИЛ) и бойцы, воевавшие с исламским государством.';
    expect(words(text, [isis])).toEqual(['isis:Исламского государства', 'isis:ИГИЛ', 'isis:исламским государством']);
    expect(words('Ёлкин и ЕЛКИН', [{ key: 'e', terms: ['Елкин'] }])).toEqual(['e:Ёлкин', 'e:ЕЛКИН']);
  });

  it('never matches inside a Cyrillic word', () => {
    expect(words('ИГИЛовцы и сверхИГИЛ', [isis])).toEqual([]);
  });

  it('lets the longest match win when entities overlap, whatever their order', () => {
    const a = { key: 'state', terms: ['Islamic State'] };
    const b = { key: 'west', terms: ['State of the West'] };
    const c = { key: 'islamic', terms: ['Islamic'] };
    const text = 'The Islamic State of the West Africa Province';
    expect(words(text, [a, b, c])).toEqual(['islamic:Islamic', 'west:State of the West']);
    expect(words(text, [c, b, a])).toEqual(['islamic:Islamic', 'west:State of the West']);
    expect(words('the Islamic State said', [c, a])).toEqual(['state:Islamic State']);
  });

  it('settles an identical alias of two entities by their order', () => {
    expect(words('Hamas', [{ key: 'one', terms: ['Hamas'] }, { key: 'two', terms: ['hamas'] }])).toEqual(['one:Hamas']);
  });

  it('never marks a name inside a URL, e-mail address or scheme-less domain', () => {
    const e = { key: 'h', terms: ['Hamas'] };
    expect(words('see https://example.org/hamas-report and www.hamas.example/x or press@hamas.ps or hamas.ps/about, but Hamas said', [e])).toEqual(['h:Hamas']);
    expect(words('[Hamas](https://example.org/hamas) statement', [e])).toEqual(['h:Hamas']);
  });

  it('never marks inside an HTML tag or attribute, only in text between tags', () => {
    const e = { key: 'h', terms: ['Hamas'] };
    expect(words('<a href="/x" title="Hamas">Hamas</a> <img alt="hamas"> <!-- Hamas -->', [e])).toEqual(['h:Hamas']);
  });

  it('treats line breaks and no-break spaces inside a name as spaces', () => {
    expect(words('Islamic\nState and Islamic\u00a0State', [isis])).toHaveLength(2);
  });

  it('ends at sentence punctuation and quotes', () => {
    expect(words('«ИГИЛ», "ISIS". (Islamic State)!', [isis])).toEqual(['isis:ИГИЛ', 'isis:ISIS', 'isis:Islamic State']);
  });

  it('keeps offsets right after astral characters and expanding folds', () => {
    const text = '😀 İstanbul office of ISIS';
    const [m] = createMatcher([isis, { key: 'ist', terms: ['istanbul'] }]).find(text);
    expect(text.slice(m.start, m.end)).toBe('İstanbul');
    expect(words(text, [isis])).toEqual(['isis:ISIS']);
  });

  it('leaves out entities the caller does not allow before settling overlaps', () => {
    const m = createMatcher([{ key: 'long', terms: ['Islamic State'] }, { key: 'short', terms: ['State'] }]);
    expect(m.find('Islamic State', (k) => k !== 'long').map((x) => x.key)).toEqual(['short']);
  });

  it('finds nothing with no entities or no text', () => {
    expect(createMatcher([]).find('anything')).toEqual([]);
    expect(createMatcher([isis]).find('')).toEqual([]);
  });

  it('handles a pattern that is the suffix of another (failure links)', () => {
    expect(words('she said he', [{ key: 'she', terms: ['she said'] }, { key: 'aid', terms: ['said he'] }])).toEqual(['she:she said']);
    expect(words('x said he', [{ key: 'she', terms: ['she said'] }, { key: 'aid', terms: ['said he'] }])).toEqual(['aid:said he']);
  });
});

describe('entity matcher at sentence ends', () => {
  const e = { key: 'h', terms: ['Hamas'] };
  it('still marks a name before a full stop, a comma or a line end, and in U.S.-style abbreviations', () => {
    expect(words('Blame Hamas. U.S. officials said Hamas, and then Hamas', [e])).toEqual(['h:Hamas', 'h:Hamas', 'h:Hamas']);
  });
  it('protects a domain that follows the name without a space', () => {
    expect(words('visit hamas.ps/about', [e])).toEqual([]);
  });
});
