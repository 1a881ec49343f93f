import { Context } from "../../app/context";
import { FieldErrors, NotFoundError } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { param, today, whereArchived, whereExists, whereIn, whereText } from "../../common/filters";
import { localId } from "../../common/global-id";
import { ArchiveInput } from "../../common/inputs";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { checkInput } from "../../common/validation";
import { replaceJoinRows, resolveRefs, targetId, versionedUpdate, withTransaction } from "../../common/write";
import { Actor } from "../actors/actor.entity";
import { AuditAction } from "../audit/audit.entity";
import { auditRowChange, recordAudit, snapshot } from "../audit/audit.service";
import { requireCommissioner } from "../auth/auth.policy";
import { blankToNull } from "../actors/actor.service";
import { filterIds } from "../taxonomy/taxonomy.service";
import { Meeting, Membership, Network } from "./network.entity";
import {
  AddMembershipInput,
  CreateMeetingInput,
  CreateNetworkInput,
  MeetingParticipantInput,
  NetworkFilter,
  NetworkOrder,
  NetworkOrderField,
  RemoveMembershipInput,
  UpdateMeetingInput,
  UpdateMembershipInput,
  UpdateNetworkInput,
} from "./network.inputs";

const SORT: Record<NetworkOrderField, string> = {
  [NetworkOrderField.NAME]: "n.name",
  [NetworkOrderField.CREATED_AT]: "n.createdAt",
  [NetworkOrderField.UPDATED_AT]: "n.updatedAt",
};

export async function listNetworks(
  ctx: Context,
  filter: NetworkFilter = {},
  order: NetworkOrder = { field: NetworkOrderField.NAME, direction: SortDirection.ASC },
  page: PageArgs = {},
): Promise<ConnectionResult<Network>> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new NetworkFilter(), filter), errors);
  checkPeriod(filter.metBetween?.from, filter.metBetween?.to, "metBetween.to", errors);
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(Network).createQueryBuilder("n");
  whereArchived(qb, "n", filter.archived ?? (filter.archived === null ? null : false));
  whereText(qb, ["n.name", "n.shortName", "n.description"], filter.q);
  whereIn(qb, "n.kind", filter.kinds);
  whereExists(
    qb,
    (p) => `SELECT 1 FROM membership ms WHERE ms.networkId = n.id AND ms.archived = 0 AND ms.actorId IN (:...${p}) AND (ms.until IS NULL OR ms.until >= :nToday)`,
    filterIds(filter.actorIds, "Actor"),
    { nToday: today() },
  );
  if (filter.metBetween) {
    const f = param("from");
    const t = param("to");
    qb.andWhere(
      `EXISTS (SELECT 1 FROM meeting mt WHERE mt.networkId = n.id AND mt.archived = 0${filter.metBetween.from ? ` AND mt.date >= :${f}` : ""}${filter.metBetween.to ? ` AND mt.date <= :${t}` : ""})`,
      { [f]: filter.metBetween.from, [t]: filter.metBetween.to },
    );
  }
  return paginate(qb, { expression: SORT[order.field], direction: order.direction }, page);
}

export async function getNetwork(ctx: Context, globalId: string): Promise<Network> {
  const id = localId(globalId, "Network");
  const network = id === null ? null : await ctx.loaders.network.load(id);
  if (!network) throw new NotFoundError("Network", globalId);
  return network;
}

export async function createNetwork(ctx: Context, input: CreateNetworkInput): Promise<Network> {
  requireCommissioner(ctx);
  const errors = new FieldErrors();
  checkInput(input, errors);
  errors.throwIfAny();
  return withTransaction(ctx, async (em) => {
    const row = await em.save(
      em.create(Network, { name: input.name.trim(), shortName: blankToNull(input.shortName), kind: input.kind, description: input.description.trim() }),
    );
    return auditRowChange(em, ctx, Network, "Network", row.rowId, AuditAction.CREATE, null);
  });
}

