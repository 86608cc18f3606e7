import { maxAgeSeconds, onAirAt, programmeError, type Programme } from '../../../../src/lib/listen-live/schedule';

const week: Programme[] = [
  { title: 'Morning Edition', host: 'Ana', weekday: 1, start: '06:00', end: '09:00' },
  { title: 'Late Night', host: 'Bo', weekday: 3, start: '22:00', end: '02:00' },
  { title: 'Sunday Overnight', host: '', weekday: 7, start: '23:00', end: '03:00' },
  { title: 'Friday Jazz', weekday: 5, start: '20:00', end: '24:00' },
];

describe('onAirAt', () => {
  it('finds the programme on air and the next one in UTC', () => {
    // Monday 2026-11-30 07:30 UTC
    const r = onAirAt(week, new Date('2026-11-30T07:30:00Z'), 'UTC');
    expect(r.onAir).toEqual({ title: 'Morning Edition', host: 'Ana', startsAt: '2026-11-30T06:00:00.000Z', endsAt: '2026-11-30T09:00:00.000Z' });
    expect(r.next).toEqual({ title: 'Late Night', host: 'Bo', startsAt: '2026-12-02T22:00:00.000Z', endsAt: '2026-12-03T02:00:00.000Z' });
  });

  it('is null between programmes, with the next one announced', () => {
    const r = onAirAt(week, new Date('2026-11-30T09:00:00Z'), 'UTC'); // the end instant is exclusive
    expect(r.onAir).toBeNull();
    expect(r.next?.title).toBe('Late Night');
  });

  it('keeps a programme on air across midnight', () => {
    const r = onAirAt(week, new Date('2026-12-03T01:15:00Z'), 'UTC'); // Thursday 01:15, started Wednesday
    expect(r.onAir).toMatchObject({ title: 'Late Night', startsAt: '2026-12-02T22:00:00.000Z', endsAt: '2026-12-03T02:00:00.000Z' });
  });

  it('wraps from Sunday night into Monday morning (week end)', () => {
    const monday = onAirAt(week, new Date('2026-11-30T02:00:00Z'), 'UTC'); // Monday 02:00, started Sunday 23:00
    expect(monday.onAir).toMatchObject({ title: 'Sunday Overnight', host: null, startsAt: '2026-11-29T23:00:00.000Z', endsAt: '2026-11-30T03:00:00.000Z' });
    expect(monday.next?.title).toBe('Morning Edition');
    const saturday = onAirAt(week, new Date('2026-12-05T12:00:00Z'), 'UTC');
    expect(saturday.onAir).toBeNull();
    expect(saturday.next).toMatchObject({ title: 'Sunday Overnight', startsAt: '2026-12-06T23:00:00.000Z' });
  });

  it('treats 24:00 as the following midnight', () => {
    const r = onAirAt(week, new Date('2026-12-04T23:59:00Z'), 'UTC');
    expect(r.onAir).toMatchObject({ title: 'Friday Jazz', endsAt: '2026-12-05T00:00:00.000Z' });
  });

  it('reads the schedule in the newsroom time zone, not UTC', () => {
    // 06:30 in Tokyo on Monday is 21:30 UTC on Sunday
    const r = onAirAt(week, new Date('2026-11-29T21:30:00Z'), 'Asia/Tokyo');
    expect(r.onAir).toMatchObject({ title: 'Morning Edition', startsAt: '2026-11-29T21:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z' });
  });

  it('computes the local Monday even when it is still Sunday in UTC (negative offsets)', () => {
    const r = onAirAt(week, new Date('2026-11-30T12:00:00Z'), 'America/Los_Angeles'); // Monday 04:00 PST
    expect(r.onAir).toBeNull();
    expect(r.next).toMatchObject({ title: 'Morning Edition', startsAt: '2026-11-30T14:00:00.000Z' });
  });

  it('lasts one hour less on the spring-forward night and one more in autumn (Europe/Berlin)', () => {
    const overnight: Programme[] = [{ title: 'Night Shift', weekday: 7, start: '01:00', end: '05:00' }];
    // 2026-03-29 is a Sunday; clocks go 02:00 -> 03:00
    const spring = onAirAt(overnight, new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin');
    expect(spring.onAir).toMatchObject({ startsAt: '2026-03-29T00:00:00.000Z', endsAt: '2026-03-29T03:00:00.000Z' });
    // 2026-10-25 is a Sunday; clocks go 03:00 -> 02:00
    const autumn = onAirAt(overnight, new Date('2026-10-25T02:30:00Z'), 'Europe/Berlin');
    expect(autumn.onAir).toMatchObject({ startsAt: '2026-10-24T23:00:00.000Z', endsAt: '2026-10-25T04:00:00.000Z' });
  });

  it('keeps the wall clock on the days after a DST change', () => {
    const r = onAirAt(week, new Date('2026-03-30T05:30:00Z'), 'Europe/Berlin'); // Monday after spring-forward, 07:30 CEST
    expect(r.onAir).toMatchObject({ title: 'Morning Edition', startsAt: '2026-03-30T04:00:00.000Z', endsAt: '2026-03-30T07:00:00.000Z' });
  });

  it('moves a start in the hour skipped by DST one hour forward (02:30 becomes 03:30)', () => {
    const gap: Programme[] = [{ title: 'Gap', weekday: 7, start: '02:30', end: '04:00' }];
    expect(onAirAt(gap, new Date('2026-03-29T01:10:00Z'), 'Europe/Berlin').onAir).toBeNull(); // 03:10 CEST
    const r = onAirAt(gap, new Date('2026-03-29T01:40:00Z'), 'Europe/Berlin'); // 03:40 CEST
    expect(r.onAir).toMatchObject({ title: 'Gap', startsAt: '2026-03-29T01:30:00.000Z', endsAt: '2026-03-29T02:00:00.000Z' });
  });

  it('lets the later of two overlapping programmes be on air', () => {
    const overlap: Programme[] = [
      { title: 'Long', weekday: 2, start: '10:00', end: '14:00' },
      { title: 'News Flash', weekday: 2, start: '12:00', end: '12:10' },
    ];
    expect(onAirAt(overlap, new Date('2026-12-01T12:05:00Z'), 'UTC').onAir?.title).toBe('News Flash');
    expect(onAirAt(overlap, new Date('2026-12-01T12:15:00Z'), 'UTC').onAir?.title).toBe('Long');
  });

  it('has nothing on air or next for an empty schedule, and skips invalid programmes', () => {
    expect(onAirAt([], new Date(), 'UTC')).toEqual({ onAir: null, next: null });
    const bad = [{ title: 'Bad', weekday: 8, start: '10:00', end: '11:00' }];
    expect(onAirAt(bad, new Date(), 'UTC')).toEqual({ onAir: null, next: null });
  });

  it('refuses an unknown time zone', () => {
    expect(() => onAirAt(week, new Date(), 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus".');
  });
});

describe('programmeError', () => {
  it.each([
    [{ title: '', weekday: 1, start: '10:00', end: '11:00' }, 'needs a title'],
    [{ title: 'A', weekday: 0, start: '10:00', end: '11:00' }, 'weekday must be 1'],
    [{ title: 'A', weekday: 1, start: '24:00', end: '11:00' }, 'start must be'],
    [{ title: 'A', weekday: 1, start: '9:00', end: '11:00' }, 'start must be'],
    [{ title: 'A', weekday: 1, start: '10:00', end: '25:00' }, 'end must be'],
  ])('%o', (p, message) => {
    expect(programmeError(p)).toContain(message);
  });
  it('accepts a valid programme', () => {
    expect(programmeError({ title: 'A', weekday: 7, start: '23:00', end: '24:00' })).toBeNull();
  });
});

describe('maxAgeSeconds', () => {
  const now = new Date('2026-11-30T07:30:00Z');
  it('never outlasts the programme on air', () => {
    expect(maxAgeSeconds(onAirAt(week, now, 'UTC'), now, 7200)).toBe(5400);
    expect(maxAgeSeconds(onAirAt(week, now, 'UTC'), now, 60)).toBe(60);
  });
  it('between programmes, never outlasts the start of the next', () => {
    const gap = new Date('2026-12-02T21:59:30Z');
    expect(maxAgeSeconds(onAirAt(week, gap, 'UTC'), gap, 300)).toBe(30);
  });
  it('is 0 in the last second of a programme and the ceiling without a schedule', () => {
    const last = new Date('2026-11-30T08:59:59.500Z');
    expect(maxAgeSeconds(onAirAt(week, last, 'UTC'), last, 300)).toBe(0);
    expect(maxAgeSeconds({ onAir: null, next: null }, now, 300)).toBe(300);
  });
});
