import { MigrationInterface, QueryRunner } from "typeorm";

export class ReferralMisses1795424148309 implements MigrationInterface {
  name = "ReferralMisses1795424148309";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `referral_miss` (`fieldOfActionId` int NOT NULL, `municipalityId` int NOT NULL, `count` int NOT NULL DEFAULT '0', `lastAt` datetime NOT NULL, PRIMARY KEY (`fieldOfActionId`, `municipalityId`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `referral_miss`");
  }
}