export async function updateNetwork(ctx: Context, input: UpdateNetworkInput): Promise<Network> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Network");
  const errors = new FieldErrors();
  checkInput(input, errors);
  for (const key of ["name", "kind", "description"] as const) if (input[key] === null) errors.add(key, "must not be null");
  errors.throwIfAny();
  const values: Partial<Network> = {};
  if (input.name != null) values.name = input.name.trim();
  if (input.shortName !== undefined) values.shortName = blankToNull(input.shortName);
  if (input.kind != null) values.kind = input.kind;
  if (input.description != null) values.description = input.description.trim();
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Network, { rowId: id });
    await versionedUpdate(em, Network, "Network", input.id, id, input.version, values);
    return auditRowChange(em, ctx, Network, "Network", id, AuditAction.UPDATE, before);
  });
}

export async function archiveNetwork(ctx: Context, input: ArchiveInput): Promise<Network> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Network");
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Network, { rowId: id });
    await versionedUpdate(em, Network, "Network", input.id, id, input.version, { archived: input.archived });
    return auditRowChange(em, ctx, Network, "Network", id, input.archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, before);
  });
}

export async function addMembership(ctx: Context, input: AddMembershipInput): Promise<Membership> {
  requireCommissioner(ctx);
  const networkId = targetId(input.networkId, "Network");
  const errors = new FieldErrors();
  checkInput(input, errors);
  checkPeriod(input.since, input.until, "until", errors);
  return withTransaction(ctx, async (em) => {
    if (!(await em.findOneBy(Network, { rowId: networkId }))) throw new NotFoundError("Network", input.networkId);
    const [actorId] = await resolveRefs(em, Actor, "Actor", [input.actorId], "actorId", errors, false);
    if (actorId !== undefined) {
      const seats = await em.findBy(Membership, { networkId, actorId, archived: false });
      if (seats.some((s) => periodsOverlap(s.since, s.until, input.since ?? null, input.until ?? null))) {
        errors.add("actorId", "already has a seat in this network for (part of) that period");
      }
    }
    errors.throwIfAny();
    const row = await em.save(em.create(Membership, { networkId, actorId, role: input.role, since: input.since ?? null, until: input.until ?? null }));
    return auditRowChange(em, ctx, Membership, "Membership", row.rowId, AuditAction.CREATE, null);
  });
}

export async function updateMembership(ctx: Context, input: UpdateMembershipInput): Promise<Membership> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Membership");
  const errors = new FieldErrors();
  checkInput(input, errors);
  if (input.role === null) errors.add("role", "must not be null");
  return withTransaction(ctx, async (em) => {
    const current = await em.findOneBy(Membership, { rowId: id });
    if (!current) throw new NotFoundError("Membership", input.id);
    const since = input.since !== undefined ? input.since : current.since;
    const until = input.until !== undefined ? input.until : current.until;
    checkPeriod(since, until, "until", errors);
    errors.throwIfAny();
    const before = await em.findOneBy(Membership, { rowId: id });
    await versionedUpdate(em, Membership, "Membership", input.id, id, input.version, { role: input.role ?? current.role, since, until });
    return auditRowChange(em, ctx, Membership, "Membership", id, AuditAction.UPDATE, before);
  });
}

/** Removes a seat entirely (a mistaken entry). To record that an actor left, set `until` instead. */
export async function removeMembership(ctx: Context, input: RemoveMembershipInput): Promise<Network> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Membership");
  return withTransaction(ctx, async (em) => {
    const current = await em.findOneBy(Membership, { rowId: id });
    if (!current) throw new NotFoundError("Membership", input.id);
    await em.delete(Membership, { rowId: id });
    await recordAudit(em, ctx, "Membership", id, AuditAction.DELETE, snapshot(current), {});
    return em.findOneByOrFail(Network, { rowId: current.networkId });
  });
}

