import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { LIKE_ESCAPE, likePattern } from "./pagination";

let paramSeq = 0;
/** A parameter name that is unique within the process, so filters can be combined freely. */
export function param(prefix: string): string {
  paramSeq = (paramSeq + 1) % 1_000_000_000;
  return `${prefix}${paramSeq}`;
}

/** `column IN (...)`; an empty list matches nothing. */
export function whereIn<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, values: readonly unknown[] | null | undefined): void {
  if (values == null) return;
  if (values.length === 0) {
    qb.andWhere("1 = 0");
    return;
  }
  const p = param("in");
  qb.andWhere(`${column} IN (:...${p})`, { [p]: values });
}

/** Free text: every word must occur in one of the columns (case-insensitive where the collation is). */
export function whereText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: string[], q: string | null | undefined): void {
  const words = (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 10);
  for (const word of words) {
    const p = param("q");
    qb.andWhere(`(${columns.map((c) => `LOWER(${c}) LIKE :${p} ${LIKE_ESCAPE}`).join(" OR ")})`, { [p]: likePattern(word.toLowerCase()) });
  }
}

/** `EXISTS (subquery)` with ids bound; an empty id list matches nothing. */
export function whereExists<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  subquery: (idsParam: string) => string,
  ids: readonly number[] | null | undefined,
  extra: Record<string, unknown> = {},
): void {
  if (ids == null) return;
  if (ids.length === 0) {
    qb.andWhere("1 = 0");
    return;
  }
  const p = param("ids");
  qb.andWhere(`EXISTS (${subquery(p)})`, { [p]: ids, ...extra });
}

/** Archived rows are hidden unless the filter asks for them (true) or for both (null). */
export function whereArchived<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, archived: boolean | null | undefined): void {
  if (archived === null) return;
  qb.andWhere(`${alias}.archived = ${archived ? 1 : 0}`);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
