import { EntityManager } from "typeorm";
import { Context } from "../../app/context";
import { ArchiveInput } from "../../common/inputs";
import { FieldErrors, ForbiddenError, NotFoundError } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { whereArchived, whereExists, whereIn, whereText, today } from "../../common/filters";
import { FieldSelection } from "../../common/field-selection";
import { localId } from "../../common/global-id";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { checkInput } from "../../common/validation";
import { replaceRows, resolveRefs, targetId, versionedUpdate, withTransaction } from "../../common/write";
import { AuditAction, AuditEntry } from "../audit/audit.entity";
import { recordAudit, snapshot, Snapshot } from "../audit/audit.service";
import { actorOwnerCondition, can } from "../auth/auth.policy";
import { Municipality } from "../taxonomy/taxonomy.entity";
import { expandFieldFilter, expandTargetGroupFilter, filterIds } from "../taxonomy/taxonomy.service";
import { Actor, ContactPerson } from "./actor.entity";
import { ActorFilter, ActorOrder, ActorOrderField, ContactPersonInput, CreateActorInput, UpdateActorInput } from "./actor.inputs";

const SORT_COLUMNS: Record<ActorOrderField, string> = {
  [ActorOrderField.NAME]: "a.name",
  [ActorOrderField.CREATED_AT]: "a.createdAt",
  [ActorOrderField.UPDATED_AT]: "a.updatedAt",
};

export async function listActors(
  ctx: Context,
  filter: ActorFilter = {},
  order: ActorOrder = { field: ActorOrderField.NAME, direction: SortDirection.ASC },
  page: PageArgs = {},
  selection?: FieldSelection | null,
): Promise<ConnectionResult<Actor>> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new ActorFilter(), filter), errors);
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(Actor).createQueryBuilder("a");
  whereArchived(qb, "a", filter.archived ?? (filter.archived === null ? null : false));
  whereText(qb, ["a.name", "a.shortName", "a.description"], filter.q);
  whereIn(qb, "a.kind", filter.kinds);
  whereIn(qb, "a.level", filter.levels);
  whereIn(qb, "a.municipalityId", filterIds(filter.municipalityIds, "Municipality"));
  const fields = filterIds(filter.fieldOfActionIds, "FieldOfAction");
  if (fields) {
    const expanded = await expandFieldFilter(ctx, fields);
    whereExists(
      qb,
      (p) =>
        `SELECT 1 FROM measure m JOIN measure_field mf ON mf.measureId = m.id WHERE m.providerId = a.id AND m.archived = 0 AND mf.fieldOfActionId IN (:...${p})` +
        ` UNION ALL SELECT 1 FROM handler h WHERE h.actorId = a.id AND h.archived = 0 AND h.fieldOfActionId IN (:...${p})`,
      expanded,
    );
  }
  const groups = filterIds(filter.targetGroupIds, "TargetGroup");
  if (groups) {
    whereExists(
      qb,
      (p) =>
        `SELECT 1 FROM measure m JOIN measure_target_group mt ON mt.measureId = m.id WHERE m.providerId = a.id AND m.archived = 0 AND mt.targetGroupId IN (:...${p})`,
      await expandTargetGroupFilter(ctx, groups),
    );
  }
  whereExists(
    qb,
    (p) => `SELECT 1 FROM membership ms WHERE ms.actorId = a.id AND ms.networkId IN (:...${p}) AND (ms.until IS NULL OR ms.until >= :today)`,
    filterIds(filter.networkIds, "Network"),
    { today: today() },
  );
  return paginate(qb, { expression: SORT_COLUMNS[order.field], direction: order.direction }, page, selection);
}

export async function getActor(ctx: Context, globalId: string): Promise<Actor> {
  const id = localId(globalId, "Actor");
  const actor = id === null ? null : await ctx.loaders.actor.load(id);
  if (!actor) throw new NotFoundError("Actor", globalId);
  return actor;
}

