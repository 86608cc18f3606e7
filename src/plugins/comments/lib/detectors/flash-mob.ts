// flash-mob: the same or nearly the same text (normalised-text hash equal, or 64-bit SimHash
// fingerprints at most flashMobDistance bits apart) from flashMobAccounts or more distinct accounts
// on one story within flashMobMinutes. The first accounts' comments stay up; the one that makes the
// count reach flashMobAccounts, and every later one, is held.
import type { DetectorConfig } from '../../server/config';
import type { RecentComment } from './index';
import type { Finding } from './types';
import { fingerprint as fingerprintOf, fingerprintHalves, halvesDistance, textHash as textHashOf } from './text';

type Config = Pick<DetectorConfig, 'flashMobAccounts' | 'flashMobMinutes' | 'flashMobDistance'>;

export function flashMob(input: { authorId: number; now: Date; textHash: string; fingerprint: string; recentOnArticle: RecentComment[] }, config: Config): Finding {
  const now = input.now.getTime();
  const since = now - config.flashMobMinutes * 60_000;
  const accounts = new Set<number>();
  let closest = 64;
  const own = fingerprintHalves(input.fingerprint);
  for (const c of input.recentOnArticle) {
    const at = c.createdAt.getTime();
    if (c.authorId === input.authorId || at < since || at > now) continue;
    const same = (c.textHash || textHashOf(c.body)) === input.textHash;
    const other = same || !own ? null : fingerprintHalves(c.fingerprint || fingerprintOf(c.body));
    const distance = same ? 0 : own && other ? halvesDistance(own, other) : 64;
    closest = Math.min(closest, distance);
    if (distance <= config.flashMobDistance) accounts.add(c.authorId);
  }
  // Distinct accounts with this text, the author included.
  const count = accounts.size + 1;
  const fired = config.flashMobAccounts > 0 && count >= config.flashMobAccounts;
  const score = fired ? 0.8 : accounts.size > 0 ? 0.2 : 0;
  return { codes: fired ? ['flash-mob'] : [], score, details: { accounts: count, closestDistance: closest } };
}
