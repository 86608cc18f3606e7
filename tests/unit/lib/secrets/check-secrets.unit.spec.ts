import { assertProductionSecrets, findBadSecrets, randomSecrets } from '../../../../src/lib/secrets/check-secrets';

const good = {
  APP_KEYS: 'a'.repeat(24) + ',' + 'b'.repeat(24),
  API_TOKEN_SALT: 'c'.repeat(24),
  ADMIN_JWT_SECRET: 'd'.repeat(24),
  JWT_SECRET: 'e'.repeat(24),
  TRANSFER_TOKEN_SALT: 'f'.repeat(24),
  ENCRYPTION_KEY: 'g'.repeat(24),
};

describe('production secrets', () => {
  it('accepts long random values', () => {
    expect(findBadSecrets(good)).toEqual([]);
    expect(() => assertProductionSecrets(good, 'production')).not.toThrow();
  });

  it('names every missing or example secret', () => {
    const vars = { ...good, JWT_SECRET: undefined, APP_KEYS: 'toBeModified1,toBeModified2', ENCRYPTION_KEY: 'changeme' };
    expect(findBadSecrets(vars)).toEqual(['APP_KEYS', 'JWT_SECRET', 'ENCRYPTION_KEY']);
    expect(() => assertProductionSecrets(vars, 'production')).toThrow(/APP_KEYS, JWT_SECRET, ENCRYPTION_KEY/);
  });

  it('refuses the development secrets that npm run develop generates', () => {
    expect(findBadSecrets({ ...good, ADMIN_JWT_SECRET: 'dev-' + 'x'.repeat(32) })).toEqual(['ADMIN_JWT_SECRET']);
  });

  it('makes random secrets that production accepts, different each time', () => {
    const a = randomSecrets();
    expect(findBadSecrets(a)).toEqual([]);
    expect(randomSecrets().JWT_SECRET).not.toBe(a.JWT_SECRET);
  });

  it('does not check outside production', () => {
    expect(() => assertProductionSecrets({}, 'development')).not.toThrow();
  });
});
