import { cursorKey, decodeCursor, encodeCursor, CursorError } from '../../../../src/lib/feeds/cursor';

const key = cursorKey(['k1', 'k2']);

describe('feed cursors', () => {
  it('round-trips and is opaque base64url', () => {
    const c = encodeCursor({ feed: 'articles:en', after: ['2018-11-20T10:00:00.000Z', 42] }, key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, 'articles:en', key)).toEqual({ feed: 'articles:en', after: ['2018-11-20T10:00:00.000Z', 42] });
  });

  it('refuses an altered payload, a changed signature, another key and another feed', () => {
    const c = encodeCursor({ feed: 'articles:en', after: ['2018-11-20T10:00:00.000Z', 42] }, key);
    const [, sig] = c.split('.');
    const forged = `${Buffer.from(JSON.stringify(['articles:en', ['2000-01-01T00:00:00.000Z', 1]])).toString('base64url')}.${sig}`;
    expect(() => decodeCursor(forged, 'articles:en', key)).toThrow(CursorError);
    expect(() => decodeCursor(`${c}x`, 'articles:en', key)).toThrow(/altered/);
    expect(() => decodeCursor(c, 'articles:en', cursorKey(['other']))).toThrow(CursorError);
    expect(() => decodeCursor(c, 'section:world:en', key)).toThrow(/another feed/);
  });

  it('refuses garbage without throwing anything but CursorError', () => {
    for (const bad of ['', 'abc', 'a.b.c', '%%%.%%%', 'x'.repeat(600)]) expect(() => decodeCursor(bad, 'f', key)).toThrow(CursorError);
    const body = Buffer.from('not json').toString('base64url');
    const signed = encodeCursor({ feed: 'f', after: [] }, key).split('.')[1];
    expect(() => decodeCursor(`${body}.${signed}`, 'f', key)).toThrow(CursorError);
  });
});
