import { DataSource } from "typeorm";
import { Actor } from "../actors/actor.entity";
import { Cooperation } from "../cooperations/cooperation.entity";
import { Handler } from "../handlers/handler.entity";
import { Measure } from "../measures/measure.entity";
import { Membership } from "../networks/network.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";
import {
  AnalysisActor,
  AnalysisContext,
  AnalysisCooperation,
  AnalysisHandler,
  AnalysisMeasure,
  AnalysisMeasurePartner,
  AnalysisMembership,
  TaxonomyTerm,
} from "./analysis.types";

/**
 * Loads the rows the analyses need into their plain shapes: one statement per table, no matter how many rows.
 * Join tables are read whole and grouped in memory.
 */
export interface AnalysisData {
  ctx: AnalysisContext;
  /** Taxonomy ids ↔ keys, to translate GraphQL ids into analysis keys and back. */
  fieldKeyById: Map<number, string>;
  fieldIdByKey: Map<string, number>;
  groupKeyById: Map<number, string>;
  groupIdByKey: Map<string, number>;
  measures: AnalysisMeasure[];
  handlers: AnalysisHandler[];
  actors: AnalysisActor[];
  cooperations: AnalysisCooperation[];
  memberships: AnalysisMembership[];
  partners: AnalysisMeasurePartner[];
}

function terms(rows: (FieldOfAction | TargetGroup)[]): TaxonomyTerm[] {
  const byId = new Map(rows.map((r) => [r.rowId, r]));
  return [...rows]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.rowId - b.rowId)
    .map((r) => ({ key: r.key, nameDe: r.nameDe, nameEn: r.nameEn, parentKey: r.parentId === null ? null : (byId.get(r.parentId)?.key ?? null) }));
}

function groupPairs(rows: { owner: number | string; ref: number | string }[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const owner = Number(r.owner);
    let list = out.get(owner);
    if (!list) out.set(owner, (list = []));
    list.push(Number(r.ref));
  }
  return out;
}

async function pairs(ds: DataSource, table: string, owner: string, ref: string): Promise<Map<number, number[]>> {
  return groupPairs(await ds.createQueryBuilder().select(`j.${owner}`, "owner").addSelect(`j.${ref}`, "ref").from(table, "j").getRawMany());
}

export async function loadAnalysisData(ds: DataSource, parts: { handlers?: boolean; network?: boolean } = {}): Promise<AnalysisData> {
  const [fields, groups, places, measures, mFields, mGroups, mPlaces] = await Promise.all([
    ds.getRepository(FieldOfAction).find(),
    ds.getRepository(TargetGroup).find(),
    ds.getRepository(Municipality).find({ order: { name: "ASC" } }),
    ds.getRepository(Measure).find({ where: { archived: false } }),
    pairs(ds, "measure_field", "measureId", "fieldOfActionId"),
    pairs(ds, "measure_target_group", "measureId", "targetGroupId"),
    pairs(ds, "measure_municipality", "measureId", "municipalityId"),
  ]);
  const fieldKeyById = new Map(fields.map((f) => [f.rowId, f.key]));
  const groupKeyById = new Map(groups.map((g) => [g.rowId, g.key]));
  const keys = (ids: number[] | undefined, map: Map<number, string>) => (ids ?? []).map((id) => map.get(id)).filter((k): k is string => k !== undefined);
  const data: AnalysisData = {
    ctx: {
      fields: terms(fields),
      targetGroups: terms(groups),
      municipalities: places.sort((a, b) => a.name.localeCompare(b.name, "de")).map((p) => ({ id: p.rowId, name: p.name, population: p.population })),
    },
    fieldKeyById,
    fieldIdByKey: new Map(fields.map((f) => [f.key, f.rowId])),
    groupKeyById,
    groupIdByKey: new Map(groups.map((g) => [g.key, g.rowId])),
    measures: measures.map((m) => ({
      id: m.rowId,
      title: m.title,
      providerId: m.providerId,
      fieldKeys: keys(mFields.get(m.rowId), fieldKeyById),
      targetGroupKeys: keys(mGroups.get(m.rowId), groupKeyById),
      ageMin: m.ageMin,
      ageMax: m.ageMax,
      countyWide: m.countyWide,
      municipalityIds: mPlaces.get(m.rowId) ?? [],
      capacity: m.capacity,
      status: m.status,
      published: m.published,
      archived: m.archived,
      startDate: m.startDate,
      endDate: m.endDate,
      level: m.level,
    })),
    handlers: [],
    actors: [],
    cooperations: [],
    memberships: [],
    partners: [],
  };
  if (parts.handlers || parts.network) {
    const [handlers, hGroups, hPlaces, actors] = await Promise.all([
      ds.getRepository(Handler).find({ where: { archived: false } }),
      pairs(ds, "handler_target_group", "handlerId", "targetGroupId"),
      pairs(ds, "handler_municipality", "handlerId", "municipalityId"),
      ds.getRepository(Actor).find({ select: { rowId: true, name: true, kind: true, archived: true } }),
    ]);
    const actorName = new Map(actors.map((a) => [a.rowId, a.name]));
    data.actors = actors.map((a) => ({ id: a.rowId, name: a.name, kind: a.kind, archived: a.archived }));
    data.handlers = handlers.map((h) => ({
      id: h.rowId,
      actorId: h.actorId,
      actorName: actorName.get(h.actorId) ?? "",
      fieldKey: fieldKeyById.get(h.fieldOfActionId) ?? "",
      targetGroupKeys: keys(hGroups.get(h.rowId), groupKeyById),
      ageMin: h.ageMin,
      ageMax: h.ageMax,
      countyWide: h.countyWide,
      municipalityIds: hPlaces.get(h.rowId) ?? [],
      priority: h.priority,
    }));
  }
  if (parts.network) {
    const [cooperations, memberships, partnerRows] = await Promise.all([
      ds.getRepository(Cooperation).find({ where: { archived: false } }),
      ds.getRepository(Membership).find({ where: { archived: false } }),
      ds.createQueryBuilder().select("j.measureId", "measureId").addSelect("j.actorId", "actorId").from("measure_partner", "j").getRawMany(),
    ]);
    data.cooperations = cooperations.map((c) => ({ actorAId: c.actorAId, actorBId: c.actorBId, kind: c.kind, startDate: c.startDate, endDate: c.endDate }));
    data.memberships = memberships.map((m) => ({ actorId: m.actorId, networkId: m.networkId, since: m.since, until: m.until }));
    data.partners = partnerRows.map((r) => ({ measureId: Number(r.measureId), actorId: Number(r.actorId) }));
  }
  return data;
}

/**
 * A cheap fingerprint of the data the analyses read (latest change and row count per table), so cached results
 * can be reused until something changes — on any instance, because it is read from the database.
 */
export async function dataStamp(ds: DataSource): Promise<string> {
  const tables = ["actor", "measure", "handler", "membership", "cooperation", "meeting", "overlap"];
  const sql = tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n, MAX(updatedAt) AS u FROM ${t}`).join(" UNION ALL ");
  const rows: { t: string; n: number | string; u: unknown }[] = await ds.query(sql);
  return rows.map((r) => `${r.t}:${r.n}:${r.u instanceof Date ? r.u.toISOString() : String(r.u)}`).join("|");
}
