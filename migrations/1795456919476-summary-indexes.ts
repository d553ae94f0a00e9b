import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SummaryIndexes1795456919476 implements MigrationInterface {
  name = 'SummaryIndexes1795456919476';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `idx_task_event_replay` ON `task_event` (`task_id`, `occurred_at`, `action`, `to_status`, `new_due_on`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_obligation_summary` ON `obligation` (`task_id`, `period_start`, `due_on`, `kind`, `period_key`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_obligation_summary` ON `obligation`');
    await queryRunner.query('DROP INDEX `idx_task_event_replay` ON `task_event`');
  }
}
