import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryUsersAudit1795452758801 implements MigrationInterface {
  name = 'DirectoryUsersAudit1795452758801';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_event` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `occurred_at` datetime(3) NOT NULL, `actor_id` varchar(36) NULL, `actor_role` varchar(16) NULL, `action` varchar(64) NOT NULL, `entity_type` varchar(40) NOT NULL, `entity_id` varchar(100) NOT NULL, `before_json` mediumtext NULL, `after_json` mediumtext NULL, `request_id` varchar(64) NULL, `prev_hash` char(64) NOT NULL, `hash` char(64) NOT NULL, UNIQUE INDEX `uq_audit_hash` (`hash`), INDEX `idx_audit_occurred_at` (`occurred_at`), INDEX `idx_audit_entity` (`entity_type`, `entity_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `audit_chain_head` (`id` tinyint UNSIGNED NOT NULL, `last_event_id` bigint UNSIGNED NULL, `last_hash` char(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `organization` (`id` varchar(100) NOT NULL, `name` varchar(255) NOT NULL, `short_name` varchar(255) NOT NULL, `aliases` text NOT NULL, `kind` varchar(40) NOT NULL, `level` varchar(10) NOT NULL, `province` varchar(64) NOT NULL, `district` varchar(64) NULL, `parent_id` varchar(100) NULL, `group_tags` text NOT NULL, `valid_from` date NULL, `valid_to` date NULL, `successors` text NOT NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX `idx_organization_parent` (`parent_id`), INDEX `idx_organization_province_level` (`province`, `level`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `app_user` (`id` char(36) NOT NULL, `username` varchar(64) NOT NULL, `display_name` varchar(255) NOT NULL, `password_hash` varchar(255) NOT NULL, `role` varchar(16) NOT NULL, `organization_id` varchar(100) NOT NULL, `email` varchar(255) NULL, `active` tinyint NOT NULL DEFAULT 1, `last_login_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX `uq_user_username` (`username`), INDEX `idx_user_organization` (`organization_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `app_user` ADD CONSTRAINT `fk_user_organization` FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE',
    );
    // Written by hand (TypeORM does not model triggers): the audit log is append-only in the
    // database itself, whoever connects. Same syntax on MySQL 8 and MariaDB 10.11.
    await queryRunner.query(
      "CREATE TRIGGER `audit_event_no_update` BEFORE UPDATE ON `audit_event` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'",
    );
    await queryRunner.query(
      "CREATE TRIGGER `audit_event_no_delete` BEFORE DELETE ON `audit_event` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'",
    );
    await queryRunner.query(
      "INSERT INTO `audit_chain_head` (`id`, `last_event_id`, `last_hash`) VALUES (1, NULL, REPEAT('0', 64))",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS `audit_event_no_delete`');
    await queryRunner.query('DROP TRIGGER IF EXISTS `audit_event_no_update`');
    await queryRunner.query('ALTER TABLE `app_user` DROP FOREIGN KEY `fk_user_organization`');
    await queryRunner.query('DROP INDEX `idx_user_organization` ON `app_user`');
    await queryRunner.query('DROP INDEX `uq_user_username` ON `app_user`');
    await queryRunner.query('DROP TABLE `app_user`');
    await queryRunner.query('DROP INDEX `idx_organization_province_level` ON `organization`');
    await queryRunner.query('DROP INDEX `idx_organization_parent` ON `organization`');
    await queryRunner.query('DROP TABLE `organization`');
    await queryRunner.query('DROP TABLE `audit_chain_head`');
    await queryRunner.query('DROP INDEX `idx_audit_entity` ON `audit_event`');
    await queryRunner.query('DROP INDEX `idx_audit_occurred_at` ON `audit_event`');
    await queryRunner.query('DROP INDEX `uq_audit_hash` ON `audit_event`');
    await queryRunner.query('DROP TABLE `audit_event`');
  }
}
