// flooding: more than floodPerMinute comments within a minute from one account, or the same text
// (same normalised-text hash) from that account again within floodRepeatMinutes.
import type { DetectorConfig } from '../../server/config';
import type { RecentComment } from './index';
import type { Finding } from './types';

type Config = Pick<DetectorConfig, 'floodPerMinute' | 'floodRepeatMinutes'>;

export function flooding(input: { authorId: number; now: Date; textHash: string; recentByAuthor: RecentComment[] }, config: Config): Finding {
  const now = input.now.getTime();
  const own = input.recentByAuthor.filter((c) => c.authorId === input.authorId && c.createdAt.getTime() <= now);
  const lastMinute = own.filter((c) => now - c.createdAt.getTime() < 60_000).length;
  const repeats = own.filter((c) => c.textHash === input.textHash && now - c.createdAt.getTime() < config.floodRepeatMinutes * 60_000).length;
  // This comment is the (lastMinute + 1)th of the minute.
  const tooFast = lastMinute + 1 > config.floodPerMinute;
  const repeated = repeats > 0;
  let score = 0;
  if (tooFast || repeated) score = 0.7;
  else if (config.floodPerMinute > 0 && lastMinute + 1 >= config.floodPerMinute) score = 0.2;
  return { codes: tooFast || repeated ? ['flooding'] : [], score, details: { lastMinute: lastMinute + 1, repeats, tooFast, repeated } };
}
