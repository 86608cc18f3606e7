// Live view counts in cached bodies: placeholders in, current totals out, in JSON and XML alike.
import { fillMarked, fillObjects, markViewCounts, MARK_BASE, splitMarked } from '../../../../src/lib/feeds/view-marks';

describe('view marks', () => {
  it('marks each distinct article once, in order', () => {
    const items = [{ documentId: 'a' }, { documentId: 'b' }, { documentId: 'a' }] as Array<{ documentId: string; viewCount?: number }>;
    expect(markViewCounts(items)).toEqual(['a', 'b']);
    expect(items.map((i) => i.viewCount)).toEqual([MARK_BASE, MARK_BASE + 1, MARK_BASE]);
  });

  it('fills a JSON body and an XML body with the current totals', () => {
    const items = [{ documentId: 'a' }, { documentId: 'b' }] as Array<{ documentId: string; viewCount?: number }>;
    const ids = markViewCounts(items);
    const json = JSON.stringify({ data: items, meta: { title: 'Not a mark: 19876543210000001 or 9876543210000010' } });
    const marked = splitMarked(json, ids);
    expect(marked.slots).toEqual([0, 1]);
    const filled = JSON.parse(fillMarked(marked, new Map([['a', 12], ['b', 0]])));
    expect(filled.data.map((i: { viewCount: number }) => i.viewCount)).toEqual([12, 0]);
    expect(filled.meta.title).toContain('19876543210000001');

    const xml = `<item><media:statistics views="${MARK_BASE + 1}"/></item>`;
    expect(fillMarked(splitMarked(xml, ids), new Map([['b', 7]]))).toBe('<item><media:statistics views="7"/></item>');
  });

  it('leaves a body without marks as one part, and unknown indexes alone', () => {
    expect(splitMarked('{"a":1}', ['x'])).toEqual({ parts: ['{"a":1}'], slots: [], ids: ['x'] });
    expect(splitMarked(`{"v":${MARK_BASE + 5}}`, ['x']).slots).toEqual([]);
  });

  it('fills plain objects (GraphQL) and leaves items without a count alone', () => {
    const items = [{ documentId: 'a', viewCount: MARK_BASE }, { documentId: 'g' }] as Array<{ documentId: string; viewCount?: number }>;
    expect(fillObjects(items, new Map([['a', 3]]))).toEqual([{ documentId: 'a', viewCount: 3 }, { documentId: 'g' }]);
  });
});
