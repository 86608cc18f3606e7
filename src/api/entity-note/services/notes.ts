// Entity notes at read time: the current notes compiled once per locale into a one-pass matcher,
// applied to an article page or a feed page; and the published stories a note change affects.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { annotate, applicableNotes, matcherEntries, type EntityRule, type TextSegment } from '../../../lib/entity-notes/annotate';
import { createMatcher, type Matcher } from '../../../lib/entity-notes/matcher';
import type { ArticlePage } from '../../../lib/feeds/article-page';
import type { EntityFootnote, FeedArticle, FeedPicture } from '../../../lib/feeds/types';
import { platform } from '../../../platform';

const ENTITY = 'api::entity-note.entity-note';
const ARTICLE = 'api::article.article';
/** Other instances drop their compiled notes when this is published. */
export const ENTITY_NOTES_CHANNEL = 'entity-notes:changed';
/** When a note last changed (deletions included), for Last-Modified of the pages it touches. */
const CHANGED_AT_KEY = 'entity-notes:changed-at';

type Raw = Record<string, unknown>;
// The Document Service calls below cast their params: Strapi's typings reject shared populate
// constants for dynamic zones and `documentId` in sort, both of which it accepts at run time.

export interface EntityMention {
  path: string;
  entity: string;
  marker: string;
  start: number;
  end: number;
  marked: boolean;
}

export interface StoryRef {
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
}

const SCAN_BATCH = 200;
const SCAN_POPULATE = {
  leadPhoto: { fields: ['caption'] },
  body: {
    on: {
      'blocks.rich-text': true,
      'blocks.quote': true,
      'blocks.photo-embed': { populate: { photo: { fields: ['caption'] } } },
    },
  },
};

export function toRule(raw: Raw): EntityRule {
  const translations = Array.isArray(raw.translations) ? (raw.translations as Raw[]) : [];
  const sections = Array.isArray(raw.sections) ? (raw.sections as Raw[]) : [];
  const when = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    documentId: String(raw.documentId),
    name: String(raw.name ?? ''),
    marker: typeof raw.marker === 'string' && raw.marker ? raw.marker : '*',
    scope: raw.scope === 'sections' ? 'sections' : 'everywhere',
    sectionSlugs: sections.map((s) => String(s.slug)),
    validFrom: when(raw.validFrom),
    validUntil: when(raw.validUntil),
    firstMentionOnly: raw.firstMentionOnly !== false,
    locales: translations.map((t) => ({
      locale: String(t.locale ?? ''),
      aliases: Array.isArray(t.aliases) ? (t.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [],
      note: String(t.note ?? ''),
    })),
  };
}

