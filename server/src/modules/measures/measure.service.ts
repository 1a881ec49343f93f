import { EntityManager } from "typeorm";
import { Context } from "../../app/context";
import { FieldErrors, ForbiddenError, NotFoundError } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { param, today, whereArchived, whereExists, whereIn, whereText } from "../../common/filters";
import { FieldSelection } from "../../common/field-selection";
import { localId } from "../../common/global-id";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { checkInput } from "../../common/validation";
import { replaceJoinRows, resolveRefs, targetId, versionedUpdate, withTransaction } from "../../common/write";
import { Actor } from "../actors/actor.entity";
import { blankToNull, unique } from "../actors/actor.service";
import { AuditAction } from "../audit/audit.entity";
import { recordAudit, snapshot, Snapshot } from "../audit/audit.service";
import { Role } from "../auth/auth.enums";
import { can, measureOwnerCondition } from "../auth/auth.policy";
import { recheckMeasure } from "../overlaps/overlap.service";
import { checkTaxonomyRefs, expandFieldFilter, expandTargetGroupFilter, filterIds } from "../taxonomy/taxonomy.service";
import { Measure } from "./measure.entity";
import {
  ConfirmMeasureInput,
  CreateMeasureInput,
  MeasureFilter,
  MeasureOrder,
  MeasureOrderField,
  MeasurePartnerInput,
  UpdateMeasureInput,
} from "./measure.inputs";
import { ArchiveInput } from "../../common/inputs";

const SORT: Record<MeasureOrderField, string> = {
  [MeasureOrderField.TITLE]: "m.title",
  [MeasureOrderField.START_DATE]: "COALESCE(m.startDate, '1000-01-01')",
  [MeasureOrderField.END_DATE]: "COALESCE(m.endDate, '9999-12-31')",
  [MeasureOrderField.LAST_CONFIRMED]: "COALESCE(m.lastConfirmedOn, '1000-01-01')",
  [MeasureOrderField.CREATED_AT]: "m.createdAt",
  [MeasureOrderField.UPDATED_AT]: "m.updatedAt",
};

