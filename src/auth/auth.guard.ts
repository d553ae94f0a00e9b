import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/errors/app-error.js';
import { OrganizationDirectoryService } from '../organizations/organization-directory.service.js';
import { IS_PUBLIC, ROLES_KEY, type AuthenticatedRequest } from './auth.decorators.js';
import type { Role } from './roles.js';
import { UsersRepository } from './users.repository.js';

export interface TokenClaims {
  sub: string;
  role: Role;
  org: string;
  username: string;
}

const UNAUTHENTICATED = () =>
  new AppError(
    401,
    'Bạn cần đăng nhập; mã đăng nhập thiếu, sai hoặc đã hết hạn.',
    'Authentication required: the token is missing, invalid or expired.',
  );

/**
 * Every route needs a valid token unless marked @Public(); @Roles() then narrows who may call.
 * The user is re-read (briefly cached) so a deactivated account stops at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly directory: OrganizationDirectoryService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' && /^Bearer \S+$/.test(header) ? header.slice(7) : null;
    if (!token) throw UNAUTHENTICATED();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw UNAUTHENTICATED();
    }
    const user = await this.users.findActiveCached(claims.sub);
    if (!user) throw UNAUTHENTICATED();
    const organization = (await this.directory.resolver()).findByCode(user.organizationId);
    request.actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      organizationId: user.organizationId,
      committee: organization?.province ?? '',
      requestId: request.id,
    };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw AppError.forbidden();
    return true;
  }
}
