// Parts of a text where a name must never be marked: URLs (bare, scheme-less domains, Markdown
// link targets), e-mail addresses, HTML tags with their attributes and HTML comments.

// Each pattern runs only when the text holds its trigger; most paragraphs hold none.
const PATTERNS: Array<{ trigger: string; re: RegExp }> = [
  { trigger: '<!--', re: /<!--[\s\S]*?(?:-->|$)/g },
  { trigger: '<', re: /<\/?[A-Za-z][^<>]*>?/g },
  { trigger: '](', re: /\]\([^)\s]*(?:\s+"[^"]*")?\)/g },
  { trigger: '://', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`]*/gi },
  { trigger: 'www.', re: /\bwww\.[^\s<>"'`]*/gi },
  { trigger: 'mailto:', re: /\bmailto:[^\s<>"'`]*/gi },
];

// A dot between a name character and a lower-case TLD with no space: example.org, hamas.ps/about.
const DOMAIN_DOT = /[\p{L}\p{N}-]\.[a-z]{2,12}(?![\p{L}\p{N}])/gu;
const HOST_CHAR = /[\p{L}\p{N}._%+-]/u;
const URL_CHAR = /[^\s<>"'`]/;

function expand(text: string, from: number, to: number, left: RegExp, right: RegExp | null): [number, number] {
  let s = from;
  while (s > 0 && left.test(text[s - 1])) s--;
  let e = to;
  if (right) while (e < text.length && right.test(text[e])) e++;
  return [s, e];
}

/** Sorted, merged [start, end) ranges of `text` that must not be marked. */
export function protectedRanges(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const { trigger, re } of PATTERNS) {
    if (!text.includes(trigger)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else found.push([m.index, m.index + m[0].length]);
    }
  }
  // E-mail addresses: around each @ between two address characters.
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && at + 1 < text.length && HOST_CHAR.test(text[at - 1]) && HOST_CHAR.test(text[at + 1])) found.push(expand(text, at, at + 1, HOST_CHAR, HOST_CHAR));
  }
  if (text.includes('.')) {
    DOMAIN_DOT.lastIndex = 0;
    for (let m = DOMAIN_DOT.exec(text); m; m = DOMAIN_DOT.exec(text)) {
      const [s] = expand(text, m.index + 1, m.index + 1, /[\p{L}\p{N}.-]/u, null);
      let e = m.index + m[0].length;
      if (text[e] === '/') while (e < text.length && URL_CHAR.test(text[e])) e++;
      found.push([s, e]);
    }
  }
  if (!found.length) return found;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Whether [start, end) touches one of the (sorted) ranges. */
export function overlapsAny(ranges: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of ranges) {
    if (s >= end) return false;
    if (e > start) return true;
  }
  return false;
}
