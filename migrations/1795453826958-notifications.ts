import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795453826958 implements MigrationInterface {
  name = 'Notifications1795453826958';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `calendar_token` (`user_id` char(36) NOT NULL, `token_hash` char(64) NOT NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX `uq_calendar_token_hash` (`token_hash`), PRIMARY KEY (`user_id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `notification` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `event_key` varchar(120) NOT NULL, `user_id` char(36) NOT NULL, `channel` varchar(8) NOT NULL, `kind` varchar(16) NOT NULL, `stage` varchar(40) NULL, `task_id` char(36) NULL, `obligation_id` char(36) NULL, `fires_on` date NULL, `state` varchar(10) NOT NULL, `attempts` int UNSIGNED NOT NULL DEFAULT '0', `claimed_until` datetime(3) NULL, `delivered_at` datetime(3) NULL, `read_at` datetime(3) NULL, `digest_id` bigint UNSIGNED NULL, `detail` varchar(500) NULL, `last_error` varchar(500) NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `idx_notification_task` (`task_id`, `state`), INDEX `idx_notification_obligation` (`obligation_id`, `state`), INDEX `idx_notification_user` (`user_id`, `channel`, `id`), INDEX `idx_notification_state` (`state`, `channel`), UNIQUE INDEX `uq_notification_event` (`event_key`, `user_id`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `notification_preference` (`user_id` char(36) NOT NULL, `email_mode` varchar(10) NOT NULL DEFAULT 'immediate', `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (`user_id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `notification_digest` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `user_id` char(36) NOT NULL, `digest_date` date NOT NULL, `state` varchar(10) NOT NULL, `attempts` int UNSIGNED NOT NULL DEFAULT '0', `claimed_until` datetime(3) NULL, `item_count` int UNSIGNED NOT NULL DEFAULT '0', `sent_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX `uq_notification_digest_day` (`user_id`, `digest_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `webhook_subscription` (`id` char(36) NOT NULL, `url` varchar(500) NOT NULL, `secret` varchar(128) NOT NULL, `committee` varchar(64) NULL, `created_by` char(36) NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `consecutive_failures` int UNSIGNED NOT NULL DEFAULT '0', `disabled_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `idx_webhook_subscription_active` (`active`, `committee`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `webhook_delivery` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `subscription_id` char(36) NOT NULL, `event_key` varchar(120) NOT NULL, `kind` varchar(16) NOT NULL, `stage` varchar(40) NULL, `task_id` char(36) NULL, `obligation_id` char(36) NULL, `state` varchar(10) NOT NULL, `attempts` int UNSIGNED NOT NULL DEFAULT '0', `claimed_until` datetime(3) NULL, `delivered_at` datetime(3) NULL, `last_status` smallint UNSIGNED NULL, `last_error` varchar(500) NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `idx_webhook_delivery_obligation` (`obligation_id`, `state`), INDEX `idx_webhook_delivery_state` (`state`), UNIQUE INDEX `uq_webhook_delivery_event` (`subscription_id`, `event_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `uq_webhook_delivery_event` ON `webhook_delivery`');
    await queryRunner.query('DROP INDEX `idx_webhook_delivery_state` ON `webhook_delivery`');
    await queryRunner.query('DROP INDEX `idx_webhook_delivery_obligation` ON `webhook_delivery`');
    await queryRunner.query('DROP TABLE `webhook_delivery`');
    await queryRunner.query(
      'DROP INDEX `idx_webhook_subscription_active` ON `webhook_subscription`',
    );
    await queryRunner.query('DROP TABLE `webhook_subscription`');
    await queryRunner.query('DROP INDEX `uq_notification_digest_day` ON `notification_digest`');
    await queryRunner.query('DROP TABLE `notification_digest`');
    await queryRunner.query('DROP TABLE `notification_preference`');
    await queryRunner.query('DROP INDEX `uq_notification_event` ON `notification`');
    await queryRunner.query('DROP INDEX `idx_notification_state` ON `notification`');
    await queryRunner.query('DROP INDEX `idx_notification_user` ON `notification`');
    await queryRunner.query('DROP INDEX `idx_notification_obligation` ON `notification`');
    await queryRunner.query('DROP INDEX `idx_notification_task` ON `notification`');
    await queryRunner.query('DROP TABLE `notification`');
    await queryRunner.query('DROP INDEX `uq_calendar_token_hash` ON `calendar_token`');
    await queryRunner.query('DROP TABLE `calendar_token`');
  }
}
