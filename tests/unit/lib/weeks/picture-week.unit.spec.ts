import { latestCompletedWeek, nextWeekBoundary, parseDay, pictureWeekTitle, weekContaining, weekRange } from '../../../../src/lib/weeks/picture-week';

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

  it('titles the weeks of the feed examples, including across months', () => {
    expect(pictureWeekTitle(weekContaining(parseDay('2018-11-23')!))).toBe('This Week in Pictures: November 17 - 23');
    expect(pictureWeekTitle(weekContaining(parseDay('2018-11-24')!))).toBe('This Week in Pictures: November 24 - 30');
    expect(pictureWeekTitle(weekContaining(parseDay('2018-11-01')!))).toBe('This Week in Pictures: October 27 - November 2');
    expect(pictureWeekTitle(weekContaining(parseDay('2019-01-01')!))).toBe('This Week in Pictures: December 29 - January 4');
  });

  it('finds the week across a year boundary and in a leap February', () => {
    expect(weekContaining(parseDay('2019-01-04')!)).toEqual({ start: '2018-12-29', end: '2019-01-04' });
    expect(weekContaining(parseDay('2020-02-29')!)).toEqual({ start: '2020-02-29', end: '2020-03-06' });
  });

  it('a Saturday is the first day of a new week, so the week before it is the latest completed one', () => {
    expect(latestCompletedWeek(new Date(2018, 10, 24, 0, 0, 1))).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(latestCompletedWeek(new Date(2018, 10, 23, 23, 59))).toEqual({ start: '2018-11-10', end: '2018-11-16' });
  });

  it('gives the week as a half-open local time range and the next boundary', () => {
    const range = weekRange({ start: '2018-11-17', end: '2018-11-23' });
    expect(range.from).toEqual(new Date(2018, 10, 17));
    expect(range.to).toEqual(new Date(2018, 10, 24));
    expect(nextWeekBoundary(new Date(2018, 10, 20, 15))).toEqual(new Date(2018, 10, 24));
    expect(nextWeekBoundary(new Date(2018, 10, 20, 15), 1)).toEqual(new Date(2018, 10, 26));
  });
});
