import { columns, missingFields, schemaNames, type ModelMeta } from '../../../../src/lib/db/schema-names';

// The shapes Strapi 5's metadata gives these models (abridged).
const META: Record<string, ModelMeta> = {
  'api::article.article': {
    tableName: 'articles',
    attributes: {
      id: { columnName: 'id' },
      title: { columnName: 'title' },
      firstPublishedAt: { columnName: 'first_published_at' },
      section: { joinTable: { name: 'articles_section_lnk', joinColumn: { name: 'article_id' }, inverseJoinColumn: { name: 'section_id' } } },
    },
  },
  'api::photo.photo': {
    tableName: 'photos',
    attributes: {
      credit: {
        joinTable: {
          name: 'photos_cmps',
          joinColumn: { name: 'entity_id' },
          inverseJoinColumn: { name: 'cmp_id' },
          on: { field: 'credit' },
          pivotColumns: ['entity_id', 'cmp_id', 'field', 'component_type'],
        },
      },
    },
  },
  'plugin::upload.file': {
    tableName: 'files',
    attributes: {
      related: {
        joinTable: {
          name: 'files_related_mph',
          joinColumn: { name: 'file_id' },
          morphColumn: { idColumn: { name: 'related_id' }, typeColumn: { name: 'related_type' } },
        },
      },
    },
  },
  files_related_mph: { tableName: 'files_related_mph', attributes: { field: { columnName: 'field' }, order: { columnName: 'order' } } },
};
const lookup = (uid: string) => META[uid];

describe('schema names for hand-written SQL', () => {
  it('reads tables, columns, join, component and morph tables from the metadata', () => {
    const names = schemaNames(lookup);
    expect(names.table('api::article.article')).toBe('articles');
    expect(names.column('api::article.article', 'firstPublishedAt')).toBe('first_published_at');
    expect(names.joinTable('api::article.article', 'section').inverseJoinColumn.name).toBe('section_id');
    expect(names.componentTable('api::photo.photo', 'credit')).toEqual({
      name: 'photos_cmps',
      ownerColumn: 'entity_id',
      componentColumn: 'cmp_id',
      typeColumn: 'component_type',
      on: { field: 'credit' },
    });
    expect(names.morphTable('plugin::upload.file', 'related')).toEqual({
      name: 'files_related_mph',
      fileColumn: 'file_id',
      ownerIdColumn: 'related_id',
      ownerTypeColumn: 'related_type',
      fieldColumn: 'field',
      orderColumn: 'order',
    });
  });

  it('names every field a fast path needs that a developer renamed or removed', () => {
    const needs = [
      ...columns('api::article.article', ['title', 'standfirst', 'firstPublishedAt']),
      { uid: 'api::article.article', attribute: 'section', as: 'relation' as const },
      { uid: 'api::article.article', attribute: 'title', as: 'relation' as const },
      { uid: 'api::article.article', attribute: 'section', as: 'column' as const },
      { uid: 'api::photo.photo', attribute: 'credit', as: 'component' as const },
      { uid: 'plugin::upload.file', attribute: 'related', as: 'media' as const },
      ...columns('api::gone.gone', ['name']),
    ];
    expect(missingFields(lookup, needs)).toEqual([
      'api::article.article.standfirst no longer exists',
      'api::article.article.title is not a relation with a join table',
      'api::article.article.section is not a column (a relation or component now?)',
      'api::gone.gone no longer exists',
    ]);
    expect(missingFields(lookup, columns('api::article.article', ['id', 'title']))).toEqual([]);
  });
});
