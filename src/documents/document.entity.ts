import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/timestamps.entity.js';

/** An uploaded file, stored once: its sha256 is unique, so the same file again is a 409. */
@Entity({ name: 'source_file' })
export class SourceFile {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('uq_source_file_sha256', { unique: true })
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  filename!: string | null;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'int', unsigned: true })
  sizeBytes!: number;

  /** indexed: the nightly housekeeping asks which stored files are still named */
  @Index('idx_source_file_storage_key')
  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  /** the text the parser read (NFC), offsets of clauses point into it */
  @Column({ name: 'text', type: 'mediumtext' })
  text!: string;

  @Column({ name: 'uploaded_by', type: 'char', length: 36 })
  uploadedBy!: string;

  @CreatedAt()
  createdAt!: Date;
}

@Entity({ name: 'document' })
@Index('idx_document_committee', ['committee', 'createdAt'])
@Index('idx_document_source', ['sourceId', 'indexInSource'])
export class DocumentRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'source_id', type: 'char', length: 36 })
  sourceId!: string;

  @Column({ name: 'index_in_source', type: 'smallint', unsigned: true })
  indexInSource!: number;

  /** the party committee whose office and inspectors see it (the issuer's province) */
  @Column({ type: 'varchar', length: 64 })
  committee!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  number!: string | null;

  @Column({ name: 'issuer_org_id', type: 'varchar', length: 100, nullable: true })
  issuerOrgId!: string | null;

  @Column({ name: 'issuer_name', type: 'varchar', length: 255, nullable: true })
  issuerName!: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ name: 'is_draft', type: 'boolean' })
  isDraft!: boolean;

  @Column({ name: 'period_from', type: 'smallint', unsigned: true, nullable: true })
  periodFrom!: number | null;

  @Column({ name: 'period_to', type: 'smallint', unsigned: true, nullable: true })
  periodTo!: number | null;

  @Column({ name: 'carried_by_id', type: 'char', length: 36, nullable: true })
  carriedById!: string | null;

  /** draft | published */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'text_start', type: 'int', unsigned: true })
  textStart!: number;

  @Column({ name: 'text_end', type: 'int', unsigned: true })
  textEnd!: number;

  /** recipients, warnings as JSON text */
  @Column({ name: 'recipients_json', type: 'text' })
  recipientsJson!: string;

  @Column({ name: 'warnings_json', type: 'text' })
  warningsJson!: string;

  @Column({ name: 'created_by', type: 'char', length: 36 })
  createdBy!: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'char', length: 36, nullable: true })
  publishedBy!: string | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}

@Entity({ name: 'clause' })
@Index('idx_clause_document', ['documentId', 'position'])
export class ClauseRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'document_id', type: 'char', length: 36 })
  documentId!: string;

  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  section!: string | null;

  @Column({ type: 'varchar', length: 20 })
  ordinal!: string;

  @Column({ type: 'mediumtext' })
  text!: string;

  @Column({ name: 'text_start', type: 'int', unsigned: true })
  textStart!: number;

  @Column({ name: 'text_end', type: 'int', unsigned: true })
  textEnd!: number;

  /** parties as proposed (and corrected by the office): JSON text of Party[] */
  @Column({ name: 'leads_json', type: 'text' })
  leadsJson!: string;

  @Column({ name: 'coordinators_json', type: 'text' })
  coordinatorsJson!: string;

  @Column({ name: 'report_to_json', type: 'text' })
  reportToJson!: string;

  @Column({ name: 'actions_json', type: 'text' })
  actionsJson!: string;

  @Column({ type: 'varchar', length: 16 })
  cadence!: string;

  @Column({ name: 'milestones_json', type: 'varchar', length: 100 })
  milestonesJson!: string;

  @Column({ name: 'deadlines_json', type: 'text' })
  deadlinesJson!: string;

  /** the office's due date, when it sets one; otherwise the earliest deadline applies */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'corrected', type: 'boolean', default: false })
  corrected!: boolean;

  @UpdatedAt()
  updatedAt!: Date;
}

/** A quantitative target of "Mục tiêu cụ thể". */
@Entity({ name: 'document_target' })
@Index('idx_target_document', ['documentId', 'position'])
export class TargetRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'document_id', type: 'char', length: 36 })
  documentId!: string;

  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: string;

  @Column({ type: 'decimal', precision: 18, scale: 4, nullable: true })
  value!: string | null;

  @Column({ name: 'value_to', type: 'decimal', precision: 18, scale: 4, nullable: true })
  valueTo!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  unit!: string | null;

  @Column({ type: 'boolean' })
  annual!: boolean;

  @Column({ name: 'baseline_json', type: 'text', nullable: true })
  baselineJson!: string | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;
}
