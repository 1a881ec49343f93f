import { EntityManager } from "typeorm";
import { Context } from "../../app/context";
import { FieldErrors, NotFoundError } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { param, whereArchived, whereIn, whereText } from "../../common/filters";
import { localId } from "../../common/global-id";
import { ArchiveInput } from "../../common/inputs";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { checkInput } from "../../common/validation";
import { replaceJoinRows, resolveRefs, targetId, versionedUpdate, withTransaction } from "../../common/write";
import { Actor } from "../actors/actor.entity";
import { AuditAction } from "../audit/audit.entity";
import { auditRowChange } from "../audit/audit.service";
import { requireCommissioner } from "../auth/auth.policy";
import { blankToNull, unique } from "../actors/actor.service";
import { checkTaxonomyRefs, expandFieldFilter, expandTargetGroupFilter, filterIds } from "../taxonomy/taxonomy.service";
import { Handler } from "./handler.entity";
import { CreateHandlerInput, HandlerFilter, HandlerOrder, HandlerOrderField, UpdateHandlerInput } from "./handler.inputs";

const SORT: Record<HandlerOrderField, string> = {
  [HandlerOrderField.PRIORITY]: "h.priority",
  [HandlerOrderField.AGE_MIN]: "COALESCE(h.ageMin, 0)",
  [HandlerOrderField.CREATED_AT]: "h.createdAt",
  [HandlerOrderField.UPDATED_AT]: "h.updatedAt",
};

export async function listHandlers(
  ctx: Context,
  filter: HandlerFilter = {},
  order: HandlerOrder = { field: HandlerOrderField.PRIORITY, direction: SortDirection.ASC },
  page: PageArgs = {},
): Promise<ConnectionResult<Handler>> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new HandlerFilter(), filter), errors);
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(Handler).createQueryBuilder("h");
  whereArchived(qb, "h", filter.archived ?? (filter.archived === null ? null : false));
  if (filter.q) {
    qb.leftJoin(Actor, "ha", "ha.id = h.actorId");
    whereText(qb, ["h.note", "ha.name"], filter.q);
  }
  whereIn(qb, "h.actorId", filterIds(filter.actorIds, "Actor"));
  const fields = filterIds(filter.fieldOfActionIds, "FieldOfAction");
  if (fields) whereIn(qb, "h.fieldOfActionId", await expandFieldFilter(ctx, fields));
  const groups = filterIds(filter.targetGroupIds, "TargetGroup");
  if (groups) {
    const expanded = await expandTargetGroupFilter(ctx, groups);
    const p = param("tg");
    qb.andWhere(
      expanded.length === 0
        ? "1 = 0"
        : `(NOT EXISTS (SELECT 1 FROM handler_target_group x WHERE x.handlerId = h.id) OR EXISTS (SELECT 1 FROM handler_target_group ht WHERE ht.handlerId = h.id AND ht.targetGroupId IN (:...${p})))`,
      { [p]: expanded },
    );
  }
  const places = filterIds(filter.municipalityIds, "Municipality");
  if (places) {
    const p = param("hm");
    qb.andWhere(
      places.length === 0
        ? "1 = 0"
        : `(h.countyWide = 1 OR EXISTS (SELECT 1 FROM handler_municipality hm WHERE hm.handlerId = h.id AND hm.municipalityId IN (:...${p})))`,
      { [p]: places },
    );
  }
  if (filter.age != null) {
    const p = param("age");
    qb.andWhere(`(h.ageMin IS NULL OR h.ageMin <= :${p}) AND (h.ageMax IS NULL OR h.ageMax >= :${p})`, { [p]: filter.age });
  }
  return paginate(qb, { expression: SORT[order.field], direction: order.direction }, page);
}

export async function getHandler(ctx: Context, globalId: string): Promise<Handler> {
  const id = localId(globalId, "Handler");
  const handler = id === null ? null : await ctx.loaders.handler.load(id);
  if (!handler) throw new NotFoundError("Handler", globalId);
  return handler;
}

interface HandlerLinks {
  targetGroups?: number[];
  municipalities?: number[];
}

export async function createHandler(ctx: Context, input: CreateHandlerInput): Promise<Handler> {
  requireCommissioner(ctx);
  const errors = new FieldErrors();
  checkInput(input, errors);
  checkAges(input.ageMin, input.ageMax, errors);
  if (!input.countyWide && !(input.municipalityIds ?? []).length) errors.add("municipalityIds", "name at least one municipality, or set countyWide");
  return withTransaction(ctx, async (em) => {
    const [actorId] = await resolveRefs(em, Actor, "Actor", [input.actorId], "actorId", errors, false);
    const [fieldOfActionId] = await checkTaxonomyRefs(ctx, "fields", [input.fieldOfActionId], "fieldOfActionId", errors);
    const links = await resolveLinks(ctx, input, errors);
    errors.throwIfAny();
    const handler = await em.save(
      em.create(Handler, {
        actorId,
        fieldOfActionId,
        ageMin: input.ageMin ?? null,
        ageMax: input.ageMax ?? null,
        countyWide: input.countyWide,
        languages: unique(input.languages ?? []),
        priority: input.priority,
        note: blankToNull(input.note),
      }),
    );
    await writeLinks(em, handler.rowId, input.countyWide ? { ...links, municipalities: [] } : links);
    return auditRowChange(em, ctx, Handler, "Handler", handler.rowId, AuditAction.CREATE, null, {}, await handlerLinks(em, handler.rowId));
  });
}

