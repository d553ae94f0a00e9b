import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/errors/app-error.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { TokenClaims } from './auth.guard.js';
import { LoginAttempts, MAX_FAILED_LOGINS } from './login-attempts.js';
import { decoyHash, verifyPassword } from './password.js';
import { UsersRepository, type UserRecord } from './users.repository.js';

export interface MeView extends UserRecord {
  organization: { id: string; name: string; shortName: string; province: string } | null;
}

const BAD_CREDENTIALS = () =>
  new AppError(
    401,
    'Tên đăng nhập hoặc mật khẩu không đúng.',
    'The username or password is wrong.',
  );

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
  ) {}

  async login(
    username: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number; user: MeView }> {
    const name = username.trim().normalize('NFC');
    const lockedFor = await this.attempts.lockedFor(name);
    if (lockedFor > 0) {
      const minutes = Math.ceil(lockedFor / 60);
      throw new AppError(
        429,
        `Đăng nhập sai quá ${MAX_FAILED_LOGINS} lần; tạm khóa đăng nhập với tên này ${minutes} phút. Vui lòng thử lại sau hoặc liên hệ quản trị viên.`,
        `Too many failed logins for this name; locked for ${minutes} minute(s).`,
        undefined,
        { retryAfter: lockedFor },
      );
    }
    const user = await this.users.findByUsernameWithSecret(name);
    // The same argon2 work whether or not the user exists: timing says nothing either.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || !user.active) {
      await this.attempts.recordFailure(name);
      throw BAD_CREDENTIALS();
    }
    await this.attempts.clear(name);
    await this.users.touchLogin(user.id);
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organizationId,
      username: user.username,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const { passwordHash: _secret, ...record } = user;
    const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return {
      accessToken,
      expiresIn: decoded.exp - decoded.iat,
      user: await this.withOrganization(record),
    };
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound({ vi: 'người dùng', en: 'User' });
    return this.withOrganization(user);
  }

  private async withOrganization(user: UserRecord): Promise<MeView> {
    const org = await this.organizations.findById(user.organizationId);
    return {
      ...user,
      organization: org
        ? { id: org.code, name: org.name, shortName: org.shortName, province: org.province }
        : null,
    };
  }
}
