import { DataSource } from "typeorm";

/**
 * Tables that change on every request whatever the mutation does: sessions (last seen), failed-login bookkeeping
 * and the migrations table. Everything else must stay byte-for-byte the same after a refused mutation.
 */
export const VOLATILE_TABLES = ["session", "login_throttle", "migrations"];

export async function tableNames(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    ds.options.type === "better-sqlite3"
      ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await ds.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()");
  return rows.map((r) => r.name).sort();
}

/** Every row of every table (but the volatile ones), in a stable order: compare two dumps with toEqual. */
export async function dumpDatabase(ds: DataSource, exclude: string[] = VOLATILE_TABLES): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tableNames(ds)) {
    if (exclude.includes(table)) continue;
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM \`${table}\``);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The tables whose rows differ between two dumps (for readable failure messages). */
export function changedTables(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((t) => JSON.stringify(before[t] ?? []) !== JSON.stringify(after[t] ?? []));
}
