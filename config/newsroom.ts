// Newsroom settings read by services: public site URLs, credit template, demo seed, media embeds.
import { parseEmbedHosts } from '../src/lib/media/media-item';

export default ({ env }: { env: any }) => ({
  siteUrl: env('SITE_URL', 'http://localhost:3000'),
  articlePathPattern: env('ARTICLE_PATH_PATTERN', '/{section}/{slug}'),
  creditTemplate: env('CREDIT_TEMPLATE', '© {agency} / {photographer}'),
  seedDemo: env.bool('SEED_DEMO', true),
  /** Hosts a video/audio item may embed from (comma-separated). */
  mediaEmbedHosts: parseEmbedHosts(env('MEDIA_EMBED_HOSTS', '')),
  galleryPathPattern: env('GALLERY_PATH_PATTERN', '/galleries/{slug}'),
  /** Disclosure appended to the credit line of AI-generated and composite photos (IPTC digital source type). */
  disclosure: {
    ai: env('PHOTO_AI_DISCLOSURE', 'AI-generated image'),
    composite: env('PHOTO_COMPOSITE_DISCLOSURE', 'Composite image'),
  },
});
