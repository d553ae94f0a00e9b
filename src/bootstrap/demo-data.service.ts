import { Injectable } from '@nestjs/common';
import { UsersRepository } from '../auth/users.repository.js';
import { UsersService } from '../auth/users.service.js';
import type { Role } from '../auth/roles.js';
import { AppConfig } from '../config/app-config.js';
import {
  OrganizationsService,
  type ImportSummary,
} from '../organizations/organizations.service.js';

export interface DemoUser {
  username: string;
  role: Role;
  organizationId: string;
  displayName: string;
}

/** The demo users of API.md. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    role: 'admin',
    organizationId: 'hg-tinh-uy',
    displayName: 'Quản trị hệ thống',
  },
  {
    username: 'vanphong.hg',
    role: 'office',
    organizationId: 'hg-van-phong',
    displayName: 'Chuyên viên Văn phòng Tỉnh ủy',
  },
  {
    username: 'ubkt.hg',
    role: 'inspector',
    organizationId: 'hg-ubkt',
    displayName: 'Cán bộ Ủy ban Kiểm tra Tỉnh ủy',
  },
  {
    username: 'tuyengiao.hg',
    role: 'agency',
    organizationId: 'hg-ban-tuyen-giao',
    displayName: 'Chuyên viên Ban Tuyên giáo Tỉnh ủy',
  },
  {
    username: 'bcsd.hg',
    role: 'agency',
    organizationId: 'hg-bcsd-ubnd',
    displayName: 'Chuyên viên Ban cán sự đảng UBND tỉnh',
  },
];

/** Loads what the demo shows; safe to run again (nothing is duplicated). */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
  ) {}

  async load(): Promise<{ organizations: ImportSummary; usersCreated: string[] }> {
    const organizations = await this.organizations.importCatalog(null);
    const usersCreated: string[] = [];
    for (const user of DEMO_USERS) {
      if (await this.userRows.findByUsernameWithSecret(user.username)) continue;
      await this.users.create(null, { ...user, password: this.config.DEMO_PASSWORD });
      usersCreated.push(user.username);
    }
    return { organizations, usersCreated };
  }
}
