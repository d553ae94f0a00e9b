import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { TaskAction } from '../tasks/task-status.js';
import { TasksService } from '../tasks/tasks.service.js';
import { UsersRepository } from '../auth/users.repository.js';
import { UsersService } from '../auth/users.service.js';
import type { Role } from '../auth/roles.js';
import { AppConfig } from '../config/app-config.js';
import {
  OrganizationsService,
  type ImportSummary,
} from '../organizations/organizations.service.js';

export interface DemoSummary {
  organizations: ImportSummary;
  usersCreated: string[];
  documents: { uploaded: number; published: number } | null;
}

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

/** The seeds the demo loads (copies of shared/seeds kept in config/demo/). */
export const DEMO_SEEDS = {
  haGiang: 'config/demo/001_fa2d4705234aec79.txt',
  lamDong: 'config/demo/000_95fe18056013d91d.txt',
};

/**
 * The Hà Giang resolution's text carries no number or date (a copy from before signing); the
 * demo publishes it as if signed on this day, so its half-yearly reports run 2022–2025.
 */
export const DEMO_ISSUED_ON = '2022-05-20';

/** Loads what the demo shows; safe to run again (nothing is duplicated). */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
  ) {}

  async load(options: { documents?: boolean } = {}): Promise<DemoSummary> {
    const organizations = await this.organizations.importCatalog(null);
    const usersCreated: string[] = [];
    for (const user of DEMO_USERS) {
      if (await this.userRows.findByUsernameWithSecret(user.username)) continue;
      await this.users.create(null, { ...user, password: this.config.DEMO_PASSWORD });
      usersCreated.push(user.username);
    }
    const documents = options.documents === false ? null : await this.loadDocuments();
    return { organizations, usersCreated, documents };
  }

  private async actor(username: string): Promise<Actor> {
    const user = await this.userRows.findByUsernameWithSecret(username);
    if (!user) throw new Error(`demo user ${username} is missing`);
    const org = await this.organizations.get(user.organizationId);
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      organizationId: user.organizationId,
      committee: org.province,
      requestId: 'demo',
    };
  }

  /** Both seeds as documents; the Hà Giang one published, with tasks in several states. */
  private async loadDocuments(): Promise<{ uploaded: number; published: number } | null> {
    const office = await this.actor('vanphong.hg');
    const existing = await this.documents.list(office, undefined, 1, 1);
    if (existing.total > 0) return null;
    const upload = (path: string) =>
      this.documents.upload(office, {
        buffer: readFileSync(join(process.cwd(), path)),
        filename: path.split('/').pop() ?? null,
        mediaType: 'text/plain; charset=utf-8',
      });
    const lamDong = await upload(DEMO_SEEDS.lamDong);
    const haGiang = await upload(DEMO_SEEDS.haGiang);
    const { tasks } = await this.documents.publish(office, haGiang[0].id, {
      issuedOn: DEMO_ISSUED_ON,
    });

    // A few steps, so the dashboard shows work in several states.
    const find = (lead: string) => tasks.find((t) => t.origin === 'clause' && t.leadOrgId === lead);
    const move = async (username: string, lead: string, actions: TaskAction[]) => {
      const task = find(lead);
      if (!task) return;
      const actor = await this.actor(username);
      let version = task.version;
      for (const action of actions) {
        const reason =
          action === 'return' ? 'Báo cáo chưa có số liệu hộ nghèo theo huyện.' : undefined;
        version = (await this.tasks.transition(actor, task.id, action, { version, reason }))
          .version;
      }
    };
    await move('tuyengiao.hg', 'hg-ban-tuyen-giao', ['acknowledge', 'start']);
    await move('bcsd.hg', 'hg-bcsd-ubnd', ['acknowledge', 'start', 'submit']);
    const bcsd = find('hg-bcsd-ubnd');
    if (bcsd) {
      const current = await this.tasks.getVisible(office, bcsd.id);
      const inspector = await this.actor('ubkt.hg');
      await this.tasks.transition(inspector, bcsd.id, 'return', {
        version: current.version,
        reason: 'Báo cáo chưa có số liệu hộ nghèo theo từng huyện; đề nghị bổ sung.',
      });
    }
    return { uploaded: lamDong.length + haGiang.length, published: tasks.length };
  }
}
