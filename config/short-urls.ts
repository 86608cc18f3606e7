// Short URLs: the base printed in front of /s/<code>, the length of generated codes, and the
// per-address limits on redirects, aimed at code enumeration: misses (unknown, disabled or
// expired codes) are limited tightly, successful redirects generously (a newsroom office or
// a mobile carrier shares one address among many readers).
const MIN_LENGTH = 4;
const MAX_LENGTH = 32;

export interface RedirectLimits {
  enabled: boolean;
  hits: { points: number; durationSeconds: number };
  misses: { points: number; durationSeconds: number };
}

export default ({ env }: { env: any }) => {
  const codeLength = env.int('SHORT_CODE_LENGTH', 7);
  if (!Number.isInteger(codeLength) || codeLength < MIN_LENGTH || codeLength > MAX_LENGTH) {
    throw new Error(`SHORT_CODE_LENGTH must be an integer from ${MIN_LENGTH} to ${MAX_LENGTH}, got "${process.env.SHORT_CODE_LENGTH}".`);
  }
  const positive = (name: string, fallback: number) => {
    const value = env.int(name, fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${process.env[name]}".`);
    return value;
  };
  const limits: RedirectLimits = {
    enabled: env.bool('RATE_LIMIT_ENABLED', true),
    hits: { points: positive('RATE_LIMIT_REDIRECT_POINTS', 1200), durationSeconds: positive('RATE_LIMIT_REDIRECT_DURATION', 60) },
    misses: { points: positive('RATE_LIMIT_REDIRECT_MISS_POINTS', 30), durationSeconds: positive('RATE_LIMIT_REDIRECT_MISS_DURATION', 300) },
  };
  return {
    baseUrl: env('SHORT_URL_BASE', '') || env('PUBLIC_URL', '') || 'http://localhost:1337',
    codeLength,
    limits,
  };
};
