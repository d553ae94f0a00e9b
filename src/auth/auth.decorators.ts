import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

export const IS_PUBLIC = 'dondoc:public';
export const ROLES_KEY = 'dondoc:roles';

/** No login needed (health, login itself, the calendar feed with its own token). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call; anyone else who is logged in gets 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The caller, as the auth guard established it. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});

const LOGIN_ROUTE = 'dondoc:login-route';

/** Marks the login route for its own, stricter rate limit (see AppModule). */
export const LoginRoute = (): MethodDecorator => SetMetadata(LOGIN_ROUTE, true);

export function isLoginRoute(handler: object): boolean {
  return Reflect.getMetadata(LOGIN_ROUTE, handler) === true;
}
