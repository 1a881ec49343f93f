import { DataSource, EntityManager } from "typeorm";
import { ActorKind, CooperationKind, Level, MeasureStatus, MembershipRole, NetworkKind } from "../../server/src/common/enums";
import { toGlobalId } from "../../server/src/common/global-id";
import { Actor } from "../../server/src/modules/actors/actor.entity";
import { Cooperation } from "../../server/src/modules/cooperations/cooperation.entity";
import { Handler } from "../../server/src/modules/handlers/handler.entity";
import { Measure } from "../../server/src/modules/measures/measure.entity";
import { Meeting, Membership, Network } from "../../server/src/modules/networks/network.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../../server/src/modules/taxonomy/taxonomy.entity";

/** Test factories: each builds exactly the rows a test needs, with sensible German defaults. */

let seq = 0;
const next = () => ++seq;

export async function taxonomy(ds: DataSource) {
  const [fields, groups, places] = await Promise.all([
    ds.getRepository(FieldOfAction).find(),
    ds.getRepository(TargetGroup).find(),
    ds.getRepository(Municipality).find(),
  ]);
  const field = (key: string) => must(fields.find((f) => f.key === key), key);
  const group = (key: string) => must(groups.find((g) => g.key === key), key);
  const place = (name: string) => must(places.find((p) => p.name === name), name);
  return {
    field,
    group,
    place,
    fieldId: (key: string) => toGlobalId("FieldOfAction", field(key).rowId),
    groupId: (key: string) => toGlobalId("TargetGroup", group(key).rowId),
    placeId: (name: string) => toGlobalId("Municipality", place(name).rowId),
  };
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`no such taxonomy entry: ${what}`);
  return v;
}

export async function buildActor(ds: DataSource | EntityManager, over: Partial<Actor> = {}): Promise<Actor> {
  const n = next();
  return ds.getRepository(Actor).save(
    ds.getRepository(Actor).create({
      name: `Testträger ${n}`,
      shortName: null,
      kind: ActorKind.WELFARE_ASSOCIATION,
      level: Level.NON_GOVERNMENTAL,
      description: "Ein Träger für Tests.",
      website: null,
      email: null,
      phone: null,
      address: null,
      municipalityId: null,
      languages: ["de"],
      tags: [],
      ...over,
    }),
  );
}

export interface MeasureLinks {
  fields?: number[];
  targetGroups?: number[];
  municipalities?: number[];
  partners?: number[];
}

export async function buildMeasure(ds: DataSource, providerId: number, over: Partial<Measure> = {}, links: MeasureLinks = {}): Promise<Measure> {
  const n = next();
  const m = await ds.getRepository(Measure).save(
    ds.getRepository(Measure).create({
      title: `Testangebot ${n}`,
      description: "Ein Angebot für Tests.",
      providerId,
      ageMin: null,
      ageMax: null,
      languages: ["de"],
      countyWide: !(links.municipalities?.length),
      venue: null,
      startDate: "2026-01-01",
      endDate: null,
      schedule: null,
      capacity: 12,
      cost: 0,
      costNote: null,
      funding: [],
      level: Level.COUNTY,
      status: MeasureStatus.ACTIVE,
      published: true,
      registrationUrl: null,
      lastConfirmedOn: "2026-06-01",
      ...over,
    }),
  );
  await insertLinks(ds, "measure_field", "measureId", m.rowId, "fieldOfActionId", links.fields);
  await insertLinks(ds, "measure_target_group", "measureId", m.rowId, "targetGroupId", links.targetGroups);
  await insertLinks(ds, "measure_municipality", "measureId", m.rowId, "municipalityId", links.municipalities);
  await insertLinks(ds, "measure_partner", "measureId", m.rowId, "actorId", links.partners);
  return m;
}

export async function buildHandler(
  ds: DataSource,
  actorId: number,
  fieldOfActionId: number,
  over: Partial<Handler> = {},
  links: { targetGroups?: number[]; municipalities?: number[] } = {},
): Promise<Handler> {
  const h = await ds.getRepository(Handler).save(
    ds.getRepository(Handler).create({
      actorId,
      fieldOfActionId,
      ageMin: null,
      ageMax: null,
      countyWide: !(links.municipalities?.length),
      languages: [],
      priority: 1,
      note: null,
      ...over,
    }),
  );
  await insertLinks(ds, "handler_target_group", "handlerId", h.rowId, "targetGroupId", links.targetGroups);
  await insertLinks(ds, "handler_municipality", "handlerId", h.rowId, "municipalityId", links.municipalities);
  return h;
}

export async function buildNetwork(ds: DataSource, over: Partial<Network> = {}): Promise<Network> {
  return ds.getRepository(Network).save(
    ds.getRepository(Network).create({ name: `Arbeitskreis ${next()}`, shortName: null, kind: NetworkKind.WORKING_GROUP, description: "", ...over }),
  );
}

export async function buildMembership(ds: DataSource, networkId: number, actorId: number, over: Partial<Membership> = {}): Promise<Membership> {
  return ds
    .getRepository(Membership)
    .save(ds.getRepository(Membership).create({ networkId, actorId, role: MembershipRole.MEMBER, since: "2024-01-01", until: null, ...over }));
}

export async function buildMeeting(ds: DataSource, networkId: number, participants: number[] = [], over: Partial<Meeting> = {}): Promise<Meeting> {
  const m = await ds
    .getRepository(Meeting)
    .save(ds.getRepository(Meeting).create({ networkId, date: "2026-03-01", title: "Sitzung", location: null, minutes: "Protokoll.", decisions: [], ...over }));
  await insertLinks(ds, "meeting_participant", "meetingId", m.rowId, "actorId", participants);
  return m;
}

export async function buildCooperation(ds: DataSource, a: number, b: number, over: Partial<Cooperation> = {}): Promise<Cooperation> {
  return ds
    .getRepository(Cooperation)
    .save(ds.getRepository(Cooperation).create({ actorAId: a, actorBId: b, kind: CooperationKind.REFERRAL, startDate: "2025-01-01", endDate: null, note: null, ...over }));
}

async function insertLinks(ds: DataSource, table: string, ownerCol: string, owner: number, refCol: string, refs: number[] | undefined): Promise<void> {
  if (!refs?.length) return;
  await ds.createQueryBuilder().insert().into(table).values(refs.map((r) => ({ [ownerCol]: owner, [refCol]: r }))).execute();
}

export const gid = toGlobalId;
