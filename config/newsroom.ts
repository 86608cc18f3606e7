// Newsroom settings read by services: public site URLs, credit template, demo seed.
export default ({ env }: { env: any }) => ({
  siteUrl: env('SITE_URL', 'http://localhost:3000'),
  articlePathPattern: env('ARTICLE_PATH_PATTERN', '/{section}/{slug}'),
  creditTemplate: env('CREDIT_TEMPLATE', '© {agency} / {photographer}'),
  seedDemo: env.bool('SEED_DEMO', true),
});
