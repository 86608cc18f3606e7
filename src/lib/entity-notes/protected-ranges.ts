// Parts of a text where a name must never be marked: URLs (bare, scheme-less domains, Markdown
// link targets), e-mail addresses, HTML tags with their attributes and HTML comments.

const PATTERNS: RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g,
  /<\/?[A-Za-z][^<>]*>?/g,
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`]*/gi,
  /\b(?:www\.|mailto:)[^\s<>"'`]*/gi,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu,
  // Scheme-less domains such as example.org/path: a dotted name ending in a lower-case TLD.
  /(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,12}(?![\p{L}\p{N}])(?:\/[^\s<>"'`]*)?/gu,
];

/** Sorted, merged [start, end) ranges of `text` that must not be marked. */
export function protectedRanges(text: string): Array<[number, number]> {
  // Cheap exits: most paragraphs have none of the characters these need.
  if (!/[<\]:@.]/.test(text)) return [];
  const found: Array<[number, number]> = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push([m.index, m.index + m[0].length]);
    }
  }
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
