import { parseFeedQuery, FeedQueryError } from '../../../../src/lib/feeds/feed-query';

describe('parseFeedQuery', () => {
  it('defaults to json, 20 items, no locale', () => {
    expect(parseFeedQuery({})).toEqual({ format: 'json', limit: 20 });
  });

  it('accepts every format, limits from 1 to 50, a locale and a cursor', () => {
    for (const format of ['json', 'rss', 'atom', 'jsonfeed']) expect(parseFeedQuery({ format }).format).toBe(format);
    expect(parseFeedQuery({ limit: '1' }).limit).toBe(1);
    expect(parseFeedQuery({ limit: '50', locale: 'fr-FR', cursor: 'a.b' })).toEqual({ format: 'json', limit: 50, locale: 'fr-FR', cursor: 'a.b' });
  });

  it.each([
    [{ limit: '0' }, /limit must be a whole number from 1 to 50/],
    [{ limit: '51' }, /limit must be a whole number from 1 to 50/],
    [{ limit: '1000' }, /limit/],
    [{ limit: 'abc' }, /limit/],
    [{ limit: '2.5' }, /limit/],
    [{ limit: ['1', '2'] }, /limit must be given once/],
    [{ format: 'xml' }, /format must be one of json, rss, atom, jsonfeed/],
    [{ locale: '../etc' }, /locale must be a locale code/],
    [{ cursor: '' }, /cursor must not be empty/],
    [{ date: '2018-11-20' }, /only accepted by the This Week in Pictures feed/],
  ])('refuses %j', (query, message) => {
    expect(() => parseFeedQuery(query as Record<string, unknown>)).toThrow(message);
  });

  it('checks the date strictly on the picture feed', () => {
    expect(parseFeedQuery({ date: '2020-02-29' }, { allowDate: true }).date).toBe('2020-02-29');
    expect(() => parseFeedQuery({ date: '2018-02-30' }, { allowDate: true })).toThrow(FeedQueryError);
    try {
      parseFeedQuery({ date: '2018-02-30' }, { allowDate: true });
    } catch (e) {
      expect((e as FeedQueryError).path).toEqual(['date']);
    }
  });
});
