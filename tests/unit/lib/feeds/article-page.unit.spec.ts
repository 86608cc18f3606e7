import { resolveLink, toArticlePage } from '../../../../src/lib/feeds/article-page';
import { newest, toFeedPhoto } from '../../../../src/lib/feeds/from-documents';

const urls = { siteUrl: 'https://news.example', articlePathPattern: '/{section}/{slug}' };
const rawPhoto = (id: string) => ({
  documentId: id,
  caption: 'Caption',
  altText: 'Alt',
  creditLine: '© AP',
  credit: { agency: 'AP', mayRedistribute: true },
  image: { url: `/uploads/${id}.jpg`, width: 10, height: 5, mime: 'image/jpeg', formats: { thumbnail: { url: `/uploads/thumbnail_${id}.jpg`, width: 2, height: 1, mime: 'image/jpeg' } } },
});

describe('article page', () => {
  it('resolves internal links to title, canonical URL and the linked article\'s photo as thumbnail', () => {
    const link = resolveLink({ label: 'Earlier', article: { documentId: 'a2', slug: 'older', title: 'Older story', section: { slug: 'world', name: 'World' }, leadPhoto: rawPhoto('p2') } }, urls);
    expect(link).toEqual({
      title: 'Older story',
      url: 'https://news.example/world/older',
      label: 'Earlier',
      external: false,
      article: { documentId: 'a2', slug: 'older' },
      thumbnail: { url: '/uploads/thumbnail_p2.jpg', width: 2, height: 1, altText: 'Alt' },
    });
  });

  it('prefers the title override and the link\'s own thumbnail; external links keep their URL', () => {
    const link = resolveLink({ url: 'https://example.org/x', titleOverride: 'Background', thumbnail: rawPhoto('p3') }, urls);
    expect(link).toMatchObject({ title: 'Background', url: 'https://example.org/x', external: true, thumbnail: { url: '/uploads/thumbnail_p3.jpg' } });
  });

  it('drops a link whose article is no longer published', () => {
    expect(resolveLink({ article: null, label: 'x' }, urls)).toBeNull();
  });

  it('maps blocks in order, with caption overrides, and skips blocks whose photo is gone', () => {
    const page = toArticlePage(
      {
        documentId: 'a1',
        slug: 'story',
        title: 'Story',
        firstPublishedAt: '2018-11-20T10:00:00.000Z',
        updatedAt: '2018-11-20T11:00:00.000Z',
        section: { documentId: 's', slug: 'world', name: 'World' },
        tags: [{ name: 'Floods', slug: 'floods' }],
        viewCount: 7,
        body: [
          { __component: 'blocks.rich-text', body: 'Text' },
          { __component: 'blocks.photo-embed', photo: rawPhoto('p1'), captionOverride: 'Override' },
          { __component: 'blocks.photo-embed', photo: null },
          { __component: 'blocks.quote', text: 'Q', attribution: null },
        ],
        footnotes: [{ marker: '*', text: 'Note' }],
      },
      urls,
      'https://sho.rt/x',
    );
    expect(page.body.map((b) => b.__component)).toEqual(['blocks.rich-text', 'blocks.photo-embed', 'blocks.quote']);
    expect(page.body[1]).toMatchObject({ caption: 'Override' });
    expect(page).toMatchObject({ canonicalUrl: 'https://news.example/world/story', viewCount: 7, shortUrl: 'https://sho.rt/x', tags: [{ slug: 'floods' }] });
  });

  it('reads a photo\'s credit, treating a missing flag as redistributable', () => {
    expect(toFeedPhoto({ ...rawPhoto('p'), credit: { agency: 'AP' } })!.credit!.mayRedistribute).toBe(true);
    expect(toFeedPhoto({ ...rawPhoto('p'), credit: { agency: 'AP', mayRedistribute: false } })!.credit!.mayRedistribute).toBe(false);
    expect(toFeedPhoto(null)).toBeNull();
  });

  it('newest picks the latest timestamp, epoch when none', () => {
    expect(newest(['2018-01-01T00:00:00.000Z', null, '2019-01-01T00:00:00.000Z'])).toBe('2019-01-01T00:00:00.000Z');
    expect(newest([])).toBe('1970-01-01T00:00:00.000Z');
  });
});
