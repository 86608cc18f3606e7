// Entity notes in the editor: on an article (inside its Newsroom panel), the notes its text triggers
// and which are suppressed; on an entity note, the published stories that mention it. Both read the admin-only /newsroom routes.
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';

const ENTITY = 'api::entity-note.entity-note';

type Loaded<T> = { state: 'loading' } | { state: 'error' } | { state: 'ok'; data: T };

interface AppliedNote {
  entity: string;
  name: string;
  marker: string;
  note: string;
  suppressed: boolean;
  reason: string | null;
}

interface Story {
  documentId: string;
  locale: string;
  title: string;
}

function useAdminGet<T>(path: string | null, refreshKey: unknown): Loaded<T> {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = React.useState<Loaded<T>>({ state: 'loading' });
  React.useEffect(() => {
    if (!path) return;
    let live = true;
    setLoaded({ state: 'loading' });
    get<{ data: T }>(path)
      .then((res) => live && setLoaded({ state: 'ok', data: res.data.data }))
      .catch(() => live && setLoaded({ state: 'error' }));
    return () => {
      live = false;
    };
  }, [path, refreshKey]);
  return loaded;
}

function List({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
      {children}
    </Flex>
  );
}

/** The notes an article's text triggers; shown inside the article's Newsroom panel. */
export function ArticleNotes({ documentId, document }: Pick<PanelComponentProps, 'documentId' | 'document'>) {
  const doc = (document ?? {}) as Record<string, unknown>;
  const locale = typeof doc.locale === 'string' ? `?locale=${encodeURIComponent(doc.locale)}` : '';
  const notes = useAdminGet<AppliedNote[]>(`/newsroom/articles/${encodeURIComponent(String(documentId))}/entity-notes${locale}`, String(doc.updatedAt));
  if (notes.state !== 'ok') return <Typography variant="omega">{notes.state === 'loading' ? 'Loading…' : 'Could not be loaded'}</Typography>;
  if (!notes.data.length) return <Typography variant="omega">No entity note applies to this text.</Typography>;
  return (
    <List testId="newsroom-entity-notes">
      {notes.data.map((n) => (
        <Box key={n.entity}>
          <Typography variant="omega" fontWeight="bold">
            {n.name} {n.marker}
            {n.suppressed ? ' (suppressed)' : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {n.suppressed ? `Reason: ${n.reason ?? ''}` : n.note}
          </Typography>
        </Box>
      ))}
    </List>
  );
}

function EntityStories({ documentId }: Pick<PanelComponentProps, 'documentId'>) {
  const stories = useAdminGet<Story[]>(`/newsroom/entity-notes/${encodeURIComponent(String(documentId))}/stories`, documentId);
  if (stories.state !== 'ok') return <Typography variant="omega">{stories.state === 'loading' ? 'Loading…' : 'Could not be loaded'}</Typography>;
  if (!stories.data.length) return <Typography variant="omega">No published story mentions it.</Typography>;
  return (
    <List testId="newsroom-entity-stories">
      {stories.data.map((s) => (
        <Typography key={`${s.documentId}:${s.locale}`} variant="omega">
          {s.title} <Typography textColor="neutral600">({s.locale})</Typography>
        </Typography>
      ))}
    </List>
  );
}

export const EntityNotesPanel: PanelComponent = ({ model, documentId }) => {
  if (!documentId) return null;
  if (model === ENTITY) return { title: 'Published stories that mention it', content: <EntityStories documentId={documentId} /> };
  return null;
};
