import type { Request, Response } from 'express';
import type { SessionSettings } from '@it-samverkan/config/env';

/** The login session, and the state of a started single sign-on (it binds the provider's answer to this browser). */
export type CookieKind = 'its_session' | 'its_oidc_state';

/**
 * A cookie's name. With Secure on it carries the `__Host-` prefix, so browsers accept it only
 * from this origin over HTTPS, with Path=/ and no Domain.
 */
export function cookieName(settings: SessionSettings, kind: CookieKind = 'its_session'): string {
  return settings.cookieSecure ? `__Host-${kind}` : kind;
}

/** The value a request's Cookie header carries for a cookie, if any. */
export function readCookie(
  request: Request,
  settings: SessionSettings,
  kind: CookieKind = 'its_session',
): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const name = cookieName(settings, kind);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

function options(settings: SessionSettings) {
  return { httpOnly: true, secure: settings.cookieSecure, sameSite: 'lax' as const, path: '/' };
}

/** Sets a cookie: HttpOnly, SameSite=Lax (so the provider's redirect back carries it), Secure unless configured off. */
export function setCookie(
  response: Response,
  settings: SessionSettings,
  kind: CookieKind,
  value: string,
  maxAgeMs: number,
): void {
  response.cookie(cookieName(settings, kind), value, { ...options(settings), maxAge: Math.max(0, maxAgeMs) });
}

export function clearCookie(response: Response, settings: SessionSettings, kind: CookieKind): void {
  response.clearCookie(cookieName(settings, kind), options(settings));
}