export async function createActor(ctx: Context, input: CreateActorInput): Promise<Actor> {
  if (!can.createActor(ctx.viewer)) throw new ForbiddenError("Only the commissioner adds actors");
  const errors = new FieldErrors();
  checkInput(input, errors);
  return withTransaction(ctx, async (em) => {
    const municipalityId = await optionalMunicipality(em, input.municipalityId, errors);
    errors.throwIfAny();
    const actor = await em.save(
      em.create(Actor, {
        name: input.name.trim(),
        shortName: blankToNull(input.shortName),
        kind: input.kind,
        level: input.level,
        description: input.description.trim(),
        website: blankToNull(input.website),
        email: blankToNull(input.email),
        phone: blankToNull(input.phone),
        address: blankToNull(input.address),
        municipalityId,
        languages: unique(input.languages),
        tags: unique(input.tags.map((t) => t.trim()).filter(Boolean)),
      }),
    );
    await saveContacts(em, actor.rowId, input.contactPersons, errors);
    errors.throwIfAny();
    await recordAudit(em, ctx, "Actor", actor.rowId, AuditAction.CREATE, {}, await actorSnapshot(em, actor.rowId));
    return em.findOneByOrFail(Actor, { rowId: actor.rowId });
  });
}

export async function updateActor(ctx: Context, input: UpdateActorInput): Promise<Actor> {
  const id = targetId(input.id, "Actor");
  if (!can.editActor(ctx.viewer, id)) throw new ForbiddenError("You may only change your own organisation");
  const errors = new FieldErrors();
  checkInput(input, errors);
  for (const key of ["name", "kind", "level", "description", "languages", "tags"] as const) {
    if (input[key] === null) errors.add(key, "must not be null");
  }
  return withTransaction(ctx, async (em) => {
    const values: Partial<Actor> = {};
    if (input.municipalityId !== undefined) values.municipalityId = await optionalMunicipality(em, input.municipalityId, errors);
    errors.throwIfAny();
    if (input.name != null) values.name = input.name.trim();
    if (input.shortName !== undefined) values.shortName = blankToNull(input.shortName);
    if (input.kind != null) values.kind = input.kind;
    if (input.level != null) values.level = input.level;
    if (input.description != null) values.description = input.description.trim();
    if (input.website !== undefined) values.website = blankToNull(input.website);
    if (input.email !== undefined) values.email = blankToNull(input.email);
    if (input.phone !== undefined) values.phone = blankToNull(input.phone);
    if (input.address !== undefined) values.address = blankToNull(input.address);
    if (input.languages != null) values.languages = unique(input.languages);
    if (input.tags != null) values.tags = unique(input.tags.map((t) => t.trim()).filter(Boolean));
    const before = await actorSnapshot(em, id);
    await versionedUpdate(em, Actor, "Actor", input.id, id, input.version, values, actorOwnerCondition(ctx.viewer));
    if (input.contactPersons != null) {
      await saveContacts(em, id, input.contactPersons, errors);
      errors.throwIfAny();
    }
    await recordAudit(em, ctx, "Actor", id, AuditAction.UPDATE, before, await actorSnapshot(em, id));
    return em.findOneByOrFail(Actor, { rowId: id });
  });
}

export async function archiveActor(ctx: Context, input: ArchiveInput): Promise<Actor> {
  const id = targetId(input.id, "Actor");
  if (!can.archiveActor(ctx.viewer)) throw new ForbiddenError("Only the commissioner archives actors");
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Actor, { rowId: id });
    await versionedUpdate(em, Actor, "Actor", input.id, id, input.version, { archived: input.archived });
    await recordAudit(em, ctx, "Actor", id, input.archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, { archived: before?.archived ?? null }, { archived: input.archived });
    return em.findOneByOrFail(Actor, { rowId: id });
  });
}

/** The audited state of an actor: its columns and its contact persons. */
async function actorSnapshot(em: EntityManager, id: number): Promise<Snapshot> {
  const [actor, contacts] = await Promise.all([em.findOneBy(Actor, { rowId: id }), em.find(ContactPerson, { where: { actorId: id }, order: { position: "ASC" } })]);
  return snapshot(actor, { contactPersons: contacts.map((c) => ({ id: c.rowId, name: c.name, role: c.role, email: c.email, phone: c.phone })) });
}

