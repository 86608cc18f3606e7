// The article editor's "Newsroom" side panel: short URL, hits, views and first publication,
// shown read-only (they are computed by the CMS and the site, never typed by editors).
import * as React from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';

const ARTICLE = 'api::article.article';

interface ShortUrl {
  code: string;
  shortUrl: string;
  target: string;
  hits: number;
}

type Loaded = { state: 'loading' } | { state: 'none' } | { state: 'error' } | { state: 'ok'; link: ShortUrl };

function backendUrl(): string {
  const strapi = (window as unknown as { strapi?: { backendURL?: string } }).strapi;
  return (strapi?.backendURL ?? '').replace(/\/+$/, '');
}

/** The article's short URL from the public endpoint: it exists once the article is first published. */
function useShortUrl(documentId: string | undefined, refreshKey: unknown): Loaded {
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });
  React.useEffect(() => {
    if (!documentId) {
      setLoaded({ state: 'none' });
      return;
    }
    const controller = new AbortController();
    fetch(`${backendUrl()}/api/articles/${encodeURIComponent(documentId)}/short-url`, { signal: controller.signal })
      .then(async (res) => {
        if (res.status === 404) return setLoaded({ state: 'none' });
        if (!res.ok) return setLoaded({ state: 'error' });
        const body = (await res.json()) as { data?: ShortUrl };
        setLoaded(body.data ? { state: 'ok', link: body.data } : { state: 'none' });
      })
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'AbortError') setLoaded({ state: 'error' });
      });
    return () => controller.abort();
  }, [documentId, refreshKey]);
  return loaded;
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid={testId}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="omega">{children}</Typography>
    </Flex>
  );
}

function formatDate(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function ArticleFacts({ documentId, document }: Pick<PanelComponentProps, 'documentId' | 'document'>) {
  const doc = (document ?? {}) as Record<string, unknown>;
  // Look again after a publish or save: the short URL is made on first publication.
  const short = useShortUrl(documentId, `${String(doc.status)}|${String(doc.updatedAt)}|${String(doc.firstPublishedAt)}`);
  const views = typeof doc.viewCount === 'number' || typeof doc.viewCount === 'string' ? Number(doc.viewCount) : 0;
  const firstPublished = formatDate(doc.firstPublishedAt);

  return (
    <Box width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Fact label="Short URL" testId="newsroom-short-url">
          {short.state === 'ok' ? (
            <Link href={short.link.shortUrl} isExternal>
              {short.link.shortUrl}
            </Link>
          ) : short.state === 'loading' ? (
            'Loading…'
          ) : short.state === 'error' ? (
            'Could not be loaded'
          ) : (
            'Made on first publication'
          )}
        </Fact>
        {short.state === 'ok' ? (
          <Fact label="Short URL hits" testId="newsroom-short-url-hits">
            {short.link.hits.toLocaleString()}
          </Fact>
        ) : null}
        <Fact label="Views" testId="newsroom-views">
          {views.toLocaleString()}
        </Fact>
        <Fact label="First published" testId="newsroom-first-published">
          {firstPublished ?? 'Not yet published'}
        </Fact>
      </Flex>
    </Box>
  );
}

export const ArticleFactsPanel: PanelComponent = ({ model, documentId, document }) => {
  if (model !== ARTICLE || !documentId) return null;
  return { title: 'Newsroom', content: <ArticleFacts documentId={documentId} document={document} /> };
};
