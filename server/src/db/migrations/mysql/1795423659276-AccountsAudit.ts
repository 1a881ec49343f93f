import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountsAudit1795423659276 implements MigrationInterface {
  name = "AccountsAudit1795423659276";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_entry` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `accountId` int NULL, `accountEmail` varchar(254) NULL, `role` varchar(20) NULL, `entityType` varchar(40) NOT NULL, `entityId` int NOT NULL, `action` varchar(20) NOT NULL, `changes` text NOT NULL, INDEX `IDX_9d18bd4a32fc0cd8ff82b12037` (`at`), INDEX `IDX_ab6773d0bb3c8ad473e54c2a9b` (`accountId`), INDEX `IDX_b68dcc794cea3a97d59a0b8771` (`action`), INDEX `IDX_4ab466a7d06ff8d7c903d90248` (`entityType`, `entityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `account` (`id` int NOT NULL AUTO_INCREMENT, `version` int NOT NULL DEFAULT '1', `archived` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `email` varchar(254) NOT NULL, `passwordHash` varchar(200) NOT NULL, `role` varchar(20) NOT NULL, `actorId` int NULL, `totpSecret` varchar(64) NULL, `totpEnabled` tinyint NOT NULL DEFAULT 0, `demo` tinyint NOT NULL DEFAULT 0, `disabled` tinyint NOT NULL DEFAULT 0, `lastLoginAt` datetime NULL, UNIQUE INDEX `IDX_4c8f96ccf523e9a3faefd5bdd4` (`email`), INDEX `IDX_aa37f9939faf5f9a0ed6570a39` (`actorId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `session` (`tokenHash` varchar(64) NOT NULL, `accountId` int NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `lastSeenAt` datetime NOT NULL, `expiresAt` datetime NOT NULL, `ip` varchar(64) NULL, INDEX `IDX_db27ab5fcaee7b52324fe2c8a2` (`accountId`), INDEX `IDX_5d97cf9773002b16861b4bb8ae` (`expiresAt`), PRIMARY KEY (`tokenHash`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `auth_token` (`tokenHash` varchar(64) NOT NULL, `kind` varchar(20) NOT NULL, `email` varchar(254) NOT NULL, `role` varchar(20) NOT NULL, `actorId` int NULL, `accountId` int NULL, `createdBy` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, INDEX `IDX_7cd2007f24ad4c2644331e0783` (`expiresAt`), PRIMARY KEY (`tokenHash`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `login_throttle` (`key` varchar(300) NOT NULL, `failures` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime NULL, `updatedAt` datetime NOT NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `account` ADD CONSTRAINT `FK_aa37f9939faf5f9a0ed6570a398` FOREIGN KEY (`actorId`) REFERENCES `actor`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `session` ADD CONSTRAINT `FK_db27ab5fcaee7b52324fe2c8a24` FOREIGN KEY (`accountId`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `session` DROP FOREIGN KEY `FK_db27ab5fcaee7b52324fe2c8a24`");
    await queryRunner.query("ALTER TABLE `account` DROP FOREIGN KEY `FK_aa37f9939faf5f9a0ed6570a398`");
    await queryRunner.query("DROP TABLE `login_throttle`");
    await queryRunner.query("DROP INDEX `IDX_7cd2007f24ad4c2644331e0783` ON `auth_token`");
    await queryRunner.query("DROP TABLE `auth_token`");
    await queryRunner.query("DROP INDEX `IDX_5d97cf9773002b16861b4bb8ae` ON `session`");
    await queryRunner.query("DROP INDEX `IDX_db27ab5fcaee7b52324fe2c8a2` ON `session`");
    await queryRunner.query("DROP TABLE `session`");
    await queryRunner.query("DROP INDEX `IDX_aa37f9939faf5f9a0ed6570a39` ON `account`");
    await queryRunner.query("DROP INDEX `IDX_4c8f96ccf523e9a3faefd5bdd4` ON `account`");
    await queryRunner.query("DROP TABLE `account`");
    await queryRunner.query("DROP INDEX `IDX_4ab466a7d06ff8d7c903d90248` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_b68dcc794cea3a97d59a0b8771` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_ab6773d0bb3c8ad473e54c2a9b` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_9d18bd4a32fc0cd8ff82b12037` ON `audit_entry`");
    await queryRunner.query("DROP TABLE `audit_entry`");
  }
}