export async function updateHandler(ctx: Context, input: UpdateHandlerInput): Promise<Handler> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Handler");
  const errors = new FieldErrors();
  checkInput(input, errors);
  for (const key of ["actorId", "fieldOfActionId", "countyWide", "priority"] as const) {
    if (input[key] === null) errors.add(key, "must not be null");
  }
  return withTransaction(ctx, async (em) => {
    const current = await em.findOneBy(Handler, { rowId: id });
    if (!current) throw new NotFoundError("Handler", input.id);
    const ageMin = input.ageMin !== undefined ? input.ageMin : current.ageMin;
    const ageMax = input.ageMax !== undefined ? input.ageMax : current.ageMax;
    checkAges(ageMin, ageMax, errors);
    const values: Partial<Handler> = { ageMin, ageMax };
    if (input.actorId != null) [values.actorId] = await resolveRefs(em, Actor, "Actor", [input.actorId], "actorId", errors, false);
    if (input.fieldOfActionId != null) {
      [values.fieldOfActionId] = await checkTaxonomyRefs(ctx, "fields", [input.fieldOfActionId], "fieldOfActionId", errors);
    }
    const links = await resolveLinks(ctx, input, errors);
    const countyWide = input.countyWide ?? current.countyWide;
    const municipalities = links.municipalities ?? (await ctx.loaders.handlerMunicipalityIds.load(id));
    if (!countyWide && municipalities.length === 0) errors.add("municipalityIds", "name at least one municipality, or set countyWide");
    errors.throwIfAny();
    if (input.countyWide != null) values.countyWide = input.countyWide;
    if (input.languages !== undefined) values.languages = unique(input.languages ?? []);
    if (input.priority != null) values.priority = input.priority;
    if (input.note !== undefined) values.note = blankToNull(input.note);
    const beforeLinks = await handlerLinks(em, id);
    await versionedUpdate(em, Handler, "Handler", input.id, id, input.version, values);
    await writeLinks(em, id, countyWide ? { ...links, municipalities: [] } : links);
    return auditRowChange(em, ctx, Handler, "Handler", id, AuditAction.UPDATE, current, beforeLinks, await handlerLinks(em, id));
  });
}

export async function archiveHandler(ctx: Context, input: ArchiveInput): Promise<Handler> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Handler");
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Handler, { rowId: id });
    await versionedUpdate(em, Handler, "Handler", input.id, id, input.version, { archived: input.archived });
    return auditRowChange(em, ctx, Handler, "Handler", id, input.archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, before);
  });
}

function checkAges(min: number | null | undefined, max: number | null | undefined, errors: FieldErrors): void {
  if (min != null && max != null && min > max) errors.add("ageMax", `must not be below ageMin (${min})`);
}

async function resolveLinks(
  ctx: Context,
  input: { targetGroupIds?: string[] | null; municipalityIds?: string[] | null },
  errors: FieldErrors,
): Promise<HandlerLinks> {
  const links: HandlerLinks = {};
  if (input.targetGroupIds !== undefined) {
    links.targetGroups = await checkTaxonomyRefs(ctx, "targetGroups", input.targetGroupIds ?? [], "targetGroupIds", errors);
  }
  if (input.municipalityIds !== undefined) {
    links.municipalities = await checkTaxonomyRefs(ctx, "municipalities", input.municipalityIds ?? [], "municipalityIds", errors);
  }
  return links;
}

async function writeLinks(em: EntityManager, handlerId: number, links: HandlerLinks): Promise<void> {
  if (links.targetGroups) await replaceJoinRows(em, "handler_target_group", "handlerId", handlerId, "targetGroupId", links.targetGroups);
  if (links.municipalities) await replaceJoinRows(em, "handler_municipality", "handlerId", handlerId, "municipalityId", links.municipalities);
}

async function handlerLinks(em: EntityManager, id: number): Promise<{ targetGroupIds: number[]; municipalityIds: number[] }> {
  const ids = async (table: string, column: string) =>
    (await em.createQueryBuilder().select(`j.${column}`, "v").from(table, "j").where("j.handlerId = :id", { id }).orderBy(`j.${column}`).getRawMany()).map((r) => Number(r.v));
  return { targetGroupIds: await ids("handler_target_group", "targetGroupId"), municipalityIds: await ids("handler_municipality", "municipalityId") };
}
