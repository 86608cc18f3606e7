import { photoReferencePaths, type ReferenceModel } from '../../../../src/lib/photos/photo-references';

const PHOTO = 'api::photo.photo';
const lnk = (name: string, from: string) => ({ name, joinColumn: { name: from }, inverseJoinColumn: { name: 'photo_id' } });
const cmps = (name: string, field: string) => ({
  name,
  joinColumn: { name: 'entity_id' },
  inverseJoinColumn: { name: 'cmp_id' },
  on: { field },
  pivotColumns: ['entity_id', 'cmp_id', 'field', 'component_type'],
});

const model: ReferenceModel = {
  models: {
    [PHOTO]: { tableName: 'photos', attributes: { image: { type: 'relation', target: 'plugin::upload.file' } } },
    'api::article.article': {
      tableName: 'articles',
      attributes: {
        title: { type: 'string' },
        leadPhoto: { type: 'relation', target: PHOTO, joinTable: lnk('articles_lead_photo_lnk', 'article_id') },
        section: { type: 'relation', target: 'api::section.section', joinTable: { name: 'articles_section_lnk', joinColumn: { name: 'article_id' }, inverseJoinColumn: { name: 'section_id' } } },
        relatedLinks: { type: 'relation', target: 'article.link', joinTable: cmps('articles_cmps', 'relatedLinks') },
        body: {
          type: 'relation',
          relation: 'morphToMany',
          joinTable: { name: 'articles_cmps', joinColumn: { name: 'entity_id' }, morphColumn: { idColumn: { name: 'cmp_id' }, typeColumn: { name: 'component_type' } }, on: { field: 'body' } },
        },
      },
    },
    'api::section.section': { tableName: 'sections', attributes: { name: { type: 'string' } } },
    'article.link': {
      tableName: 'components_article_links',
      attributes: {
        thumbnail: { type: 'relation', target: PHOTO, joinTable: lnk('components_article_links_thumbnail_lnk', 'link_id') },
        article: { type: 'relation', target: 'api::article.article', joinTable: { name: 'components_article_links_article_lnk', joinColumn: { name: 'link_id' }, inverseJoinColumn: { name: 'article_id' } } },
      },
    },
    'blocks.photo': { tableName: 'components_blocks_photos', attributes: { photo: { type: 'relation', target: PHOTO, joinTable: lnk('components_blocks_photos_photo_lnk', 'photo_block_id') } } },
    'blocks.related': { tableName: 'components_blocks_relateds', attributes: { link: { type: 'relation', target: 'article.link', joinTable: cmps('components_blocks_relateds_cmps', 'link') } } },
    'blocks.quote': { tableName: 'components_blocks_quotes', attributes: { text: { type: 'text' } } },
  },
  dynamicZones: { 'api::article.article': { body: ['blocks.photo', 'blocks.related', 'blocks.quote'] } },
  components: new Set(['article.link', 'blocks.photo', 'blocks.related', 'blocks.quote']),
};

describe('photoReferencePaths', () => {
  const paths = photoReferencePaths(model, PHOTO);

  it('finds every way an article reaches a photo: relation, component, dynamic-zone blocks, nested components', () => {
    expect(paths.map((p) => p.via).sort()).toEqual(['body.link.thumbnail', 'body.photo', 'leadPhoto', 'relatedLinks.thumbnail']);
    expect(new Set(paths.map((p) => p.rootUid))).toEqual(new Set(['api::article.article']));
  });

  it('does not follow relations to other content types (their own rows count for them)', () => {
    expect(paths.some((p) => p.hops.some((h) => h.table === 'components_article_links_article_lnk'))).toBe(false);
  });

  it('builds joins with the component field and type conditions', () => {
    const nested = paths.find((p) => p.via === 'body.link.thumbnail')!;
    expect(nested.rootTable).toBe('articles');
    expect(nested.hops).toEqual([
      { table: 'articles_cmps', from: 'entity_id', to: 'cmp_id', where: { field: 'body', component_type: 'blocks.related' } },
      { table: 'components_blocks_relateds_cmps', from: 'entity_id', to: 'cmp_id', where: { field: 'link', component_type: 'article.link' } },
      { table: 'components_article_links_thumbnail_lnk', from: 'link_id', to: 'photo_id', where: {} },
    ]);
    expect(paths.find((p) => p.via === 'leadPhoto')!.hops).toEqual([{ table: 'articles_lead_photo_lnk', from: 'article_id', to: 'photo_id', where: {} }]);
  });

  it('stops on components that contain themselves', () => {
    const looped: ReferenceModel = {
      ...model,
      models: {
        ...model.models,
        'article.link': { ...model.models['article.link'], attributes: { ...model.models['article.link'].attributes, more: { type: 'relation', target: 'article.link', joinTable: cmps('components_article_links_cmps', 'more') } } },
      },
    };
    expect(photoReferencePaths(looped, PHOTO).map((p) => p.via).sort()).toEqual(['body.link.thumbnail', 'body.photo', 'leadPhoto', 'relatedLinks.thumbnail']);
  });
});
