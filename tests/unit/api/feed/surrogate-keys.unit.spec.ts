// The surrogate keys of a populated article page, found along the schema (relations, components, dynamic zones).
import surrogateKeys from '../../../../src/api/feed/services/surrogate-keys';

const MODELS: Record<string, { attributes: Record<string, { type: string; target?: string; component?: string }> }> = {
  'api::article.article': {
    attributes: {
      title: { type: 'string' },
      section: { type: 'relation', target: 'api::section.section' },
      tags: { type: 'relation', target: 'api::tag.tag' },
      leadPhoto: { type: 'relation', target: 'api::photo.photo' },
      body: { type: 'dynamiczone' },
      relatedLinks: { type: 'component', component: 'article.related-story-link' },
    },
  },
  'api::section.section': { attributes: { slug: { type: 'uid' } } },
  'api::tag.tag': { attributes: { name: { type: 'string' } } },
  'api::photo.photo': { attributes: { image: { type: 'media' }, credit: { type: 'component', component: 'media.photo-credit' } } },
  'media.photo-credit': { attributes: { agency: { type: 'string' } } },
  'blocks.photo-embed': { attributes: { photo: { type: 'relation', target: 'api::photo.photo' } } },
  'blocks.related-story': { attributes: { link: { type: 'component', component: 'article.related-story-link' } } },
  'blocks.quote': { attributes: { text: { type: 'text' } } },
  'article.related-story-link': {
    attributes: { article: { type: 'relation', target: 'api::article.article' }, thumbnail: { type: 'relation', target: 'api::photo.photo' } },
  },
};

const strapi = { getModel: (uid: string) => MODELS[uid] } as never;

describe('surrogate keys of a document', () => {
  it('names the document and everything populated inside it, once each', () => {
    const page = {
      documentId: 'a1',
      title: 'River bursts its banks',
      section: { documentId: 's1', slug: 'world' },
      tags: [{ documentId: 't1', name: 'Floods' }, { documentId: 't2', name: 'Weather' }],
      leadPhoto: { documentId: 'p1', image: { id: 9, url: '/u.jpg' }, credit: { agency: 'AP' } },
      body: [
        { __component: 'blocks.photo-embed', photo: { documentId: 'p2' } },
        { __component: 'blocks.quote', text: 'We lost everything.' },
        { __component: 'blocks.related-story', link: { article: { documentId: 'a2', section: { slug: 'business' }, leadPhoto: { documentId: 'p1' } } } },
      ],
      relatedLinks: [{ article: null, thumbnail: { documentId: 'p3' } }],
    };
    expect(surrogateKeys({ strapi }).ofDocument('api::article.article', page).sort()).toEqual(
      ['article:a1', 'article:a2', 'photo:p1', 'photo:p2', 'photo:p3', 'section:business', 'section:world', 'tag:t1', 'tag:t2'].sort(),
    );
  });

  it('gives nothing for nothing', () => {
    expect(surrogateKeys({ strapi }).ofDocument('api::article.article', null)).toEqual([]);
    expect(surrogateKeys({ strapi }).ofDocument('api::unknown.unknown', { documentId: 'x' })).toEqual([]);
  });
});
