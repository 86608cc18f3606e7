// Boot check: every table and column the hand-written fast paths (article feeds, redirects,
// short links) read still exists in Strapi's schema; a renamed field stops the boot and is named.
import type { Core } from '@strapi/strapi';
import { missingFields, metadataLookup } from '../lib/db/schema-names';
import { ARTICLE_ROWS_FIELDS } from '../api/feed/services/article-rows';
import { SHORT_URL_FIELDS } from '../api/short-url/services/short-url';

export function checkFastPathSchema(strapi: Core.Strapi): void {
  const lookup = metadataLookup(strapi.db.metadata);
  const missing = missingFields(lookup, [...ARTICLE_ROWS_FIELDS, ...SHORT_URL_FIELDS]);
  if (missing.length) {
    throw new Error(
      `The feed and short-link fast paths read fields the schema no longer has:\n  - ${missing.join('\n  - ')}\n` +
        'Update src/api/feed/services/article-rows.ts and src/api/short-url/services/short-url.ts (see "Extending the content types" in the README).',
    );
  }
}
