import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../database/unit-of-work.repository.js';
import type { CatalogOrganization } from './catalog/organization-catalog.types.js';
import { Organization } from './organization.entity.js';

function toCatalog(row: Organization): CatalogOrganization {
  return {
    code: row.id,
    name: row.name,
    shortName: row.shortName,
    aliases: JSON.parse(row.aliases) as string[],
    kind: row.kind as CatalogOrganization['kind'],
    level: row.level as CatalogOrganization['level'],
    province: row.province,
    district: row.district,
    parent: row.parentId,
    groups: JSON.parse(row.groupTags) as string[],
    validFrom: row.validFrom,
    validTo: row.validTo,
    successors: JSON.parse(row.successors) as string[],
  };
}

function toRow(org: CatalogOrganization): Omit<Organization, 'createdAt' | 'updatedAt'> {
  return {
    id: org.code,
    name: org.name,
    shortName: org.shortName,
    aliases: JSON.stringify(org.aliases),
    kind: org.kind,
    level: org.level,
    province: org.province,
    district: org.district,
    parentId: org.parent,
    groupTags: JSON.stringify(org.groups),
    validFrom: org.validFrom,
    validTo: org.validTo,
    successors: JSON.stringify(org.successors),
  };
}

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectRepository(Organization) private readonly rows: Repository<Organization>) {}

  async all(): Promise<CatalogOrganization[]> {
    return (await this.rows.find({ order: { id: 'ASC' } })).map(toCatalog);
  }

  async findById(id: string, tx?: Tx): Promise<CatalogOrganization | null> {
    const repo = tx ? tx.manager.getRepository(Organization) : this.rows;
    const row = await repo.findOneBy({ id });
    return row ? toCatalog(row) : null;
  }

  /** A cheap fingerprint of the table: the cached directory rebuilds when it changes. */
  async stamp(): Promise<string> {
    const [row] = (await this.rows.query(
      'SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM organization',
    )) as { n: string | number; at: Date | null }[];
    return `${row.n}:${row.at ? new Date(row.at).getTime() : 0}`;
  }

  async insert(tx: Tx, org: CatalogOrganization): Promise<void> {
    await tx.manager.getRepository(Organization).insert(toRow(org));
  }

  async update(tx: Tx, org: CatalogOrganization): Promise<void> {
    const { id, ...rest } = toRow(org);
    await tx.manager.getRepository(Organization).update({ id }, rest);
  }
}
