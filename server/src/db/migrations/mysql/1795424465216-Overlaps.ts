import { MigrationInterface, QueryRunner } from "typeorm";

export class Overlaps1795424465216 implements MigrationInterface {
  name = "Overlaps1795424465216";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `overlap` (`id` int NOT NULL AUTO_INCREMENT, `version` int NOT NULL DEFAULT '1', `archived` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `measureAId` int NOT NULL, `measureBId` int NOT NULL, `kind` varchar(30) NOT NULL, `score` double NOT NULL, `dimensions` text NOT NULL, `shared` text NOT NULL, `explanation` text NOT NULL, `status` varchar(20) NOT NULL DEFAULT 'OPEN', `reviewNote` text NULL, `reviewedById` int NULL, `reviewedByEmail` varchar(254) NULL, `reviewedAt` datetime NULL, `statusReason` varchar(300) NULL, `detected` tinyint NOT NULL DEFAULT 1, `fingerprintA` varchar(200) NOT NULL, `fingerprintB` varchar(200) NOT NULL, `clusterKey` varchar(200) NULL, INDEX `IDX_3e8c3094e4daa87f3c8aeed326` (`measureAId`), INDEX `IDX_d439877748ffe58eba8c45f627` (`measureBId`), INDEX `IDX_40ac95e9c24b5ab8d2411b78b5` (`detected`), INDEX `IDX_bbf7fc409e73764d365226becb` (`clusterKey`), INDEX `IDX_a189044dc1e9d4a1fe1542bf6f` (`status`, `score`), UNIQUE INDEX `IDX_b96e0df7ec8ae6ce67c1ce37f8` (`measureAId`, `measureBId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `overlap` ADD CONSTRAINT `FK_3e8c3094e4daa87f3c8aeed3268` FOREIGN KEY (`measureAId`) REFERENCES `measure`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `overlap` ADD CONSTRAINT `FK_d439877748ffe58eba8c45f627d` FOREIGN KEY (`measureBId`) REFERENCES `measure`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `overlap` DROP FOREIGN KEY `FK_d439877748ffe58eba8c45f627d`");
    await queryRunner.query("ALTER TABLE `overlap` DROP FOREIGN KEY `FK_3e8c3094e4daa87f3c8aeed3268`");
    await queryRunner.query("DROP INDEX `IDX_b96e0df7ec8ae6ce67c1ce37f8` ON `overlap`");
    await queryRunner.query("DROP INDEX `IDX_a189044dc1e9d4a1fe1542bf6f` ON `overlap`");
    await queryRunner.query("DROP INDEX `IDX_bbf7fc409e73764d365226becb` ON `overlap`");
    await queryRunner.query("DROP INDEX `IDX_40ac95e9c24b5ab8d2411b78b5` ON `overlap`");
    await queryRunner.query("DROP INDEX `IDX_d439877748ffe58eba8c45f627` ON `overlap`");
    await queryRunner.query("DROP INDEX `IDX_3e8c3094e4daa87f3c8aeed326` ON `overlap`");
    await queryRunner.query("DROP TABLE `overlap`");
  }
}
