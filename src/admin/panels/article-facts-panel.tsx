// The article editor's "Newsroom" side panel: short URL, hits, views (total and the last 48 hours),
// first publication and the entity notes its text triggers, shown read-only (they are computed by the CMS and the site, never typed by editors).
import * as React from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { ViewsChart, type HourViews } from './views-chart';
import { ArticleNotes } from './entity-notes-panel';

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

type ViewStats = { state: 'loading' } | { state: 'error' } | { state: 'ok'; total: number; hourly: HourViews[] };

/** The views plugin's admin route: the total and views per hour over the last 48 hours. */
function useViewStats(documentId: string | undefined, refreshKey: unknown): ViewStats {
  const { get } = useFetchClient();
  const [stats, setStats] = React.useState<ViewStats>({ state: 'loading' });
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    get<{ data: { total: number; hourly: HourViews[] } }>(`/views/articles/${encodeURIComponent(documentId)}/stats`)
      .then((res) => live && setStats({ state: 'ok', ...res.data.data }))
      .catch(() => live && setStats({ state: 'error' }));
    return () => {
      live = false;
    };
  }, [documentId, refreshKey, get]);
  return stats;
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
  const views = useViewStats(documentId, String(doc.updatedAt));
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
          {views.state === 'ok' ? views.total.toLocaleString() : views.state === 'loading' ? 'Loading…' : 'Could not be loaded'}
        </Fact>
        {views.state === 'ok' ? (
          <Flex direction="column" alignItems="stretch" gap={1}>
            <Typography variant="sigma" textColor="neutral600">
              Last 48 hours
            </Typography>
            <ViewsChart hours={views.hourly} />
          </Flex>
        ) : null}
        <Fact label="First published" testId="newsroom-first-published">
          {firstPublished ?? 'Not yet published'}
        </Fact>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            Entity notes
          </Typography>
          <ArticleNotes documentId={documentId} document={document} />
        </Flex>
      </Flex>
    </Box>
  );
}

export const ArticleFactsPanel: PanelComponent = ({ model, documentId, document }) => {
  if (model !== ARTICLE || !documentId) return null;
  return { title: 'Newsroom', content: <ArticleFacts documentId={documentId} document={document} /> };
};
