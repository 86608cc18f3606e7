import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import { languageRules } from '../../../../src/plugins/comments/lib/detectors/language-rules';

const config = { ...defaultDetectors, capsRatio: 0.7, capsMinLetters: 12, maxSentenceLength: 100 };

describe('language-rules detector', () => {
  it('fires on a comment in capitals', () => {
    const finding = languageRules('THIS IS A DISGRACE AND EVERYONE KNOWS IT!', config);
    expect(finding.codes).toEqual(['language-rules']);
    expect(finding.details).toMatchObject({ shouting: true });
    expect(finding.score).toBeGreaterThan(0.5);
  });

  it('does not fire on ordinary text with acronyms, nor on a short shout', () => {
    expect(languageRules('The NATO and EU summit in the USA was covered well by the BBC.', config).codes).toEqual([]);
    expect(languageRules('WOW. Thanks!', config).codes).toEqual([]); // fewer than capsMinLetters letters
  });

  it('sits right at the ratio: 70% capitals does not fire, above does', () => {
    // 20 letters: 14 upper (70%) vs 15 upper (75%).
    expect(languageRules('ABCDEFGHIJKLMN abcdef', config).codes).toEqual([]);
    expect(languageRules('ABCDEFGHIJKLMNO abcde', config).codes).toEqual(['language-rules']);
  });

  it('ignores capitals inside links and scripts without case', () => {
    expect(languageRules('see HTTPS://EXAMPLE.ORG/SOME/VERY/LONG/PATH/IN/CAPITALS for the report', config).codes).toEqual([]);
    expect(languageRules('Я думаю, что городской совет ошибся вчера.', config).codes).toEqual([]);
    expect(languageRules('ГОРОДСКОЙ СОВЕТ ОШИБСЯ ВЧЕРА, ПОЗОР!', config).codes).toEqual(['language-rules']);
  });

  it('fires on a long text without a sentence break, not when it is broken into sentences', () => {
    const words = 'and then the council did something else again '.repeat(4);
    expect(words.length).toBeGreaterThan(100);
    const runOn = languageRules(words, config);
    expect(runOn.codes).toEqual(['language-rules']);
    expect(runOn.details).toMatchObject({ runOn: true, shouting: false });
    const sentences = words.replace(/again /g, 'again. ');
    expect(languageRules(sentences, config).codes).toEqual([]);
    const lines = words.replace(/again /g, 'again\n');
    expect(languageRules(lines, config).codes).toEqual([]);
  });

  it('a text exactly at maxSentenceLength passes', () => {
    expect(languageRules('a'.repeat(100), config).codes).toEqual([]);
    expect(languageRules('a'.repeat(101), config).codes).toEqual(['language-rules']);
  });
});
