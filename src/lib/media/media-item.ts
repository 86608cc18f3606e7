// Rules for a video/audio item (article lead or body block): an https embed from an allowed
// host, or an uploaded file, never both and never neither.
export const DEFAULT_EMBED_HOSTS = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'w.soundcloud.com',
  'open.spotify.com',
  'embed.podcasts.apple.com',
];

export function parseEmbedHosts(value: string | undefined): string[] {
  const hosts = (value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  return hosts.length ? hosts : DEFAULT_EMBED_HOSTS;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Why the item is refused, or null when it is fine. */
export function mediaItemError(item: Record<string, unknown>, allowedHosts: string[]): string | null {
  const embed = item.embedUrl;
  const hasEmbed = present(embed);
  const hasFile = present(item.file);
  if (hasEmbed && hasFile) return 'A video or audio item takes an embed URL or an uploaded file, not both.';
  if (!hasEmbed && !hasFile) return 'A video or audio item needs an embed URL or an uploaded file.';
  if (hasEmbed) {
    let url: URL;
    try {
      url = new URL(String(embed));
    } catch {
      return 'The embed URL is not a URL.';
    }
    if (url.protocol !== 'https:') return 'The embed URL must use https.';
    if (url.username || url.password) return 'The embed URL must not carry credentials.';
    if (!allowedHosts.includes(url.hostname.toLowerCase())) return `Embeds from ${url.hostname} are not allowed (allowed: ${allowedHosts.join(', ')}).`;
  }
  return null;
}
