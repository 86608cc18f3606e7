import config, { defaultDetectors, detectorConfigProblems, parseDetectorsEnv } from '../../../../src/plugins/comments/server/config';

describe('detector settings', () => {
  it('the defaults are valid', () => {
    expect(detectorConfigProblems({ ...defaultDetectors })).toEqual([]);
    expect(() => config.validator({ ...config.default, detectors: defaultDetectors })).not.toThrow();
  });

  it('COMMENTS_DETECTORS: empty means the defaults, JSON overrides', () => {
    expect(parseDetectorsEnv('')).toEqual({});
    expect(parseDetectorsEnv(undefined)).toEqual({});
    expect(parseDetectorsEnv('{"blockedDomains":["evil.example"],"floodPerMinute":3,"bannedWords":{"fr":["zut"]}}')).toEqual({
      blockedDomains: ['evil.example'],
      floodPerMinute: 3,
      bannedWords: { fr: ['zut'] },
    });
  });

  it.each([
    ['not JSON', '{blockedDomains:', 'JSON object'],
    ['an array', '["evil.example"]', 'JSON object'],
    ['an unknown key', '{"maxLinkz":3}', 'unknown setting "maxLinkz"'],
    ['a ratio above 1', '{"capsRatio":1.5}', '"capsRatio"'],
    ['a fraction where a count is wanted', '{"floodPerMinute":2.5}', '"floodPerMinute"'],
    ['a string number', '{"maxLinks":"3"}', '"maxLinks"'],
    ['a one-account flash mob', '{"flashMobAccounts":1}', '"flashMobAccounts"'],
    ['a distance beyond half the bits', '{"flashMobDistance":40}', '"flashMobDistance"'],
    ['domains not a list', '{"blockedDomains":"evil.example"}', '"blockedDomains"'],
    ['words not lists', '{"suspectWords":{"fr":"zut"}}', '"suspectWords"'],
  ])('refuses %s', (_label, raw, message) => {
    expect(() => parseDetectorsEnv(raw)).toThrow(message);
  });

  it('the plugin validator refuses bad detector settings set in code', () => {
    expect(() => config.validator({ ...config.default, detectors: { ...defaultDetectors, maxLinks: -1 } })).toThrow('"maxLinks"');
  });
});
