import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_append: one audit event appended to the chain in one round trip. The chain head is
 * locked, the event hashed (sha256 of the previous hash and the event's canonical JSON, the
 * text the service computes and verify recomputes), inserted, and the head moved, all on the
 * server. With p_commit the transaction is committed in the same call: the chain head, which
 * every write of the service takes, is then held for one round trip only.
 */
export class AuditAppend1795460043702 implements MigrationInterface {
  name = 'AuditAppend1795460043702';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE PROCEDURE audit_append(
         IN p_occurred_at DATETIME(3),
         IN p_actor_id VARCHAR(36) CHARACTER SET utf8mb4,
         IN p_actor_role VARCHAR(16) CHARACTER SET utf8mb4,
         IN p_action VARCHAR(64) CHARACTER SET utf8mb4,
         IN p_entity_type VARCHAR(40) CHARACTER SET utf8mb4,
         IN p_entity_id VARCHAR(100) CHARACTER SET utf8mb4,
         IN p_before MEDIUMTEXT CHARACTER SET utf8mb4,
         IN p_after MEDIUMTEXT CHARACTER SET utf8mb4,
         IN p_request_id VARCHAR(64) CHARACTER SET utf8mb4,
         IN p_hashed MEDIUMTEXT CHARACTER SET utf8mb4,
         IN p_commit TINYINT)
       MODIFIES SQL DATA
       BEGIN
         DECLARE v_prev CHAR(64) CHARACTER SET utf8mb4;
         DECLARE v_hash CHAR(64) CHARACTER SET utf8mb4;
         SELECT last_hash INTO v_prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
         IF v_prev IS NULL THEN
           SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_chain_head row 1 is missing';
         END IF;
         SET v_hash = SHA2(CONCAT(v_prev, p_hashed), 256);
         INSERT INTO audit_event (occurred_at, actor_id, actor_role, action, entity_type,
                                  entity_id, before_json, after_json, request_id, prev_hash, hash)
           VALUES (p_occurred_at, p_actor_id, p_actor_role, p_action, p_entity_type,
                   p_entity_id, p_before, p_after, p_request_id, v_prev, v_hash);
         UPDATE audit_chain_head SET last_event_id = LAST_INSERT_ID(), last_hash = v_hash
           WHERE id = 1;
         IF p_commit = 1 THEN
           COMMIT;
         END IF;
         SELECT LAST_INSERT_ID() AS id, v_prev AS prev_hash, v_hash AS hash;
       END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP PROCEDURE IF EXISTS audit_append');
  }
}
