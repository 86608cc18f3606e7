import { decodeThreadCursor, encodeThreadCursor, ThreadCursorError } from '../../../../src/plugins/comments/lib/thread-cursor';

describe('thread cursor', () => {
  it('round-trips the last root id for its sort order', () => {
    expect(decodeThreadCursor(encodeThreadCursor('oldest', 42), 'oldest')).toBe(42);
    expect(decodeThreadCursor(encodeThreadCursor('newest', 9_007_199_254), 'newest')).toBe(9_007_199_254);
  });

  it('is opaque: URL-safe text that does not show the id', () => {
    const cursor = encodeThreadCursor('oldest', 1234);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('1234');
  });

  it('refuses a cursor written for the other sort order', () => {
    expect(() => decodeThreadCursor(encodeThreadCursor('oldest', 5), 'newest')).toThrow(ThreadCursorError);
    expect(() => decodeThreadCursor(encodeThreadCursor('newest', 5), 'oldest')).toThrow(/another sort order/);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a b c'],
    ['padding and symbols', 'bzE=+/'],
    ['negative', Buffer.from('o-5').toString('base64url')],
    ['zero', Buffer.from('o0').toString('base64url')],
    ['leading zero', Buffer.from('o05').toString('base64url')],
    ['fraction', Buffer.from('o1.5').toString('base64url')],
    ['unsafe integer', Buffer.from('o9999999999999999').toString('base64url')],
    ['other prefix', Buffer.from('x5').toString('base64url')],
    ['too long', 'a'.repeat(65)],
  ])('refuses %s', (_name, cursor) => {
    expect(() => decodeThreadCursor(cursor, 'oldest')).toThrow(ThreadCursorError);
  });
});
