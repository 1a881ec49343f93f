import DataLoader from "dataloader";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { FieldSelection } from "./field-selection";
import { readRows, RowValues } from "./read-rows";

/**
 * Per-request DataLoader factories. Each batch is one `WHERE col IN (...)` statement and results come back in key
 * order, so the number of statements depends on a query's depth, not on the number of rows.
 *
 * The statements are plain SQL compiled once per entity (not a QueryBuilder per batch), read as rows of values
 * (`readRows`) and hydrated into entity instances with the driver's own value conversion (simple-json, booleans,
 * dates, transformers): the same objects TypeORM's find() returns, at a fraction of its cost per row.
 */
export interface CompiledEntity<T> {
  meta: EntityMetadata;
  /** `t.col1, t.col2, …`: every column, in the order `hydrate` reads them. */
  columns: string;
  /** Number of columns in `columns`. */
  width: number;
  select: string;
  column(property: string): string;
  /** An entity from the values of `columns`, starting at `offset` in the row. */
  hydrate(row: RowValues, offset?: number): T;
}

/** Per DataSource, per table alias, per entity; and the variants that read only some columns, per field selection. */
const compiled = new WeakMap<DataSource, Map<string, Map<unknown, CompiledEntity<unknown>>>>();
const partial = new WeakMap<CompiledEntity<unknown>, WeakMap<FieldSelection, CompiledEntity<unknown>>>();

/** Column types whose non-null values the drivers hand over unchanged (see `prepareHydratedValue`). */
const PLAIN_TYPES = new Set<unknown>(["int", "integer", "varchar", "text", "mediumtext"]);

/** Cheap to read whatever is asked: numbers and flags, which is also what keys, policies and field resolvers use. */
const ALWAYS_READ = new Set<unknown>(["int", "integer", "boolean"]);

/** The driver's conversion of one column's raw value, or null where it would return the value unchanged. */
function converterOf(ds: DataSource, col: ColumnMetadata): ((value: unknown) => unknown) | null {
  if (PLAIN_TYPES.has(col.type) && !col.transformer) return null;
  const driver = ds.driver;
  return (value) => driver.prepareHydratedValue(value, col);
}

/**
 * The SELECT list and hydration of an entity. With a field selection, a column is left out when it backs a GraphQL
 * field of the same name that the operation does not select and it is text, JSON or a date (numbers and flags are
 * always read): a list of 50 measures then reads no descriptions when the client shows titles. Reading such an
 * entity's left-out property throws instead of answering `undefined`, so code that needs more columns fails loudly;
 * give entities with a selection only to GraphQL (the type's field resolvers use ids and flags).
 */
export function compileEntity<T>(ds: DataSource, entity: EntityTarget<T>, alias = "t", selection?: FieldSelection | null): CompiledEntity<T> {
  let perDs = compiled.get(ds);
  if (!perDs) compiled.set(ds, (perDs = new Map()));
  let perAlias = perDs.get(alias);
  if (!perAlias) perDs.set(alias, (perAlias = new Map()));
  let full = perAlias.get(entity) as CompiledEntity<T> | undefined;
  if (!full) {
    const meta = ds.getMetadata(entity);
    full = build<T>(ds, meta, alias, meta.columns.filter((c) => !c.isVirtual), (meta.target as { prototype: object }).prototype);
    perAlias.set(entity, full as CompiledEntity<unknown>);
  }
  if (!selection) return full;
  let variants = partial.get(full as CompiledEntity<unknown>);
  if (!variants) partial.set(full as CompiledEntity<unknown>, (variants = new WeakMap()));
  let c = variants.get(selection) as CompiledEntity<T> | undefined;
  if (!c) {
    const meta = full.meta;
    const skip = (col: ColumnMetadata) =>
      !col.isPrimary && !ALWAYS_READ.has(col.type) && selection.exposed.has(col.propertyName) && !selection.selected.has(col.propertyName);
    const skipped = meta.columns.filter((col) => !col.isVirtual && skip(col)).map((col) => col.propertyName);
    c = skipped.length === 0 ? full : build<T>(ds, meta, alias, meta.columns.filter((col) => !col.isVirtual && !skip(col)), partialPrototype(meta, skipped));
    variants.set(selection, c as CompiledEntity<unknown>);
  }
  return c;
}

