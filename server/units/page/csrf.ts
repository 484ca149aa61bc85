import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Double-submit CSRF token: a random value in an HttpOnly cookie and in every form; a POST is accepted only
 * when the two match. Another site can make the browser post a form, but cannot read or set the cookie.
 */
export const CSRF_COOKIE = 'yw_csrf';

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfMatches(cookie: string | undefined, field: string | undefined): boolean {
  if (!cookie || !field) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(field);
  return a.length === b.length && timingSafeEqual(a, b);
}
