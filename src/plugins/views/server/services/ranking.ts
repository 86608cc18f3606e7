// Most read: published articles ranked by views in a window (sum of hour buckets), ties by
// first publication, newest first. A ranking is computed at most once a minute (rankingTtlSeconds)
// per window, locale and section, so beacons never cause ranking queries.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { hourOf, windowStartHour, type ViewWindow } from '../../lib/hours';
import type { ViewsConfig } from '../config';
import { TABLES } from './view-store';

/** Longest ranking kept: what a reader could page through. */
export const RANKING_MAX = 500;

export interface RankedArticle {
  documentId: string;
  views: number;
}

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn?: { name: string } } }>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const config = () => strapi.config.get('plugin::views') as ViewsConfig;
  const cache = new Map<string, { at: number; ranking: Promise<RankedArticle[]> }>();

  async function compute(window: ViewWindow, locale: string, sectionId: number | undefined, now: Date): Promise<RankedArticle[]> {
    const meta = strapi.db.metadata.get(config().articleUid) as unknown as Meta;
    const col = (name: string) => meta.attributes[name]?.columnName ?? name;
    const start = windowStartHour(window, now);
    const last = hourOf(now);
    // Whole days inside the window come from the day buckets, the partial days at both ends from hours.
    const firstDay = Math.ceil(start / 24);
    const lastDay = Math.floor((last + 1) / 24) - 1;
    const hourly = knex()(TABLES.hourly).select({ doc: 'article_document_id', v: 'views' });
    const parts =
      firstDay <= lastDay
        ? knex()(TABLES.daily)
            .select({ doc: 'article_document_id', v: 'views' })
            .whereBetween('day', [firstDay, lastDay])
            .unionAll(
              hourly.where((w) => w.where((x) => x.where('hour', '>=', start).andWhere('hour', '<', firstDay * 24)).orWhere((x) => x.where('hour', '>=', (lastDay + 1) * 24).andWhere('hour', '<=', last))),
            )
        : hourly.where('hour', '>=', start).andWhere('hour', '<=', last);
    const totals = knex().select('doc').sum({ views: 'v' }).from(parts.as('u')).groupBy('doc').as('t');
    const q = knex()
      .select({ documentId: 't.doc', views: 't.views' })
      .max({ first: `a.${col('firstPublishedAt')}` })
      .from(totals)
      .join({ a: meta.tableName }, `a.${col('documentId')}`, 't.doc')
      .whereNotNull(`a.${col('publishedAt')}`)
      .andWhere(`a.${col('locale')}`, locale);
    const section = meta.attributes.section?.joinTable;
    if (sectionId !== undefined && section) {
      q.join({ sl: section.name }, `sl.${section.joinColumn.name}`, 'a.id').andWhere(`sl.${section.inverseJoinColumn!.name}`, sectionId);
    }
    const rows = (await q
      .groupBy('t.doc', 't.views')
      .orderByRaw('2 desc, 3 desc, 1 asc')
      .limit(RANKING_MAX)) as Array<{ documentId: string; views: number | string }>;
    return rows.map((r) => ({ documentId: r.documentId, views: Number(r.views) }));
  }

  return {
    /** The ranking for a window, locale and optional section (row id), at most rankingTtlSeconds old. */
    async mostRead(window: ViewWindow, locale: string, sectionId?: number, now = new Date()): Promise<RankedArticle[]> {
      return (await this.mostReadFresh(window, locale, sectionId, now)).ranking;
    },

    /** The same, with how long it stays current (responses built on it are cached no longer). */
    async mostReadFresh(window: ViewWindow, locale: string, sectionId?: number, now = new Date()): Promise<{ ranking: RankedArticle[]; freshForMs: number }> {
      const ttl = config().rankingTtlSeconds * 1000;
      const key = `${window}:${locale}:${sectionId ?? ''}`;
      let hit = cache.get(key);
      if (!hit || now.getTime() - hit.at >= ttl) {
        const ranking = compute(window, locale, sectionId, now);
        ranking.catch(() => cache.delete(key));
        if (cache.size > 1000) cache.clear();
        hit = { at: now.getTime(), ranking };
        if (ttl > 0) cache.set(key, hit);
      }
      return { ranking: await hit.ranking, freshForMs: Math.max(0, ttl - (now.getTime() - hit.at)) };
    },

    forget(): void {
      cache.clear();
    },
  };
};
