// The content manager's views for the newsroom: field labels and help, list columns, relation
// labels, and read-only computed fields, applied at every boot without undoing an admin's later choices.
//
// How it stays out of the way: every setting below is a path in Strapi's stored view configuration
// (e.g. `metadatas.title.edit.label`). The values applied last time are remembered in the core
// store; at boot a path is written only when its value here differs from the remembered one (first
// boot, or this file changed). A label or column an admin changed in "Configure the view" therefore
// survives restarts until this file changes that very setting. Read-only flags are the exception:
// computed fields are locked at every boot, whatever the stored configuration says.
import type { Core, UID } from '@strapi/strapi';
import { isDeepStrictEqual } from 'util';

interface FieldView {
  label?: string;
  description?: string;
  placeholder?: string;
  /** For relations: the field of the target shown in pickers and list cells. */
  mainField?: string;
  /** Column heading in the list view, when it differs from the label. */
  listLabel?: string;
}

export interface ViewDefaults {
  settings?: { mainField?: string; defaultSortBy?: string; defaultSortOrder?: 'ASC' | 'DESC'; pageSize?: number };
  /** Columns of the list view, in order (the draft/published status column is Strapi's own). */
  list?: string[];
  fields?: Record<string, FieldView>;
  /** Computed fields: shown, never editable in the admin. */
  readOnly?: string[];
}

