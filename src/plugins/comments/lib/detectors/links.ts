// links: too many links (spam) or a link to a domain on the block list, or one of its subdomains
// (malware). Finds scheme links (http, https, ftp, any scheme://), bare www. links and, for the block
// list only, bare host names ("evil.example/path", also written "evil[.]example" or "evil(dot)example").
import { domainToASCII } from 'node:url';
import type { DetectorConfig } from '../../server/config';
import type { Finding } from './types';

type Config = Pick<DetectorConfig, 'maxLinks' | 'blockedDomains'>;

const SCHEME_LINK = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"'`]+/giu;
const WWW_LINK = /(?<![\p{L}\p{N}@.-])www\d{0,3}\.[^\s<>"'`]+/giu;
// A host name: labels of letters, digits and hyphens, the last one (the TLD) letters only, or punycode.
const BARE_HOST = /(?<![\p{L}\p{N}@.\/:-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})(?![\p{L}\p{N}-])/giu;

/** Undo the usual ways of hiding a link: full-width characters, "[.]", "(dot)", "hxxp". */
function unhide(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\})\s*/giu, '.')
    .replace(/\bh(?:xx|tt)p(s?)(?:\[:\]|:)\/\//giu, 'http$1://');
}

/** The host name of a URL-like string, lower case, IDN as punycode, no trailing dot; null when it has none. */
export function hostOf(link: string): string | null {
  let candidate = link.replace(/[.,;:!?)\]}'"»”’]+$/u, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate)) candidate = `http://${candidate}`;
  try {
    const host = new URL(candidate).hostname.replace(/\.+$/, '').toLowerCase();
    return host || null;
  } catch {
    return null;
  }
}

/** A configured domain in the same form as hostOf's answer. */
export function normaliseDomain(domain: string): string {
  const trimmed = domain.trim().toLowerCase().replace(/^\*?\./, '').replace(/\.+$/, '');
  return (hostOf(trimmed) ?? domainToASCII(trimmed)) || trimmed;
}

export function findLinks(body: string): string[] {
  const text = unhide(body);
  const links: string[] = [];
  const taken: Array<[number, number]> = [];
  for (const pattern of [SCHEME_LINK, WWW_LINK]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      links.push(match[0]);
    }
  }
  return links;
}

/** The text with its links taken out (for the checks that look at prose only). */
export function stripLinks(body: string): string {
  return body.replace(SCHEME_LINK, ' ').replace(WWW_LINK, ' ');
}

export function isBlocked(host: string, blocked: string[]): string | null {
  for (const domain of blocked) if (domain && (host === domain || host.endsWith(`.${domain}`))) return domain;
  return null;
}

export function links(body: string, config: Config): Finding {
  const found = findLinks(body);
  const hosts = new Set<string>();
  for (const link of found) {
    const host = hostOf(link);
    if (host) hosts.add(host);
  }
  const blocked = config.blockedDomains.map(normaliseDomain).filter(Boolean);
  const hits = new Set<string>();
  if (blocked.length) {
    for (const host of hosts) {
      const domain = isBlocked(host, blocked);
      if (domain) hits.add(domain);
    }
    // Bare host names ("visit evil.example now") are not counted as links but still checked.
    for (const match of unhide(body).matchAll(BARE_HOST)) {
      const host = hostOf(match[0]);
      const domain = host && isBlocked(host, blocked);
      if (domain) hits.add(domain);
    }
  }
  const codes: string[] = [];
  let score = 0;
  if (found.length > config.maxLinks) {
    codes.push('spam');
    score = 0.6;
  } else if (found.length > 0) {
    score = 0.1;
  }
  if (hits.size) {
    codes.push('malware');
    score = 0.9;
  }
  return { codes, score, details: { count: found.length, hosts: [...hosts].slice(0, 20), blocked: [...hits] } };
}
