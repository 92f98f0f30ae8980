import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessService } from '@it-samverkan/application';
import { DomainError } from '@it-samverkan/domain';
import { ACCESS_KEY, AccessRequirement } from './access.decorator';
import { PUBLIC_KEY } from './roles.decorator';
import type { AppRequest } from './request';

const plain = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** The one place where authorisation is decided for HTTP: each route's @Access against the domain's policy. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const principal = request.principal;
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Inloggning krävs', 'unauthenticated');
    const requirement = this.reflector.get<AccessRequirement | undefined>(ACCESS_KEY, context.getHandler());
    if (!requirement) {
      if (principal.role === 'admin' && principal.scope === null) return true;
      throw new DomainError('FORBIDDEN', 'Ingen behörighetsregel gäller för detta anrop', 'forbidden');
    }
    const refs = requirement.resources({
      params: (request.params ?? {}) as Record<string, string>,
      query: plain(request.query),
      body: plain(request.body),
    });
    await this.access.require(principal, requirement.action, refs);
    return true;
  }
}
