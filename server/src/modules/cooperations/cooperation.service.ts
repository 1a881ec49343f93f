import { Context } from "../../app/context";
import { FieldErrors, NotFoundError } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { param, today, whereArchived, whereIn, whereText } from "../../common/filters";
import { localId } from "../../common/global-id";
import { ArchiveInput } from "../../common/inputs";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { checkInput } from "../../common/validation";
import { resolveRefs, targetId, versionedUpdate, withTransaction } from "../../common/write";
import { Actor } from "../actors/actor.entity";
import { AuditAction } from "../audit/audit.entity";
import { auditRowChange } from "../audit/audit.service";
import { requireCommissioner } from "../auth/auth.policy";
import { blankToNull } from "../actors/actor.service";
import { filterIds } from "../taxonomy/taxonomy.service";
import { Cooperation } from "./cooperation.entity";
import { CooperationFilter, CooperationOrder, CooperationOrderField, CreateCooperationInput, UpdateCooperationInput } from "./cooperation.inputs";

const SORT: Record<CooperationOrderField, string> = {
  [CooperationOrderField.SINCE]: "COALESCE(c.startDate, '1000-01-01')",
  [CooperationOrderField.CREATED_AT]: "c.createdAt",
  [CooperationOrderField.UPDATED_AT]: "c.updatedAt",
};

export async function listCooperations(
  ctx: Context,
  filter: CooperationFilter = {},
  order: CooperationOrder = { field: CooperationOrderField.CREATED_AT, direction: SortDirection.ASC },
  page: PageArgs = {},
): Promise<ConnectionResult<Cooperation>> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new CooperationFilter(), filter), errors);
  checkPeriod(filter.activeBetween?.from, filter.activeBetween?.to, "activeBetween.to", errors);
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(Cooperation).createQueryBuilder("c");
  whereArchived(qb, "c", filter.archived ?? (filter.archived === null ? null : false));
  whereText(qb, ["c.note"], filter.q);
  whereIn(qb, "c.kind", filter.kinds);
  const actors = filterIds(filter.actorIds, "Actor");
  if (actors) {
    const p = param("actors");
    qb.andWhere(actors.length === 0 ? "1 = 0" : `(c.actorAId IN (:...${p}) OR c.actorBId IN (:...${p}))`, { [p]: actors });
  }
  if (filter.activeBetween) {
    const { from, to } = filter.activeBetween;
    const f = param("from");
    const t = param("to");
    if (to) qb.andWhere(`(c.startDate IS NULL OR c.startDate <= :${t})`, { [t]: to });
    if (from) qb.andWhere(`(c.endDate IS NULL OR c.endDate >= :${f})`, { [f]: from });
  }
  const networks = filterIds(filter.networkIds, "Network");
  if (networks) {
    const p = param("nets");
    const seat = (side: string) =>
      `EXISTS (SELECT 1 FROM membership ms WHERE ms.actorId = ${side} AND ms.networkId = n.id AND ms.archived = 0 AND (ms.until IS NULL OR ms.until >= :cToday))`;
    qb.andWhere(
      networks.length === 0
        ? "1 = 0"
        : `EXISTS (SELECT 1 FROM network n WHERE n.id IN (:...${p}) AND ${seat("c.actorAId")} AND ${seat("c.actorBId")})`,
      { [p]: networks, cToday: today() },
    );
  }
  return paginate(qb, { expression: SORT[order.field], direction: order.direction }, page);
}

export async function getCooperation(ctx: Context, globalId: string): Promise<Cooperation> {
  const id = localId(globalId, "Cooperation");
  const row = id === null ? null : await ctx.loaders.cooperation.load(id);
  if (!row) throw new NotFoundError("Cooperation", globalId);
  return row;
}

export async function createCooperation(ctx: Context, input: CreateCooperationInput): Promise<Cooperation> {
  requireCommissioner(ctx);
  const errors = new FieldErrors();
  checkInput(input, errors);
  checkPeriod(input.since, input.until, "until", errors);
  if (input.actorAId === input.actorBId) errors.add("actorBId", "must be a different actor than actorAId");
  return withTransaction(ctx, async (em) => {
    const [a] = await resolveRefs(em, Actor, "Actor", [input.actorAId], "actorAId", errors, false);
    const [b] = await resolveRefs(em, Actor, "Actor", [input.actorBId], "actorBId", errors, false);
    errors.throwIfAny();
    const row = await em.save(
      em.create(Cooperation, { actorAId: a, actorBId: b, kind: input.kind, startDate: input.since ?? null, endDate: input.until ?? null, note: blankToNull(input.note) }),
    );
    return auditRowChange(em, ctx, Cooperation, "Cooperation", row.rowId, AuditAction.CREATE, null);
  });
}

export async function updateCooperation(ctx: Context, input: UpdateCooperationInput): Promise<Cooperation> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Cooperation");
  const errors = new FieldErrors();
  checkInput(input, errors);
  if (input.kind === null) errors.add("kind", "must not be null");
  return withTransaction(ctx, async (em) => {
    const current = await em.findOneBy(Cooperation, { rowId: id });
    if (!current) throw new NotFoundError("Cooperation", input.id);
    const startDate = input.since !== undefined ? input.since : current.startDate;
    const endDate = input.until !== undefined ? input.until : current.endDate;
    checkPeriod(startDate, endDate, "until", errors);
    errors.throwIfAny();
    const values: Partial<Cooperation> = { startDate, endDate };
    if (input.kind != null) values.kind = input.kind;
    if (input.note !== undefined) values.note = blankToNull(input.note);
    const before = await em.findOneBy(Cooperation, { rowId: id });
    await versionedUpdate(em, Cooperation, "Cooperation", input.id, id, input.version, values);
    return auditRowChange(em, ctx, Cooperation, "Cooperation", id, AuditAction.UPDATE, before);
  });
}

export async function archiveCooperation(ctx: Context, input: ArchiveInput): Promise<Cooperation> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Cooperation");
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Cooperation, { rowId: id });
    await versionedUpdate(em, Cooperation, "Cooperation", input.id, id, input.version, { archived: input.archived });
    return auditRowChange(em, ctx, Cooperation, "Cooperation", id, input.archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, before);
  });
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined, path: string, errors: FieldErrors): void {
  if (from && to && from > to) errors.add(path, `must not be before ${from}`);
}
