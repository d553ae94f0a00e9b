import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobFailures1795451977966 implements MigrationInterface {
  name = 'JobFailures1795451977966';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `job_failure` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `queue` varchar(64) NOT NULL, `job_name` varchar(64) NOT NULL, `job_id` varchar(191) NOT NULL, `payload` text NOT NULL, `error` text NOT NULL, `attempts` int UNSIGNED NOT NULL, `failed_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `idx_job_failure_failed_at` (`failed_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_job_failure_failed_at` ON `job_failure`');
    await queryRunner.query('DROP TABLE `job_failure`');
  }
}
