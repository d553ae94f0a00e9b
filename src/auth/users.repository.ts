import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../database/unit-of-work.repository.js';
import type { Role } from './roles.js';
import { User } from './user.entity.js';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  email: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface UserWithSecret extends UserRecord {
  passwordHash: string;
}

function toRecord(row: User): UserWithSecret {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    organizationId: row.organizationId,
    email: row.email,
    active: row.active,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    passwordHash: row.passwordHash,
  };
}

function withoutSecret({ passwordHash: _secret, ...user }: UserWithSecret): UserRecord {
  return user;
}

const CACHE_MS = 5000;

@Injectable()
export class UsersRepository {
  private readonly cache = new Map<string, { user: UserRecord | null; at: number }>();

  constructor(@InjectRepository(User) private readonly rows: Repository<User>) {}

  async findByUsernameWithSecret(username: string): Promise<UserWithSecret | null> {
    const row = await this.rows.findOneBy({ username });
    return row ? toRecord(row) : null;
  }

  async findById(id: string, tx?: Tx): Promise<UserRecord | null> {
    const repo = tx ? tx.manager.getRepository(User) : this.rows;
    const row = await repo.findOneBy({ id });
    return row ? withoutSecret(toRecord(row)) : null;
  }

  /** The active user behind a token; cached a few seconds, so auth costs no query per request. */
  async findActiveCached(id: string): Promise<UserRecord | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.user;
    const user = await this.findById(id);
    const active = user?.active ? user : null;
    this.cache.set(id, { user: active, at: Date.now() });
    if (this.cache.size > 10_000) this.cache.clear();
    return active;
  }

  async list(page: number, pageSize: number): Promise<{ items: UserRecord[]; total: number }> {
    const [rows, total] = await this.rows.findAndCount({
      order: { username: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map((r) => withoutSecret(toRecord(r))), total };
  }

  async usernameTaken(username: string, tx: Tx): Promise<boolean> {
    return (await tx.manager.getRepository(User).countBy({ username })) > 0;
  }

  async insert(tx: Tx, user: Omit<UserWithSecret, 'lastLoginAt' | 'createdAt'>): Promise<void> {
    await tx.manager.getRepository(User).insert({ ...user, lastLoginAt: null });
  }

  async update(
    tx: Tx,
    id: string,
    patch: Partial<
      Pick<
        UserWithSecret,
        'displayName' | 'role' | 'organizationId' | 'email' | 'active' | 'passwordHash'
      >
    >,
  ): Promise<void> {
    await tx.manager.getRepository(User).update({ id }, patch);
    this.cache.delete(id);
  }

  async touchLogin(id: string): Promise<void> {
    await this.rows.update({ id }, { lastLoginAt: new Date() });
  }
}
