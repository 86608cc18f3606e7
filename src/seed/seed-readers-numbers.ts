// Demo data for readers' numbers: 30 days of hourly views (so Most read and the editors' chart
// have something to show), a site-wide and a section Recommended list, and two multimedia stories.
import type { Core } from '@strapi/strapi';

type Doc = { id: number; documentId: string } & Record<string, unknown>;

const HOUR_MS = 3_600_000;

export async function seedReadersNumbers(strapi: Core.Strapi, articles: Doc[], sections: Map<string, Doc>, now = new Date()) {
  const views = strapi.plugin('views')?.service('view-store');
  if (views) {
    const nowHour = Math.floor(now.getTime() / HOUR_MS);
    const buckets: Array<{ documentId: string; hour: number; views: number }> = [];
    articles.forEach((article, i) => {
      const since = Math.max(nowHour - 30 * 24 + 1, Math.floor(new Date(String(article.firstPublishedAt ?? now)).getTime() / HOUR_MS));
      const popularity = 1 + ((i * 7919) % 13);
      for (let hour = since; hour <= nowHour; hour++) {
        // Most views in the first day, then a long tail; a deterministic wobble per hour.
        const age = hour - since;
        const n = Math.round((popularity * 40) / (1 + age / 6)) + ((hour * 31 + i) % 3);
        if (n > 0) buckets.push({ documentId: article.documentId, hour, views: n });
      }
    });
    for (let i = 0; i < buckets.length; i += 2000) await views.add(buckets.slice(i, i + 2000));
  }

  // Two stories told mainly in video and in graphics, for the Multimedia list.
  const [video, graphic] = [articles[articles.length - 2], articles[articles.length - 5]].filter(Boolean);
  if (video) {
    await strapi.documents('api::article.article').update({
      documentId: video.documentId,
      data: { mediaKind: 'video', leadMedia: { kind: 'video', embedUrl: 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ', caption: 'Watch the report', credit: 'Newsroom video' } },
      status: 'published',
    } as never);
  }
  if (graphic) await strapi.documents('api::article.article').update({ documentId: graphic.documentId, data: { mediaKind: 'infographic' }, status: 'published' } as never);

  const lists = strapi.documents('api::recommended-list.recommended-list' as never);
  const newest = [...articles].reverse();
  await lists.create({
    data: { name: 'Front page', picks: newest.slice(3, 6).map((a, i) => ({ article: a.documentId, ...(i === 2 ? { expiresAt: new Date(now.getTime() + 7 * 24 * HOUR_MS) } : {}) })) },
  } as never);
  const [firstSection] = [...sections.values()];
  const sectionPicks = firstSection
    ? ((await strapi.documents('api::article.article').findMany({
        status: 'published',
        fields: ['title'],
        filters: { section: { documentId: firstSection.documentId } },
        sort: [{ firstPublishedAt: 'desc' }],
        limit: 3,
      } as never)) as Doc[]).slice(1, 3)
    : [];
  if (firstSection && sectionPicks.length) {
    await lists.create({ data: { name: `${String(firstSection.name)} desk`, section: firstSection.documentId, picks: sectionPicks.map((a) => ({ article: a.documentId })) } } as never);
  }
}
