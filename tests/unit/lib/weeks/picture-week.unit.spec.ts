import { latestCompletedWeek, parseDay, pictureWeekTitle, weekContaining } from '../../../../src/lib/weeks/picture-week';

describe('picture weeks', () => {
  it('runs Saturday to Friday by default', () => {
    expect(weekContaining(parseDay('2018-11-20')!)).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(weekContaining(parseDay('2018-11-17')!)).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(weekContaining(parseDay('2018-11-23')!)).toEqual({ start: '2018-11-17', end: '2018-11-23' });
  });

  it('can start on Monday', () => {
    expect(weekContaining(parseDay('2018-11-20')!, 1)).toEqual({ start: '2018-11-19', end: '2018-11-25' });
  });

  it('titles a week within one month', () => {
    expect(pictureWeekTitle({ start: '2018-11-17', end: '2018-11-23' })).toBe('This Week in Pictures: November 17 - 23');
    expect(pictureWeekTitle({ start: '2018-11-24', end: '2018-11-30' })).toBe('This Week in Pictures: November 24 - 30');
  });

  it('titles a week across months and years', () => {
    expect(pictureWeekTitle({ start: '2018-12-29', end: '2019-01-04' })).toBe('This Week in Pictures: December 29 - January 4');
  });

  it('uses the locale for month names', () => {
    expect(pictureWeekTitle({ start: '2018-11-17', end: '2018-11-23' }, 'fr-FR', 'La semaine en images')).toBe('La semaine en images: novembre 17 - 23');
  });

  it('finds the latest completed week', () => {
    // Wednesday 2018-11-28 is inside Nov 24 - 30, so the latest completed week is Nov 17 - 23.
    expect(latestCompletedWeek(new Date(2018, 10, 28, 12))).toEqual({ start: '2018-11-17', end: '2018-11-23' });
  });

  it('rejects impossible dates', () => {
    expect(parseDay('2018-02-30')).toBeNull();
    expect(parseDay('2018-2-3')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(parseDay('2020-02-29')).not.toBeNull();
  });
});
