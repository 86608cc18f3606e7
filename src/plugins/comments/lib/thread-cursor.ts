// Opaque cursor of a comment thread listing: the sort it belongs to and the last root comment's id
// (ids grow with posting time, so keyset pagination by id is both stable and index-backed).
export type ThreadSort = 'oldest' | 'newest';

export class ThreadCursorError extends Error {}

const PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeThreadCursor(sort: ThreadSort, afterId: number): string {
  return Buffer.from(`${sort === 'oldest' ? 'o' : 'n'}${afterId}`, 'utf8').toString('base64url');
}

/** The root comment id to continue after; throws ThreadCursorError for anything this module did not write for `sort`. */
export function decodeThreadCursor(cursor: string, sort: ThreadSort): number {
  if (!PATTERN.test(cursor)) throw new ThreadCursorError('The cursor is not valid.');
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([on])([1-9][0-9]{0,14})$/.exec(text);
  if (!match) throw new ThreadCursorError('The cursor is not valid.');
  if ((match[1] === 'o') !== (sort === 'oldest')) throw new ThreadCursorError(`The cursor belongs to another sort order than "${sort}".`);
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id)) throw new ThreadCursorError('The cursor is not valid.');
  return id;
}