export async function createMeeting(ctx: Context, input: CreateMeetingInput): Promise<Meeting> {
  requireCommissioner(ctx);
  const networkId = targetId(input.networkId, "Network");
  const errors = new FieldErrors();
  checkInput(input, errors);
  return withTransaction(ctx, async (em) => {
    if (!(await em.findOneBy(Network, { rowId: networkId }))) throw new NotFoundError("Network", input.networkId);
    const participants = await resolveRefs(em, Actor, "Actor", input.participantIds, "participantIds", errors);
    errors.throwIfAny();
    const row = await em.save(
      em.create(Meeting, {
        networkId,
        date: input.date,
        title: input.title.trim(),
        location: blankToNull(input.location),
        minutes: input.minutes,
        decisions: input.decisions.map((d) => d.trim()).filter(Boolean),
      }),
    );
    await replaceJoinRows(em, "meeting_participant", "meetingId", row.rowId, "actorId", participants);
    return auditRowChange(em, ctx, Meeting, "Meeting", row.rowId, AuditAction.CREATE, null, {}, { participantIds: [...new Set(participants)].sort((a, b) => a - b) });
  });
}

export async function updateMeeting(ctx: Context, input: UpdateMeetingInput): Promise<Meeting> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Meeting");
  const errors = new FieldErrors();
  checkInput(input, errors);
  for (const key of ["date", "title", "minutes", "decisions"] as const) if (input[key] === null) errors.add(key, "must not be null");
  errors.throwIfAny();
  const values: Partial<Meeting> = {};
  if (input.date != null) values.date = input.date;
  if (input.title != null) values.title = input.title.trim();
  if (input.location !== undefined) values.location = blankToNull(input.location);
  if (input.minutes != null) values.minutes = input.minutes;
  if (input.decisions != null) values.decisions = input.decisions.map((d) => d.trim()).filter(Boolean);
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Meeting, { rowId: id });
    await versionedUpdate(em, Meeting, "Meeting", input.id, id, input.version, values);
    return auditRowChange(em, ctx, Meeting, "Meeting", id, AuditAction.UPDATE, before);
  });
}

export async function archiveMeeting(ctx: Context, input: ArchiveInput): Promise<Meeting> {
  requireCommissioner(ctx);
  const id = targetId(input.id, "Meeting");
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Meeting, { rowId: id });
    await versionedUpdate(em, Meeting, "Meeting", input.id, id, input.version, { archived: input.archived });
    return auditRowChange(em, ctx, Meeting, "Meeting", id, input.archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, before);
  });
}

export async function changeMeetingParticipant(ctx: Context, input: MeetingParticipantInput, add: boolean): Promise<Meeting> {
  requireCommissioner(ctx);
  const id = targetId(input.meetingId, "Meeting");
  const errors = new FieldErrors();
  return withTransaction(ctx, async (em) => {
    const meeting = await em.findOneBy(Meeting, { rowId: id });
    if (!meeting) throw new NotFoundError("Meeting", input.meetingId);
    const [actorId] = await resolveRefs(em, Actor, "Actor", [input.actorId], "actorId", errors, false);
    errors.throwIfAny();
    const participants = new Set(await ctx.loaders.meetingParticipantIds.load(id));
    if (add) participants.add(actorId);
    else if (!participants.delete(actorId)) throw new NotFoundError("participant of this meeting", input.actorId);
    const before = [...(await ctx.loaders.meetingParticipantIds.load(id))].sort((a, b) => a - b);
    await versionedUpdate(em, Meeting, "Meeting", input.meetingId, id, meeting.version, {});
    await replaceJoinRows(em, "meeting_participant", "meetingId", id, "actorId", [...participants]);
    await recordAudit(em, ctx, "Meeting", id, AuditAction.UPDATE, { participantIds: before }, { participantIds: [...participants].sort((a, b) => a - b) });
    return em.findOneByOrFail(Meeting, { rowId: id });
  });
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined, path: string, errors: FieldErrors): void {
  if (from && to && from > to) errors.add(path, `must not be before ${from}`);
}

function periodsOverlap(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null): boolean {
  return (aFrom === null || bTo === null || aFrom <= bTo) && (bFrom === null || aTo === null || bFrom <= aTo);
}
