import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import type { RecentComment } from '../../../../src/plugins/comments/lib/detectors';
import { flooding } from '../../../../src/plugins/comments/lib/detectors/flooding';
import { fingerprint, textHash } from '../../../../src/plugins/comments/lib/detectors/text';

const config = { ...defaultDetectors, floodPerMinute: 5, floodRepeatMinutes: 60 };
const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const comment = (body: string, secondsAgo: number, authorId = 7): RecentComment => ({ authorId, body, textHash: textHash(body), fingerprint: fingerprint(body), createdAt: ago(secondsAgo) });
const run = (body: string, recentByAuthor: RecentComment[]) => flooding({ authorId: 7, now, textHash: textHash(body), recentByAuthor }, config);

describe('flooding detector', () => {
  it('the fifth comment within a minute passes, the sixth is flooding', () => {
    const four = [1, 2, 3, 4].map((i) => comment(`comment number ${i}`, i * 10));
    expect(run('a fifth thought', four).codes).toEqual([]);
    const five = [1, 2, 3, 4, 5].map((i) => comment(`comment number ${i}`, i * 10));
    const sixth = run('a sixth thought', five);
    expect(sixth.codes).toEqual(['flooding']);
    expect(sixth.details).toMatchObject({ tooFast: true, lastMinute: 6 });
  });

  it('comments older than a minute do not count towards the rate', () => {
    const spread = [1, 2, 3, 4, 5].map((i) => comment(`comment number ${i}`, 50 + i * 5)); // 55..75 s ago
    expect(run('another thought', spread).details).toMatchObject({ lastMinute: 2 });
    expect(run('another thought', spread).codes).toEqual([]);
  });

  it('other accounts\' comments are ignored', () => {
    const others = [1, 2, 3, 4, 5, 6].map((i) => comment(`comment number ${i}`, i, 100 + i));
    expect(run('hello there', others).codes).toEqual([]);
  });

  it('the same text again within floodRepeatMinutes is flooding, also when case and punctuation change', () => {
    const earlier = [comment('Vote NO on the new tax!', 30 * 60)];
    expect(run('vote no on the new tax', earlier).codes).toEqual(['flooding']);
    expect(run('Vote NO on the new tax!!!', earlier).details).toMatchObject({ repeated: true });
  });

  it('the same text after the window, or a different text, is not', () => {
    expect(run('Vote NO on the new tax!', [comment('Vote NO on the new tax!', 61 * 60)]).codes).toEqual([]);
    expect(run('Vote YES on the new tax!', [comment('Vote NO on the new tax!', 60)]).codes).toEqual([]);
  });
});
