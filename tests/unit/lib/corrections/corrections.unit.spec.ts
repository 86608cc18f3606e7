import { correctionLine, lastCorrectionAt, toCorrections } from '../../../../src/lib/corrections/corrections';

describe('corrections', () => {
  it('orders newest first, whatever the stored order and date format, and drops invalid notes', () => {
    const list = toCorrections([
      { at: '2026-03-01T10:00:00.000Z', kind: 'correction', text: 'First' },
      { at: String(Date.parse('2026-03-03T10:00:00.000Z')), kind: 'clarification', text: 'Third' },
      { at: new Date('2026-03-02T10:00:00.000Z'), kind: 'update', text: ' Second ' },
      { at: 'not a date', kind: 'update', text: 'Bad date' },
      { at: '2026-03-04T10:00:00.000Z', kind: 'update', text: '   ' },
      null,
    ]);
    expect(list.map((c) => c.text)).toEqual(['Third', 'Second', 'First']);
    expect(lastCorrectionAt(list)).toBe('2026-03-03T10:00:00.000Z');
  });

  it('has no update time without notes, and treats an unknown kind as a correction', () => {
    expect(lastCorrectionAt(toCorrections(undefined))).toBeNull();
    expect(toCorrections([{ at: '2026-01-01T00:00:00Z', kind: 'rumour', text: 'x' }])[0].kind).toBe('correction');
  });

  it('writes one plain line per note for feeds', () => {
    expect(correctionLine({ at: '2026-03-02T08:30:00.000Z', kind: 'update', text: 'Traffic flows.' })).toBe('Update (2026-03-02 08:30 UTC): Traffic flows.');
  });
});
