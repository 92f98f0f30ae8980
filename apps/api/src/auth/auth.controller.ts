import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { csrfTokenFor, SessionService, StartedSession } from '@it-samverkan/application';
import type { AppEnv } from '@it-samverkan/config/env';
import { DomainError } from '@it-samverkan/domain';
import { ROLES } from '@it-samverkan/persistence';
import { actorOf, AppRequest } from '../common/request';
import { Public, Roles } from '../common/roles.decorator';
import { clearSessionCookie, setSessionCookie } from '../common/session-cookie';
import { APP_ENV, CLOCK, Clock } from '../common/tokens';
import { LoginDto } from './auth.dto';

/** What a login answers: the person, the CSRF token for changes, and when the session ends at the latest. */
function loggedIn(started: StartedSession) {
  return { person: started.person, csrfToken: started.csrfToken, expiresAt: started.expiresAt };
}

@ApiTags('Inloggning')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(APP_ENV) private readonly env: AppEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Logga in med användarnamn och lösenord',
    description:
      'Sätter sessionskakan (HttpOnly, SameSite=Lax, Secure) och svarar med csrfToken, som ska skickas i ' +
      'rubriken X-CSRF-Token vid varje ändring (POST, PUT, PATCH, DELETE) med kakan. Upprepade misslyckanden ' +
      'spärrar användarnamnet och klientadressen med växande väntetid (429).',
  })
  @ApiOkResponse({ description: 'Inloggad; Set-Cookie bär sessionen' })
  @ApiUnauthorizedResponse({ description: 'Fel användarnamn eller lösenord' })
  @ApiTooManyRequestsResponse({ description: 'Spärrad efter för många misslyckade försök' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: AppRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const now = this.clock.now();
    const started = await this.sessions.login(
      {
        username: dto.username,
        password: dto.password,
        address: request.ip ?? null,
        correlationId: request.correlationId ?? null,
      },
      now,
    );
    setSessionCookie(response, this.env.session, started.secret, new Date(started.expiresAt), now);
    return loggedIn(started);
  }

  @Post('logout')
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Logga ut: sessionen avslutas på servern och kakan tas bort' })
  @ApiNoContentResponse({ description: 'Utloggad' })
  async logout(@Req() request: AppRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!request.session)
      throw new DomainError(
        'NOT_A_SESSION',
        'Utloggning gäller inloggade sessioner; en API-token återkallas med POST /api/v1/tokens/{id}/revoke',
        'invalid',
      );
    await this.sessions.logout(request.session.id, actorOf(request), this.clock.now());
    clearSessionCookie(response, this.env.session);
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Vem är inloggad',
    description:
      'Personen (eller systemet bakom token), roll och omfattning; för en session även csrfToken och sluttid.',
  })
  me(@Req() request: AppRequest) {
    const principal = actorOf(request).principal;
    return {
      name: principal.name,
      role: principal.role,
      scope: principal.scope,
      via: principal.via ?? null,
      personId: principal.personId ?? null,
      person: request.session?.person ?? null,
      csrfToken: request.session ? csrfTokenFor(request.session.secret) : null,
      expiresAt: request.session ? request.session.expiresAt.toISOString() : null,
    };
  }
}
