import { Context } from "../../app/context";
import { FieldErrors } from "../../common/errors";
import { today } from "../../common/filters";
import { localId, toGlobalId } from "../../common/global-id";
import { checkInput } from "../../common/validation";
import { Actor } from "../actors/actor.entity";
import { can } from "../auth/auth.policy";
import { AnalysisData, dataStamp, loadAnalysisData } from "./analysis.data";
import {
  CoverageDimension,
  CoverageFilter,
  CoverageGapList,
  CoverageMatrix,
  HandlerFindings,
  HandlerFindingsFilter,
  NetworkEdgeKind,
  NetworkGraph,
  NetworkGraphFilter,
  ReferralMiss,
  ReferralProfileInput,
  ReferralResult,
} from "./analysis.graphql";
import { AnalysisInputError, AnalysisMeasure } from "./analysis.types";
import { CoverageFilter as PlainCoverageFilter, computeCoverage, gapsOfCoverage } from "./coverage";
import { findHandlerConflicts, findHandlerGaps, whoHandles as answerReferral } from "./handler-findings";
import { buildNetworkGraph } from "./network-graph";
import { isActiveOn, TaxonomyTree } from "./analysis.rules";
import { ReferralMissRow } from "./referral-miss.entity";
import { overlapActorLinks } from "../overlaps/overlap.service";

type IdType = "FieldOfAction" | "TargetGroup" | "Municipality" | "Actor" | "Network";

/** Decodes filter ids; an id of the wrong type names the field in a BAD_USER_INPUT error. */
function ids(list: readonly string[] | null | undefined, type: IdType, path: string, errors: FieldErrors): number[] | undefined {
  if (!list) return undefined;
  return list.map((g, i) => {
    const id = localId(g, type);
    if (id === null) errors.add(`${path}.${i}`, `is not a ${type} id`);
    return id ?? -1;
  });
}

function keysOf(idsList: number[] | undefined, map: Map<number, string>): string[] | undefined {
  return idsList?.map((id) => map.get(id) ?? `#${id}`);
}

/** Runs an analysis; its input errors become BAD_USER_INPUT naming the argument. */
function runAnalysis<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (!(e instanceof AnalysisInputError)) throw e;
    const errors = new FieldErrors();
    errors.add(e.path, e.message);
    errors.throwIfAny();
    throw e;
  }
}

/** Municipality axis keys are database ids; clients get global ids. */
function publicKey(dim: CoverageDimension, key: string): string {
  return dim === CoverageDimension.MUNICIPALITY ? toGlobalId("Municipality", Number(key)) : key;
}

async function coverageInputs(ctx: Context, filter: CoverageFilter) {
  const errors = new FieldErrors();
  checkInput(Object.assign(new CoverageFilter(), filter), errors);
  const fieldIds = ids(filter.fieldOfActionIds, "FieldOfAction", "filter.fieldOfActionIds", errors);
  const groupIds = ids(filter.targetGroupIds, "TargetGroup", "filter.targetGroupIds", errors);
  const placeIds = ids(filter.municipalityIds, "Municipality", "filter.municipalityIds", errors);
  const actorIds = ids(filter.actorIds, "Actor", "filter.actorIds", errors);
  errors.throwIfAny();
  const data = await loadAnalysisData(ctx.ds);
  const plain: PlainCoverageFilter = {
    fieldKeys: keysOf(fieldIds, data.fieldKeyById),
    targetGroupKeys: keysOf(groupIds, data.groupKeyById),
    municipalityIds: placeIds,
    levels: filter.levels ?? undefined,
    age: filter.age ?? null,
    providerIds: actorIds,
  };
  // Partners and anonymous visitors count published measures only; the commissioner and analysts count all.
  if (!ctx.viewer) data.measures = data.measures.filter((m) => m.published);
  else if (!can.readDirectory(ctx.viewer)) data.measures = [];
  return { data, plain, referenceDate: filter.referenceDate ?? today() };
}

