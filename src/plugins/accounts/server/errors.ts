// Errors with names of their own, in Strapi's error shape (status from the base class).
import { errors } from '@strapi/utils';

/**
 * 403 with error.name "ConsentRequired": the reader must accept the current policy version first.
 * A PolicyError: Strapi's authorize step turns any other ForbiddenError into a bare "Forbidden".
 */
export class ConsentRequiredError extends errors.PolicyError {
  constructor(version: number) {
    super('Please accept the current privacy policy (POST /api/account/consent) before doing this.', { version, acceptUrl: '/api/account/consent' });
    (this as { name: string }).name = 'ConsentRequired';
  }
}

/** 400 with error.name "CaptchaError": missing, forged, expired or replayed captcha solution. */
export class CaptchaError extends errors.ValidationError {
  constructor(message: string, reason: string) {
    super(message, { field: 'altcha', reason });
    (this as { name: string }).name = 'CaptchaError';
  }
}
