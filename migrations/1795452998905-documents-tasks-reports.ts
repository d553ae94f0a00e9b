import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentsTasksReports1795452998905 implements MigrationInterface {
  name = 'DocumentsTasksReports1795452998905';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `source_file` (`id` char(36) NOT NULL, `sha256` char(64) NOT NULL, `filename` varchar(255) NULL, `media_type` varchar(100) NOT NULL, `size_bytes` int UNSIGNED NOT NULL, `storage_key` varchar(255) NOT NULL, `text` mediumtext NOT NULL, `uploaded_by` char(36) NOT NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX `uq_source_file_sha256` (`sha256`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `document` (`id` char(36) NOT NULL, `source_id` char(36) NOT NULL, `index_in_source` smallint UNSIGNED NOT NULL, `committee` varchar(64) NOT NULL, `kind` varchar(8) NOT NULL, `number` varchar(60) NULL, `issuer_org_id` varchar(100) NULL, `issuer_name` varchar(255) NULL, `issued_on` date NULL, `place` varchar(120) NULL, `title` text NULL, `is_draft` tinyint NOT NULL, `period_from` smallint UNSIGNED NULL, `period_to` smallint UNSIGNED NULL, `carried_by_id` char(36) NULL, `status` varchar(16) NOT NULL, `text_start` int UNSIGNED NOT NULL, `text_end` int UNSIGNED NOT NULL, `recipients_json` text NOT NULL, `warnings_json` text NOT NULL, `created_by` char(36) NOT NULL, `published_at` datetime(3) NULL, `published_by` char(36) NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX `idx_document_source` (`source_id`, `index_in_source`), INDEX `idx_document_committee` (`committee`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `clause` (`id` char(36) NOT NULL, `document_id` char(36) NOT NULL, `position` smallint UNSIGNED NOT NULL, `section` varchar(40) NULL, `ordinal` varchar(20) NOT NULL, `text` mediumtext NOT NULL, `text_start` int UNSIGNED NOT NULL, `text_end` int UNSIGNED NOT NULL, `leads_json` text NOT NULL, `coordinators_json` text NOT NULL, `report_to_json` text NOT NULL, `actions_json` text NOT NULL, `cadence` varchar(16) NOT NULL, `milestones_json` varchar(100) NOT NULL, `deadlines_json` text NOT NULL, `due_on` date NULL, `corrected` tinyint NOT NULL DEFAULT 0, `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX `idx_clause_document` (`document_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `document_target` (`id` char(36) NOT NULL, `document_id` char(36) NOT NULL, `position` smallint UNSIGNED NOT NULL, `text` text NOT NULL, `direction` varchar(16) NOT NULL, `value` decimal(18,4) NULL, `value_to` decimal(18,4) NULL, `unit` varchar(40) NULL, `annual` tinyint NOT NULL, `baseline_json` text NULL, `deadline` date NULL, INDEX `idx_target_document` (`document_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `progress_report` (`id` char(36) NOT NULL, `task_id` char(36) NOT NULL, `obligation_id` char(36) NULL, `period_key` varchar(40) NULL, `percent` tinyint UNSIGNED NOT NULL, `narrative` mediumtext NOT NULL, `indicators_json` text NOT NULL, `author_id` char(36) NOT NULL, `author_org_id` varchar(100) NOT NULL, `author_relation` varchar(16) NOT NULL, `submitted_at` datetime(3) NOT NULL, `late` tinyint NOT NULL, `status` varchar(16) NOT NULL, INDEX `idx_report_status` (`status`, `submitted_at`), INDEX `idx_report_obligation` (`obligation_id`), INDEX `idx_report_task` (`task_id`, `submitted_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `evidence_file` (`id` char(36) NOT NULL, `report_id` char(36) NOT NULL, `filename` varchar(255) NOT NULL, `media_type` varchar(100) NOT NULL, `size_bytes` int UNSIGNED NOT NULL, `sha256` char(64) NOT NULL, `storage_key` varchar(255) NOT NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `idx_evidence_report` (`report_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `review` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `report_id` char(36) NOT NULL, `verdict` varchar(16) NOT NULL, `comment` text NOT NULL, `reviewer_id` char(36) NOT NULL, `reviewer_role` varchar(16) NOT NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `idx_review_report` (`report_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `idempotency_key` (`user_id` char(36) NOT NULL, `idem_key` varchar(128) NOT NULL, `request_hash` char(64) NOT NULL, `state` varchar(12) NOT NULL, `response_status` smallint UNSIGNED NULL, `response_body` mediumtext NULL, `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `expires_at` datetime(3) NOT NULL, INDEX `idx_idempotency_expires` (`expires_at`), PRIMARY KEY (`user_id`, `idem_key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `task` (`id` char(36) NOT NULL, `document_id` char(36) NOT NULL, `clause_id` char(36) NOT NULL, `parent_id` char(36) NULL, `origin` varchar(12) NOT NULL, `committee` varchar(64) NOT NULL, `lead_org_id` varchar(100) NULL, `lead_name` varchar(255) NOT NULL, `group_tag` varchar(60) NULL, `delegated_by_org_id` varchar(100) NULL, `title` varchar(500) NOT NULL, `report_to_json` text NOT NULL, `coordinators_json` text NOT NULL, `cadence` varchar(16) NOT NULL, `milestones_json` varchar(100) NOT NULL, `due_on` date NULL, `status` varchar(16) NOT NULL, `version` int UNSIGNED NOT NULL DEFAULT '1', `percent` tinyint UNSIGNED NOT NULL DEFAULT '0', `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX `idx_task_due` (`due_on`), INDEX `idx_task_parent` (`parent_id`), INDEX `idx_task_document` (`document_id`, `clause_id`), INDEX `idx_task_lead_status` (`lead_org_id`, `status`), INDEX `idx_task_committee_status` (`committee`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `task_party` (`task_id` char(36) NOT NULL, `organization_id` varchar(100) NOT NULL, `role` varchar(16) NOT NULL, INDEX `idx_task_party_org` (`organization_id`, `role`), PRIMARY KEY (`task_id`, `organization_id`, `role`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `task_event` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `task_id` char(36) NOT NULL, `occurred_at` datetime(3) NOT NULL, `actor_id` char(36) NULL, `actor_org_id` varchar(100) NULL, `action` varchar(24) NOT NULL, `from_status` varchar(16) NULL, `to_status` varchar(16) NULL, `reason` text NULL, `old_due_on` date NULL, `new_due_on` date NULL, INDEX `idx_task_event_time` (`occurred_at`), INDEX `idx_task_event_task` (`task_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `obligation` (`id` char(36) NOT NULL, `task_id` char(36) NOT NULL, `period_key` varchar(40) NOT NULL, `kind` varchar(20) NOT NULL, `period_start` date NULL, `period_end` date NULL, `due_on` date NOT NULL, `label_vi` varchar(120) NOT NULL, `met_at` datetime(3) NULL, `met_report_id` char(36) NULL, INDEX `idx_obligation_due` (`due_on`, `met_at`), UNIQUE INDEX `uq_obligation_period` (`task_id`, `period_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `uq_obligation_period` ON `obligation`');
    await queryRunner.query('DROP INDEX `idx_obligation_due` ON `obligation`');
    await queryRunner.query('DROP TABLE `obligation`');
    await queryRunner.query('DROP INDEX `idx_task_event_task` ON `task_event`');
    await queryRunner.query('DROP INDEX `idx_task_event_time` ON `task_event`');
    await queryRunner.query('DROP TABLE `task_event`');
    await queryRunner.query('DROP INDEX `idx_task_party_org` ON `task_party`');
    await queryRunner.query('DROP TABLE `task_party`');
    await queryRunner.query('DROP INDEX `idx_task_committee_status` ON `task`');
    await queryRunner.query('DROP INDEX `idx_task_lead_status` ON `task`');
    await queryRunner.query('DROP INDEX `idx_task_document` ON `task`');
    await queryRunner.query('DROP INDEX `idx_task_parent` ON `task`');
    await queryRunner.query('DROP INDEX `idx_task_due` ON `task`');
    await queryRunner.query('DROP TABLE `task`');
    await queryRunner.query('DROP INDEX `idx_idempotency_expires` ON `idempotency_key`');
    await queryRunner.query('DROP TABLE `idempotency_key`');
    await queryRunner.query('DROP INDEX `idx_review_report` ON `review`');
    await queryRunner.query('DROP TABLE `review`');
    await queryRunner.query('DROP INDEX `idx_evidence_report` ON `evidence_file`');
    await queryRunner.query('DROP TABLE `evidence_file`');
    await queryRunner.query('DROP INDEX `idx_report_task` ON `progress_report`');
    await queryRunner.query('DROP INDEX `idx_report_obligation` ON `progress_report`');
    await queryRunner.query('DROP INDEX `idx_report_status` ON `progress_report`');
    await queryRunner.query('DROP TABLE `progress_report`');
    await queryRunner.query('DROP INDEX `idx_target_document` ON `document_target`');
    await queryRunner.query('DROP TABLE `document_target`');
    await queryRunner.query('DROP INDEX `idx_clause_document` ON `clause`');
    await queryRunner.query('DROP TABLE `clause`');
    await queryRunner.query('DROP INDEX `idx_document_committee` ON `document`');
    await queryRunner.query('DROP INDEX `idx_document_source` ON `document`');
    await queryRunner.query('DROP TABLE `document`');
    await queryRunner.query('DROP INDEX `uq_source_file_sha256` ON `source_file`');
    await queryRunner.query('DROP TABLE `source_file`');
  }
}
