import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import { foldToken, profanity, tokens } from '../../../../src/plugins/comments/lib/detectors/profanity';

const config = { ...defaultDetectors, bannedWords: { en: ['frobnicate*'], fr: ['zut alors'] }, suspectWords: { en: ['boring'] } };
const en = (body: string) => profanity({ body, articleLocale: 'en' }, config);
const fr = (body: string) => profanity({ body, articleLocale: 'fr-FR' }, config);
const ru = (body: string) => profanity({ body, articleLocale: 'ru' }, config);

describe('profanity detector', () => {
  it('folds leetspeak, look-alike letters, accents and repeats', () => {
    expect(foldToken('c0nn4rd')).toContain('conard');
    expect(foldToken('соnnard')).toContain('conard'); // Cyrillic с and о
    expect(foldToken('xуй')).toContain('хуи'); // Latin x in a Cyrillic word
    expect(foldToken('sh1t')).toEqual(expect.arrayContaining(['shit', 'shlt']));
    expect(tokens('f u c k this')).toContain('fuck');
  });

  it('English: obscenity catches swearing, also disguised', () => {
    for (const body of ['What the fuck is this', 'this is bullshit', 'sh1t reporting', 'fuuuuck off', 'f*ck you']) {
      expect(en(body).codes).toEqual(['profanity']);
    }
  });

  it('English: innocent words that contain a swear word pass', () => {
    for (const body of ['Scunthorpe United won again', 'a classic assassin story', 'He graduated magna cum laude', 'the cocktail party']) {
      expect(en(body).codes).toEqual([]);
    }
  });

  it('English: our own list and configured words', () => {
    expect(en('stfu already').codes).toEqual(['profanity']);
    expect(en('they will FR0BNICATE the data').details).toMatchObject({ banned: ['frobnicate*'] });
  });

  it('suspect words raise the score without a code', () => {
    const finding = en('What an idiot, this is so boring');
    expect(finding.codes).toEqual([]);
    expect(finding.details).toMatchObject({ suspect: ['idiot*', 'boring'] });
    expect(finding.score).toBeGreaterThan(0);
    expect(en('A thoughtful article, thank you').score).toBe(0);
  });

  it('French: banned words fire, disguised too; suspect words only score', () => {
    expect(fr('Quel connard ce maire').codes).toEqual(['profanity']);
    expect(fr('Quel c0nn@rd ce maire').codes).toEqual(['profanity']);
    expect(fr('Quel соnnаrd ce maire').codes).toEqual(['profanity']); // Cyrillic look-alikes
    expect(fr('Quel c o n n a r d ce maire').codes).toEqual(['profanity']);
    expect(fr('Fils de pute !').codes).toEqual(['profanity']);
    expect(fr('zut alors, encore').codes).toEqual(['profanity']);
    const suspect = fr("C'est de la merde, ce projet");
    expect(suspect.codes).toEqual([]);
    expect(suspect.score).toBeGreaterThan(0);
  });

  it('French: innocent words pass (obscenity is English-only)', () => {
    for (const body of ['Il y a assez de monde au conseil', 'Une consultation publique est prévue', 'Le computer de la mairie', 'Une putréfaction lente du débat']) {
      expect(fr(body).codes).toEqual([]);
    }
  });

  it('Russian: banned roots with prefixes, Latin look-alikes and transliteration', () => {
    expect(ru('Да пошёл ты нахуй').codes).toEqual(['profanity']);
    expect(ru('это просто пиздец').codes).toEqual(['profanity']);
    expect(ru('он всех заебал').codes).toEqual(['profanity']);
    expect(ru('xуй знает').codes).toEqual(['profanity']); // Latin x
    expect(ru('ну ты и mudak').codes).toEqual(['profanity']);
    expect(ru('какой дурак это писал').codes).toEqual([]);
    expect(ru('какой дурак это писал').score).toBeGreaterThan(0);
  });

  it('Russian: innocent words with the same letters pass', () => {
    for (const body of ['Страхует ли компания художников?', 'Свежий хлеб и чистое небо', 'Мандарины подорожали', 'Оскорблять никого не надо']) {
      expect(ru(body).codes).toEqual([]);
    }
  });

  it('a locale without a list still uses configured words, and never English ones', () => {
    const de = profanity({ body: 'Das ist assez fuck', articleLocale: 'de' }, { ...config, bannedWords: { de: ['scheiss*'] } });
    expect(de.codes).toEqual([]);
    expect(profanity({ body: 'So ein Scheiß', articleLocale: 'de' }, { ...config, bannedWords: { de: ['scheiss*'] } }).codes).toEqual([]);
    expect(profanity({ body: 'So ein Scheisse', articleLocale: 'de' }, { ...config, bannedWords: { de: ['scheiss*'] } }).codes).toEqual(['profanity']);
  });
});
