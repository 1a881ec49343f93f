import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { DatabaseConfig, parseDatabaseUrl } from "../../server/src/config";

export type DbKind = "sqlite" | "mysql";

/**
 * The databases every API suite runs against: SQLite in memory always; MySQL/MariaDB when DATABASE_URL names one.
 * With REQUIRE_MYSQL=1 a missing MySQL configuration is a failure, not a silent skip.
 */
export function databaseKinds(): DbKind[] {
  const url = process.env.DATABASE_URL ?? "";
  const mysqlConfigured = url.startsWith("mysql://") || url.startsWith("mariadb://");
  if (!mysqlConfigured && process.env.REQUIRE_MYSQL === "1") {
    throw new Error("REQUIRE_MYSQL=1 but DATABASE_URL does not name a MySQL server (mysql://user:pass@host:3306/db)");
  }
  return mysqlConfigured ? ["sqlite", "mysql"] : ["sqlite"];
}

/**
 * A fresh, empty database of the given kind. For MySQL, a new database named after DATABASE_URL's with a random
 * suffix is created on the same server (and dropped by `drop`), so suites never see each other's rows.
 */
export async function freshDatabase(kind: DbKind): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (kind === "sqlite") return { config: parseDatabaseUrl("sqlite::memory:"), drop: async () => undefined };
  const base = new URL(parseDatabaseUrl(process.env.DATABASE_URL).url);
  const name = `${base.pathname.replace(/^\//, "") || "knotenpunkt"}_t${randomBytes(4).toString("hex")}`;
  const admin = await mysql.createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    config: parseDatabaseUrl(url.toString()),
    drop: async () => {
      const conn = await mysql.createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username),
        password: decodeURIComponent(base.password),
      });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
