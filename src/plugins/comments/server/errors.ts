// Errors with names of their own, in Strapi's error shape (status from the base class).
// PolicyError for the 403s: Strapi's authorize step turns any other ForbiddenError into a bare "Forbidden".
import { errors } from '@strapi/utils';

function named<T extends Error>(error: T, name: string): T {
  (error as { name: string }).name = name;
  return error;
}

/** 403 StandardsAcceptanceRequired: accept the current community standards version first. */
export const standardsAcceptanceRequired = (version: number) =>
  named(new errors.PolicyError('Please accept the current community standards (POST /api/community-standards/accept) before commenting.', { version, acceptUrl: '/api/community-standards/accept' }), 'StandardsAcceptanceRequired');

/** 403 AccountBlocked: a blocked reader reads but does not post, report or edit. */
export const accountBlocked = (code: string, permanent: boolean) =>
  named(new errors.PolicyError(permanent ? 'This account is blocked permanently.' : 'This account is blocked; you may appeal (POST /api/account/appeals).', { code, permanent }), 'AccountBlocked');

export const commentsDisabled = () => named(new errors.PolicyError('Comments are switched off on this article.', {}), 'CommentsDisabled');
export const commentsClosed = () => named(new errors.PolicyError('Commenting on this article is closed.', {}), 'CommentsClosed');
export const notYourComment = () => named(new errors.PolicyError('You can only change your own comments.', {}), 'NotYourComment');
export const editWindowClosed = (minutes: number) => named(new errors.PolicyError(`Comments can be edited for ${minutes} minutes after posting.`, { editWindowMinutes: minutes }), 'EditWindowClosed');
