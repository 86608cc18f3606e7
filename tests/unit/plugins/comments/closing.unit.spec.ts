import { closesAt, commentingState } from '../../../../src/plugins/comments/lib/closing';

const now = new Date('2026-12-01T12:00:00Z');
const base = { commentsEnabled: true, commentsClosed: false, firstPublishedAt: '2026-11-25T12:00:00Z', sectionCloseAfterDays: null, closeAfterDays: 14, now };

describe('commenting state', () => {
  it('is open on a young story with comments on', () => {
    expect(commentingState(base)).toBe('open');
  });

  it('treats a missing switch as the schema default (on, not closed)', () => {
    expect(commentingState({ ...base, commentsEnabled: null, commentsClosed: undefined })).toBe('open');
  });

  it('is disabled when switched off, before any other reason', () => {
    expect(commentingState({ ...base, commentsEnabled: false, commentsClosed: true })).toBe('disabled');
  });

  it('is closed by hand', () => {
    expect(commentingState({ ...base, commentsClosed: true })).toBe('closed');
  });

  it('closes exactly N days after first publication', () => {
    expect(commentingState({ ...base, firstPublishedAt: '2026-11-17T12:00:01Z' })).toBe('open');
    expect(commentingState({ ...base, firstPublishedAt: '2026-11-17T12:00:00Z' })).toBe('closed');
  });

  it('lets the section override the site setting, 0 meaning never', () => {
    const old = { ...base, firstPublishedAt: '2026-10-01T00:00:00Z' };
    expect(commentingState(old)).toBe('closed');
    expect(commentingState({ ...old, sectionCloseAfterDays: 90 })).toBe('open');
    expect(commentingState({ ...old, sectionCloseAfterDays: 0 })).toBe('open');
    expect(commentingState({ ...base, sectionCloseAfterDays: 3 })).toBe('closed');
  });

  it('never closes when the site setting is 0 or the date is unknown', () => {
    expect(commentingState({ ...base, closeAfterDays: 0, firstPublishedAt: '2000-01-01T00:00:00Z' })).toBe('open');
    expect(commentingState({ ...base, firstPublishedAt: null })).toBe('open');
    expect(commentingState({ ...base, firstPublishedAt: 'not a date' })).toBe('open');
  });

  it('tells when commenting closes', () => {
    expect(closesAt(base)?.toISOString()).toBe('2026-12-09T12:00:00.000Z');
    expect(closesAt({ ...base, sectionCloseAfterDays: 0 })).toBeNull();
  });
});
