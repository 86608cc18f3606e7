// When commenting on an article is open: switched on, not closed by hand, and younger than the
// section's (else the site's) number of days since first publication (0: never closes).
export interface ClosingInput {
  commentsEnabled: boolean | null | undefined;
  commentsClosed: boolean | null | undefined;
  firstPublishedAt: string | Date | null | undefined;
  sectionCloseAfterDays: number | null | undefined;
  closeAfterDays: number;
  now: Date;
}

export type CommentingState = 'open' | 'disabled' | 'closed';

export function closesAt(input: Omit<ClosingInput, 'commentsEnabled' | 'commentsClosed' | 'now'>): Date | null {
  const days = input.sectionCloseAfterDays ?? input.closeAfterDays;
  if (!days || days <= 0 || !input.firstPublishedAt) return null;
  const from = new Date(input.firstPublishedAt);
  if (Number.isNaN(from.getTime())) return null;
  return new Date(from.getTime() + days * 86_400_000);
}

export function commentingState(input: ClosingInput): CommentingState {
  // A missing value means the schema default (comments on).
  if (input.commentsEnabled === false) return 'disabled';
  if (input.commentsClosed === true) return 'closed';
  const at = closesAt(input);
  return at && input.now.getTime() >= at.getTime() ? 'closed' : 'open';
}