export async function coverage(ctx: Context, rows: CoverageDimension, columns: CoverageDimension, filter: CoverageFilter = {}): Promise<CoverageMatrix> {
  const { data, plain, referenceDate } = await coverageInputs(ctx, filter);
  const m = runAnalysis(() => computeCoverage(data.measures, rows, columns, data.ctx, referenceDate, plain));
  return {
    rowsDimension: rows,
    columnsDimension: columns,
    rows: m.rows.map((r) => ({ ...r, key: publicKey(rows, r.key) })),
    columns: m.columns.map((c) => ({ ...c, key: publicKey(columns, c.key) })),
    cells: m.cells.map((c) => ({ ...c, row: publicKey(rows, c.row), col: publicKey(columns, c.col) })),
    measureCount: m.measureCount,
    referenceDate,
  };
}

export async function gaps(ctx: Context, rows: CoverageDimension, columns: CoverageDimension, filter: CoverageFilter = {}): Promise<CoverageGapList> {
  const { data, plain, referenceDate } = await coverageInputs(ctx, filter);
  const g = runAnalysis(() => gapsOfCoverage(computeCoverage(data.measures, rows, columns, data.ctx, referenceDate, plain)));
  return {
    rowsDimension: rows,
    columnsDimension: columns,
    weighted: g.weighted,
    totalCount: g.gaps.length,
    gaps: g.gaps.map((x) => ({ ...x, row: publicKey(rows, x.row), col: publicKey(columns, x.col) })),
  };
}

async function entities(ctx: Context) {
  const [fields, groups, places] = await Promise.all([ctx.loaders.fields(), ctx.loaders.targetGroups(), ctx.loaders.municipalities()]);
  const byKey = <T extends { key: string }>(rows: Map<number, T>) => new Map([...rows.values()].map((r) => [r.key, r]));
  return { fieldByKey: byKey(fields), groupByKey: byKey(groups), places };
}

function present<T>(rows: (T | null | undefined | Error)[]): T[] {
  return rows.filter((r): r is T => r !== null && r !== undefined && !(r instanceof Error));
}

export async function handlerFindings(ctx: Context, filter: HandlerFindingsFilter = {}): Promise<HandlerFindings> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new HandlerFindingsFilter(), filter), errors);
  const fieldIds = ids(filter.fieldOfActionIds, "FieldOfAction", "filter.fieldOfActionIds", errors);
  const audienceIds = ids(filter.audience, "TargetGroup", "filter.audience", errors);
  errors.throwIfAny();
  const data = await loadAnalysisData(ctx.ds, { handlers: true });
  const wanted = fieldIds ? new Set(keysOf(fieldIds, data.fieldKeyById)) : null;
  const handlers = wanted ? data.handlers.filter((h) => wanted.has(h.fieldKey)) : data.handlers;
  const opts = { targetGroups: data.ctx.targetGroups };
  const conflicts = findHandlerConflicts(handlers, data.ctx.municipalities, opts);
  const gapList = findHandlerGaps(handlers, data.ctx.municipalities, { ...opts, audience: keysOf(audienceIds, data.groupKeyById) ?? [], fieldKeys: wanted ? [...wanted] : undefined });
  const { fieldByKey, groupByKey, places } = await entities(ctx);
  const placeList = (idsList: number[]) => present(idsList.map((id) => places.get(id)));
  return {
    conflicts: await Promise.all(
      conflicts.map(async (c) => ({
        fieldOfAction: fieldByKey.get(c.fieldKey)!,
        priority: c.priority,
        handlers: present(await ctx.loaders.handler.loadMany(c.handlerIds)),
        actors: present(await ctx.loaders.actor.loadMany(c.actorIds)),
        sameActor: c.sameActor,
        ageMin: c.ageMin,
        ageMax: c.ageMax,
        allMunicipalities: c.allMunicipalities,
        municipalities: placeList(c.municipalityIds),
        targetGroups: present(c.targetGroupKeys.map((k) => groupByKey.get(k))),
        descriptionDe: c.descriptionDe,
        descriptionEn: c.descriptionEn,
      })),
    ),
    gaps: gapList
      .filter((g) => fieldByKey.has(g.fieldKey))
      .map((g) => ({
        fieldOfAction: fieldByKey.get(g.fieldKey)!,
        ageMin: g.ageMin,
        ageMax: g.ageMax,
        allMunicipalities: g.allMunicipalities,
        municipalities: placeList(g.municipalityIds),
        population: g.population,
        descriptionDe: g.descriptionDe,
        descriptionEn: g.descriptionEn,
      })),
  };
}

