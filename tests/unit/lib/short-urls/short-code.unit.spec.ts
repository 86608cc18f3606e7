import {
  CODE_ALPHABET,
  createCodeGenerator,
  isCodeFormat,
  isReservedCode,
  vanityCodeError,
} from '../../../../src/lib/short-urls/short-code';

describe('createCodeGenerator', () => {
  it('makes 7-character codes from the alphabet by default', () => {
    const gen = createCodeGenerator();
    for (let i = 0; i < 500; i++) expect(gen()).toMatch(new RegExp(`^[${CODE_ALPHABET}]{7}$`));
  });

  it('honours the configured length', () => {
    expect(createCodeGenerator(10)()).toHaveLength(10);
    expect(createCodeGenerator(4)()).toHaveLength(4);
  });

  it('refuses lengths that are too short, too long or not integers', () => {
    expect(() => createCodeGenerator(3)).toThrow(RangeError);
    expect(() => createCodeGenerator(33)).toThrow(RangeError);
    expect(() => createCodeGenerator(6.5)).toThrow(RangeError);
    expect(() => createCodeGenerator(Number.NaN)).toThrow(RangeError);
  });

  it('refuses an alphabet with repeats', () => {
    expect(() => createCodeGenerator(7, 'aab')).toThrow(RangeError);
  });

  it('does not repeat itself in practice', () => {
    const gen = createCodeGenerator();
    const codes = new Set(Array.from({ length: 20000 }, gen));
    expect(codes.size).toBe(20000);
  });

  it('uses every character of the alphabet, and only those', () => {
    const gen = createCodeGenerator(32);
    const seen = new Set(Array.from({ length: 200 }, gen).join(''));
    expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
  });
});

describe('CODE_ALPHABET', () => {
  it('has no look-alike characters', () => {
    for (const c of '0Oo1lIi2Zz5SsUuVv') expect(CODE_ALPHABET).not.toContain(c);
  });

  it('has no repeated characters', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });
});

describe('reserved codes', () => {
  it.each(['api', 'admin', 's', 'uploads', 'graphql', 'API', ' Admin ', 'GraphQL'])('%j is reserved', (code) => {
    expect(isReservedCode(code)).toBe(true);
  });

  it('ordinary words are free', () => {
    expect(isReservedCode('elections')).toBe(false);
    expect(isReservedCode('apis')).toBe(false);
  });
});

describe('vanityCodeError', () => {
  it('accepts letters, digits, dashes and underscores', () => {
    expect(vanityCodeError('elections-2026')).toBeNull();
    expect(vanityCodeError('Budget_Live')).toBeNull();
  });

  it.each([
    ['', /non-empty/],
    ['ab', /at least 3/],
    ['x'.repeat(65), /at most 64/],
    ['-leading', /letters, digits/],
    ['with space', /letters, digits/],
    ['slash/code', /letters, digits/],
    ['dot.code', /letters, digits/],
    ['émigré', /letters, digits/],
    ['<script>', /letters, digits/],
    ['admin', /reserved/],
    ['Uploads', /reserved/],
  ])('refuses %j', (code, message) => {
    expect(vanityCodeError(code)).toMatch(message);
  });

  it('refuses non-strings', () => {
    expect(vanityCodeError(42)).toMatch(/string/);
    expect(vanityCodeError(null)).toMatch(/string/);
  });
});

describe('isCodeFormat', () => {
  it('tells a possible code from a hostile path segment', () => {
    expect(isCodeFormat('Ab3x9Kq')).toBe(true);
    expect(isCodeFormat('')).toBe(false);
    expect(isCodeFormat("x' OR 1=1")).toBe(false);
    expect(isCodeFormat('x'.repeat(65))).toBe(false);
  });
});
