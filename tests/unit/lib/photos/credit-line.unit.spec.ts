import { renderCreditLine } from '../../../../src/lib/photos/credit-line';

describe('renderCreditLine', () => {
  it('renders agency and photographer with the default template', () => {
    expect(renderCreditLine({ agency: 'AP Photo', photographer: 'Dusan Vranic' })).toBe('© AP Photo / Dusan Vranic');
  });

  it('drops the separator when the photographer is missing', () => {
    expect(renderCreditLine({ agency: 'Reuters' })).toBe('© Reuters');
  });

  it('drops the separator when the agency is missing', () => {
    expect(renderCreditLine({ photographer: 'Jane Doe' })).toBe('© Jane Doe');
  });

  it('falls back to the copyright holder when neither agency nor photographer is set', () => {
    expect(renderCreditLine({ copyrightHolder: 'City Archive' })).toBe('© City Archive');
  });

  it('returns an empty string for an empty or missing credit', () => {
    expect(renderCreditLine(null)).toBe('');
    expect(renderCreditLine({ agency: '  ', photographer: '' })).toBe('');
  });

  it('follows a configured template', () => {
    expect(renderCreditLine({ agency: 'AFP', photographer: 'Ana Ribeiro' }, 'Photo: {photographer} ({agency})')).toBe('Photo: Ana Ribeiro (AFP)');
  });

  it('collapses stray whitespace inside values', () => {
    expect(renderCreditLine({ agency: ' AP   Photo ', photographer: 'Dusan\nVranic' })).toBe('© AP Photo / Dusan Vranic');
  });
});
