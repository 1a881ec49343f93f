import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeys1795423938408 implements MigrationInterface {
  name = "IdempotencyKeys1795423938408";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `idempotency_key` (`scopedKey` varchar(120) NOT NULL, `requestHash` varchar(64) NOT NULL, `response` text NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`scopedKey`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `idempotency_key`");
  }
}
