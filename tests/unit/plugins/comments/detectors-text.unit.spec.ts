import { fingerprint, hammingDistance, normalise, textHash } from '../../../../src/plugins/comments/lib/detectors/text';

const base = 'The council sold the old library to a developer without asking anyone in the neighbourhood, and now they want us to pay for a new one out of our taxes. Shame on them all.';

describe('text normalisation and hashes', () => {
  it('normalises case, accents, punctuation and spacing', () => {
    expect(normalise('  Élodie   SAYS: "Ça va?!"  ')).toBe('elodie says ca va');
  });

  it('gives the same textHash to texts that differ only in case, accents, punctuation or spaces', () => {
    expect(textHash('Stop the SALE!!!')).toBe(textHash('stop   the sale'));
    expect(textHash('Café')).toBe(textHash('cafe'));
    expect(textHash('Stop the sale')).not.toBe(textHash('Stop the sales'));
    expect(textHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fingerprints are 16 hex characters, stable and equal for the same normalised text', () => {
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(base)).toBe(fingerprint(base));
    expect(fingerprint(base.toUpperCase() + '!!!')).toBe(fingerprint(base));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('near-identical texts are a few bits apart, different ones far apart', () => {
    const rephrased = base.replace('old library', 'old public library').replace('Shame on them all.', 'Shame on all of them.');
    const different = 'I think the library sale was a reasonable decision given the budget and the state of the building, honestly.';
    expect(hammingDistance(fingerprint(base), fingerprint(rephrased))).toBeLessThanOrEqual(10);
    expect(hammingDistance(fingerprint(base), fingerprint(different))).toBeGreaterThan(16);
  });

  it('hammingDistance counts differing bits and treats malformed input as far', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('00000000000000f0', '000000000000000f')).toBe(8);
    expect(hammingDistance('nothex', '0000000000000000')).toBe(64);
  });
});