function build<T>(ds: DataSource, meta: EntityMetadata, alias: string, cols: ColumnMetadata[], proto: object): CompiledEntity<T> {
  const q = (name: string) => ds.driver.escape(name);
  const a = q(alias);
  const properties = cols.map((c) => c.propertyName);
  const converters = cols.map((c) => converterOf(ds, c));
  const columns = cols.map((c) => `${a}.${q(c.databaseName)}`).join(", ");
  const byProperty = new Map(meta.columns.filter((c) => !c.isVirtual).map((c) => [c.propertyName, `${a}.${q(c.databaseName)}`]));
  return {
    meta,
    columns,
    width: cols.length,
    select: `SELECT ${columns} FROM ${q(meta.tableName)} ${a}`,
    column(property) {
      const col = byProperty.get(property);
      if (!col) throw new Error(`${meta.name} has no column ${property}`);
      return col;
    },
    hydrate(row, offset = 0) {
      const e = Object.create(proto) as Record<string, unknown>;
      for (let i = 0; i < properties.length; i += 1) {
        const value = row[offset + i];
        const convert = converters[i];
        e[properties[i]] = convert === null ? value : convert(value);
      }
      return e as T;
    },
  };
}

/** The entity's prototype, with the left-out properties throwing when read (and becoming plain ones when set). */
function partialPrototype(meta: EntityMetadata, skipped: string[]): object {
  const proto = Object.create((meta.target as { prototype: object }).prototype) as object;
  for (const property of skipped) {
    Object.defineProperty(proto, property, {
      configurable: true,
      get() {
        throw new Error(`${meta.name}.${property} was not read: this ${meta.name} was loaded for a GraphQL selection without that field`);
      },
      set(value: unknown) {
        Object.defineProperty(this, property, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  return proto;
}

function placeholders(n: number): string {
  return new Array(n).fill("?").join(", ");
}

/** WHERE fragments and parameters for simple equality options ({ archived: false }). */
function equalities<T>(c: CompiledEntity<T>, where: Record<string, unknown> | undefined): { sql: string[]; params: unknown[] } {
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
    const c = compileEntity(ds, entity);
    const raw = await readRows(ds, `${c.select} WHERE ${c.column("rowId")} IN (${placeholders(ids.length)})`, ids);
    const map = new Map<number, T>();
    for (const r of raw) {
      const e = c.hydrate(r);
      map.set(e.rowId, e);
    }
    return ids.map((id) => map.get(id) ?? null);
  });
}

interface GroupOptions<T> {
  where?: Partial<Record<keyof T, unknown>>;
  order?: Partial<Record<keyof T, "ASC" | "DESC">>;
}

/**
 * `groupLoader` for entities that go straight to GraphQL: one loader per field selection (`null` = every column),
 * each reading only the columns its selection needs (see `compileEntity`).
 */
export function groupLoaderBySelection<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  keyColumn: keyof T & string,
  options: GroupOptions<T> = {},
): (selection: FieldSelection | null) => DataLoader<number, T[]> {
  const loaders = new Map<FieldSelection | null, DataLoader<number, T[]>>();
  return (selection) => {
    let loader = loaders.get(selection);
    if (!loader) loaders.set(selection, (loader = groupLoader(ds, entity, keyColumn, options, selection)));
    return loader;
  };
}

/** Rows grouped by a foreign-key column (e.g. measures by provider), optionally filtered and ordered. */
export function groupLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  keyColumn: keyof T & string,
  options: GroupOptions<T> = {},
  selection?: FieldSelection | null,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const c = compileEntity(ds, entity, "t", selection);
    const eq = equalities(c, options.where as Record<string, unknown>);
    const order = Object.entries(options.order ?? { rowId: "ASC" })
      .map(([k, d]) => `${c.column(k)} ${d === "DESC" ? "DESC" : "ASC"}`)
      .join(", ");
    const where = [...eq.sql, `${c.column(keyColumn)} IN (${placeholders(keys.length)})`].join(" AND ");
    const raw = await readRows(ds, `${c.select} WHERE ${where} ORDER BY ${order}`, [...eq.params, ...keys]);
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
    const rows = await readRows(ds, head + placeholders(keys.length) + tail, keys);
    const groups = new Map<number, number[]>();
    for (const r of rows) {
      const owner = Number(r[0]);
      let list = groups.get(owner);
      if (!list) groups.set(owner, (list = []));
      list.push(Number(r[1]));
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
      const c = compileEntity(ds, entity);
      const raw = await readRows(ds, `${c.select} ORDER BY ${c.column("rowId")} ASC`);
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
