// Snippets: engines wrap matched words in private-use markers (never present in indexed text,
// see cleanText); this escapes everything as HTML and turns the markers into <mark>.

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function markSnippet(raw: string): string {
  let open = false;
  let out = '';
  for (const ch of raw) {
    if (ch === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += ESCAPES[ch] ?? ch;
    }
  }
  return open ? `${out}</mark>` : out;
}
