import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { Context } from "../../app/context";
import { FieldErrors, ForbiddenError, NotFoundError } from "../../common/errors";
import { SortDirection } from "../../common/enums";
import { param, whereIn } from "../../common/filters";
import { SerialQueue, serialQueue } from "../../common/serial";
import { localId } from "../../common/global-id";
import { ConnectionResult, PageArgs, paginate } from "../../common/pagination";
import { checkInput } from "../../common/validation";
import { targetId, versionedUpdate, withTransaction } from "../../common/write";
import { overlapThresholds } from "../../config";
import { AuditAction } from "../audit/audit.entity";
import { auditRowChange, recordAudit } from "../audit/audit.service";
import { Role } from "../auth/auth.enums";
import { can } from "../auth/auth.policy";
import { expandFieldFilter, filterIds } from "../taxonomy/taxonomy.service";
import { DEFAULT_THRESHOLDS } from "./algorithms/types";
import { overlapEngine } from "./overlap.engine";
import { Overlap, OverlapStatus } from "./overlap.entity";
import { OverlapFilter, OverlapRecomputeResult, ReviewOverlapInput } from "./overlap.inputs";
import { detectedFindings, reconcile, storeClusters } from "./overlap.reconcile";

/** Thresholds from the environment (only those set; the engine's defaults fill the rest). */
function configuredThresholds(): Partial<typeof DEFAULT_THRESHOLDS> {
  return Object.fromEntries(Object.entries(overlapThresholds()).filter(([, v]) => v !== undefined));
}

const overlapWrites = new WeakMap<DataSource, SerialQueue>();

/**
 * Overlap writes of one process run one after another: two re-checks (or a re-check and a recompute) touch the
 * same overlap rows and cluster keys, and on MySQL concurrent ones deadlocked each other and the measure edits.
 */
function oneAtATime<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  let queue = overlapWrites.get(ds);
  if (!queue) overlapWrites.set(ds, (queue = serialQueue()));
  return queue(work);
}

function engineFor(ds: DataSource) {
  return overlapEngine(ds, configuredThresholds());
}

/**
 * Re-checks one measure after it was created, edited or archived, in the same request: its overlaps with every
 * other measure are found in the engine thread and stored; clusters are refreshed. Failures are logged and
 * never undo the edit itself (a full recompute repairs the overlaps).
 */
export async function recheckMeasure(ctx: Context, measureId: number): Promise<void> {
  try {
    await oneAtATime(ctx.ds, async () => {
      const { findings } = await engineFor(ctx.ds).recheck(measureId);
      const summary = await withTransaction(ctx, (em) => reconcile(em, findings, { measureId }));
      // Clusters depend only on which pairs are detected: unchanged pairs keep them as they are.
      if (summary.opened + summary.removed + summary.noLongerDetected > 0) refreshClustersSoon(ctx);
    });
  } catch (e) {
    console.error(`overlap re-check of measure ${measureId} failed:`, e instanceof Error ? e.message : e);
  }
}

const CLUSTER_COALESCE_MS = 100;
const clusterRefresh = new WeakMap<DataSource, { dirty: boolean; running: Promise<void> | null }>();

/**
 * Clusters (maximal cliques over all detected pairs) are derived from the whole overlap graph, so recomputing them
 * after every single edit made a burst of n edits cost O(n²). Edits mark them stale instead; one refresh runs shortly
 * after (coalescing the edits of that moment) and again while edits keep coming, until nothing is stale. Readers
 * of overlaps wait for a pending refresh (`clustersSettled`), so this process never shows stale clusters.
 */
function refreshClustersSoon(ctx: Context): void {
  let state = clusterRefresh.get(ctx.ds);
  if (!state) clusterRefresh.set(ctx.ds, (state = { dirty: false, running: null }));
  state.dirty = true;
  if (state.running) return;
  const s = state;
  s.running = (async () => {
    while (s.dirty) {
      await new Promise((resolve) => setTimeout(resolve, CLUSTER_COALESCE_MS));
      s.dirty = false;
      try {
        await oneAtATime(ctx.ds, async () => {
          const clusters = await engineFor(ctx.ds).clusters(await detectedFindings(ctx.ds.manager));
          await withTransaction(ctx, (em) => storeClusters(em, clusters));
        });
      } catch (e) {
        console.error("overlap cluster refresh failed:", e instanceof Error ? e.message : e);
      }
    }
    s.running = null;
  })();
}

/** Resolves once no cluster refresh is pending in this process. */
export async function clustersSettled(ds: DataSource): Promise<void> {
  const state = clusterRefresh.get(ds);
  while (state?.running) await state.running;
}

