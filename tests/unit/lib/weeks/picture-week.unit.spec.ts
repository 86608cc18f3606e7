import {
  dayInZone,
  isTimeZone,
  latestCompletedWeek,
  nextWeekBoundary,
  parseDay,
  pictureWeekTitle,
  startOfDayInZone,
  titlePrefixFor,
  weekContaining,
  weekOfInstant,
  weekRange,
  weekRangeLabel,
} from '../../../../src/lib/weeks/picture-week';

// Runs under the machine's zone and again as if the server ran in Los Angeles and on Kiritimati
// (jest.config.js, projects unit-tz-*): the server's own zone must never matter.
const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`picture weeks on a server running in ${serverZone}`, () => {
  it('really runs under that process time zone', () => {
    const expected = { 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840 }[serverZone];
    if (expected !== undefined) expect(new Date('2018-11-20T12:00:00Z').getTimezoneOffset()).toBe(expected);
  });

  it('runs Saturday to Friday by default, or from another first day', () => {
    expect(weekContaining(parseDay('2018-11-20')!)).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(weekContaining('2018-11-17')).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(weekContaining('2018-11-23')).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(weekContaining('2018-11-20', 1)).toEqual({ start: '2018-11-19', end: '2018-11-25' });
  });

  it('finds the week across a year boundary and in a leap February', () => {
    expect(weekContaining('2019-01-04')).toEqual({ start: '2018-12-29', end: '2019-01-04' });
    expect(weekContaining('2020-02-29')).toEqual({ start: '2020-02-29', end: '2020-03-06' });
  });

  it('rejects impossible dates', () => {
    expect(parseDay('2018-02-30')).toBeNull();
    expect(parseDay('2018-2-3')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(parseDay('2020-02-29')).not.toBeNull();
  });

  it('puts a photo taken on Saturday at 01:30 in the newsroom zone in the week that starts that Saturday', () => {
    // Saturday 2018-11-24 01:30 in Helsinki (+02:00) is still Friday 23:30 in UTC.
    const taken = new Date('2018-11-23T23:30:00Z');
    expect(dayInZone(taken, 'Europe/Helsinki')).toBe('2018-11-24');
    expect(weekOfInstant(taken, 6, 'Europe/Helsinki')).toEqual({ start: '2018-11-24', end: '2018-11-30' });
    expect(weekOfInstant(taken, 6, 'UTC')).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    // Friday 22:30 in New York is already Saturday in UTC.
    const lateFriday = new Date('2018-11-24T03:30:00Z');
    expect(weekOfInstant(lateFriday, 6, 'America/New_York')).toEqual({ start: '2018-11-17', end: '2018-11-23' });
  });

  it('gives the week as a half-open range of instants in the newsroom zone, across DST changes', () => {
    expect(weekRange({ start: '2018-11-17', end: '2018-11-23' })).toEqual({ from: new Date('2018-11-17T00:00:00Z'), to: new Date('2018-11-24T00:00:00Z') });
    expect(weekRange({ start: '2018-11-17', end: '2018-11-23' }, 'Europe/Paris')).toEqual({
      from: new Date('2018-11-16T23:00:00Z'),
      to: new Date('2018-11-23T23:00:00Z'),
    });
    // Paris leaves summer time on Sunday 2018-10-28: the week starts at +02:00 and ends at +01:00.
    expect(weekRange({ start: '2018-10-27', end: '2018-11-02' }, 'Europe/Paris')).toEqual({
      from: new Date('2018-10-26T22:00:00Z'),
      to: new Date('2018-11-02T23:00:00Z'),
    });
    expect(startOfDayInZone('2018-11-24', 'Asia/Kolkata')).toEqual(new Date('2018-11-23T18:30:00Z'));
  });

  it('finds the latest completed week and the next boundary in the newsroom zone', () => {
    expect(latestCompletedWeek(new Date('2018-11-28T12:00:00Z'))).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    // Saturday 00:30 in Paris: a new week has begun there, not yet in UTC.
    const now = new Date('2018-11-23T23:30:00Z');
    expect(latestCompletedWeek(now, 6, 'Europe/Paris')).toEqual({ start: '2018-11-17', end: '2018-11-23' });
    expect(latestCompletedWeek(now, 6, 'UTC')).toEqual({ start: '2018-11-10', end: '2018-11-16' });
    expect(nextWeekBoundary(new Date('2018-11-20T15:00:00Z'))).toEqual(new Date('2018-11-24T00:00:00Z'));
    expect(nextWeekBoundary(new Date('2018-11-20T15:00:00Z'), 1)).toEqual(new Date('2018-11-26T00:00:00Z'));
    expect(nextWeekBoundary(new Date('2018-11-20T15:00:00Z'), 6, 'Europe/Paris')).toEqual(new Date('2018-11-23T23:00:00Z'));
  });

  it('titles weeks in English as the site prints them', () => {
    expect(pictureWeekTitle({ start: '2018-11-17', end: '2018-11-23' })).toBe('This Week in Pictures: November 17 - 23');
    expect(pictureWeekTitle(weekContaining('2018-11-01'))).toBe('This Week in Pictures: October 27 - November 2');
    expect(pictureWeekTitle(weekContaining('2019-01-01'))).toBe('This Week in Pictures: December 29 - January 4');
  });

  it('titles weeks in other languages in their own order and words', () => {
    const nov = { start: '2018-11-17', end: '2018-11-23' };
    const newYear = { start: '2018-12-29', end: '2019-01-04' };
    expect(weekRangeLabel(nov, 'fr')).toBe('17–23 novembre');
    // ICU spaces a range between different months with thin spaces (U+2009).
    expect(weekRangeLabel(newYear, 'fr')).toBe('29 décembre\u2009–\u20094 janvier');
    expect(weekRangeLabel(nov, 'ru')).toBe('17–23 ноября');
    expect(weekRangeLabel(newYear, 'ru')).toBe('29 декабря – 4 января');
    expect(weekRangeLabel(nov, 'de')).toBe('17.–23. November');
    expect(pictureWeekTitle(nov, 'fr', 'Cette semaine en images')).toBe('Cette semaine en images: 17–23 novembre');
  });

  it('picks the title prefix of the locale, then of its language, then the default', () => {
    const prefixes = { fr: 'Cette semaine en images', 'pt-BR': 'Esta semana em fotos' };
    expect(titlePrefixFor('fr-CA', prefixes, 'This Week in Pictures')).toBe('Cette semaine en images');
    expect(titlePrefixFor('pt-BR', prefixes, 'This Week in Pictures')).toBe('Esta semana em fotos');
    expect(titlePrefixFor('en-US', prefixes, 'This Week in Pictures')).toBe('This Week in Pictures');
  });

  it('knows IANA zone names', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
