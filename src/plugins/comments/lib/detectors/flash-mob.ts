// flash-mob: the same or nearly the same text (normalised-text hash equal, or 64-bit SimHash
// fingerprints at most flashMobDistance bits apart, for texts of at least flashMobMinWords distinct
// content words; shorter ones only when identical) from flashMobAccounts or more distinct accounts
// on one story within flashMobMinutes. The first accounts' comments stay up; the one that makes the
// count reach flashMobAccounts, and every later one, is held.
import type { DetectorConfig } from '../../server/config';
import type { RecentComment } from './index';
import type { Finding } from './types';
import { featureCount, fingerprint as fingerprintOf, fingerprintHalves, halvesDistance, textHash as textHashOf } from './text';

type Config = Pick<DetectorConfig, 'flashMobAccounts' | 'flashMobMinutes' | 'flashMobDistance'> & Partial<Pick<DetectorConfig, 'flashMobMinWords'>>;

export function flashMob(input: { authorId: number; now: Date; textHash: string; fingerprint: string; recentOnArticle: RecentComment[]; body?: string }, config: Config): Finding {
  const now = input.now.getTime();
  const since = now - config.flashMobMinutes * 60_000;
  const accounts = new Set<number>();
  let closest = 64;
  const minWords = config.flashMobMinWords ?? 0;
  // A short text is compared only for identity: its fingerprint rests on a handful of words.
  const own = minWords > 0 && input.body !== undefined && featureCount(input.body) < minWords ? null : fingerprintHalves(input.fingerprint);
  for (const c of input.recentOnArticle) {
    const at = c.createdAt.getTime();
    if (c.authorId === input.authorId || at < since || at > now) continue;
    const same = (c.textHash || textHashOf(c.body)) === input.textHash;
    let distance = 0;
    if (!same) {
      const other = own ? fingerprintHalves(c.fingerprint || fingerprintOf(c.body)) : null;
      distance = own && other ? halvesDistance(own, other) : 64;
      // Near, but the other text is too short for its fingerprint to mean much (checked only for candidates).
      if (distance <= config.flashMobDistance && minWords > 0 && featureCount(c.body) < minWords) distance = 64;
    }
    closest = Math.min(closest, distance);
    if (distance <= config.flashMobDistance) accounts.add(c.authorId);
  }
  // Distinct accounts with this text, the author included.
  const count = accounts.size + 1;
  const fired = config.flashMobAccounts > 0 && count >= config.flashMobAccounts;
  const score = fired ? 0.8 : accounts.size > 0 ? 0.2 : 0;
  return { codes: fired ? ['flash-mob'] : [], score, details: { accounts: count, closestDistance: closest } };
}
