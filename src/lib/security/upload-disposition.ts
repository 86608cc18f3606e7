// Decides whether a stored upload may be shown inline by browsers or must be downloaded.

/**
 * Media a newsroom shows inline. Anything else (HTML, SVG, XML, scripts, unknown types) is sent as
 * an attachment, so a file that slipped into /uploads can never run script in the CMS's origin.
 */
const INLINE_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff',
  'mp4', 'webm', 'mov', 'm4v', 'mp3', 'm4a', 'ogg', 'oga', 'wav', 'aac', 'flac',
  'pdf',
]);

export function mustDownload(path: string): boolean {
  const file = path.split('?')[0].split('/').pop() ?? '';
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return true;
  return !INLINE_EXTENSIONS.has(file.slice(dot + 1).toLowerCase());
}
