import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { csrfTokenFor, OidcService, SessionService, StartedSession } from '@it-samverkan/application';
import type { AppEnv } from '@it-samverkan/config/env';
import { DomainError } from '@it-samverkan/domain';
import { actorOf, AppRequest } from '../common/request';
import { Access, named } from '../common/access.decorator';
import { Public } from '../common/roles.decorator';
import { clearCookie, readCookie, setCookie } from '../common/session-cookie';
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
    @Inject(OidcService) private readonly oidc: OidcService,
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
    this.setSession(response, started, now);
    return loggedIn(started);
  }

  private setSession(response: Response, started: StartedSession, now: Date): void {
    const ms = new Date(started.expiresAt).getTime() - now.getTime();
    setCookie(response, this.env.session, 'its_session', started.secret, ms);
  }

  @Public()
  @Get('oidc/start')
  @ApiOperation({
    summary: 'Börja logga in via kommunens identitetsleverantör (OpenID Connect, kod + PKCE)',
    description:
      'Skickar webbläsaren vidare till identitetsleverantören. Efter inloggningen kommer den tillbaka till ' +
      '/api/v1/auth/oidc/callback och sedan till returnTo (en sökväg på denna webbplats).',
  })
  @ApiQuery({ name: 'returnTo', required: false, example: '/ekonomi' })
  @ApiResponse({ status: 302, description: 'Vidare till identitetsleverantören' })
  @ApiResponse({ status: 404, description: 'OIDC är inte konfigurerat' })
  async oidcStart(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, state } = await this.oidc.start(returnTo, this.clock.now());
    setCookie(response, this.env.session, 'its_oidc_state', state, 10 * 60_000);
    response.redirect(302, url);
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({
    summary:
      'Identitetsleverantörens svar: koden byts mot identiteten, personen skapas eller uppdateras och loggas in',
    description:
      'Roll och omfattning kommer från personens grupper enligt OIDC_GROUP_MAP; utan en mappad grupp nekas ' +
      'inloggningen (403 OIDC_NO_GROUP).',
  })
  @ApiResponse({ status: 302, description: 'Inloggad; Set-Cookie bär sessionen, vidare till returnTo' })
  @ApiResponse({ status: 403, description: 'Ingen grupp som ger behörighet' })
  async oidcCallback(@Req() request: AppRequest, @Res() response: Response): Promise<void> {
    const now = this.clock.now();
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    clearCookie(response, this.env.session, 'its_oidc_state');
    const { started, returnTo } = await this.oidc.callback(
      query,
      readCookie(request, this.env.session, 'its_oidc_state'),
      now,
      request.correlationId ?? null,
    );
    this.setSession(response, started, now);
    response.redirect(302, returnTo);
  }

  @Post('logout')
  @Access('read', named.own)
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
    clearCookie(response, this.env.session, 'its_session');
  }

  @Get('me')
  @Access('read', named.own)
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