const NEWEST_FIRST = { defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' } as const;

export const CONTENT_TYPE_VIEWS: Record<string, ViewDefaults> = {
  'api::article.article': {
    settings: { mainField: 'title', ...NEWEST_FIRST, pageSize: 20 },
    list: ['title', 'section', 'firstPublishedAt'],
    readOnly: ['firstPublishedAt'],
    fields: {
      title: { label: 'Headline', description: 'What readers see first; the slug is made from it.' },
      slug: { label: 'Slug', description: 'The article’s address on the site. Left empty, it is made from the headline on save (↻ makes it now). Changing it after publication breaks links.' },
      kicker: { label: 'Kicker', description: 'A short label above the headline, such as “Analysis”.' },
      standfirst: { label: 'Standfirst', description: 'One or two sentences under the headline; also the summary in feeds.' },
      dateline: { label: 'Dateline', description: 'Where the story was filed, e.g. “KYIV”.' },
      section: { label: 'Section', description: 'Required to publish. Decides the article’s address and section feed.', mainField: 'name' },
      tags: { label: 'Tags', mainField: 'name' },
      leadPhoto: { label: 'Lead photo', description: 'Shown above the story and in feeds, with its caption and credit.', mainField: 'caption' },
      body: { label: 'Body', description: 'The story in reading order: text, photos, related stories, quotes and embeds.' },
      relatedLinks: { label: 'Related stories', description: 'Listed under the story: pick one of our articles or give an external URL.' },
      footnotes: { label: 'Footnotes', description: 'Corrections and legal notes printed at the end.' },
      firstPublishedAt: { label: 'First published', listLabel: 'Published', description: 'Set on first publication and never changed afterwards.' },
      commentsEnabled: { label: 'Comments open' },
      mediaKind: { label: 'Told mainly in', description: 'Anything but text puts the article in the Multimedia list.' },
      leadMedia: { label: 'Lead video or audio', description: 'Shown instead of the lead photo: an embed from an allowed host or an uploaded file.' },
      corrections: { label: 'Corrections and updates', description: 'Shown to readers newest first; the newest one’s time is the story’s update time. Silent fixes need none.' },
      noteSuppressions: { label: 'Suppressed entity notes', description: 'Entity notes that must not appear on this story, each with the reason (logged).' },
      sendPush: { label: 'Send push', description: 'Sends a push alert when the article is first published; never again on a republish.' },
      pushTopic: { label: 'Push to', description: '“breaking”: every breaking-news subscriber (urgent); “section”: the subscribers of the article’s section.' },
    },
  },
  'api::recommended-list.recommended-list': {
    settings: { mainField: 'name', ...NEWEST_FIRST },
    list: ['name', 'section'],
    fields: {
      name: { label: 'Name', description: 'For editors only, e.g. “Front page” or “Sport desk”.' },
      section: { label: 'Section', description: 'Leave empty for the site-wide list; one list per section.', mainField: 'name' },
      picks: { label: 'Picks', description: 'In reading order; drag to reorder. Expired picks drop out by themselves; Most read fills the rest.' },
    },
  },
  'api::photo.photo': {
    settings: { mainField: 'caption', ...NEWEST_FIRST, pageSize: 20 },
    list: ['image', 'caption', 'creditLine', 'takenAt', 'released'],
    readOnly: ['creditLine', 'usedInPublished'],
    fields: {
      image: { label: 'Image', description: 'A JPEG, PNG or WebP file.' },
      caption: { label: 'Caption', description: 'What the photo shows, in a sentence. Printed under it and sent in feeds.' },
      altText: { label: 'Alt text', description: 'Describes the image for readers who cannot see it.' },
      credit: { label: 'Credit', description: 'Who took the photo and on what terms; the credit line is rendered from it.' },
      creditLine: { label: 'Credit line', listLabel: 'Credit', description: 'Rendered from the credit when the photo is saved.' },
      takenAt: { label: 'Taken at' },
      location: { label: 'Location', placeholder: 'e.g. Lisbon, Portugal' },
      digitalSourceType: { label: 'Digital source type (IPTC)', description: 'How the image was made. AI-generated and composite images get a disclosure in their credit line.' },
      provenanceNote: { label: 'Provenance note', description: 'Where the picture comes from and what was done to it, for editors and syndication partners.' },
      released: {
        label: 'Released',
        description: 'Public now. Leave off for an embargoed photo: readers see it once a published story or gallery uses it.',
      },
      usedInPublished: { label: 'Used by published content', description: 'Set automatically: a published story or gallery shows this photo.' },
    },
  },
  'api::entity-note.entity-note': {
    settings: { mainField: 'name', ...NEWEST_FIRST },
    list: ['name', 'marker', 'scope', 'validUntil'],
    fields: {
      name: { label: 'Name', description: 'Always matched, in every language, case and accents ignored.' },
      translations: { label: 'Notes by language', description: 'One per site locale: the aliases (a JSON list, inflected forms too) and the note printed at the foot of the story.' },
      marker: { label: 'Marker', description: '1 to 3 symbols printed right after the name, e.g. * or †.' },
      scope: { label: 'Scope', description: 'Everywhere, or only in the sections listed below.' },
      sections: { label: 'Sections', mainField: 'name' },
      validFrom: { label: 'Valid from' },
      validUntil: { label: 'Valid until' },
      firstMentionOnly: { label: 'First mention only', description: 'Mark only the first mention in a story.' },
    },
  },
  'api::section.section': {
    settings: { mainField: 'name', defaultSortBy: 'position', defaultSortOrder: 'ASC' },
    list: ['name', 'slug', 'parent', 'position'],
    fields: {
      name: { label: 'Name' },
      slug: { label: 'Slug', description: 'Made from the name; used in article addresses and the section feed.' },
      description: { label: 'Description' },
      position: { label: 'Position', description: 'Order in the site’s navigation, lowest first.' },
      parent: { label: 'Parent section', mainField: 'name' },
      children: { label: 'Subsections', mainField: 'name' },
      articles: { label: 'Articles', mainField: 'title' },
    },
  },
  'api::gallery.gallery': {
    settings: { mainField: 'title', ...NEWEST_FIRST },
    list: ['title', 'kind', 'coversFrom', 'coversTo'],
    fields: {
      title: { label: 'Title' },
      slug: { label: 'Slug', description: 'Generated from the title.' },
      kind: { label: 'Kind' },
      coversFrom: { label: 'Covers from' },
      coversTo: { label: 'Covers to' },
      items: { label: 'Photos', description: 'In display order; a caption here replaces the photo’s own in this gallery.' },
    },
  },
  'api::tag.tag': {
    settings: { mainField: 'name', defaultSortBy: 'name', defaultSortOrder: 'ASC' },
    list: ['name', 'slug'],
    fields: { name: { label: 'Name' }, slug: { label: 'Slug' }, articles: { label: 'Articles', mainField: 'title' } },
  },
  'api::short-url.short-url': {
    settings: { mainField: 'code', ...NEWEST_FIRST },
    list: ['code', 'article', 'hits', 'enabled'],
    readOnly: ['hits', 'madeOnPublish'],
    fields: {
      code: { label: 'Code', description: 'The part after /s/. Made on the article’s first publication.' },
      article: { label: 'Article', mainField: 'title' },
      url: { label: 'External URL', description: 'Only when the link does not point at one of our articles.' },
      redirectStatus: { label: 'Redirect status', description: '301 (permanent) unless there is a reason for another 30x.' },
      hits: { label: 'Hits', description: 'Counted on each redirect.' },
      madeOnPublish: { label: 'Made on publication', description: 'The article’s own link, made when it was first published (one per article).' },
      enabled: { label: 'Enabled' },
      expiresAt: { label: 'Expires at' },
    },
  },
  'api::listen-live.listen-live': {
    settings: { mainField: 'station' },
    fields: {
      station: { label: 'Station', description: 'The name the player shows.' },
      streams: { label: 'Streams', description: 'HLS (application/vnd.apple.mpegurl) and/or Icecast (audio/mpeg, audio/aac) URLs; the player tries them in order.' },
      fallbackUrl: { label: 'Fallback URL', description: 'Where the player sends listeners when no stream plays.' },
      schedule: { label: 'Weekly schedule', description: 'Weekday 1 = Monday … 7 = Sunday; start and end “HH:mm” in the newsroom time zone (SITE_TIME_ZONE); an end before the start runs past midnight.' },
    },
  },
};

export const COMPONENT_VIEWS: Record<string, ViewDefaults> = {
  'feed.recommended-pick': {
    fields: {
      article: { label: 'Article', mainField: 'title' },
      expiresAt: { label: 'Until', description: 'Optional: the pick drops out at this time.' },
    },
  },
  'media.media-item': {
    fields: {
      kind: { label: 'Kind' },
      embedUrl: { label: 'Embed URL', placeholder: 'https://www.youtube-nocookie.com/embed/…', description: 'From an allowed host (MEDIA_EMBED_HOSTS); or upload a file instead.' },
      file: { label: 'File', description: 'An uploaded video or audio file, when there is no embed.' },
      poster: { label: 'Poster', description: 'The still shown before playing.' },
      caption: { label: 'Caption' },
      credit: { label: 'Credit' },
    },
  },
  'article.related-story-link': {
    fields: {
      article: { label: 'Article', description: 'One of our articles, or leave empty and give an external URL.', mainField: 'title' },
      url: { label: 'External URL', placeholder: 'https://' },
      titleOverride: { label: 'Title override', description: 'Shown instead of the article’s headline.' },
      thumbnail: { label: 'Thumbnail', mainField: 'caption' },
      label: { label: 'Label', placeholder: 'e.g. Background' },
    },
  },
  'blocks.photo-embed': {
    fields: {
      photo: { label: 'Photo', mainField: 'caption' },
      captionOverride: { label: 'Caption override', description: 'Replaces the photo’s caption here only.' },
    },
  },
  'blocks.rich-text': { fields: { body: { label: 'Text' } } },
  'blocks.related-story': { fields: { link: { label: 'Link' } } },
  'blocks.quote': { fields: { text: { label: 'Quote' }, attribution: { label: 'Attribution' } } },
  'blocks.external-embed': { fields: { url: { label: 'URL' }, provider: { label: 'Provider' }, caption: { label: 'Caption' } } },
  'article.footnote': { fields: { marker: { label: 'Marker', placeholder: 'e.g. *' }, text: { label: 'Text' } } },
  'media.photo-credit': {
    fields: {
      photographer: { label: 'Photographer' },
      agency: { label: 'Agency', placeholder: 'e.g. Reuters' },
      copyrightHolder: { label: 'Copyright holder', description: 'Stands in for the agency when neither agency nor photographer is known.' },
      license: { label: 'Licence' },
      mayRedistribute: { label: 'May be redistributed', description: 'Whether partners may republish the photo with the story.' },
    },
  },
  'gallery.gallery-item': {
    fields: { photo: { label: 'Photo', mainField: 'caption' }, captionOverride: { label: 'Caption override' } },
  },
};

type Paths = Record<string, unknown>;

/** The settings of one view as `path → value`; `enforced` are re-applied at every boot. */
export function viewPaths(view: ViewDefaults): { defaults: Paths; enforced: Paths } {
  const defaults: Paths = {};
  const enforced: Paths = {};
  for (const [key, value] of Object.entries(view.settings ?? {})) defaults[`settings.${key}`] = value;
  if (view.list) defaults['layouts.list'] = view.list;
  for (const [name, field] of Object.entries(view.fields ?? {})) {
    if (field.label !== undefined) {
      defaults[`metadatas.${name}.edit.label`] = field.label;
      defaults[`metadatas.${name}.list.label`] = field.listLabel ?? field.label;
    }
    if (field.description !== undefined) defaults[`metadatas.${name}.edit.description`] = field.description;
    if (field.placeholder !== undefined) defaults[`metadatas.${name}.edit.placeholder`] = field.placeholder;
    if (field.mainField !== undefined) defaults[`metadatas.${name}.edit.mainField`] = field.mainField;
  }
  for (const name of view.readOnly ?? []) enforced[`metadatas.${name}.edit.editable`] = false;
  return { defaults, enforced };
}

/**
 * Which paths to write: enforced ones always, defaults only where this code's value changed
 * since it was last applied (so an admin's own change to that path is kept).
 */
export function pathsToApply(current: { defaults: Paths; enforced: Paths }, appliedBefore: Paths | undefined): Paths {
  const out: Paths = { ...current.enforced };
  for (const [path, value] of Object.entries(current.defaults)) {
    if (!appliedBefore || !(path in appliedBefore) || !isDeepStrictEqual(appliedBefore[path], value)) out[path] = value;
  }
  return out;
}

type StoredConfiguration = { settings: Record<string, unknown>; metadatas: Record<string, unknown>; layouts: Record<string, unknown> };

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

const STORE = { type: 'plugin', name: 'newsroom' } as const;
const STORE_KEY = 'admin_views_applied';

export async function configureAdminViews(strapi: Core.Strapi) {
  const store = strapi.store(STORE);
  const applied = ((await store.get({ key: STORE_KEY })) ?? {}) as Record<string, Paths>;
  const plugin = strapi.plugin('content-manager');
  const targets = [
    ...Object.entries(CONTENT_TYPE_VIEWS).map(([uid, view]) => ({ uid, view, service: plugin.service('content-types'), exists: Boolean(strapi.contentTypes[uid as UID.ContentType]) })),
    ...Object.entries(COMPONENT_VIEWS).map(([uid, view]) => ({ uid, view, service: plugin.service('components'), exists: Boolean(strapi.components[uid as UID.Component]) })),
  ];

  for (const { uid, view, service, exists } of targets) {
    if (!exists) continue;
    const paths = viewPaths(view);
    const toApply = pathsToApply(paths, applied[uid]);
    const config = (await service.findConfiguration({ uid })) as StoredConfiguration;
    const next = structuredClone({ settings: config.settings, metadatas: config.metadatas, layouts: config.layouts });
    for (const [path, value] of Object.entries(toApply)) {
      // A field removed from the model since this file was written: nothing to configure.
      const field = /^metadatas\.([^.]+)\./.exec(path)?.[1];
      if (field && !(field in (next.metadatas ?? {}))) continue;
      const fitted = path === 'layouts.list' ? (value as string[]).filter((name) => name in (next.metadatas ?? {})) : value;
      setPath(next as unknown as Record<string, unknown>, path, fitted);
    }
    if (!isDeepStrictEqual(next, { settings: config.settings, metadatas: config.metadatas, layouts: config.layouts })) {
      await service.updateConfiguration({ uid }, next);
    }
    applied[uid] = paths.defaults;
  }
  await store.set({ key: STORE_KEY, value: applied });
}