export async function listMeasures(
  ctx: Context,
  filter: MeasureFilter = {},
  order: MeasureOrder = { field: MeasureOrderField.TITLE, direction: SortDirection.ASC },
  page: PageArgs = {},
  selection?: FieldSelection | null,
): Promise<ConnectionResult<Measure>> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new MeasureFilter(), filter), errors);
  checkRange(filter.activeBetween?.from, filter.activeBetween?.to, "activeBetween", errors);
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(Measure).createQueryBuilder("m");
  const viewer = ctx.viewer;
  if (!viewer) {
    // Anonymous visitors see the public catalogue only.
    qb.andWhere("m.published = 1 AND m.archived = 0");
  } else {
    whereArchived(qb, "m", filter.archived ?? (filter.archived === null ? null : false));
    if (viewer.role === Role.PARTNER) {
      const p = param("own");
      qb.andWhere(`(m.published = 1 OR m.providerId = :${p})`, { [p]: viewer.actorId ?? -1 });
    }
  }
  whereText(qb, ["m.title", "m.description"], filter.q);
  whereIn(qb, "m.level", filter.levels);
  whereIn(qb, "m.status", filter.statuses);
  if (filter.published != null) qb.andWhere(`m.published = ${filter.published ? 1 : 0}`);
  if (filter.countyWide != null) qb.andWhere(`m.countyWide = ${filter.countyWide ? 1 : 0}`);
  const actors = filterIds(filter.actorIds, "Actor");
  if (actors) {
    const p = param("actors");
    qb.andWhere(
      actors.length === 0
        ? "1 = 0"
        : `(m.providerId IN (:...${p}) OR EXISTS (SELECT 1 FROM measure_partner mp WHERE mp.measureId = m.id AND mp.actorId IN (:...${p})))`,
      { [p]: actors },
    );
  }
  whereExists(qb, (p) => `SELECT 1 FROM actor pa WHERE pa.id = m.providerId AND pa.kind IN (:...${p})`, filter.actorKinds as never);
  const fields = filterIds(filter.fieldOfActionIds, "FieldOfAction");
  if (fields) {
    whereExists(qb, (p) => `SELECT 1 FROM measure_field mf WHERE mf.measureId = m.id AND mf.fieldOfActionId IN (:...${p})`, await expandFieldFilter(ctx, fields));
  }
  const groups = filterIds(filter.targetGroupIds, "TargetGroup");
  if (groups) {
    whereExists(
      qb,
      (p) => `SELECT 1 FROM measure_target_group mt WHERE mt.measureId = m.id AND mt.targetGroupId IN (:...${p})`,
      await expandTargetGroupFilter(ctx, groups),
    );
  }
  const places = filterIds(filter.municipalityIds, "Municipality");
  if (places) {
    const p = param("places");
    qb.andWhere(
      places.length === 0
        ? "1 = 0"
        : `(m.countyWide = 1 OR EXISTS (SELECT 1 FROM measure_municipality mm WHERE mm.measureId = m.id AND mm.municipalityId IN (:...${p})))`,
      { [p]: places },
    );
  }
  if (filter.age != null) {
    const p = param("age");
    qb.andWhere(`(m.ageMin IS NULL OR m.ageMin <= :${p}) AND (m.ageMax IS NULL OR m.ageMax >= :${p})`, { [p]: filter.age });
  }
  if (filter.ageRange) {
    const lo = param("lo");
    const hi = param("hi");
    if (filter.ageRange.max != null) qb.andWhere(`(m.ageMin IS NULL OR m.ageMin <= :${hi})`, { [hi]: filter.ageRange.max });
    if (filter.ageRange.min != null) qb.andWhere(`(m.ageMax IS NULL OR m.ageMax >= :${lo})`, { [lo]: filter.ageRange.min });
  }
  if (filter.activeBetween) {
    const { from, to } = filter.activeBetween;
    const f = param("from");
    const t = param("to");
    if (to) qb.andWhere(`(m.startDate IS NULL OR m.startDate <= :${t})`, { [t]: to });
    if (from) qb.andWhere(`(m.endDate IS NULL OR m.endDate >= :${f})`, { [f]: from });
  }
  whereExists(
    qb,
    (p) =>
      `SELECT 1 FROM membership ms WHERE ms.actorId = m.providerId AND ms.networkId IN (:...${p}) AND ms.archived = 0 AND (ms.until IS NULL OR ms.until >= :msToday)`,
    filterIds(filter.networkIds, "Network"),
    { msToday: today() },
  );
  if (filter.confirmedBefore) {
    const p = param("conf");
    qb.andWhere(`(m.lastConfirmedOn IS NULL OR m.lastConfirmedOn < :${p})`, { [p]: filter.confirmedBefore });
  }
  return paginate(qb, { expression: SORT[order.field], direction: order.direction }, page, selection);
}

export async function getMeasure(ctx: Context, globalId: string): Promise<Measure> {
  const id = localId(globalId, "Measure");
  const measure = id === null ? null : await ctx.loaders.measure.load(id);
  if (!measure || !can.readMeasure(ctx.viewer, measure)) throw new NotFoundError("Measure", globalId);
  return measure;
}

/** Relations of a measure that live in join tables, as resolved local ids. */
interface MeasureLinks {
  fields?: number[];
  targetGroups?: number[];
  municipalities?: number[];
  partners?: number[];
}

export async function createMeasure(ctx: Context, input: CreateMeasureInput): Promise<Measure> {
  return withOverlapCheck(ctx, await createMeasureRow(ctx, input));
}

export async function updateMeasure(ctx: Context, input: UpdateMeasureInput): Promise<Measure> {
  return withOverlapCheck(ctx, await updateMeasureRow(ctx, input));
}

export async function archiveMeasure(ctx: Context, input: ArchiveInput): Promise<Measure> {
  return withOverlapCheck(ctx, await archiveMeasureRow(ctx, input));
}

