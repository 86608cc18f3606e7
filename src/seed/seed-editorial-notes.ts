// Demo of the editorial-honesty features: an entity note that follows a name into every story,
// a correction and an update on a published story, and photos whose source is disclosed.
import type { Core } from '@strapi/strapi';

type Doc = { documentId: string } & Record<string, unknown>;

export async function seedEditorialNotes(strapi: Core.Strapi, articles: Doc[], photos: Doc[], now: Date) {
  await strapi.documents('api::entity-note.entity-note').create({
    data: {
      name: 'Electoral Commission',
      marker: '†',
      scope: 'everywhere',
      firstMentionOnly: true,
      translations: [
        { locale: 'en', aliases: ['the elections watchdog', 'elections watchdog'], note: '†The Electoral Commission is funded by parliament; its chair sits on the board of this site’s parent company.' },
      ],
    },
  } as never);

  const budget = articles.find((a) => String(a.title).startsWith('Parliament passes budget'));
  if (budget) {
    const published = (await strapi.documents('api::article.article').findOne({ documentId: budget.documentId, status: 'published', fields: ['firstPublishedAt'] } as never)) as Doc | null;
    const first = new Date(String(published?.firstPublishedAt ?? now));
    const later = (hours: number) => new Date(Math.min(now.getTime(), first.getTime() + hours * 3600_000));
    await strapi.documents('api::article.article').update({
      documentId: budget.documentId,
      status: 'published',
      data: {
        corrections: [
          { at: later(3), kind: 'correction', text: 'An earlier version said the plan passed by five seats. It passed by four.' },
          { at: later(9), kind: 'update', text: 'Adds the finance minister’s reaction.' },
        ],
      },
    } as never);
  }

  // One fully AI-generated illustration and one composite among the demo photos, disclosed in their credits.
  const sources: Array<[number, string, string]> = [
    [2, 'trainedAlgorithmicMedia', 'Illustration generated with an image model from an editor’s prompt; no real scene is shown.'],
    [5, 'composite', 'Two exposures of the same scene combined to show the flood line.'],
  ];
  for (const [i, digitalSourceType, provenanceNote] of sources) {
    if (photos[i]) await strapi.documents('api::photo.photo').update({ documentId: photos[i].documentId, data: { digitalSourceType, provenanceNote } } as never);
  }
}
