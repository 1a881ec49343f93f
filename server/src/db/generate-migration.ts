import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config";
import { openDatabase } from "./data-source";

/**
 * Developer tool: `DATABASE_URL=mysql://… npm run db:migration:generate -w server -- Name` compares the entities
 * with a MySQL database that has every existing migration applied and writes the difference as a new migration
 * (up and down) into src/db/migrations/mysql/. Add it to the list in index.ts by hand and read it before committing.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error("usage: db:migration:generate -- PascalCaseName");
  const config = loadConfig();
  if (config.database.kind !== "mysql") throw new Error("DATABASE_URL must name a MySQL/MariaDB database");
  const ds = await openDatabase(config.database);
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log("The database already matches the entities: no migration needed.");
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (s: string) => JSON.stringify(s);
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join("\n");
    const down = sql.downQueries
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join("\n");
    const file = path.resolve(__dirname, "..", "..", "src", "db", "migrations", "mysql", `${stamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
    );
    console.log(`wrote ${file}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
