// Feeds carry entity notes, corrections and photo disclosures; AI images can be dropped.
import Parser from 'rss-parser';
import { renderFeed } from '../../../../src/lib/feeds/render-feed';
import { editorialText } from '../../../../src/lib/feeds/syndication';
import { article, articleFeed, links, photo } from './fixtures';

const rss = new Parser({ customFields: { item: [['media:content', 'mediaContent', { keepArray: true }]] } });
const notes = [{ marker: '*', text: '*A legal note.', entity: 'e1' }];
const corrections = [
  { at: '2026-03-02T08:30:00.000Z', kind: 'update' as const, text: 'Newer.' },
  { at: '2026-03-01T08:30:00.000Z', kind: 'correction' as const, text: 'Older.' },
];

describe('editorial text in feeds', () => {
  it('appends notes to the summary and corrections, newest first, to the content', () => {
    const text = editorialText(article(1, { entityNotes: notes, corrections }));
    expect(text.summary).toBe('Standfirst 1\n\n*A legal note.');
    expect(text.content).toBe('Standfirst 1\n\n*A legal note.\n\nUpdate (2026-03-02 08:30 UTC): Newer.\n\nCorrection (2026-03-01 08:30 UTC): Older.');
    expect(editorialText(article(2)).content).toBeNull();
  });

  it('sets JSON Feed date_modified only for an article with corrections', () => {
    const feed = articleFeed([article(1, { corrections, updatedAt: corrections[0].at }), article(2)]);
    const items = JSON.parse(renderFeed(feed, 'jsonfeed', links).body).items;
    expect(items[0].date_modified).toBe('2026-03-02T08:30:00.000Z');
    expect(items[1].date_modified).toBeUndefined();
  });

  it('discloses AI-generated photos in Media RSS credit and description', async () => {
    const feed = articleFeed([article(1, { leadPhoto: photo({ digitalSourceType: 'trainedAlgorithmicMedia' }) })]);
    const parsed = await rss.parseString(renderFeed(feed, 'rss', links, { disclosure: { ai: 'Made by AI', composite: 'Montage' } }).body);
    const media = JSON.stringify((parsed.items[0] as unknown as { mediaContent: unknown[] }).mediaContent);
    expect(media).toContain('Dusan Vranic (Made by AI)');
    expect(media).toContain('Rescue workers search the rubble (Made by AI)');
  });

  it('drops AI-generated images from syndication only when asked, keeping the item', () => {
    const feed = articleFeed([article(1, { leadPhoto: photo({ digitalSourceType: 'algorithmicMedia' }) })]);
    expect(JSON.parse(renderFeed(feed, 'jsonfeed', links).body).items[0].image).toBeDefined();
    const dropped = JSON.parse(renderFeed(feed, 'jsonfeed', links, { dropAiImages: true }).body).items;
    expect(dropped).toHaveLength(1);
    expect(dropped[0].image).toBeUndefined();
    expect(JSON.parse(renderFeed(feed, 'json', links, { dropAiImages: true }).body).data[0].leadPhoto).not.toBeNull();
  });
});
