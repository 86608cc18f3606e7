import { withPhotoDetails, type GetAttributes } from '../../../../src/lib/populate/photo-details';

const models: Record<string, Record<string, { type: string; target?: string; component?: string }>> = {
  'api::article.article': {
    title: { type: 'string' },
    leadPhoto: { type: 'relation', target: 'api::photo.photo' },
    section: { type: 'relation', target: 'api::section.section' },
    relatedLinks: { type: 'component', component: 'article.related-story-link' },
    body: { type: 'dynamiczone' },
  },
  'api::photo.photo': { caption: { type: 'string' }, image: { type: 'media' }, credit: { type: 'component', component: 'media.photo-credit' } },
  'api::section.section': { name: { type: 'string' }, parent: { type: 'relation', target: 'api::section.section' } },
  'article.related-story-link': { thumbnail: { type: 'relation', target: 'api::photo.photo' }, article: { type: 'relation', target: 'api::article.article' } },
  'blocks.photo-embed': { photo: { type: 'relation', target: 'api::photo.photo' } },
  'media.photo-credit': { agency: { type: 'string' } },
};
const getAttributes: GetAttributes = (uid) => models[uid];

describe('withPhotoDetails', () => {
  it('adds credit and image to a photo query without populate', () => {
    expect(withPhotoDetails('api::photo.photo', undefined, getAttributes)).toEqual({ credit: true, image: true });
  });

  it('keeps what a photo query already populates', () => {
    expect(withPhotoDetails('api::photo.photo', { image: { fields: ['url'] } }, getAttributes)).toEqual({ image: { fields: ['url'] }, credit: true });
  });

  it('leaves an article query without populate alone', () => {
    expect(withPhotoDetails('api::article.article', undefined, getAttributes)).toBeUndefined();
  });

  it('adds the details under a populated lead photo in every populate form', () => {
    const expected = { populate: { credit: true, image: true } };
    expect((withPhotoDetails('api::article.article', 'leadPhoto,section', getAttributes) as Record<string, unknown>).leadPhoto).toEqual(expected);
    expect((withPhotoDetails('api::article.article', ['leadPhoto'], getAttributes) as Record<string, unknown>).leadPhoto).toEqual(expected);
    expect((withPhotoDetails('api::article.article', { leadPhoto: true }, getAttributes) as Record<string, unknown>).leadPhoto).toEqual(expected);
    expect((withPhotoDetails('api::article.article', { leadPhoto: 'true' }, getAttributes) as Record<string, unknown>).leadPhoto).toEqual(expected);
    const star = withPhotoDetails('api::article.article', '*', getAttributes) as Record<string, unknown>;
    expect(star.leadPhoto).toEqual(expected);
    expect(star.section).toBe(true);
  });

  it('reaches photos inside components and dynamic-zone blocks', () => {
    const out = withPhotoDetails('api::article.article', {
      relatedLinks: { populate: { thumbnail: true } },
      body: { on: { 'blocks.photo-embed': { populate: { photo: { fields: ['caption'] } } } } },
    }, getAttributes) as Record<string, any>;
    expect(out.relatedLinks.populate.thumbnail).toEqual({ populate: { credit: true, image: true } });
    expect(out.body.on['blocks.photo-embed'].populate.photo).toEqual({ fields: ['caption'], populate: { credit: true, image: true } });
  });

  it('does not touch relations that were not asked for', () => {
    const out = withPhotoDetails('api::article.article', { section: true }, getAttributes) as Record<string, unknown>;
    expect(out).toEqual({ section: true });
  });
});