/** Rebuilds the index and finds every overlap in the worker thread, then stores the result. */
export async function recomputeOverlaps(ctx: Context | { ds: DataSource; viewer: null; loaders: Context["loaders"] }): Promise<OverlapRecomputeResult> {
  const started = Date.now();
  const run = await engineFor(ctx.ds).fullRun();
  const summary = await oneAtATime(ctx.ds, () => withTransaction(ctx as Context, async (em) => {
    const s = await reconcile(em, run.findings, "all");
    await storeClusters(em, run.clusters);
    // A recompute opens, re-opens and resolves reviews: who started it, and what it did, is on record.
    if (ctx.viewer) {
      await recordAudit(em, ctx, "OverlapRecompute", 0, AuditAction.UPDATE, {}, { findings: run.findings.length, clusters: run.clusters.length, opened: s.opened, reopened: s.reopened, resolved: s.resolved });
    }
    return s;
  }));
  return {
    measures: run.stats.measures,
    allPairs: run.stats.allPairs,
    candidatePairs: run.stats.candidatePairs,
    findings: run.findings.length,
    clusters: run.clusters.length,
    opened: summary.opened,
    reopened: summary.reopened,
    resolved: summary.resolved,
    durationMs: Date.now() - started,
  };
}

export function overlapSettings() {
  const t = { ...DEFAULT_THRESHOLDS, ...configuredThresholds() };
  return { crossActorText: t.crossActorText, sameActorText: t.sameActorText };
}

/** Partners see overlaps that involve one of their own measures; the commissioner and analysts see all. */
function visibility(ctx: Context): { sql: string; params: Record<string, unknown> } | null {
  if (ctx.viewer?.role !== Role.PARTNER) return null;
  const p = param("own");
  return {
    sql: `EXISTS (SELECT 1 FROM measure om WHERE om.id IN (o.measureAId, o.measureBId) AND om.providerId = :${p})`,
    params: { [p]: ctx.viewer.actorId ?? -1 },
  };
}

export async function listOverlaps(ctx: Context, filter: OverlapFilter = {}, page: PageArgs = {}): Promise<ConnectionResult<Overlap>> {
  await clustersSettled(ctx.ds);
  const errors = new FieldErrors();
  checkInput(Object.assign(new OverlapFilter(), filter), errors);
  errors.throwIfAny();
  const qb = ctx.ds.getRepository(Overlap).createQueryBuilder("o");
  const vis = visibility(ctx);
  if (vis) qb.andWhere(vis.sql, vis.params);
  if (filter.detected !== null) qb.andWhere(`o.detected = ${filter.detected === false ? 0 : 1}`);
  whereIn(qb, "o.status", filter.statuses);
  whereIn(qb, "o.kind", filter.kinds);
  if (filter.minScore != null) {
    const p = param("score");
    qb.andWhere(`o.score >= :${p}`, { [p]: filter.minScore });
  }
  const measures = filterIds(filter.measureIds, "Measure");
  if (measures) {
    const p = param("m");
    qb.andWhere(measures.length ? `(o.measureAId IN (:...${p}) OR o.measureBId IN (:...${p}))` : "1 = 0", { [p]: measures });
  }
  const actors = filterIds(filter.actorIds, "Actor");
  if (actors) {
    const p = param("a");
    qb.andWhere(actors.length ? `EXISTS (SELECT 1 FROM measure am WHERE am.id IN (o.measureAId, o.measureBId) AND am.providerId IN (:...${p}))` : "1 = 0", { [p]: actors });
  }
  const fields = filterIds(filter.fieldOfActionIds, "FieldOfAction");
  if (fields) {
    const expanded = await expandFieldFilter(ctx, fields);
    const p = param("f");
    qb.andWhere(
      expanded.length
        ? `EXISTS (SELECT 1 FROM measure_field fa WHERE fa.measureId = o.measureAId AND fa.fieldOfActionId IN (:...${p})) AND EXISTS (SELECT 1 FROM measure_field fb WHERE fb.measureId = o.measureBId AND fb.fieldOfActionId IN (:...${p}))`
        : "1 = 0",
      { [p]: expanded },
    );
  }
  const places = filterIds(filter.municipalityIds, "Municipality");
  if (places) {
    const p = param("p");
    const serves = (col: string) =>
      `(EXISTS (SELECT 1 FROM measure cm WHERE cm.id = ${col} AND cm.countyWide = 1) OR EXISTS (SELECT 1 FROM measure_municipality mm WHERE mm.measureId = ${col} AND mm.municipalityId IN (:...${p})))`;
    qb.andWhere(places.length ? `${serves("o.measureAId")} AND ${serves("o.measureBId")}` : "1 = 0", { [p]: places });
  }
  return paginate(qb, { expression: "o.score", direction: SortDirection.DESC }, page);
}

export async function getOverlap(ctx: Context, globalId: string): Promise<Overlap> {
  const id = localId(globalId, "Overlap");
  await clustersSettled(ctx.ds);
  const row = id === null ? null : await ctx.ds.getRepository(Overlap).findOneBy({ rowId: id });
  if (!row || !(await mayRead(ctx, row))) throw new NotFoundError("Overlap", globalId);
  return row;
}

