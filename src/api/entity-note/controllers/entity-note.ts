// The core entity-note controller plus two reads for editors and integrations: the stories a note
// appears in, and the notes an article's text triggers.
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

export default factories.createCoreController('api::entity-note.entity-note', ({ strapi }) => {
  const notes = () => strapi.service('api::entity-note.notes');
  const documentIdOf = (ctx: Context) => {
    const id = String(ctx.params.documentId ?? '');
    if (!DOCUMENT_ID.test(id)) throw new errors.ValidationError('documentId must be a document id.', { path: ['documentId'] });
    return id;
  };
  return {
    async stories(ctx: Context) {
      ctx.body = { data: await notes().storiesFor(documentIdOf(ctx)), meta: {} };
    },

    async forArticle(ctx: Context) {
      const locale = ctx.query.locale;
      if (locale !== undefined && (typeof locale !== 'string' || !LOCALE.test(locale))) throw new errors.ValidationError('locale must be a locale code.', { path: ['locale'] });
      ctx.body = { data: await notes().notesForArticleOrThrow(documentIdOf(ctx), locale as string | undefined), meta: {} };
    },
  };
});
