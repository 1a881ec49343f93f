import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { DataSource, DataSourceOptions } from "typeorm";
import { DatabaseConfig, DEFAULT_STATEMENT_TIMEOUT_MS } from "../config";
import { ENTITIES } from "./entities";
import { MYSQL_MIGRATIONS } from "./migrations/mysql";
import { CountingLogger } from "./sql-counter";

/**
 * SQLite (embedded default): the schema is synchronised from the entities.
 * MySQL/MariaDB: the schema comes only from versioned migrations, run at start.
 */
export function dataSourceOptions(db: DatabaseConfig, mariadb = false): DataSourceOptions {
  const common = { entities: ENTITIES, logger: new CountingLogger(), logging: ["query" as const] };
  if (db.kind === "sqlite") {
    if (db.url !== ":memory:") fs.mkdirSync(path.dirname(db.url), { recursive: true });
    return {
      ...common,
      type: "better-sqlite3",
      database: db.url,
      synchronize: true,
      enableWAL: db.url !== ":memory:",
      prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
        sqlite.pragma("foreign_keys = ON");
        sqlite.pragma("busy_timeout = 5000");
      },
    };
  }
  return {
    ...common,
    // Same SQL either way; TypeORM reads MariaDB's column metadata (defaults of nullable columns) differently.
    type: mariadb ? "mariadb" : "mysql",
    url: db.url,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    synchronize: false,
    migrations: MYSQL_MIGRATIONS,
    migrationsRun: false,
    migrationsTableName: "migrations",
    extra: { connectionLimit: 20 },
  };
}

/** Asks the server whether it is MariaDB or MySQL (both are reached with mysql:// URLs). */
async function isMariaDb(url: string): Promise<boolean> {
  const conn = await mysql.createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await conn.query("SELECT VERSION() AS v");
    return /mariadb/i.test(String((rows as { v: string }[])[0]?.v));
  } finally {
    await conn.end();
  }
}

/** Connects and brings the schema up to date (migrations on MySQL). */
export async function openDatabase(db: DatabaseConfig): Promise<DataSource> {
  const mariadb = db.kind === "mysql" && (await isMariaDb(db.url));
  const ds = new DataSource(dataSourceOptions(db, mariadb));
  if (db.kind === "mysql") widenTextColumns(ds);
  await ds.initialize();
  if (db.kind === "mysql") {
    await ds.runMigrations({ transaction: "each" });
    // After the migrations: MariaDB's limit also applies to DDL, and a schema change may take longer.
    limitStatementTime(ds, mariadb, db.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS);
  }
  return ds;
}

/**
 * On MySQL, every `text` column (and the `simple-json` ones, which TypeORM stores as text) is a MEDIUMTEXT: a TEXT
 * holds 65,535 bytes, only 16,383 four-byte characters in utf8mb4 — less than a measure description or meeting
 * minutes may hold, and an audit entry or a stored idempotent response carries several such texts. The entities say
 * `text` (SQLite knows no MEDIUMTEXT); the driver's type mapping makes it MEDIUMTEXT here, so the migrations
 * (MediumTexts) and the schema the entities describe stay the same, which the migration test checks.
 */
function widenTextColumns(ds: DataSource): void {
  const driver = ds.driver as unknown as { normalizeType(column: unknown): string };
  const normalize = driver.normalizeType.bind(driver);
  driver.normalizeType = (column) => {
    const type = normalize(column);
    return type === "text" ? "mediumtext" : type;
  };
}

const statementTimeouts = new WeakMap<DataSource, number>();

/** The statement time limit in force (ms; 0 = none, as on SQLite). */
export function statementTimeoutOf(ds: DataSource): number {
  return statementTimeouts.get(ds) ?? 0;
}

interface PooledConnection {
  query(sql: string, cb: (err: Error | null) => void): unknown;
}

/**
 * Every pooled connection gets a time limit for its statements, set once when the pool first hands it out (mysql2
 * runs a connection's commands in order, so the SET precedes the caller's query). MariaDB's `max_statement_time`
 * (seconds) covers every statement; MySQL's `max_execution_time` (ms) covers read-only SELECTs, which are the
 * statements a client can make expensive. Waiting for a row lock is bounded by the same time, rounded up to seconds.
 * SQLite (better-sqlite3) runs statements synchronously and cannot interrupt one: see README, "Limits".
 */
function limitStatementTime(ds: DataSource, mariadb: boolean, ms: number): void {
  if (ms <= 0) return;
  statementTimeouts.set(ds, ms);
  const timeLimit = mariadb ? `max_statement_time = ${ms / 1000}` : `max_execution_time = ${ms}`;
  const sql = `SET SESSION ${timeLimit}, SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.ceil(ms / 1000))}`;
  const pool = (ds.driver as unknown as { pool: { on(event: "acquire", fn: (c: PooledConnection) => void): void } }).pool;
  const limited = new WeakSet<PooledConnection>();
  pool.on("acquire", (conn) => {
    if (limited.has(conn)) return;
    limited.add(conn);
    conn.query(sql, (err) => {
      if (err) console.error(`[database] could not set the statement time limit: ${err.message}`);
    });
  });
}
