// config/feeds.ts: the newsroom's zone and the per-locale title prefixes are checked at boot.
import { env } from '@strapi/utils';
import feeds from '../../../config/feeds';

function load(vars: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  try {
    return feeds({ env });
  } finally {
    for (const name of Object.keys(vars)) if (saved[name] === undefined) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

describe('feeds configuration', () => {
  it('defaults to UTC and no per-locale prefixes', () => {
    const cfg = load({});
    expect(cfg.timeZone).toBe('UTC');
    expect(cfg.pictureWeekTitles).toEqual({});
  });

  it('takes an IANA zone and a JSON object of prefixes', () => {
    const cfg = load({ SITE_TIME_ZONE: 'Europe/Paris', PICTURE_WEEK_TITLES: '{"fr":"Cette semaine en images"}' });
    expect(cfg.timeZone).toBe('Europe/Paris');
    expect(cfg.pictureWeekTitles).toEqual({ fr: 'Cette semaine en images' });
  });

  it('refuses to start with a zone that is not an IANA name or prefixes that are not JSON, naming the variable', () => {
    expect(() => load({ SITE_TIME_ZONE: 'Mars/Olympus' })).toThrow(/SITE_TIME_ZONE must be an IANA time zone/);
    expect(() => load({ PICTURE_WEEK_TITLES: 'fr=Semaine' })).toThrow(/PICTURE_WEEK_TITLES must be a JSON object/);
    expect(() => load({ PICTURE_WEEK_TITLES: '{"fr":1}' })).toThrow(/PICTURE_WEEK_TITLES must be a JSON object/);
  });
});
