// Push plugin (src/plugins/push) settings from env, and how it reads this app's articles;
// config/plugins.ts hands them to the plugin.
import { articleUrl } from '../src/lib/urls/canonical-url';
import newsroom from './newsroom';
import feeds from './feeds';

export default ({ env }: { env: any }) => {
  const site = newsroom({ env });
  const { cmsUrl } = feeds({ env });
  const absolute = (url: string | null | undefined) => (url ? new URL(url, cmsUrl).toString() : null);
  return {
    vapid: { publicKey: env('VAPID_PUBLIC_KEY', ''), privateKey: env('VAPID_PRIVATE_KEY', ''), subject: env('VAPID_SUBJECT', '') },
    allowedOrigins: env('PUSH_ALLOWED_ORIGINS', ''),
    ttlSeconds: env.int('PUSH_TTL', 3600),
    concurrency: env.int('PUSH_CONCURRENCY', 50),
    maxAttempts: env.int('PUSH_MAX_ATTEMPTS', 5),
    jobEverySeconds: env.int('PUSH_JOB_INTERVAL', 5),
    articles: {
      uid: 'api::article.article',
      sectionUid: 'api::section.section',
      firstPublishedField: 'firstPublishedAt',
      query: {
        fields: ['title', 'standfirst', 'slug', 'locale', 'firstPublishedAt'],
        populate: { section: { fields: ['slug'] }, leadPhoto: { fields: ['id'], populate: { image: { fields: ['url'] } } } },
      },
      describe: (a: Record<string, any>) => ({
        title: a.title,
        body: a.standfirst ?? '',
        url: articleUrl(site.siteUrl, { slug: a.slug, section: a.section?.slug, documentId: a.documentId, locale: a.locale, firstPublishedAt: a.firstPublishedAt }, site.articlePathPattern),
        image: absolute(a.leadPhoto?.image?.url),
        sectionSlug: a.section?.slug ?? null,
      }),
    },
  };
};
