import { parseCorsOrigins } from '../../../../src/lib/security/cors-origins';

describe('parseCorsOrigins', () => {
  it('reduces entries to origins and removes duplicates', () => {
    expect(parseCorsOrigins(' https://www.example.com/ , https://www.example.com/news,http://localhost:3000')).toEqual([
      'https://www.example.com',
      'http://localhost:3000',
    ]);
  });

  it('falls back when empty', () => {
    expect(parseCorsOrigins('', ['http://localhost:3000'])).toEqual(['http://localhost:3000']);
    expect(parseCorsOrigins(' , ', ['http://a.test'])).toEqual(['http://a.test']);
  });

  it('refuses a wildcard, non-URLs and non-http schemes', () => {
    expect(() => parseCorsOrigins('*')).toThrow(/not allowed/);
    expect(() => parseCorsOrigins('www.example.com')).toThrow(/not a URL/);
    expect(() => parseCorsOrigins('javascript:alert(1)')).toThrow(/http\(s\) origin/);
  });
});
