import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every TEXT column becomes MEDIUMTEXT (see `widenTextColumns` in data-source.ts): a TEXT holds 65,535 bytes, which
 * is only 16,383 four-byte characters (emoji) in utf8mb4, less than a measure description or meeting minutes may
 * hold, and an audit entry or a stored idempotent response holds several such texts. MODIFY keeps the data.
 */
const COLUMNS: [table: string, column: string, nullable: boolean][] = [
  ["actor", "description", false],
  ["actor", "languages", false],
  ["actor", "tags", false],
  ["audit_entry", "changes", false],
  ["cooperation", "note", true],
  ["handler", "languages", false],
  ["handler", "note", true],
  ["idempotency_key", "response", true],
  ["measure", "description", false],
  ["measure", "funding", false],
  ["measure", "languages", false],
  ["meeting", "decisions", false],
  ["meeting", "minutes", false],
  ["network", "description", false],
  ["overlap", "dimensions", false],
  ["overlap", "explanation", false],
  ["overlap", "reviewNote", true],
  ["overlap", "shared", false],
];

export class MediumTexts1795500000000 implements MigrationInterface {
  name = "MediumTexts1795500000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.change(queryRunner, "mediumtext");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.change(queryRunner, "text");
  }

  private async change(queryRunner: QueryRunner, type: string): Promise<void> {
    const byTable = new Map<string, string[]>();
    for (const [table, column, nullable] of COLUMNS) {
      byTable.set(table, [...(byTable.get(table) ?? []), `MODIFY \`${column}\` ${type} ${nullable ? "NULL" : "NOT NULL"}`]);
    }
    for (const [table, changes] of byTable) await queryRunner.query(`ALTER TABLE \`${table}\` ${changes.join(", ")}`);
  }
}