export const ERASED = "[gelöscht]";

/**
 * GDPR erasure of a contact person: the row is removed and every audit entry that recorded the person's name,
 * e-mail or phone is redacted in place; the rest of the actor's history stays.
 */
export async function eraseContactPerson(ctx: Context, globalId: string): Promise<Actor> {
  const id = targetId(globalId, "ContactPerson");
  const contact = await ctx.ds.getRepository(ContactPerson).findOneBy({ rowId: id });
  // Someone already taken off the list lives on only in the history: find their actor there.
  const actorId = contact?.actorId ?? (await actorInHistory(ctx.ds.manager, id));
  if (actorId === null) throw new NotFoundError("ContactPerson", globalId);
  if (!can.eraseContact(ctx.viewer, actorId)) throw new ForbiddenError("You may only erase contact persons of your own organisation");
  return withTransaction(ctx, async (em) => {
    if (contact) {
      await em.delete(ContactPerson, { rowId: id });
      await em.update(Actor, { rowId: actorId }, { version: () => "version + 1" });
    }
    const entries = await em.find(AuditEntry, { where: { entityType: "Actor", entityId: actorId } });
    for (const entry of entries) {
      let touched = false;
      for (const change of entry.changes) {
        for (const side of ["before", "after"] as const) {
          const list = change[side];
          if (change.field !== "contactPersons" || !Array.isArray(list)) continue;
          change[side] = list.map((c: { id?: number }) => {
            if (c?.id !== id) return c;
            touched = true;
            return { id, name: ERASED, role: ERASED, email: ERASED, phone: ERASED };
          });
        }
      }
      if (touched) await em.update(AuditEntry, { rowId: entry.rowId }, { changes: entry.changes as never });
    }
    await recordAudit(em, ctx, "ContactPerson", id, AuditAction.ERASE, {}, { actorId });
    return em.findOneByOrFail(Actor, { rowId: actorId });
  });
}

/** The actor whose audited contact list once held contact person `id`, or null when none did. */
async function actorInHistory(em: EntityManager, id: number): Promise<number | null> {
  const entries = await em.find(AuditEntry, { select: { rowId: true, entityId: true, changes: true }, where: { entityType: "Actor" }, order: { rowId: "DESC" } });
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (change.field !== "contactPersons") continue;
      for (const list of [change.before, change.after]) {
        if (Array.isArray(list) && list.some((c: { id?: number }) => c?.id === id)) return entry.entityId;
      }
    }
  }
  return null;
}

/** Makes the actor's contact persons exactly `inputs`: ids update, new entries are added, the rest removed. */
async function saveContacts(em: EntityManager, actorId: number, inputs: ContactPersonInput[], errors: FieldErrors): Promise<void> {
  const existing = await em.findBy(ContactPerson, { actorId });
  const byId = new Map(existing.map((c) => [c.rowId, c]));
  const rows: ContactPerson[] = [];
  inputs.forEach((c, i) => {
    let row: ContactPerson;
    if (c.id != null) {
      const id = localId(c.id, "ContactPerson");
      const found = id === null ? undefined : byId.get(id);
      if (!found) {
        errors.addMissing(`contactPersons.${i}.id`, "is not a contact person of this actor");
        return;
      }
      row = found;
    } else {
      row = em.create(ContactPerson, { actorId });
    }
    Object.assign(row, {
      name: c.name.trim(),
      role: blankToNull(c.role),
      email: blankToNull(c.email),
      phone: blankToNull(c.phone),
      position: i,
    });
    rows.push(row);
  });
  if (errors.list.length || errors.missing.length) return;
  await replaceRows(em, ContactPerson, existing, rows);
}

async function optionalMunicipality(em: EntityManager, gid: string | null | undefined, errors: FieldErrors): Promise<number | null> {
  if (gid == null || gid === "") return null;
  const [id] = await resolveRefs(em, Municipality, "Municipality", [gid], "municipalityId", errors, false);
  return id ?? null;
}

export function blankToNull(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
