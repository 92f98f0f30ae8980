import type { Request, Response } from 'express';
import type { SessionSettings } from '@it-samverkan/config/env';

/**
 * The session cookie's name. With Secure on it carries the `__Host-` prefix, so browsers accept it
 * only from this origin over HTTPS, with Path=/ and no Domain.
 */
export function sessionCookieName(settings: SessionSettings): string {
  return settings.cookieSecure ? '__Host-its_session' : 'its_session';
}

/** The session secret a request's Cookie header carries, if any. */
export function readSessionCookie(request: Request, settings: SessionSettings): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const name = sessionCookieName(settings);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure unless configured off, ending with the session. */
export function setSessionCookie(
  response: Response,
  settings: SessionSettings,
  secret: string,
  expiresAt: Date,
  now: Date,
): void {
  response.cookie(sessionCookieName(settings), secret, {
    httpOnly: true,
    secure: settings.cookieSecure,
    sameSite: 'lax',
    path: '/',
    maxAge: Math.max(0, expiresAt.getTime() - now.getTime()),
  });
}

export function clearSessionCookie(response: Response, settings: SessionSettings): void {
  response.clearCookie(sessionCookieName(settings), {
    httpOnly: true,
    secure: settings.cookieSecure,
    sameSite: 'lax',
    path: '/',
  });
}