/** The texts of an article (as the Document Service returns it) in reading order, for matching. */
export function articleSegments(raw: Raw): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (path: string, v: unknown) => {
    if (typeof v === 'string' && v) out.push({ path, text: v });
  };
  push('title', raw.title);
  push('standfirst', raw.standfirst);
  push('leadPhoto.caption', (raw.leadPhoto as Raw | null)?.caption);
  (Array.isArray(raw.body) ? (raw.body as Raw[]) : []).forEach((b, i) => {
    if (b.__component === 'blocks.rich-text') push(`body.${i}.body`, b.body);
    if (b.__component === 'blocks.quote') push(`body.${i}.text`, b.text);
    if (b.__component === 'blocks.photo-embed') push(`body.${i}.caption`, b.caption ?? b.captionOverride ?? (b.photo as Raw | null)?.caption);
  });
  return out;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let rules: Promise<EntityRule[]> | null = null;
  let rulesChangedAt = 0;
  const matchers = new Map<string, Matcher>();
  let unsubscribe: (() => void) | null = null;

  function forget() {
    rules = null;
    matchers.clear();
  }

  async function loadRules(): Promise<EntityRule[]> {
    const [rows, mark] = await Promise.all([
      strapi.documents(ENTITY).findMany({
        fields: ['name', 'marker', 'scope', 'validFrom', 'validUntil', 'firstMentionOnly', 'updatedAt'],
        populate: { translations: true, sections: { fields: ['slug'] } },
        sort: [{ documentId: 'asc' }],
      } as never) as Promise<Raw[]>,
      platform(strapi).store.get(CHANGED_AT_KEY),
    ]);
    rulesChangedAt = Math.max(0, ...rows.map((r) => Date.parse(String(r.updatedAt)) || 0), mark ? Date.parse(mark) || 0 : 0);
    return rows.map(toRule);
  }

  async function current(): Promise<EntityRule[]> {
    if (!rules) {
      const loading = loadRules();
      rules = loading;
      loading.catch(() => {
        if (rules === loading) rules = null;
      });
    }
    return rules;
  }

  async function matcherFor(locale: string): Promise<{ rules: EntityRule[]; matcher: Matcher }> {
    const all = await current();
    let matcher = matchers.get(locale);
    if (!matcher) {
      matcher = createMatcher(matcherEntries(all, locale));
      matchers.set(locale, matcher);
    }
    return { rules: all, matcher };
  }

  /** Marks one article's texts (any shape with those fields), returning the notes and the spans. */
  async function annotateTexts(segments: TextSegment[], ctx: { locale: string; sectionSlug: string | null; suppressed?: string[]; now?: Date }) {
    const { rules: all, matcher } = await matcherFor(ctx.locale);
    const notes = applicableNotes(all, { locale: ctx.locale, sectionSlug: ctx.sectionSlug, now: ctx.now ?? new Date(), suppressed: ctx.suppressed });
    return annotate(segments, matcher, notes);
  }

  /** Published stories (every locale) whose texts mention any of the rules' terms. */
  async function scanStories(terms: EntityRule[]): Promise<StoryRef[]> {
    const entries = terms.flatMap((r) => [r.name, ...r.locales.flatMap((l) => l.aliases)]).filter(Boolean);
    if (!entries.length) return [];
    const matcher = createMatcher([{ key: 'x', terms: entries }]);
    const found: StoryRef[] = [];
    for (let start = 0; ; start += SCAN_BATCH) {
      const rows = (await strapi.documents(ARTICLE).findMany({
        status: 'published',
        locale: '*',
        fields: ['title', 'standfirst', 'slug', 'locale'],
        populate: SCAN_POPULATE,
        sort: [{ id: 'asc' }],
        start,
        limit: SCAN_BATCH,
      } as never)) as Raw[];
      for (const row of rows) {
        if (articleSegments(row).some((s) => matcher.find(s.text).length > 0)) {
          found.push({ documentId: String(row.documentId), locale: String(row.locale), title: String(row.title ?? ''), slug: (row.slug as string) ?? null });
        }
      }
      if (rows.length < SCAN_BATCH) break;
    }
    return found;
  }

  return {
    forget,

    /** Called on every entity write: this instance forgets now, the others when the message arrives. */
    async changed(documentId: string) {
      forget();
      await platform(strapi).store.set(CHANGED_AT_KEY, new Date().toISOString());
      await platform(strapi).store.publish(ENTITY_NOTES_CHANNEL, documentId);
    },

    /** The newest change to any note (ISO), so Last-Modified moves when a note does. */
    async changedAt(): Promise<string> {
      await current();
      return new Date(rulesChangedAt).toISOString();
    },

    listen() {
      unsubscribe ??= platform(strapi).store.subscribe(ENTITY_NOTES_CHANNEL, forget);
    },

    async rule(documentId: string): Promise<EntityRule | null> {
      const raw = (await strapi.documents(ENTITY).findOne({
        documentId,
        fields: ['name', 'marker', 'scope', 'validFrom', 'validUntil', 'firstMentionOnly'],
        populate: { translations: true, sections: { fields: ['slug'] } },
      } as never)) as Raw | null;
      return raw ? toRule(raw) : null;
    },

    /**
     * The article page with its mentions marked, the spans listed and the notes appended to the
     * editor's own footnotes, in the article's locale. `raw` is the document the page was made from.
     */
    async annotatePage(page: ArticlePage, raw: Raw, now = new Date()): Promise<ArticlePage & { entityMentions: EntityMention[] }> {
      const suppressed = suppressedOf(raw);
      const segments: TextSegment[] = [];
      const push = (path: string, text: string | null | undefined) => {
        if (text) segments.push({ path, text });
      };
      push('title', page.title);
      push('standfirst', page.standfirst);
      push('leadPhoto.caption', page.leadPhoto?.caption);
      page.body.forEach((b, i) => {
        if (b.__component === 'blocks.rich-text') push(`body.${i}.body`, b.body);
        if (b.__component === 'blocks.quote') push(`body.${i}.text`, b.text);
        if (b.__component === 'blocks.photo-embed') push(`body.${i}.caption`, b.caption);
      });
      const result = await annotateTexts(segments, { locale: page.locale ?? '', sectionSlug: page.section?.slug ?? null, suppressed, now });
      if (!result.notes.length) return { ...page, entityMentions: [] };
      const text = new Map(result.segments.map((s) => [s.path, s.text]));
      const body = page.body.map((b, i) => {
        if (b.__component === 'blocks.rich-text') return { ...b, body: text.get(`body.${i}.body`) ?? b.body };
        if (b.__component === 'blocks.quote') return { ...b, text: text.get(`body.${i}.text`) ?? b.text };
        if (b.__component === 'blocks.photo-embed') return { ...b, caption: text.get(`body.${i}.caption`) ?? b.caption };
        return b;
      });
      const notes: EntityFootnote[] = result.notes.map((n) => ({ marker: n.marker, text: n.note, entity: n.key }));
      return {
        ...page,
        title: text.get('title') ?? page.title,
        standfirst: page.standfirst === null ? null : (text.get('standfirst') ?? page.standfirst),
        leadPhoto: page.leadPhoto ? { ...page.leadPhoto, caption: text.get('leadPhoto.caption') ?? page.leadPhoto.caption } : null,
        body,
        footnotes: [...page.footnotes, ...notes],
        entityNotes: notes,
        entityMentions: result.segments.flatMap((s) => s.mentions.map((m) => ({ path: s.path, ...m }))),
      };
    },

    /**
     * Feed items with their mentions marked (title, standfirst, lead-photo caption) and their notes
     * listed. `suppressions` is asked only when some item mentions an entity.
     */
    async annotateFeedItems(items: FeedArticle[], suppressions: (documentIds: string[]) => Promise<Map<string, string[]>>, now = new Date()): Promise<FeedArticle[]> {
      const first = await Promise.all(items.map((a) => this.annotateItem(a, [], now)));
      const touched = items.filter((_, i) => first[i].entityNotes.length > 0).map((a) => a.documentId);
      if (!touched.length) return first;
      const suppressed = await suppressions(touched);
      return Promise.all(items.map((a, i) => (suppressed.get(a.documentId)?.length ? this.annotateItem(a, suppressed.get(a.documentId)!, now) : first[i])));
    },

    async annotateItem(item: FeedArticle, suppressed: string[], now = new Date()): Promise<FeedArticle> {
      const segments: TextSegment[] = [];
      if (item.title) segments.push({ path: 'title', text: item.title });
      if (item.standfirst) segments.push({ path: 'standfirst', text: item.standfirst });
      if (item.leadPhoto?.caption) segments.push({ path: 'leadPhoto.caption', text: item.leadPhoto.caption });
      const result = await annotateTexts(segments, { locale: item.locale ?? '', sectionSlug: item.section?.slug ?? null, suppressed, now });
      if (!result.notes.length) return item;
      const text = new Map(result.segments.map((s) => [s.path, s.text]));
      return {
        ...item,
        title: text.get('title') ?? item.title,
        standfirst: item.standfirst === null ? null : (text.get('standfirst') ?? item.standfirst),
        leadPhoto: item.leadPhoto ? { ...item.leadPhoto, caption: text.get('leadPhoto.caption') ?? item.leadPhoto.caption } : null,
        entityNotes: result.notes.map((n) => ({ marker: n.marker, text: n.note, entity: n.key })),
      };
    },

    /**
     * Picture-week items with their captions marked and their notes listed, in the feed's locale
     * (no section, so only notes scoped everywhere apply). Each picture is its own item.
     */
    async annotatePictures(items: FeedPicture[], locale: string, now = new Date()): Promise<FeedPicture[]> {
      return Promise.all(
        items.map(async (item) => {
          const result = await annotateTexts([{ path: 'caption', text: item.caption }], { locale, sectionSlug: null, now });
          if (!result.notes.length) return { ...item, entityNotes: [] };
          const caption = result.segments[0].text;
          return { ...item, caption, photo: { ...item.photo, caption }, entityNotes: result.notes.map((n) => ({ marker: n.marker, text: n.note, entity: n.key })) };
        }),
      );
    },

    /** Published stories whose current text mentions any of these rules (before and after an edit). */
    storiesMentioning: scanStories,

    /** The published stories an entity note appears in (its name or any alias); NotFoundError for an unknown note. */
    async storiesFor(documentId: string): Promise<StoryRef[]> {
      const rule = await this.rule(documentId);
      if (!rule) throw new errors.NotFoundError(`No entity note with the documentId "${documentId}".`);
      return scanStories([rule]);
    },

    async notesForArticleOrThrow(documentId: string, locale: string | undefined) {
      if (locale !== undefined) await strapi.service('api::feed.feed').resolveLocale(locale);
      const found = await this.notesForArticle(documentId, locale);
      if (!found) throw new errors.NotFoundError(`No article with the documentId "${documentId}"${locale ? ` in ${locale}` : ''}.`);
      return found;
    },

    /** Notes that apply to an article's draft (what the editor is working on) in one locale, with suppressed ones flagged. */
    async notesForArticle(documentId: string, locale: string | undefined) {
      const raw = (await strapi.documents(ARTICLE).findOne({
        documentId,
        locale,
        status: 'draft',
        fields: ['title', 'standfirst', 'locale'],
        populate: {
          ...SCAN_POPULATE,
          section: { fields: ['slug'] },
          noteSuppressions: { populate: { entity: { fields: ['documentId', 'name'] } } },
        },
      } as never)) as Raw | null;
      if (!raw) return null;
      const suppressedIds = suppressedOf(raw);
      const ctx = { locale: String(raw.locale), sectionSlug: ((raw.section as Raw | null)?.slug as string) ?? null };
      const all = await annotateTexts(articleSegments(raw), ctx);
      const reasons = new Map(((raw.noteSuppressions as Raw[]) ?? []).map((s) => [String((s.entity as Raw | null)?.documentId), String(s.reason ?? '')]));
      return all.notes.map((n) => ({
        entity: n.key,
        name: n.name,
        marker: n.marker,
        note: n.note,
        suppressed: suppressedIds.includes(n.key),
        reason: reasons.get(n.key) ?? null,
      }));
    },
  };
};

/** documentIds of the entity notes an article suppresses (populated `noteSuppressions.entity`). */
export function suppressedOf(raw: Raw): string[] {
  const list = Array.isArray(raw.noteSuppressions) ? (raw.noteSuppressions as Raw[]) : [];
  return list.map((s) => (s.entity as Raw | null)?.documentId).filter((id): id is string => typeof id === 'string');
}