async function mayRead(ctx: Context, o: Overlap): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (ctx.viewer.role !== Role.PARTNER) return true;
  const [a, b] = await ctx.loaders.measure.loadMany([o.measureAId, o.measureBId]);
  return [a, b].some((m) => m && !(m instanceof Error) && m.providerId === ctx.viewer!.actorId);
}

/** Allowed review transitions: decide an open pair, resolve a confirmed one, or re-open any decision. */
const TRANSITIONS: Record<OverlapStatus, OverlapStatus[]> = {
  [OverlapStatus.OPEN]: [OverlapStatus.CONFIRMED, OverlapStatus.COMPLEMENTARY, OverlapStatus.DISMISSED],
  [OverlapStatus.CONFIRMED]: [OverlapStatus.RESOLVED, OverlapStatus.COMPLEMENTARY, OverlapStatus.DISMISSED, OverlapStatus.OPEN],
  [OverlapStatus.COMPLEMENTARY]: [OverlapStatus.CONFIRMED, OverlapStatus.DISMISSED, OverlapStatus.OPEN],
  [OverlapStatus.DISMISSED]: [OverlapStatus.CONFIRMED, OverlapStatus.COMPLEMENTARY, OverlapStatus.OPEN],
  [OverlapStatus.RESOLVED]: [OverlapStatus.OPEN],
};

export async function reviewOverlap(ctx: Context, input: ReviewOverlapInput): Promise<Overlap> {
  if (ctx.viewer?.role !== Role.COMMISSIONER) throw new ForbiddenError("Only the commissioner reviews overlaps");
  const id = targetId(input.id, "Overlap");
  const errors = new FieldErrors();
  checkInput(input, errors);
  errors.throwIfAny();
  return withTransaction(ctx, async (em) => {
    const before = await em.findOneBy(Overlap, { rowId: id });
    if (!before) throw new NotFoundError("Overlap", input.id);
    if (before.version === input.version && !TRANSITIONS[before.status].includes(input.status)) {
      errors.add("status", `cannot go from ${before.status} to ${input.status} (allowed: ${TRANSITIONS[before.status].join(", ")})`);
      errors.throwIfAny();
    }
    await versionedUpdate(em, Overlap, "Overlap", input.id, id, input.version, {
      status: input.status,
      reviewNote: input.note?.trim() || null,
      reviewedById: ctx.viewer!.accountId,
      reviewedByEmail: ctx.viewer!.email,
      reviewedAt: new Date(),
      statusReason: null,
    });
    return auditRowChange(em, ctx, Overlap, "Overlap", id, AuditAction.UPDATE, before);
  });
}

export function createOverlapLoaders(ds: DataSource) {
  return {
    /** Detected overlaps of a measure (either side), best first. */
    overlapsByMeasure: new DataLoader<number, Overlap[]>(async (ids) => {
      const rows = await ds
        .getRepository(Overlap)
        .createQueryBuilder("o")
        .where("o.detected = 1 AND (o.measureAId IN (:...ids) OR o.measureBId IN (:...ids))", { ids })
        .orderBy("o.score", "DESC")
        .getMany();
      const out = new Map<number, Overlap[]>();
      for (const r of rows) {
        for (const side of [r.measureAId, r.measureBId]) {
          let list = out.get(side);
          if (!list) out.set(side, (list = []));
          list.push(r);
        }
      }
      return ids.map((id) => out.get(id) ?? []);
    }),
    /** Open or confirmed overlaps that involve an actor's measures. */
    overlapCountByActor: new DataLoader<number, number>(async (ids) => {
      const rows: { actorId: number | string; n: number | string }[] = await ds
        .createQueryBuilder()
        .select("m.providerId", "actorId")
        .addSelect("COUNT(DISTINCT o.id)", "n")
        .from(Overlap, "o")
        .innerJoin("measure", "m", "m.id IN (o.measureAId, o.measureBId)")
        .where("o.detected = 1 AND o.status IN ('OPEN', 'CONFIRMED') AND m.providerId IN (:...ids)", { ids })
        .groupBy("m.providerId")
        .getRawMany();
      const counts = new Map(rows.map((r) => [Number(r.actorId), Number(r.n)]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}

/** Overlap ties for the network map: actors whose offerings overlap (open or confirmed, different actors). */
export async function overlapActorLinks(ds: DataSource): Promise<{ aActorId: number; bActorId: number }[]> {
  const rows: { a: number | string; b: number | string }[] = await ds
    .createQueryBuilder()
    .select("ma.providerId", "a")
    .addSelect("mb.providerId", "b")
    .from(Overlap, "o")
    .innerJoin("measure", "ma", "ma.id = o.measureAId")
    .innerJoin("measure", "mb", "mb.id = o.measureBId")
    .where("o.detected = 1 AND o.status IN ('OPEN', 'CONFIRMED') AND ma.providerId <> mb.providerId")
    .getRawMany();
  return rows.map((r) => ({ aActorId: Number(r.a), bActorId: Number(r.b) }));
}

export { can };
