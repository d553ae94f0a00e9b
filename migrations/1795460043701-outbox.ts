import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1795460043701 implements MigrationInterface {
  name = 'Outbox1795460043701';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `outbox` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `queue` varchar(64) NOT NULL, `job_name` varchar(64) NOT NULL, `job_id` varchar(191) NOT NULL, `payload` text NOT NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `available_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `attempts` int UNSIGNED NOT NULL DEFAULT '0', `last_error` varchar(500) NULL, INDEX `idx_outbox_due` (`available_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE INDEX `idx_webhook_delivery_event_key` ON `webhook_delivery` (`event_key`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_webhook_delivery_event_key` ON `webhook_delivery`');
    await queryRunner.query('DROP INDEX `idx_outbox_due` ON `outbox`');
    await queryRunner.query('DROP TABLE `outbox`');
  }
}