/**
 * The referral guide: who is responsible for this person's need, and which offerings fit. A question nobody can
 * answer is counted per need × municipality as evidence of a gap.
 */
export async function whoHandles(ctx: Context, profile: ReferralProfileInput): Promise<ReferralResult> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new ReferralProfileInput(), profile), errors);
  const placeId = localId(profile.municipalityId, "Municipality");
  const needId = localId(profile.need, "FieldOfAction");
  const groupIds = ids(profile.targetGroupIds, "TargetGroup", "targetGroupIds", errors) ?? [];
  const { fieldByKey, places } = await entities(ctx);
  if (placeId === null || !places.has(placeId)) errors.addMissing("municipalityId", "unknown Municipality");
  const need = [...fieldByKey.values()].find((f) => f.rowId === needId);
  if (!need) errors.addMissing("need", "unknown FieldOfAction");
  errors.throwIfAny();
  const data = await loadAnalysisData(ctx.ds, { handlers: true });
  const answer = answerReferral(
    { age: profile.age ?? null, municipalityId: placeId!, targetGroupKeys: keysOf(groupIds, data.groupKeyById) ?? [], need: need!.key },
    data.handlers,
    data.measures,
    { fields: data.ctx.fields, targetGroups: data.ctx.targetGroups, referenceDate: today() },
  );
  if (answer.miss) await countMiss(ctx, need!.rowId, placeId!);
  return {
    handlers: present(await ctx.loaders.handler.loadMany(answer.handlers.map((h) => h.id))),
    measures: present(await ctx.loaders.measure.loadMany(answer.measures.map((m) => m.id))).filter((m) => can.readMeasure(ctx.viewer, m)),
    miss: answer.miss,
    ambiguous: answer.ambiguous,
  };
}

async function countMiss(ctx: Context, fieldOfActionId: number, municipalityId: number): Promise<void> {
  const repo = ctx.ds.getRepository(ReferralMissRow);
  const now = new Date();
  const bumped = await repo.createQueryBuilder().update().set({ count: () => "count + 1", lastAt: now }).where({ fieldOfActionId, municipalityId }).execute();
  if (bumped.affected) return;
  try {
    await repo.insert({ fieldOfActionId, municipalityId, count: 1, lastAt: now });
  } catch {
    // Another request inserted the row first: count on it.
    await repo.createQueryBuilder().update().set({ count: () => "count + 1", lastAt: now }).where({ fieldOfActionId, municipalityId }).execute();
  }
}

export async function referralMisses(ctx: Context): Promise<ReferralMiss[]> {
  const rows = await ctx.ds.getRepository(ReferralMissRow).find({ order: { count: "DESC", lastAt: "DESC" }, take: 500 });
  const [fields, places] = await Promise.all([ctx.loaders.fields(), ctx.loaders.municipalities()]);
  return rows
    .filter((r) => fields.has(r.fieldOfActionId) && places.has(r.municipalityId))
    .map((r) => ({ fieldOfAction: fields.get(r.fieldOfActionId)!, municipality: places.get(r.municipalityId)!, count: r.count, lastAt: r.lastAt }));
}

const graphCache = new Map<string, NetworkGraph>();
const GRAPH_CACHE_SIZE = 50;

