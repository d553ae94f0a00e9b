import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nightly housekeeping asks, file by file, whether a stored file is still named by a row. */
export class StorageKeyIndexes1795460043703 implements MigrationInterface {
  name = 'StorageKeyIndexes1795460043703';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `idx_evidence_storage_key` ON `evidence_file` (`storage_key`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_source_file_storage_key` ON `source_file` (`storage_key`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_source_file_storage_key` ON `source_file`');
    await queryRunner.query('DROP INDEX `idx_evidence_storage_key` ON `evidence_file`');
  }
}