/** After a measure changed, its overlaps are re-checked in the same request (see overlaps/overlap.service). */
async function withOverlapCheck(ctx: Context, measure: Measure): Promise<Measure> {
  await recheckMeasure(ctx, measure.rowId);
  return measure;
}

async function createMeasureRow(ctx: Context, input: CreateMeasureInput): Promise<Measure> {
  const errors = new FieldErrors();
  checkInput(input, errors);
  checkShape(input, errors);
  if (input.fieldOfActionIds.length === 0) errors.add("fieldOfActionIds", "name at least one field of action");
  if (!input.countyWide && !(input.municipalityIds ?? []).length) {
    errors.add("municipalityIds", "name at least one municipality, or set countyWide");
  }
  const wantedProvider = localId(input.providerId, "Actor");
  if (wantedProvider !== null && !can.createMeasure(ctx.viewer, wantedProvider)) throw new ForbiddenError("You may only add measures of your own organisation");
  return withTransaction(ctx, async (em) => {
    const [providerId] = await resolveRefs(em, Actor, "Actor", [input.providerId], "providerId", errors, false);
    const links = await resolveLinks(ctx, em, input, errors);
    if (providerId !== undefined && links.partners?.includes(providerId)) errors.add("partnerIds", "must not contain the provider itself");
    errors.throwIfAny();
    const measure = await em.save(
      em.create(Measure, {
        title: input.title.trim(),
        description: input.description.trim(),
        providerId,
        ageMin: input.ageMin ?? null,
        ageMax: input.ageMax ?? null,
        languages: unique(input.languages ?? []),
        countyWide: input.countyWide,
        venue: blankToNull(input.venue),
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        schedule: blankToNull(input.schedule),
        capacity: input.capacity ?? null,
        cost: input.cost ?? null,
        costNote: blankToNull(input.costNote),
        funding: (input.funding ?? []).map((f) => ({ source: f.source.trim(), level: f.level })),
        level: input.level,
        status: input.status,
        published: input.published,
        registrationUrl: blankToNull(input.registrationUrl),
        lastConfirmedOn: input.lastConfirmedOn ?? today(),
      }),
    );
    await writeLinks(em, measure.rowId, input.countyWide ? { ...links, municipalities: [] } : links);
    await recordAudit(em, ctx, "Measure", measure.rowId, AuditAction.CREATE, {}, await measureSnapshot(em, measure.rowId));
    return em.findOneByOrFail(Measure, { rowId: measure.rowId });
  });
}

async function updateMeasureRow(ctx: Context, input: UpdateMeasureInput): Promise<Measure> {
  const id = targetId(input.id, "Measure");
  const errors = new FieldErrors();
  checkInput(input, errors);
  for (const key of ["title", "description", "fieldOfActionIds", "countyWide", "level", "status", "published"] as const) {
    if (input[key] === null) errors.add(key, "must not be null");
  }
  if (input.fieldOfActionIds?.length === 0) errors.add("fieldOfActionIds", "name at least one field of action");
  return withTransaction(ctx, async (em) => {
    const current = await editableMeasure(ctx, em, id, input.id);
    // Cross-field rules are checked on the measure as it will be after the change.
    const merged = {
      ageMin: input.ageMin !== undefined ? input.ageMin : current.ageMin,
      ageMax: input.ageMax !== undefined ? input.ageMax : current.ageMax,
      startDate: input.startDate !== undefined ? input.startDate : current.startDate,
      endDate: input.endDate !== undefined ? input.endDate : current.endDate,
    };
    checkShape(merged, errors);
    const links = await resolveLinks(ctx, em, input, errors);
    const countyWide = input.countyWide ?? current.countyWide;
    const municipalities = links.municipalities ?? (await ctx.loaders.measureMunicipalityIds.load(id));
    if (!countyWide && municipalities.length === 0) errors.add("municipalityIds", "name at least one municipality, or set countyWide");
    if (links.partners?.includes(current.providerId)) errors.add("partnerIds", "must not contain the provider itself");
    errors.throwIfAny();
    const values: Partial<Measure> = { ...merged };
    if (input.title != null) values.title = input.title.trim();
    if (input.description != null) values.description = input.description.trim();
    if (input.languages !== undefined) values.languages = unique(input.languages ?? []);
    if (input.countyWide != null) values.countyWide = input.countyWide;
    if (input.venue !== undefined) values.venue = blankToNull(input.venue);
    if (input.schedule !== undefined) values.schedule = blankToNull(input.schedule);
    if (input.capacity !== undefined) values.capacity = input.capacity;
    if (input.cost !== undefined) values.cost = input.cost;
    if (input.costNote !== undefined) values.costNote = blankToNull(input.costNote);
    if (input.funding !== undefined) values.funding = (input.funding ?? []).map((f) => ({ source: f.source.trim(), level: f.level }));
    if (input.level != null) values.level = input.level;
    if (input.status != null) values.status = input.status;
    if (input.published != null) values.published = input.published;
    if (input.registrationUrl !== undefined) values.registrationUrl = blankToNull(input.registrationUrl);
    if (input.lastConfirmedOn !== undefined) values.lastConfirmedOn = input.lastConfirmedOn;
    const before = await measureSnapshot(em, id);
    await versionedUpdate(em, Measure, "Measure", input.id, id, input.version, values, measureOwnerCondition(ctx.viewer));
    await writeLinks(em, id, countyWide ? { ...links, municipalities: [] } : links);
    await recordAudit(em, ctx, "Measure", id, AuditAction.UPDATE, before, await measureSnapshot(em, id));
    return em.findOneByOrFail(Measure, { rowId: id });
  });
}