/** The actor graph with metrics; cached until the data change (see dataStamp). */
export async function networkGraph(ctx: Context, filter: NetworkGraphFilter = { betweenness: true }): Promise<NetworkGraph> {
  const errors = new FieldErrors();
  checkInput(Object.assign(new NetworkGraphFilter(), filter), errors);
  const fieldIds = ids(filter.fieldOfActionIds, "FieldOfAction", "filter.fieldOfActionIds", errors);
  const groupIds = ids(filter.targetGroupIds, "TargetGroup", "filter.targetGroupIds", errors);
  const placeIds = ids(filter.municipalityIds, "Municipality", "filter.municipalityIds", errors);
  const networkIds = ids(filter.networkIds, "Network", "filter.networkIds", errors);
  errors.throwIfAny();
  const key = `${await dataStamp(ctx.ds)}#${JSON.stringify(filter)}#${today()}`;
  const cached = graphCache.get(key);
  if (cached) return cached;
  const data = await loadAnalysisData(ctx.ds, { network: true });
  const referenceDate = today();
  const actorIds = await selectActors(ctx, data, { fieldIds, groupIds, placeIds, networkIds, kinds: filter.actorKinds ?? undefined }, referenceDate);
  const overlaps = await overlapActorLinks(ctx.ds);
  const g = buildNetworkGraph(
    { actors: data.actors, measures: data.measures, partners: data.partners, cooperations: data.cooperations, memberships: data.memberships, overlaps },
    { referenceDate, edgeKinds: filter.edgeKinds ?? undefined, actorIds, betweenness: filter.betweenness },
  );
  const result: NetworkGraph = {
    edgeKinds: g.edgeKinds as NetworkEdgeKind[],
    nodes: g.nodes.map((n) => ({ ...n, id: toGlobalId("Actor", n.id) })),
    edgeSource: g.edges.source,
    edgeTarget: g.edges.target,
    edgeKind: g.edges.kind,
    edgeWeight: g.edges.weight,
    isolated: g.isolated,
    communityCount: g.communityCount,
    modularity: g.modularity,
  };
  if (graphCache.size >= GRAPH_CACHE_SIZE) graphCache.delete(graphCache.keys().next().value as string);
  graphCache.set(key, result);
  return result;
}


async function selectActors(
  ctx: Context,
  data: AnalysisData,
  f: { fieldIds?: number[]; groupIds?: number[]; placeIds?: number[]; networkIds?: number[]; kinds?: string[] },
  referenceDate: string,
): Promise<number[] | undefined> {
  if (!f.fieldIds && !f.groupIds && !f.placeIds && !f.networkIds && !f.kinds) return undefined;
  const fieldTree = new TaxonomyTree(data.ctx.fields);
  const groupTree = new TaxonomyTree(data.ctx.targetGroups);
  const wantFields = f.fieldIds ? new Set(keysOf(f.fieldIds, data.fieldKeyById)) : null;
  const wantGroups = f.groupIds ? new Set(keysOf(f.groupIds, data.groupKeyById)) : null;
  const wantPlaces = f.placeIds ? new Set(f.placeIds) : null;
  const fits = (m: AnalysisMeasure) =>
    isActiveOn(m, referenceDate) &&
    (!wantFields || m.fieldKeys.some((k) => fieldTree.ancestorsAndSelf(k).some((x) => wantFields.has(x)))) &&
    (!wantGroups || m.targetGroupKeys.some((k) => [...groupTree.ancestorsAndSelf(k), ...groupTree.descendantsAndSelf(k)].some((x) => wantGroups.has(x)))) &&
    (!wantPlaces || m.countyWide || m.municipalityIds.some((id) => wantPlaces.has(id)));
  let chosen = new Set(data.actors.map((a) => a.id));
  if (wantFields || wantGroups || wantPlaces) {
    const providers = new Set(data.measures.filter(fits).map((m) => m.providerId));
    if (wantPlaces && !wantFields && !wantGroups) {
      const seated = await ctx.ds.getRepository(Actor).find({ select: { rowId: true, municipalityId: true } });
      for (const a of seated) if (a.municipalityId !== null && wantPlaces.has(a.municipalityId)) providers.add(a.rowId);
    }
    chosen = new Set([...chosen].filter((id) => providers.has(id)));
  }
  if (f.networkIds) {
    const nets = new Set(f.networkIds);
    const members = new Set(data.memberships.filter((m) => nets.has(m.networkId) && (m.until === null || m.until >= referenceDate)).map((m) => m.actorId));
    chosen = new Set([...chosen].filter((id) => members.has(id)));
  }
  if (f.kinds) {
    const kinds = new Set(f.kinds);
    const ofKind = new Set(data.actors.filter((a) => kinds.has(a.kind)).map((a) => a.id));
    chosen = new Set([...chosen].filter((id) => ofKind.has(id)));
  }
  return [...chosen];
}
