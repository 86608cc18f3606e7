import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import type { RecentComment } from '../../../../src/plugins/comments/lib/detectors';
import { flashMob } from '../../../../src/plugins/comments/lib/detectors/flash-mob';
import { fingerprint, textHash } from '../../../../src/plugins/comments/lib/detectors/text';

const config = { ...defaultDetectors, flashMobAccounts: 3, flashMobMinutes: 10, flashMobDistance: 10 };
const now = new Date('2026-03-01T12:00:00Z');
const comment = (authorId: number, body: string, minutesAgo = 1): RecentComment => ({ authorId, body, textHash: textHash(body), fingerprint: fingerprint(body), createdAt: new Date(now.getTime() - minutesAgo * 60_000) });
const run = (authorId: number, body: string, recentOnArticle: RecentComment[]) => flashMob({ authorId, now, textHash: textHash(body), fingerprint: fingerprint(body), recentOnArticle }, config);

const slogan = 'This newspaper is lying to you about the mayor. Read the real story and share it with everyone you know before they delete it.';
const rephrased = 'This newspaper is lying to you about our mayor. Read the true story and share it with everybody you know before they delete it.';
const unrelated = 'I was at the council meeting and the mayor did answer questions about the budget, the article is accurate as far as I can tell.';

describe('flash-mob detector', () => {
  it('two accounts posting the same text do not trip it, a third does', () => {
    expect(run(2, slogan, [comment(1, slogan)]).codes).toEqual([]);
    const third = run(3, slogan, [comment(1, slogan), comment(2, slogan)]);
    expect(third.codes).toEqual(['flash-mob']);
    expect(third.details).toMatchObject({ accounts: 3, closestDistance: 0 });
    expect(run(4, slogan, [comment(1, slogan), comment(2, slogan), comment(3, slogan)]).codes).toEqual(['flash-mob']);
  });

  it('a rephrased comment with a few words changed still counts', () => {
    expect(run(3, rephrased, [comment(1, slogan), comment(2, slogan.toUpperCase())]).codes).toEqual(['flash-mob']);
  });

  it('a different comment on the same story does not', () => {
    expect(run(3, unrelated, [comment(1, slogan), comment(2, slogan)]).codes).toEqual([]);
  });

  it('the same account posting twice is one account', () => {
    expect(run(2, slogan, [comment(1, slogan), comment(2, slogan), comment(1, slogan)]).codes).toEqual([]);
  });

  it('comments older than flashMobMinutes do not count', () => {
    expect(run(3, slogan, [comment(1, slogan, 11), comment(2, slogan, 2)]).codes).toEqual([]);
    expect(run(3, slogan, [comment(1, slogan, 9), comment(2, slogan, 2)]).codes).toEqual(['flash-mob']);
  });

  it('fills in a missing fingerprint from the body', () => {
    const bare = { ...comment(1, slogan), fingerprint: '', textHash: '' };
    expect(run(3, rephrased, [bare, comment(2, slogan)]).codes).toEqual(['flash-mob']);
  });

  it('follows the configured account count and distance', () => {
    expect(flashMob({ authorId: 2, now, textHash: textHash(slogan), fingerprint: fingerprint(slogan), recentOnArticle: [comment(1, slogan)] }, { ...config, flashMobAccounts: 2 }).codes).toEqual(['flash-mob']);
    expect(flashMob({ authorId: 3, now, textHash: textHash(rephrased), fingerprint: fingerprint(rephrased), recentOnArticle: [comment(1, slogan), comment(2, slogan)] }, { ...config, flashMobDistance: 0 }).codes).toEqual([]);
  });
});
