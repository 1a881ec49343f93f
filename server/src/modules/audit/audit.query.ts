import { Context } from "../../app/context";
import { FieldErrors } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { param, whereIn } from "../../common/filters";
import { fromGlobalId, localId } from "../../common/global-id";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { AuditAction, AuditEntry } from "./audit.entity";

export interface AuditQuery {
  entityType?: string | null;
  entityId?: string | null;
  accountId?: string | null;
  actions?: AuditAction[] | null;
  from?: string | null;
  to?: string | null;
}

/** Audit entries, newest first. */
export async function listAudit(ctx: Context, filter: AuditQuery, page: PageArgs): Promise<ConnectionResult<AuditEntry>> {
  const errors = new FieldErrors();
  if (filter.entityType && filter.entityType.length > 40) errors.add("entityType", "must be at most 40 characters");
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(AuditEntry).createQueryBuilder("e");
  if (filter.entityType) {
    const p = param("type");
    qb.andWhere(`e.entityType = :${p}`, { [p]: filter.entityType });
  }
  if (filter.entityId) {
    const parsed = fromGlobalId(filter.entityId);
    const t = param("etype");
    const i = param("eid");
    qb.andWhere(`e.entityType = :${t} AND e.entityId = :${i}`, { [t]: parsed?.type ?? "-", [i]: parsed?.id ?? -1 });
  }
  if (filter.accountId) {
    const p = param("acc");
    qb.andWhere(`e.accountId = :${p}`, { [p]: localId(filter.accountId, "Account") ?? -1 });
  }
  whereIn(qb, "e.action", filter.actions);
  if (filter.from) {
    const p = param("from");
    qb.andWhere(`e.at >= :${p}`, { [p]: `${filter.from} 00:00:00` });
  }
  if (filter.to) {
    const p = param("to");
    qb.andWhere(`e.at <= :${p}`, { [p]: `${filter.to} 23:59:59.999` });
  }
  return paginate(qb, { expression: "e.id", direction: SortDirection.DESC }, page);
}

/** The change history of one object, newest first, limited to the last `limit` entries. */
export async function historyOf(ctx: Context, entityType: string, entityId: number, limit = 100): Promise<AuditEntry[]> {
  return ctx.ds.getRepository(AuditEntry).find({ where: { entityType, entityId }, order: { rowId: "DESC" }, take: limit });
}
