import { CreatedAt, UpdatedAt } from '../database/timestamps.entity.js';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A body of the directory. The id is the catalog code ("hg-ban-tuyen-giao"): stable across
 * imports, readable in URLs and audit events. Lists are JSON text (see AuditEvent on why not JSON).
 */
@Entity({ name: 'organization' })
@Index('idx_organization_province_level', ['province', 'level'])
@Index('idx_organization_parent', ['parentId'])
export class Organization {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'short_name', type: 'varchar', length: 255 })
  shortName!: string;

  @Column({ type: 'text' })
  aliases!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: string;

  @Column({ type: 'varchar', length: 64 })
  province!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  district!: string | null;

  @Column({ name: 'parent_id', type: 'varchar', length: 100, nullable: true })
  parentId!: string | null;

  @Column({ name: 'group_tags', type: 'text' })
  groupTags!: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'text' })
  successors!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
