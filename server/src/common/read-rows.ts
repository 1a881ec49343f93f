import { DataSource, QueryFailedError } from "typeorm";

/** A row as the values of the selected columns, in the order of the SELECT list. */
export type RowValues = unknown[];

interface SqliteStatement {
  raw(toggle: boolean): SqliteStatement;
  all(...params: unknown[]): RowValues[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

interface MysqlPool {
  query(options: { sql: string; values: unknown[]; rowsAsArray: boolean }, cb: (err: Error | null, rows: RowValues[]) => void): void;
}

/** Prepared statements per SQLite connection, oldest dropped first (IN lists of different lengths are different statements). */
const STATEMENT_CACHE_SIZE = 200;
const statements = new WeakMap<object, Map<string, SqliteStatement>>();

/**
 * Runs a read-only SELECT on the DataSource's own connection (better-sqlite3) or pool (mysql2) and returns each row
 * as an array of column values. Rows as arrays skip building one object with a key per column for every row, which
 * is most of a driver's cost for wide rows; callers know their SELECT list, so they map values by position.
 *
 * The statement is counted and logged like any TypeORM query (`logQuery`), and driver errors are wrapped in a
 * `QueryFailedError` as TypeORM does, so statement timeouts and the error formatter see the same errors.
 * Values come back as the driver delivers them: convert them with the driver's `prepareHydratedValue`.
 */
export async function readRows(ds: DataSource, sql: string, params: readonly unknown[] = []): Promise<RowValues[]> {
  const values = params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
  ds.logger.logQuery(sql, values);
  try {
    if (ds.options.type === "better-sqlite3") return sqliteStatement(ds, sql).all(...values);
    const pool = (ds.driver as unknown as { pool: MysqlPool }).pool;
    return await new Promise<RowValues[]>((resolve, reject) => {
      pool.query({ sql, values, rowsAsArray: true }, (err, rows) => (err ? reject(err) : resolve(rows)));
    });
  } catch (err) {
    ds.logger.logQueryError(err as Error, sql, values);
    throw new QueryFailedError(sql, values, err as Error);
  }
}

function sqliteStatement(ds: DataSource, sql: string): SqliteStatement {
  const connection = (ds.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = connection.prepare(sql).raw(true);
    cache.set(sql, stmt);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return stmt;
}
