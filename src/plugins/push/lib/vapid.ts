// VAPID identity of the CMS (RFC 8292): checks the configured keys and subject, naming the variable at fault.
import crypto from 'crypto';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export type VapidEnv = Partial<Record<'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT', string>>;

/** Subjects that only ever appear in examples: a push service cannot reach anyone there. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|localhost|invalid|test)$/i;

export function subjectProblem(subject: string | undefined, production: boolean): string | null {
  if (!subject) return 'is missing';
  let url: URL;
  try {
    url = new URL(subject);
  } catch {
    return 'must be a mailto: or https: URL';
  }
  if (url.protocol === 'mailto:') {
    const host = /^[^@\s]+@([^@\s]+)$/.exec(decodeURIComponent(url.pathname))?.[1];
    if (!host) return 'must be a mailto: address such as mailto:push@yournewsroom.com';
    if (production && PLACEHOLDER_HOST.test(host)) return 'must be a real contact address, not an example one';
    return null;
  }
  if (url.protocol === 'https:') {
    if (production && PLACEHOLDER_HOST.test(url.hostname)) return 'must be a real https: URL, not an example one';
    return null;
  }
  return 'must be a mailto: or https: URL';
}

/** Every problem with the VAPID variables, as "NAME problem" sentences; empty when usable. */
export function vapidProblems(env: VapidEnv, production: boolean): string[] {
  const problems: string[] = [];
  const pub = env.VAPID_PUBLIC_KEY?.trim();
  const priv = env.VAPID_PRIVATE_KEY?.trim();
  const pubBytes = pub && /^[A-Za-z0-9_-]+$/.test(pub) ? Buffer.from(pub, 'base64url') : null;
  const privBytes = priv && /^[A-Za-z0-9_-]+$/.test(priv) ? Buffer.from(priv, 'base64url') : null;
  if (!pub) problems.push('VAPID_PUBLIC_KEY is missing');
  else if (!pubBytes || pubBytes.length !== 65 || pubBytes[0] !== 4) problems.push('VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key (65 bytes)');
  if (!priv) problems.push('VAPID_PRIVATE_KEY is missing');
  else if (!privBytes || privBytes.length !== 32) problems.push('VAPID_PRIVATE_KEY must be a URL-safe base64 P-256 private key (32 bytes)');
  if (problems.length === 0 && !publicKeyOf(privBytes!).equals(pubBytes!)) problems.push('VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY');
  const subject = subjectProblem(env.VAPID_SUBJECT?.trim(), production);
  if (subject) problems.push(`VAPID_SUBJECT ${subject}`);
  return problems;
}

function publicKeyOf(privateKey: Buffer): Buffer {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  return ecdh.getPublicKey();
}

