import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import { foreignLanguage, languageOf } from '../../../../src/plugins/comments/lib/detectors/foreign-language';

const config = { ...defaultDetectors, languageMinLength: 40, languageMinAccuracy: 0.6 };
const check = (body: string, articleLocale: string) => foreignLanguage({ body, articleLocale }, config);

const english = 'I think the city council was wrong to vote for this law yesterday evening.';
const french = 'Je pense que le conseil municipal a eu tort de voter cette loi hier soir.';
const russian = 'Я думаю, что городской совет ошибся, проголосовав вчера за этот закон.';
const ukrainian = 'Я думаю, що міська рада помилилася, проголосувавши вчора за цей закон.';

describe('foreign-language detector', () => {
  it('maps locales to ISO 639-1 languages', () => {
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('fr_FR')).toBe('fr');
    expect(languageOf('fra')).toBe('fr');
    expect(languageOf('RU')).toBe('ru');
    expect(languageOf('nb-NO')).toBe(languageOf('nn'));
  });

  it('passes a comment in the article\'s language', () => {
    expect(check(english, 'en').codes).toEqual([]);
    expect(check(french, 'fr').codes).toEqual([]);
    expect(check(russian, 'ru').codes).toEqual([]);
    expect(check(english, 'en-GB').details).toMatchObject({ checked: true, expected: 'en', detected: 'en' });
  });

  it('fires on another language', () => {
    expect(check(french, 'en').codes).toEqual(['foreign-language']);
    expect(check(english, 'fr').codes).toEqual(['foreign-language']);
    expect(check(ukrainian, 'ru').codes).toEqual(['foreign-language']);
    expect(check(french, 'en').details).toMatchObject({ expected: 'en', detected: 'fr' });
  });

  it('does not check texts shorter than languageMinLength (links left out)', () => {
    expect(check('Merci beaucoup pour cet article !', 'en')).toMatchObject({ codes: [], details: { checked: false } });
    expect(check('Très bien https://example.org/un/lien/tres/long/qui/ne/compte/pas', 'en').codes).toEqual([]);
    expect(foreignLanguage({ body: french, articleLocale: 'en' }, { ...config, languageMinLength: 500 }).codes).toEqual([]);
  });

  it('a weak guess does not count', () => {
    expect(foreignLanguage({ body: french, articleLocale: 'en' }, { ...config, languageMinAccuracy: 1.01 }).codes).toEqual([]);
  });
});
