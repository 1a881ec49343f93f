import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { UserInputError } from "./errors";
import { SortDirection } from "./enums";
import { FieldSelection } from "./field-selection";
import { compileEntity } from "./loader-factories";
import { readRows } from "./read-rows";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection whose `totalCount` is only counted when a client asks for it. */
export class ConnectionResult<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly count: () => Promise<number>,
  ) {}
  get nodes(): T[] {
    return this.edges.map((e) => e.node);
  }
  /** A getter, so GraphQL only runs the COUNT query when `totalCount` is selected. */
  get totalCount(): Promise<number> {
    return this.count();
  }
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node class. */
export function ConnectionType<T extends object>(nodeClass: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeClass)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeClass], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Number of rows matching the filter, across all pages." })
    totalCount!: number;
  }
  return ConnectionClass;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface SortSpec {
  /** SQL expression of the sort key; must never be NULL (wrap nullable columns in COALESCE). */
  expression: string;
  direction: SortDirection;
}

export function checkPageArgs(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError([{ path: "first", message: `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}` }]);
  }
  return first;
}

function encodeCursor(value: unknown, id: number): string {
  const v = value instanceof Date ? toSqlDateTime(value) : value;
  return Buffer.from(JSON.stringify([v, id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): [string | number, number] {
  try {
    if (cursor.length > 500) throw new Error("too long");
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") &&
      Number.isSafeInteger(parsed[1])
    ) {
      return parsed as [string | number, number];
    }
  } catch {
    /* falls through to the error below */
  }
  throw new UserInputError([{ path: "after", message: "is not a cursor returned by this list" }]);
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: comparable on SQLite and MySQL alike. */
export function toSqlDateTime(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * Keyset pagination over (sort expression, id): stable under inserts, one query per page plus a lazy count.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: SortSpec,
  args: PageArgs,
  selection?: FieldSelection | null,
): Promise<ConnectionResult<T>> {
  const first = checkPageArgs(args);
  const alias = qb.alias;
  const countQb = qb.clone();
  const desc = sort.direction === SortDirection.DESC;
  const cmp = desc ? "<" : ">";
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    qb.andWhere(`(${sort.expression} ${cmp} :cursorValue OR (${sort.expression} = :cursorValue AND ${alias}.id ${cmp} :cursorId))`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  qb.orderBy(sort.expression, desc ? "DESC" : "ASC")
    .addOrderBy(`${alias}.id`, desc ? "DESC" : "ASC")
    .limit(first + 1);
  const { entities, sortKeys } = await pageRows(qb, sort, selection);
  const hasNextPage = entities.length > first;
  const rows = entities.slice(0, first);
  const edges = rows.map((node, i) => ({ node, cursor: encodeCursor(sortKeys[i], (node as unknown as { rowId: number }).rowId) }));
  let counted: Promise<number> | undefined;
  return new ConnectionResult(
    edges,
    {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    () => (counted ??= countQb.getCount()),
  );
}

/**
 * The rows of one page with their sort keys. A query builder that selects just its main entity (joins only filter or
 * sort) is read as rows of values and hydrated like the loaders do (the SELECT list is that entity's columns, then
 * the sort key); anything else goes through TypeORM's own hydration.
 */
async function pageRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: SortSpec, selection?: FieldSelection | null): Promise<{ entities: T[]; sortKeys: unknown[] }> {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  const plain =
    main?.hasMetadata &&
    map.selects.length === 1 &&
    map.selects[0].selection === main.name &&
    map.joinAttributes.every((j) => !j.isSelected) &&
    map.relationIdAttributes.length === 0;
  if (!plain) {
    qb.addSelect(`(${sort.expression})`, "sort_key");
    const { entities, raw } = await qb.getRawAndEntities();
    return { entities, sortKeys: raw.map((r: { sort_key: unknown }) => r.sort_key) };
  }
  const c = compileEntity<T>(qb.connection, main.target, main.name, selection);
  qb.select(c.columns).addSelect(`(${sort.expression})`, "sort_key");
  const [sql, params] = qb.getQueryAndParameters();
  const rows = await readRows(qb.connection, sql, params);
  return { entities: rows.map((r) => c.hydrate(r)), sortKeys: rows.map((r) => r[c.width]) };
}

/** Escapes LIKE wildcards so a user's "%" or "_" matches literally; use with `LIKE_ESCAPE`. */
export function likePattern(q: string): string {
  return `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** The ESCAPE clause that goes with `likePattern` (the same on SQLite and MySQL). */
export const LIKE_ESCAPE = "ESCAPE '!'";
