import { EntityManager } from "typeorm";
import { Context } from "../../app/context";
import { AuditAction, AuditEntry, FieldChange } from "./audit.entity";
import { Role } from "../auth/auth.enums";

/** Columns that change on every write and say nothing about the change itself. */
const IGNORED = new Set(["rowId", "version", "createdAt", "updatedAt", "passwordHash", "totpSecret"]);

export type Snapshot = Record<string, unknown>;

/** A plain, JSON-safe copy of a row's own columns plus any related lists the caller adds. */
export function snapshot(row: object | null | undefined, extra: Snapshot = {}): Snapshot {
  if (!row) return {};
  const out: Snapshot = {};
  for (const [key, value] of Object.entries(row)) {
    if (IGNORED.has(key) || typeof value === "function" || (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date))) continue;
    out[key] = jsonSafe(value);
  }
  for (const [key, value] of Object.entries(extra)) out[key] = jsonSafe(value);
  return out;
}

export function diff(before: Snapshot, after: Snapshot): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** Who an audit entry names: normally the caller; a reset link's holder acts for the account it resets. */
export type AuditActor = { accountId: number; email: string; role: Role } | null;

/**
 * Writes one audit entry inside the caller's transaction (so the change and its record land together or not at
 * all). An update that changed nothing is not recorded.
 */
export async function recordAudit(
  em: EntityManager,
  ctx: Pick<Context, "viewer">,
  entityType: string,
  entityId: number,
  action: AuditAction,
  before: Snapshot,
  after: Snapshot,
  by: AuditActor = ctx.viewer ? { accountId: ctx.viewer.accountId, email: ctx.viewer.email, role: ctx.viewer.role } : null,
): Promise<void> {
  const changes = diff(before, after);
  if (changes.length === 0 && action === AuditAction.UPDATE) return;
  await em.insert(AuditEntry, {
    accountId: by?.accountId ?? null,
    accountEmail: by?.email ?? null,
    role: by?.role ?? null,
    entityType,
    entityId,
    action,
    changes: changes as never,
  });
}

function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value === undefined ? null : value;
}

/**
 * Records a change of one row: `before` is the row as it was (null for a creation); the row is re-read for the
 * after state. Used by services whose aggregates have no related lists worth auditing separately.
 */
export async function auditRowChange<T extends object>(
  em: EntityManager,
  ctx: Context,
  entity: new () => T,
  entityType: string,
  id: number,
  action: AuditAction,
  before: T | null,
  extraBefore: Snapshot = {},
  extraAfter: Snapshot = {},
): Promise<T> {
  const after = await em.getRepository(entity).findOneByOrFail({ rowId: id } as never);
  await recordAudit(em, ctx, entityType, id, action, before ? snapshot(before, extraBefore) : {}, snapshot(after, extraAfter));
  return after;
}
