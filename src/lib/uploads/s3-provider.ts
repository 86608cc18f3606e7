// Upload provider settings from the environment: local disk by default, or an S3-compatible
// store (AWS, MinIO, R2, ...) through @strapi/provider-upload-aws-s3 with UPLOAD_PROVIDER=s3,
// so every instance reads and writes the same media.
type Env = Record<string, string | undefined>;

export const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

export interface S3ProviderConfig {
  provider: 'aws-s3';
  providerOptions: {
    baseUrl?: string;
    rootPath?: string;
    s3Options: {
      credentials: { accessKeyId: string; secretAccessKey: string };
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      params: { Bucket: string; ACL?: string };
    };
  };
}

/** The upload plugin's provider block, or null for local disk. Throws naming missing variables. */
export function uploadProviderConfig(env: Env): S3ProviderConfig | null {
  const provider = (env.UPLOAD_PROVIDER || 'local').toLowerCase();
  if (provider === 'local') return null;
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" or "s3" (got "${provider}")`);
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  if (missing.length) throw new Error(`UPLOAD_PROVIDER=s3 needs ${missing.join(', ')}`);
  const acl = env.S3_ACL ?? 'public-read';
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: env.S3_PUBLIC_URL || undefined,
      rootPath: env.S3_ROOT_PATH || undefined,
      s3Options: {
        credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
        region: env.S3_REGION!,
        endpoint: env.S3_ENDPOINT || undefined,
        forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? 'false'),
        // S3_ACL= (empty) sends no ACL header, for buckets with ACLs disabled (R2, "bucket owner enforced").
        params: { Bucket: env.S3_BUCKET!, ...(acl ? { ACL: acl } : {}) },
      },
    },
  };
}

/** Origins the admin must be allowed to load media from (Content-Security-Policy img-src/media-src). */
export function uploadMediaOrigins(env: Env): string[] {
  const config = uploadProviderConfig(env);
  if (!config) return [];
  const { baseUrl, s3Options } = config.providerOptions;
  const origins = new Set<string>();
  for (const url of [baseUrl, s3Options.endpoint]) {
    if (!url) continue;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // not a URL: the provider will complain
    }
  }
  if (!baseUrl && !s3Options.endpoint) origins.add(`https://${s3Options.params.Bucket}.s3.${s3Options.region}.amazonaws.com`);
  return [...origins];
}
