import { EntityManager, EntityTarget, In, ObjectLiteral } from "typeorm";
import { Context, createLoaders } from "../app/context";
import { ConflictError, FieldErrors, ForbiddenError, NotFoundError } from "./errors";
import { NodeType, fromGlobalId, localId } from "./global-id";
import { serialQueue } from "./serial";

const sqliteWrites = serialQueue();

/**
 * Runs `work` in one transaction. SQLite has a single connection, so write transactions are queued one after
 * another instead of failing with "cannot start a transaction within a transaction". After the commit the
 * request's loaders start afresh, so the mutation's payload shows the rows as written, not as cached before.
 * On MySQL the isolation is READ COMMITTED: under the default REPEATABLE READ, the re-read after a versioned
 * UPDATE matched no row would see the transaction's old snapshot and report a stale version (or a wrong refusal).
 */
export async function withTransaction<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const ds = ctx.ds;
  let run: Promise<T>;
  if (ds.options.type !== "better-sqlite3") run = withDeadlockRetry(() => ds.transaction("READ COMMITTED", work));
  else {
    run = sqliteWrites(() => ds.transaction(work));
  }
  const result = await run;
  ctx.loaders = createLoaders(ds);
  return result;
}

/** MySQL's answers that mean "the whole transaction was rolled back; running it again may succeed". */
const RETRYABLE = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);
const ATTEMPTS = 4;

/**
 * Two editors whose statements lock rows in opposite order make MySQL roll one of them back with a deadlock.
 * Nothing of that transaction was applied, so it is run again (after a short random pause); a stale version then
 * gives the usual CONFLICT. Only the last failure reaches the caller.
 */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * Applies `values` only if the row still has `version`, bumping it in the same statement. Zero changed rows means
 * the row is gone (NOT_FOUND) or someone else changed it first (CONFLICT, with the current version).
 */
export async function versionedUpdate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  globalId: string,
  id: number,
  version: number,
  values: Record<string, unknown>,
  owner: { sql: string; params: Record<string, unknown> } | null = null,
): Promise<void> {
  const qb = em
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, version: () => "version + 1" } as never)
    .where("id = :id AND version = :version", { id, version });
  // The owner condition (a partner's own actor) is part of the same statement, not a separate check.
  if (owner) qb.andWhere(owner.sql, owner.params);
  const result = await qb.execute();
  if (result.affected === 1) return;
  const current = await em.getRepository(entity).findOne({ where: { rowId: id } as never });
  if (!current) throw new NotFoundError(what, globalId);
  if (owner && (current as unknown as { version: number }).version === version) throw new ForbiddenError(`You may not change this ${what}`);
  throw new ConflictError(what, (current as unknown as { version: number }).version, version);
}

/** Replaces the rows of a join table owned by `ownerId` with exactly `refIds`. */
export async function replaceJoinRows(
  em: EntityManager,
  table: string,
  ownerColumn: string,
  ownerId: number,
  refColumn: string,
  refIds: number[],
): Promise<void> {
  await em.createQueryBuilder().delete().from(table).where(`${ownerColumn} = :ownerId`, { ownerId }).execute();
  const unique = [...new Set(refIds)];
  if (unique.length === 0) return;
  await em
    .createQueryBuilder()
    .insert()
    .into(table)
    .values(unique.map((ref) => ({ [ownerColumn]: ownerId, [refColumn]: ref })))
    .execute();
}

/**
 * Decodes the global ids an input refers to and checks they exist (and, with `activeOnly`, are not archived).
 * Problems are added to `errors` under `path` (with the index for lists). Returns the local ids.
 */
export async function resolveRefs(
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  type: NodeType,
  globalIds: readonly string[],
  path: string,
  errors: FieldErrors,
  asList = true,
): Promise<number[]> {
  const ids: number[] = [];
  globalIds.forEach((gid, i) => {
    const at = asList ? `${path}.${i}` : path;
    const id = localId(gid, type);
    if (id === null) {
      const parsed = fromGlobalId(gid);
      errors.addMissing(at, parsed ? `is a ${parsed.type} id, expected a ${type} id` : `is not a valid ${type} id`);
    } else ids.push(id);
  });
  if (ids.length === 0) return [];
  const found = await em.getRepository(entity).find({ select: { rowId: true } as never, where: { rowId: In(ids) } as never });
  const known = new Set(found.map((r) => (r as { rowId: number }).rowId));
  globalIds.forEach((gid, i) => {
    const id = localId(gid, type);
    if (id !== null && !known.has(id)) errors.addMissing(asList ? `${path}.${i}` : path, `unknown ${type}`);
  });
  return ids.filter((id) => known.has(id));
}

/** The local id of the row a mutation targets, or NOT_FOUND. */
export function targetId(globalId: string, type: NodeType): number {
  const id = localId(globalId, type);
  if (id === null) throw new NotFoundError(type, globalId);
  return id;
}

/** Saves `wanted` and deletes the rows of `existing` that are no longer wanted. */
export async function replaceRows<T extends { rowId: number }>(em: EntityManager, entity: EntityTarget<T>, existing: T[], wanted: T[]): Promise<void> {
  const keep = new Set(wanted.filter((w) => w.rowId).map((w) => w.rowId));
  const gone = existing.filter((e) => !keep.has(e.rowId)).map((e) => e.rowId);
  if (gone.length) await em.getRepository(entity).delete(gone as never);
  if (wanted.length) await em.getRepository(entity).save(wanted as never);
}
