import DataLoader from "dataloader";
import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Per-request DataLoader factories. Each batch is one `WHERE col IN (...)` statement and results come back in key
 * order, so the number of statements depends on a query's depth, not on the number of rows.
 *
 * The statements are plain SQL compiled once per entity (not a QueryBuilder per batch), and rows are hydrated into
 * entity instances with the driver's own value conversion (simple-json, booleans, dates, transformers): the same
 * objects TypeORM's find() returns, at a fraction of its cost per row.
 */
interface Compiled<T> {
  meta: EntityMetadata;
  select: string;
  column(property: string): string;
  hydrate(raw: Record<string, unknown>): T;
}

const compiled = new WeakMap<DataSource, Map<unknown, Compiled<unknown>>>();

function compile<T>(ds: DataSource, entity: EntityTarget<T>): Compiled<T> {
  let perDs = compiled.get(ds);
  if (!perDs) compiled.set(ds, (perDs = new Map()));
  const hit = perDs.get(entity);
  if (hit) return hit as Compiled<T>;
  const meta = ds.getMetadata(entity);
  const driver = ds.driver;
  const q = (name: string) => driver.escape(name);
  const columns = meta.columns.filter((c) => !c.isVirtual);
  const select = `SELECT ${columns.map((c) => `t.${q(c.databaseName)}`).join(", ")} FROM ${q(meta.tableName)} t`;
  const byProperty = new Map(columns.map((c) => [c.propertyName, `t.${q(c.databaseName)}`]));
  const proto = (meta.target as { prototype: object }).prototype;
  const c: Compiled<T> = {
    meta,
    select,
    column(property) {
      const col = byProperty.get(property);
      if (!col) throw new Error(`${meta.name} has no column ${property}`);
      return col;
    },
    hydrate(raw) {
      const e = Object.create(proto) as Record<string, unknown>;
      for (const col of columns) e[col.propertyName] = driver.prepareHydratedValue(raw[col.databaseName], col);
      return e as T;
    },
  };
  perDs.set(entity, c as Compiled<unknown>);
  return c;
}

function placeholders(n: number): string {
  return new Array(n).fill("?").join(", ");
}

/** WHERE fragments and parameters for simple equality options ({ archived: false }). */
function equalities<T>(c: Compiled<T>, where: Record<string, unknown> | undefined): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const [k, v] of Object.entries(where ?? {})) {
    sql.push(`${c.column(k)} = ?`);
    params.push(typeof v === "boolean" ? (v ? 1 : 0) : v);
  }
  return { sql, params };
}

export function byIdLoader<T extends { rowId: number }>(ds: DataSource, entity: EntityTarget<T>): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const c = compile(ds, entity);
    const raw: Record<string, unknown>[] = await ds.query(`${c.select} WHERE ${c.column("rowId")} IN (${placeholders(ids.length)})`, ids as number[]);
    const map = new Map<number, T>();
    for (const r of raw) {
      const e = c.hydrate(r);
      map.set(e.rowId, e);
    }
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Rows grouped by a foreign-key column (e.g. measures by provider), optionally filtered and ordered. */
export function groupLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  keyColumn: keyof T & string,
  options: { where?: Partial<Record<keyof T, unknown>>; order?: Partial<Record<keyof T, "ASC" | "DESC">> } = {},
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const c = compile(ds, entity);
    const eq = equalities(c, options.where as Record<string, unknown>);
    const order = Object.entries(options.order ?? { rowId: "ASC" })
      .map(([k, d]) => `${c.column(k)} ${d === "DESC" ? "DESC" : "ASC"}`)
      .join(", ");
    const where = [...eq.sql, `${c.column(keyColumn)} IN (${placeholders(keys.length)})`].join(" AND ");
    const raw: Record<string, unknown>[] = await ds.query(`${c.select} WHERE ${where} ORDER BY ${order}`, [...eq.params, ...keys]);
    const groups = new Map<number, T[]>();
    for (const r of raw) {
      const row = c.hydrate(r);
      const k = row[keyColumn] as number;
      let list = groups.get(k);
      if (!list) groups.set(k, (list = []));
      list.push(row);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Ids on the other side of a join table (e.g. field-of-action ids of a measure). */
export function joinIdsLoader(ds: DataSource, table: string, ownerColumn: string, refColumn: string): DataLoader<number, number[]> {
  const q = (n: string) => ds.driver.escape(n);
  const head = `SELECT j.${q(ownerColumn)} AS owner, j.${q(refColumn)} AS ref FROM ${q(table)} j WHERE j.${q(ownerColumn)} IN (`;
  const tail = `) ORDER BY j.${q(refColumn)} ASC`;
  return new DataLoader(async (keys) => {
    const rows: { owner: number; ref: number }[] = await ds.query(head + placeholders(keys.length) + tail, keys as number[]);
    const groups = new Map<number, number[]>();
    for (const r of rows) {
      const owner = Number(r.owner);
      let list = groups.get(owner);
      if (!list) groups.set(owner, (list = []));
      list.push(Number(r.ref));
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Reference tables change rarely; they are re-read at most this often per process. */
const REFERENCE_TTL_MS = 30_000;
const referenceCache = new WeakMap<DataSource, Map<unknown, { at: number; rows: Promise<Map<number, unknown>> }>>();

/**
 * A small reference table (taxonomies, municipalities) loaded whole: shared by all requests of the process for
 * REFERENCE_TTL_MS, so most requests cost no statement for it.
 */
export function wholeTable<T extends { rowId: number }>(ds: DataSource, entity: EntityTarget<T>): () => Promise<Map<number, T>> {
  return () => {
    let perDs = referenceCache.get(ds);
    if (!perDs) referenceCache.set(ds, (perDs = new Map()));
    const hit = perDs.get(entity);
    if (hit && Date.now() - hit.at < REFERENCE_TTL_MS) return hit.rows as Promise<Map<number, T>>;
    const rows = (async () => {
      const c = compile(ds, entity);
      const raw: Record<string, unknown>[] = await ds.query(`${c.select} ORDER BY ${c.column("rowId")} ASC`);
      return new Map(raw.map((r) => c.hydrate(r)).map((e) => [e.rowId, e]));
    })();
    rows.catch(() => perDs!.delete(entity));
    perDs.set(entity, { at: Date.now(), rows: rows as Promise<Map<number, unknown>> });
    return rows;
  };
}

/** Forgets cached reference tables (after the taxonomies or municipalities were edited). */
export function forgetReferenceTables(ds: DataSource): void {
  referenceCache.delete(ds);
}
