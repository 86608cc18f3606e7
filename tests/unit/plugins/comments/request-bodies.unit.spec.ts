import { acceptBody, editBody, listQuery, postBody } from '../../../../src/plugins/comments/lib/request-bodies';

describe('comment request bodies', () => {
  it('takes { data: { body, parent } } with parent a comment id, as a number or digits', () => {
    expect(postBody.parse({ data: { body: 'Hi', parent: 7 } })).toEqual({ data: { body: 'Hi', parent: 7 } });
    expect(postBody.parse({ data: { body: 'Hi', parent: '12' } }).data.parent).toBe(12);
    expect(postBody.parse({ data: { body: 'Hi', parent: null } }).data.parent).toBeNull();
    expect(postBody.parse({ data: { body: 'Hi' } }).data.parent).toBeUndefined();
  });

  it.each([[{}], [{ data: 'x' }], [{ data: [] }], [{ data: { body: 'x', extra: 1 } }], [{ data: { body: 'x' }, more: 1 }], [{ data: { body: 'x', parent: -1 } }], [{ data: { body: 'x', parent: 1.5 } }], [{ data: { body: 'x', parent: 'abc' } }], [{ data: { body: 'x', parent: '007' } }]])(
    'refuses %j',
    (input) => {
      expect(postBody.safeParse(input).success).toBe(false);
    },
  );

  it('leaves the text itself to checkBody', () => {
    expect(postBody.safeParse({ data: { body: 42 } }).success).toBe(true);
    expect(editBody.safeParse({ data: { body: '' } }).success).toBe(true);
    expect(editBody.safeParse({ data: { body: 'x', parent: 1 } }).success).toBe(false);
  });

  it('takes a whole positive version only', () => {
    expect(acceptBody.parse({ version: 3 })).toEqual({ version: 3 });
    for (const version of ['3', 0, -1, 2.5, null]) expect(acceptBody.safeParse({ version }).success).toBe(false);
    expect(acceptBody.safeParse({ version: 1, other: true }).success).toBe(false);
  });

  it('reads list queries from strings', () => {
    expect(listQuery.parse({ limit: '20', sort: 'newest', cursor: 'abc' })).toEqual({ limit: 20, sort: 'newest', cursor: 'abc' });
    for (const q of [{ limit: '0' }, { limit: '-1' }, { limit: '1e3' }, { limit: 'ten' }, { sort: 'top' }, { cursor: 'x'.repeat(65) }]) expect(listQuery.safeParse(q).success).toBe(false);
  });
});
