import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import { DETECTOR_CODES, fingerprint, runDetectors, textHash, type DetectorInput, type RecentComment } from '../../../../src/plugins/comments/lib/detectors';

const now = new Date('2026-03-01T12:00:00Z');
const config = { ...defaultDetectors, blockedDomains: ['evil.example'] };
const input = (body: string, more: Partial<DetectorInput> = {}): DetectorInput => ({ body, articleLocale: 'en', authorId: 1, now, recentByAuthor: [], recentOnArticle: [], ...more });
const recent = (authorId: number, body: string, secondsAgo = 30): RecentComment => ({ authorId, body, textHash: textHash(body), fingerprint: fingerprint(body), createdAt: new Date(now.getTime() - secondsAgo * 1000) });

describe('runDetectors', () => {
  it('a decent comment fires nothing and scores low', () => {
    const result = runDetectors(input('I think the council should publish the full budget before the vote. Thanks for the report.'), config);
    expect(result.codes).toEqual([]);
    expect(result.score).toBeLessThan(0.2);
    expect(Object.keys(result.details).sort()).toEqual(['flash-mob', 'flooding', 'foreign-language', 'language-rules', 'links', 'profanity']);
  });

  it('combines codes from several detectors, unique and in a fixed order, with a higher score', () => {
    const body = 'THIS SHIT IS ALL LIES, GET THE TRUTH AT HTTPS://EVIL.EXAMPLE AND WWW.EVIL.EXAMPLE/MORE AND HTTPS://X.EVIL.EXAMPLE';
    const result = runDetectors(input(body, { recentByAuthor: [recent(1, body, 120)] }), config);
    expect(result.codes).toEqual(['malware', 'spam', 'profanity', 'flooding', 'language-rules']);
    expect(new Set(result.codes).size).toBe(result.codes.length);
    expect(result.codes.every((c) => (DETECTOR_CODES as readonly string[]).includes(c))).toBe(true);
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('scores more for more suspicion', () => {
    const one = runDetectors(input('What a load of bullshit this article is, honestly.'), config);
    const two = runDetectors(input('WHAT A LOAD OF BULLSHIT THIS ARTICLE IS, HONESTLY.'), config);
    expect(one.codes).toEqual(['profanity']);
    expect(two.codes).toEqual(['profanity', 'language-rules']);
    expect(two.score).toBeGreaterThan(one.score);
  });

  it('flash mob across accounts on the article, foreign language for the article\'s locale', () => {
    const slogan = 'Everyone should cancel their subscription to this paper today, they are lying about the election results.';
    const mob = runDetectors(input(slogan, { authorId: 3, recentOnArticle: [recent(1, slogan), recent(2, slogan)] }), config);
    expect(mob.codes).toEqual(['flash-mob']);
    const french = runDetectors(input('Je pense que le conseil municipal a eu tort de voter cette loi hier soir.'), config);
    expect(french.codes).toEqual(['foreign-language']);
    expect(runDetectors(input('Je pense que le conseil municipal a eu tort de voter cette loi hier soir.', { articleLocale: 'fr' }), config).codes).toEqual([]);
  });

  it('falls back to default thresholds for settings missing from the config', () => {
    const partial = { maxLinks: 0 } as unknown as typeof config;
    expect(runDetectors(input('see https://a.example'), partial).codes).toEqual(['spam']);
  });
});
