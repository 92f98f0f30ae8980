import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TokenService } from '@it-samverkan/application';
import { DomainError } from '@it-samverkan/domain';
import type { Role } from '@it-samverkan/persistence';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import type { AppRequest } from './request';

/** The one place where authentication and roles are enforced, for every route. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Inloggning krävs: skicka Authorization: Bearer <token>',
        'unauthenticated',
      );
    }
    const principal = await this.tokens.authenticate(match[1]);
    if (!principal)
      throw new DomainError('UNAUTHENTICATED', 'Ogiltig eller återkallad token', 'unauthenticated');
    request.principal = principal;
    if (principal.role === 'admin') return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const allowed = roles ?? (request.method === 'GET' || request.method === 'HEAD' ? [principal.role] : []);
    if (!allowed.includes(principal.role)) {
      throw new DomainError('FORBIDDEN', `Rollen ${principal.role} får inte göra detta`, 'forbidden');
    }
    return true;
  }
}