async function archiveMeasureRow(ctx: Context, input: ArchiveInput): Promise<Measure> {
  const id = targetId(input.id, "Measure");
  return withTransaction(ctx, async (em) => {
    const current = await editableMeasure(ctx, em, id, input.id);
    await versionedUpdate(em, Measure, "Measure", input.id, id, input.version, { archived: input.archived }, measureOwnerCondition(ctx.viewer));
    await recordAudit(em, ctx, "Measure", id, input.archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, { archived: current.archived }, { archived: input.archived });
    return em.findOneByOrFail(Measure, { rowId: id });
  });
}

export async function confirmMeasure(ctx: Context, input: ConfirmMeasureInput): Promise<Measure> {
  const id = targetId(input.id, "Measure");
  return withTransaction(ctx, async (em) => {
    const current = await editableMeasure(ctx, em, id, input.id);
    await versionedUpdate(em, Measure, "Measure", input.id, id, input.version, { lastConfirmedOn: today() }, measureOwnerCondition(ctx.viewer));
    await recordAudit(em, ctx, "Measure", id, AuditAction.UPDATE, { lastConfirmedOn: current.lastConfirmedOn }, { lastConfirmedOn: today() });
    return em.findOneByOrFail(Measure, { rowId: id });
  });
}

/** Loads a measure the viewer may change: NOT_FOUND if they cannot even see it, FORBIDDEN if it is not theirs. */
async function editableMeasure(ctx: Context, em: EntityManager, id: number, globalId: string): Promise<Measure> {
  const current = await em.findOneBy(Measure, { rowId: id });
  if (!current || !can.readMeasure(ctx.viewer, current)) throw new NotFoundError("Measure", globalId);
  if (!can.editMeasure(ctx.viewer, current)) throw new ForbiddenError("You may only change measures of your own organisation");
  return current;
}

/** The audited state of a measure: its columns and its links. */
async function measureSnapshot(em: EntityManager, id: number): Promise<Snapshot> {
  const ids = async (table: string, column: string) =>
    (await em.createQueryBuilder().select(`j.${column}`, "v").from(table, "j").where("j.measureId = :id", { id }).orderBy(`j.${column}`).getRawMany()).map((r) => Number(r.v));
  return snapshot(await em.findOneBy(Measure, { rowId: id }), {
    fieldOfActionIds: await ids("measure_field", "fieldOfActionId"),
    targetGroupIds: await ids("measure_target_group", "targetGroupId"),
    municipalityIds: await ids("measure_municipality", "municipalityId"),
    partnerIds: await ids("measure_partner", "actorId"),
  });
}

