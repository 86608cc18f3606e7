// Video/audio items: allow-listed https embeds or an uploaded file, exactly one.
import { DEFAULT_EMBED_HOSTS, mediaItemError, parseEmbedHosts } from '../../../../src/lib/media/media-item';

describe('mediaItemError', () => {
  const hosts = DEFAULT_EMBED_HOSTS;
  it('accepts an allowed https embed or an upload', () => {
    expect(mediaItemError({ embedUrl: 'https://www.youtube-nocookie.com/embed/x' }, hosts)).toBeNull();
    expect(mediaItemError({ embedUrl: 'https://player.vimeo.com/video/1' }, hosts)).toBeNull();
    expect(mediaItemError({ file: 12 }, hosts)).toBeNull();
  });
  it.each([
    [{}, 'needs an embed URL or an uploaded file'],
    [{ embedUrl: '', file: null }, 'needs an embed URL'],
    [{ embedUrl: 'https://www.youtube.com/embed/x', file: 3 }, 'not both'],
    [{ embedUrl: 'not a url' }, 'not a URL'],
    [{ embedUrl: 'http://www.youtube.com/embed/x' }, 'https'],
    [{ embedUrl: 'javascript:alert(1)' }, 'https'],
    [{ embedUrl: 'https://user:pw@www.youtube.com/embed/x' }, 'credentials'],
    [{ embedUrl: 'https://www.youtube.com.evil.example/x' }, 'not allowed'],
    [{ embedUrl: 'https://evil.example/?www.youtube.com' }, 'not allowed'],
  ])('refuses %j', (item, message) => expect(mediaItemError(item as Record<string, unknown>, hosts)).toContain(message));
  it('reads the host list from a comma-separated value, with the defaults when empty', () => {
    expect(parseEmbedHosts(' A.example , b.example,,')).toEqual(['a.example', 'b.example']);
    expect(parseEmbedHosts('')).toEqual(DEFAULT_EMBED_HOSTS);
  });
});
