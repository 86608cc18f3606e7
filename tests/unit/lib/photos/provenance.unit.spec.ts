import { DIGITAL_SOURCE_TYPES, disclosureFor, isAiGenerated, withDisclosure } from '../../../../src/lib/photos/provenance';

describe('photo provenance', () => {
  it.each(['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'algorithmicMedia', 'compositeSynthetic'])('%s is disclosed as AI-generated', (t) => {
    expect(disclosureFor(t)).toBe('AI-generated image');
    expect(isAiGenerated(t)).toBe(true);
  });
  it.each(['composite', 'compositeCapture'])('%s is disclosed as a composite', (t) => {
    expect(disclosureFor(t)).toBe('Composite image');
    expect(isAiGenerated(t)).toBe(false);
  });
  it('owes nothing for a camera, film or screenshot', () => {
    for (const t of ['digitalCapture', 'negativeFilm', 'screenCapture', null, undefined]) expect(disclosureFor(t)).toBeNull();
    expect(DIGITAL_SOURCE_TYPES).toContain('screenCapture');
  });
  it('takes configured wording and joins it to the credit', () => {
    expect(disclosureFor('algorithmicMedia', { ai: 'Image générée par IA', composite: 'Montage' })).toBe('Image générée par IA');
    expect(withDisclosure('© AP / Jane Doe', 'AI-generated image')).toBe('© AP / Jane Doe · AI-generated image');
    expect(withDisclosure('', 'Composite image')).toBe('Composite image');
    expect(withDisclosure('© AP', null)).toBe('© AP');
  });
});