/** Adds or removes one partner actor; bumps the measure's version so concurrent editors notice. */
export async function changeMeasurePartner(ctx: Context, input: MeasurePartnerInput, add: boolean): Promise<Measure> {
  const id = targetId(input.measureId, "Measure");
  const errors = new FieldErrors();
  checkInput(input, errors);
  return withTransaction(ctx, async (em) => {
    const current = await editableMeasure(ctx, em, id, input.measureId);
    const [actorId] = await resolveRefs(em, Actor, "Actor", [input.actorId], "actorId", errors, false);
    if (add && actorId === current.providerId) errors.add("actorId", "is the provider of this measure");
    errors.throwIfAny();
    const partners = new Set(await ctx.loaders.measurePartnerIds.load(id));
    if (add) partners.add(actorId);
    else if (!partners.delete(actorId)) throw new NotFoundError("partner of this measure", input.actorId);
    const before = [...(await ctx.loaders.measurePartnerIds.load(id))];
    await versionedUpdate(em, Measure, "Measure", input.measureId, id, input.version ?? current.version, {}, measureOwnerCondition(ctx.viewer));
    await replaceJoinRows(em, "measure_partner", "measureId", id, "actorId", [...partners]);
    await recordAudit(em, ctx, "Measure", id, AuditAction.UPDATE, { partnerIds: before.sort((a, b) => a - b) }, { partnerIds: [...partners].sort((a, b) => a - b) });
    return em.findOneByOrFail(Measure, { rowId: id });
  });
}

function checkShape(m: { ageMin?: number | null; ageMax?: number | null; startDate?: string | null; endDate?: string | null }, errors: FieldErrors): void {
  if (m.ageMin != null && m.ageMax != null && m.ageMin > m.ageMax) errors.add("ageMax", `must not be below ageMin (${m.ageMin})`);
  checkRange(m.startDate, m.endDate, "endDate", errors, true);
}

function checkRange(from: string | null | undefined, to: string | null | undefined, path: string, errors: FieldErrors, plain = false): void {
  if (from && to && from > to) errors.add(plain ? path : `${path}.to`, `must not be before ${plain ? "startDate" : "from"} (${from})`);
}

async function resolveLinks(
  ctx: Context,
  em: EntityManager,
  input: { fieldOfActionIds?: string[] | null; targetGroupIds?: string[] | null; municipalityIds?: string[] | null; partnerIds?: string[] | null },
  errors: FieldErrors,
): Promise<MeasureLinks> {
  const links: MeasureLinks = {};
  if (input.fieldOfActionIds) links.fields = await checkTaxonomyRefs(ctx, "fields", input.fieldOfActionIds, "fieldOfActionIds", errors);
  if (input.targetGroupIds !== undefined) {
    links.targetGroups = await checkTaxonomyRefs(ctx, "targetGroups", input.targetGroupIds ?? [], "targetGroupIds", errors);
  }
  if (input.municipalityIds !== undefined) {
    links.municipalities = await checkTaxonomyRefs(ctx, "municipalities", input.municipalityIds ?? [], "municipalityIds", errors);
  }
  if (input.partnerIds !== undefined) {
    links.partners = unique(await resolveRefs(em, Actor, "Actor", input.partnerIds ?? [], "partnerIds", errors));
  }
  return links;
}

async function writeLinks(em: EntityManager, measureId: number, links: MeasureLinks): Promise<void> {
  if (links.fields) await replaceJoinRows(em, "measure_field", "measureId", measureId, "fieldOfActionId", links.fields);
  if (links.targetGroups) await replaceJoinRows(em, "measure_target_group", "measureId", measureId, "targetGroupId", links.targetGroups);
  if (links.municipalities) await replaceJoinRows(em, "measure_municipality", "measureId", measureId, "municipalityId", links.municipalities);
  if (links.partners) await replaceJoinRows(em, "measure_partner", "measureId", measureId, "actorId", links.partners);
}
