import { MigrationInterface, QueryRunner } from "typeorm";

export class MeasureProviderIndex1795426822052 implements MigrationInterface {
  name = "MeasureProviderIndex1795426822052";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_7ce74139e9cf933d5281a2cd0b` ON `measure` (`providerId`, `archived`, `title`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7ce74139e9cf933d5281a2cd0b` ON `measure`");
  }
}
