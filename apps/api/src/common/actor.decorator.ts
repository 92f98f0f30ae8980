import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { actorOf, AppRequest } from './request';

/** Injects the acting principal and correlation id into a handler. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorOf(context.switchToHttp().getRequest<AppRequest>()),
);
