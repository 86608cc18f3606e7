// Refuses a production boot with missing or example secrets, naming each one.

export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
] as const;

/** Values shipped in .env.example or typical placeholders: never acceptable in production. */
const PLACEHOLDER = /^(|tobemodified\d*|changeme|change-me|secret|example|replace-me|toBeModified\d*)$/i;

export function findBadSecrets(vars: Record<string, string | undefined>): string[] {
  return REQUIRED_SECRETS.filter((name) => {
    const value = (vars[name] ?? '').trim();
    if (name === 'APP_KEYS') {
      const keys = value.split(',').map((k) => k.trim());
      return keys.length === 0 || keys.some((k) => PLACEHOLDER.test(k) || k.length < 16);
    }
    return PLACEHOLDER.test(value) || value.length < 16;
  });
}

export function assertProductionSecrets(vars: Record<string, string | undefined>, nodeEnv: string): void {
  if (nodeEnv !== 'production') return;
  const bad = findBadSecrets(vars);
  if (bad.length > 0) {
    throw new Error(
      `Refusing to start in production: missing or example secrets: ${bad.join(', ')}. ` +
        'Set each to a long random value (see .env.example).',
    );
  }
}
