// GraphQL side of short URLs: `shortUrl` on Article (batched: one query per response), and the
// article's short link and QR code as queries guarded by the same permissions as their REST routes.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createBatchLoader } from '../lib/short-urls/batch-loader';
import type { ArticleShortUrl } from '../api/short-url/services/short-url';

const UID = 'api::short-url.short-url';

interface ShortUrlService {
  getShortLinks(ids: string[]): Promise<Map<string, { code: string; shortUrl: string }>>;
  forArticle(documentId: string): Promise<ArticleShortUrl | null>;
  qrSvg(code: string): Promise<{ svg: string; shortUrl: string } | { kind: 'unknown' | 'unavailable' }>;
}

type Nexus = Record<string, any>;

export function registerShortUrlGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const service = () => strapi.service(UID) as unknown as ShortUrlService;
  // One loader per GraphQL request context, so batches never mix requests.
  const loaders = new WeakMap<object, (id: string) => Promise<{ shortUrl: string } | undefined>>();
  const loaderFor = (context: object) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = createBatchLoader((ids: string[]) => service().getShortLinks(ids));
      loaders.set(context, loader);
    }
    return loader;
  };

  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: Nexus }) => ({
    types: [
      nexus.objectType({
        name: 'ArticleShortUrl',
        definition(t: Nexus) {
          t.nonNull.string('code');
          t.nonNull.string('shortUrl');
          t.nonNull.string('target', { description: "The article's current canonical URL" });
          t.nonNull.float('hits');
        },
      }),
      nexus.extendType({
        type: 'Article',
        definition(t: Nexus) {
          t.string('shortUrl', {
            description: 'The short link that redirects to this article (null before first publication)',
            resolve: async (parent: { documentId?: string }, _args: unknown, context: object) =>
              parent.documentId ? ((await loaderFor(context)(parent.documentId))?.shortUrl ?? null) : null,
          });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t: Nexus) {
          t.field('articleShortUrl', {
            type: 'ArticleShortUrl',
            args: { documentId: nexus.nonNull(nexus.idArg()) },
            resolve: async (_parent: unknown, args: { documentId: string }) => {
              if (!/^[A-Za-z0-9]{1,64}$/.test(args.documentId)) throw new errors.ValidationError('documentId must be 1 to 64 letters or digits.');
              const link = await service().forArticle(args.documentId);
              if (!link) throw new errors.NotFoundError(`No published article "${args.documentId}" with an active short URL.`);
              return link;
            },
          });
          t.string('shortUrlQrSvg', {
            description: 'The short link as an SVG QR code',
            args: { code: nexus.nonNull(nexus.stringArg()) },
            resolve: async (_parent: unknown, args: { code: string }) => {
              if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(args.code)) throw new errors.ValidationError('A short code is 1 to 64 letters, digits, "-" or "_".');
              const result = await service().qrSvg(args.code);
              if ('kind' in result) {
                throw new errors.NotFoundError(result.kind === 'unknown' ? `There is no short link with code "${args.code}".` : `The short link "${args.code}" is disabled or has expired.`);
              }
              return result.svg;
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.articleShortUrl': { auth: { scope: [`${UID}.forArticle`] } },
      'Query.shortUrlQrSvg': { auth: { scope: [`${UID}.qr`] } },
      'Article.shortUrl': { auth: false },
    },
  }));
}
