// Entity notes for integrations (API tokens; not granted to the public role): the published
// stories an entity note appears in, and the notes that apply to an article's draft.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/entity-notes/:documentId/stories', handler: 'api::entity-note.entity-note.stories', config: {} },
    { method: 'GET', path: '/articles/:documentId/entity-notes', handler: 'api::entity-note.entity-note.forArticle', config: {} },
  ],
};
