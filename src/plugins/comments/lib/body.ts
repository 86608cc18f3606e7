// Comment bodies: plain text with line breaks. checkBody validates what a reader sends (kept as
// written, only the ends trimmed); renderCommentHtml is the optional HTML rendering, escaping
// everything and linking only http(s) URLs.

export type BodyCheck = { ok: true; body: string } | { ok: false; message: string };

// C0 and C1 control characters other than tab, line feed and carriage return, plus the Unicode
// line/paragraph separators, bidi overrides and isolates (they can disguise text) and U+FEFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/;
// Characters that render as nothing: a body made only of these and spaces is blank.
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFFA0]/gu;

export function checkBody(raw: unknown, limits: { minLength: number; maxLength: number }): BodyCheck {
  if (typeof raw !== 'string') return { ok: false, message: 'The comment body must be a string.' };
  // Refuse early on absurd sizes before any normalisation work.
  if (raw.length > limits.maxLength * 4 + 1024) return { ok: false, message: `The comment is longer than ${limits.maxLength} characters.` };
  const normalised = raw.normalize('NFC');
  if (FORBIDDEN.test(normalised)) return { ok: false, message: 'The comment contains control characters.' };
  const body = normalised.trim();
  if (body.replace(INVISIBLE, '') === '') return { ok: false, message: 'The comment is empty.' };
  const length = [...body].length;
  if (length < limits.minLength) return { ok: false, message: `The comment is shorter than ${limits.minLength} characters.` };
  if (length > limits.maxLength) return { ok: false, message: `The comment is longer than ${limits.maxLength} characters.` };
  return { ok: true, body };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// An http(s) URL up to the next space or markup-ish character; trailing punctuation that usually
// ends a sentence is left out of the link.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;

function linkify(segment: string): string {
  let out = '';
  let last = 0;
  for (const match of segment.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    let url = match[0];
    const trailing = url.match(TRAILING);
    if (trailing) {
      // Keep a closing bracket that pairs with an opening one inside the URL (Wikipedia style).
      let cut = trailing[0];
      if (cut.startsWith(')') && (url.match(/\(/g) ?? []).length > (url.slice(0, -cut.length).match(/\)/g) ?? []).length) cut = cut.slice(1);
      url = url.slice(0, url.length - cut.length);
    }
    let valid = false;
    try {
      const parsed = new URL(url);
      valid = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0;
    } catch {
      valid = false;
    }
    out += escapeHtml(segment.slice(last, start));
    if (valid) out += `<a href="${escapeHtml(url)}" rel="nofollow ugc">${escapeHtml(url)}</a>`;
    else out += escapeHtml(url);
    last = start + url.length;
  }
  return out + escapeHtml(segment.slice(last));
}

export function renderCommentHtml(body: string): string {
  return body.split(/\r\n|\r|\n/).map(linkify).join('<br>');
}
