// Answers the admin's "Open preview": the public site's page for the article being edited.
import type { Core } from '@strapi/strapi';
import { articleUrl } from '../lib/urls/canonical-url';

export interface PreviewParams {
  documentId?: string;
  locale?: string | null;
  status?: 'draft' | 'published' | null;
}

/**
 * The article's page on the site, or null (no preview button) for other content types and for
 * articles that have no page yet, e.g. a draft without a section. The draft tab adds
 * `?status=draft` so the site can choose to render the unpublished version.
 */
export async function articlePreviewUrl(strapi: Core.Strapi, uid: string, params: PreviewParams): Promise<string | null> {
  if (uid !== 'api::article.article' || !params.documentId) return null;
  const status = params.status === 'published' ? 'published' : 'draft';
  const article = (await strapi.documents('api::article.article').findOne({
    documentId: params.documentId,
    ...(params.locale ? { locale: params.locale } : {}),
    status,
    fields: ['slug', 'locale', 'firstPublishedAt'],
    populate: { section: { fields: ['slug'] } },
  })) as { slug?: string; locale?: string; firstPublishedAt?: string; section?: { slug?: string } | null } | null;
  if (!article) return null;
  const url = articleUrl(
    strapi.config.get('newsroom.siteUrl') as string,
    { slug: article.slug, section: article.section?.slug, documentId: params.documentId, locale: article.locale, firstPublishedAt: article.firstPublishedAt },
    strapi.config.get('newsroom.articlePathPattern') as string,
  );
  if (!url) return null;
  return status === 'draft' ? `${url}?status=draft` : url;
}
