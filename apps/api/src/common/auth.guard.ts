import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  csrfTokenMatches,
  personView,
  Principal,
  SessionService,
  TokenService,
} from '@it-samverkan/application';
import type { AppEnv } from '@it-samverkan/config/env';
import { DomainError } from '@it-samverkan/domain';
import { PUBLIC_KEY } from './roles.decorator';
import type { AppRequest } from './request';
import { readCookie } from './session-cookie';
import { APP_ENV, CLOCK, Clock } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place where authentication is enforced, for every route (AccessGuard then authorises
 * with the domain's policy). A request proves
 * who it is with a bearer token (systems, scripts) or a session cookie (people in a browser);
 * a cookie-authenticated change must also carry the session's CSRF token in X-CSRF-Token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(APP_ENV) private readonly env: AppEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;
    return true;
  }

  private async authenticate(request: AppRequest): Promise<Principal> {
    const now = this.clock.now();
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await this.tokens.authenticate(match[1], now) : null;
      if (!principal)
        throw new DomainError(
          'UNAUTHENTICATED',
          'Ogiltig, utgången eller återkallad token',
          'unauthenticated',
        );
      return principal;
    }
    const secret = readCookie(request, this.env.session);
    if (!secret) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Inloggning krävs: logga in (POST /api/v1/auth/login) eller skicka Authorization: Bearer <token>',
        'unauthenticated',
      );
    }
    const session = await this.sessions.authenticate(secret, now);
    if (!session)
      throw new DomainError(
        'UNAUTHENTICATED',
        'Sessionen har gått ut eller avslutats; logga in igen',
        'unauthenticated',
      );
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (!csrfTokenMatches(secret, typeof presented === 'string' ? presented : undefined))
        throw new DomainError(
          'CSRF_TOKEN_INVALID',
          'Ändringar kräver sessionens CSRF-token i rubriken X-CSRF-Token (den ges vid inloggningen och av GET /api/v1/auth/me)',
          'forbidden',
        );
    }
    request.session = {
      id: session.sessionId,
      secret,
      expiresAt: session.expiresAt,
      person: personView(session.person),
    };
    return session.principal;
  }
}
