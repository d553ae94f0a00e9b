import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors/app-error.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { Actor } from './actor.js';
import type { CreateUserDto, UpdateUserDto } from './dto/auth.dto.js';
import { hashPassword } from './password.js';
import { UsersRepository, type UserRecord } from './users.repository.js';

const NOT_FOUND = { vi: 'người dùng', en: 'User' };

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(page: number, pageSize: number) {
    return this.users.list(page, pageSize);
  }

  async create(actor: Actor | null, dto: CreateUserDto): Promise<UserRecord> {
    await this.assertOrganization(dto.organizationId);
    const passwordHash = await hashPassword(dto.password);
    const id = randomUUID();
    return this.uow.run(async (tx) => {
      if (await this.users.usernameTaken(dto.username, tx)) {
        throw AppError.conflict(
          `Tên đăng nhập "${dto.username}" đã có người dùng.`,
          `Username "${dto.username}" is taken.`,
        );
      }
      await this.users.insert(tx, {
        id,
        username: dto.username,
        displayName: dto.displayName.normalize('NFC'),
        passwordHash,
        role: dto.role,
        organizationId: dto.organizationId,
        email: dto.email ?? null,
        active: true,
      });
      const created = (await this.users.findById(id, tx)) as UserRecord;
      await this.audit.record(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        after: created,
      });
      return created;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserRecord> {
    if (dto.organizationId) await this.assertOrganization(dto.organizationId);
    if (id === actor.userId && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
      throw AppError.conflict(
        'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.',
        'You cannot deactivate yourself or drop your own admin role.',
      );
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.uow.run(async (tx) => {
      const before = await this.users.findById(id, tx);
      if (!before) throw AppError.notFound(NOT_FOUND);
      await this.users.update(tx, id, {
        ...(dto.displayName !== undefined ? { displayName: dto.displayName.normalize('NFC') } : {}),
        ...(dto.role !== undefined ? { role: dto.role } : {}),
        ...(dto.organizationId !== undefined ? { organizationId: dto.organizationId } : {}),
        ...(dto.email !== undefined ? { email: dto.email } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      });
      const after = (await this.users.findById(id, tx)) as UserRecord;
      await this.audit.record(tx, actor, {
        action: passwordHash ? 'user.update-with-password' : 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async assertOrganization(id: string): Promise<void> {
    if (!(await this.organizations.findById(id))) {
      throw AppError.badRequest(
        `Không có cơ quan, đơn vị mã "${id}" trong danh mục.`,
        `No organization "${id}" in the directory.`,
        [
          {
            field: 'organizationId',
            message: `Trường "organizationId" không có trong danh mục cơ quan: ${id}.`,
            messageEn: `organizationId ${id} is not in the directory`,
          },
        ],
      );
    }
  }
}
