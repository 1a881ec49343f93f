import { openDatabase } from "../../server/src/db/data-source";
import { MYSQL_MIGRATIONS } from "../../server/src/db/migrations/mysql";
import { databaseKinds, freshDatabase } from "../helpers/databases";

const mysqlOnly = databaseKinds().includes("mysql") ? describe : describe.skip;

mysqlOnly("MySQL migrations", () => {
  it("create exactly the schema the entities describe, and roll back down to an empty database", async () => {
    const { config, drop } = await freshDatabase("mysql");
    const ds = await openDatabase(config);
    try {
      const applied = await ds.query("SELECT name FROM migrations ORDER BY id");
      expect(applied).toHaveLength(MYSQL_MIGRATIONS.length);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < MYSQL_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: "each" });
      const tables: { t: string }[] = await ds.query(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
      );
      expect(tables).toEqual([]);
      await ds.runMigrations({ transaction: "each" });
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
      await drop();
    }
  });
});
