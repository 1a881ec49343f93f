import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { DataSource, In, MoreThan, MoreThanOrEqual } from "typeorm";
import { serialQueue } from "../../common/serial";
import { yieldToEventLoop } from "../../common/yield";
import { OverlapCluster } from "./algorithms/clusters";
import { OverlapFinding, OverlapMeasure, OverlapRunStats, OverlapThresholds, TaxonomyEntry, buildTaxonomy, withAncestorKeys } from "./algorithms/types";
import { Measure } from "../measures/measure.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";
import { EngineRequest, SerialTaxonomy } from "./overlap.worker";

/** Measures (and link rows) read per query when the engine loads all measures. */
const LOAD_CHUNK = 2000;

/**
 * The worker file: the compiled overlap.worker.js next to this file, or — when this code runs from TypeScript
 * sources (tests) — the same file in server/dist, which `npm test` builds first.
 */
function workerFile(): string {
  const here = path.join(__dirname, "overlap.worker.js");
  if (fs.existsSync(here)) return here;
  const dist = path.resolve(__dirname, "..", "..", "..", "dist", "modules", "overlaps", "overlap.worker.js");
  if (fs.existsSync(dist)) return dist;
  throw new Error("overlap worker not built: run `npm run build -w server`");
}

/** A request/response channel to the engine thread. */
class EngineThread {
  private readonly worker: Worker;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Set when the thread died; the engine then starts a new one. */
  dead = false;

  constructor() {
    this.worker = new Worker(workerFile());
    this.worker.unref();
    this.worker.on("message", (msg: { seq: number; result?: unknown; error?: string }) => {
      const p = this.pending.get(msg.seq);
      if (!p) return;
      this.pending.delete(msg.seq);
      if (msg.error !== undefined) p.reject(new Error(`overlap engine: ${msg.error}`));
      else p.resolve(msg.result);
    });
    const failAll = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.dead = true;
    };
    this.worker.on("error", failAll);
    this.worker.on("exit", (code) => failAll(new Error(`overlap engine thread exited (${code})`)));
  }

  call<T>(req: EngineRequest): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ seq: id, req });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export interface FullRun {
  findings: OverlapFinding[];
  clusters: OverlapCluster[];
  stats: OverlapRunStats;
}

/** Turns database rows into the engine's plain measures (fields with ancestors, group keys, place ids). */
export class MeasureMapper {
  private constructor(
    readonly taxonomy: SerialTaxonomy,
    private readonly fieldEntries: TaxonomyEntry[],
    private readonly fieldKey: Map<number, string>,
    private readonly groupKey: Map<number, string>,
  ) {}

  static async load(ds: DataSource): Promise<MeasureMapper> {
    const [fields, groups, places] = await Promise.all([ds.getRepository(FieldOfAction).find(), ds.getRepository(TargetGroup).find(), ds.getRepository(Municipality).find()]);
    const fieldKey = new Map(fields.map((f) => [f.rowId, f.key]));
    const groupKey = new Map(groups.map((g) => [g.rowId, g.key]));
    const fieldEntries = fields.map((f) => ({ key: f.key, nameDe: f.nameDe, parent: f.parentId === null ? null : (fieldKey.get(f.parentId) ?? null) }));
    const groupEntries = groups.map((g) => ({ key: g.key, nameDe: g.nameDe, parent: g.parentId === null ? null : (groupKey.get(g.parentId) ?? null) }));
    const t = buildTaxonomy({ fields: fieldEntries, targetGroups: groupEntries, municipalities: places.map((p) => ({ id: p.rowId, name: p.name })) });
    const serial: SerialTaxonomy = {
      statusGroupKeys: [...t.statusGroupKeys],
      allMigrantsKey: t.allMigrantsKey,
      fieldNames: [...t.fieldNames],
      targetGroupNames: [...t.targetGroupNames],
      municipalityNames: [...t.municipalityNames],
      targetGroupParents: [...(t.targetGroupParents ?? new Map())],
    };
    return new MeasureMapper(serial, fieldEntries, fieldKey, groupKey);
  }

  /** Loads measures (all, or the given ids) with their links as engine measures; archived ones are left out. */
  async measures(ds: DataSource, where: { ids?: number[]; since?: Date } = {}): Promise<{ active: OverlapMeasure[]; archivedIds: number[]; versions: Map<number, number> }> {
    const repo = ds.getRepository(Measure);
    const select = { rowId: true, providerId: true, title: true, description: true, ageMin: true, ageMax: true, countyWide: true, startDate: true, endDate: true, archived: true, updatedAt: true, version: true } as const;
    // A full load reads in slices of ascending ids and lets API requests through in between (SQLite answers
    // synchronously on the event loop).
    let rows: Measure[] = [];
    if (where.ids || where.since) {
      rows = await repo.find({ where: where.ids ? { rowId: In(where.ids) } : { updatedAt: MoreThanOrEqual(where.since!) }, select });
    } else {
      for (let after = 0; ; ) {
        const chunk = await repo.find({ where: { rowId: MoreThan(after) }, order: { rowId: "ASC" }, take: LOAD_CHUNK, select });
        for (const row of chunk) rows.push(row);
        if (chunk.length < LOAD_CHUNK) break;
        after = chunk[chunk.length - 1].rowId;
        await yieldToEventLoop();
      }
    }
    const idList = rows.map((r) => r.rowId);
    const links = async (table: string, column: string) => {
      const out = new Map<number, number[]>();
      for (let i = 0; i < idList.length; i += LOAD_CHUNK) {
        const chunk = idList.slice(i, i + LOAD_CHUNK);
        if (!chunk.length) continue;
        if (i > 0) await yieldToEventLoop();
        const raw = await ds.createQueryBuilder().select("j.measureId", "m").addSelect(`j.${column}`, "r").from(table, "j").where("j.measureId IN (:...chunk)", { chunk }).getRawMany();
        for (const r of raw) {
          const m = Number(r.m);
          let list = out.get(m);
          if (!list) out.set(m, (list = []));
          list.push(Number(r.r));
        }
      }
      return out;
    };
    const fields = await links("measure_field", "fieldOfActionId");
    const groups = await links("measure_target_group", "targetGroupId");
    const places = await links("measure_municipality", "municipalityId");
    const active: OverlapMeasure[] = [];
    const archivedIds: number[] = [];
    for (const r of rows) {
      if (r.archived) {
        archivedIds.push(r.rowId);
        continue;
      }
      active.push({
        id: r.rowId,
        providerId: r.providerId,
        title: r.title,
        description: r.description,
        fieldKeys: withAncestorKeys((fields.get(r.rowId) ?? []).map((id) => this.fieldKey.get(id) ?? `#${id}`), this.fieldEntries),
        targetGroupKeys: (groups.get(r.rowId) ?? []).map((id) => this.groupKey.get(id) ?? `#${id}`),
        ageMin: r.ageMin,
        ageMax: r.ageMax,
        countyWide: r.countyWide,
        municipalityIds: places.get(r.rowId) ?? [],
        startDate: r.startDate,
        endDate: r.endDate,
      });
    }
    return { active, archivedIds, versions: new Map(rows.map((r) => [r.rowId, r.version])) };
  }
}

/**
 * One engine per data source: the index lives in a worker thread. It is loaded on first use and kept in step
 * with the database by re-reading measures changed since the last sync (so changes made by other instances are
 * picked up too).
 */
export class OverlapEngine {
  private thread: EngineThread | null = null;
  private ready: Promise<MeasureMapper> | null = null;
  private syncedAt = new Date(0);
  /** The version of each measure as the index holds it, so a sync skips what it already has. */
  private indexed = new Map<number, number>();
  /** Serialises engine operations: index updates must not interleave. */
  private readonly serial = serialQueue();

  constructor(
    private readonly ds: DataSource,
    private readonly thresholds: Partial<OverlapThresholds>,
  ) {}

  private async loadIndex(): Promise<MeasureMapper> {
    if (!this.thread || this.thread.dead) this.thread = new EngineThread();
    const startedAt = new Date(Date.now() - 2000);
    const mapper = await MeasureMapper.load(this.ds);
    const { active, versions } = await mapper.measures(this.ds);
    await this.thread.call({ op: "load", measures: active, taxonomy: mapper.taxonomy, thresholds: this.thresholds });
    this.indexed = new Map(active.map((m) => [m.id, versions.get(m.id)!]));
    this.syncedAt = startedAt;
    return mapper;
  }

  private mapper(): Promise<MeasureMapper> {
    if (!this.ready || this.thread?.dead) {
      this.ready = this.loadIndex();
      this.ready.catch(() => (this.ready = null));
    }
    return this.ready;
  }

  /** Applies measures changed since the last sync (by any instance) to the index. */
  private async sync(mapper: MeasureMapper): Promise<void> {
    const since = new Date(this.syncedAt.getTime() - 1000);
    const next = new Date(Date.now() - 1000);
    const { active, archivedIds, versions } = await mapper.measures(this.ds, { since });
    // The window overlaps the previous one (clock skew between instances): what the index has already is skipped.
    for (const m of active) {
      if (this.indexed.get(m.id) === versions.get(m.id)) continue;
      await this.thread!.call({ op: "upsert", measure: m });
      this.indexed.set(m.id, versions.get(m.id)!);
    }
    for (const id of archivedIds) {
      if (!this.indexed.has(id)) continue;
      await this.thread!.call({ op: "remove", id });
      this.indexed.delete(id);
    }
    this.syncedAt = next;
  }

  /** Re-checks one measure against all others; returns its findings (empty when archived or gone). */
  recheck(measureId: number): Promise<{ findings: OverlapFinding[]; archived: boolean }> {
    return this.serial(async () => {
      const mapper = await this.mapper();
      await this.sync(mapper);
      const { active, versions } = await mapper.measures(this.ds, { ids: [measureId] });
      if (active.length === 0) {
        await this.thread!.call({ op: "remove", id: measureId });
        this.indexed.delete(measureId);
        return { findings: [], archived: true };
      }
      const findings = await this.thread!.call<OverlapFinding[]>({ op: "upsert", measure: active[0] });
      this.indexed.set(measureId, versions.get(measureId)!);
      return { findings, archived: false };
    });
  }

  /** Rebuilds the index from the database and finds every overlap, in the worker thread. */
  fullRun(): Promise<FullRun> {
    return this.serial(async () => {
      this.ready = this.loadIndex();
      await this.ready;
      return this.thread!.call<FullRun>({ op: "findAll" });
    });
  }

  /** Groups of ≥ 3 mutually overlapping offerings among the given findings. */
  clusters(findings: OverlapFinding[]): Promise<OverlapCluster[]> {
    return this.serial(async () => {
      this.thread ??= new EngineThread();
      return this.thread.call<OverlapCluster[]>({ op: "clusters", findings });
    });
  }

  async stop(): Promise<void> {
    await this.thread?.terminate();
    this.thread = null;
    this.ready = null;
  }
}

const engines = new WeakMap<DataSource, OverlapEngine>();

export function overlapEngine(ds: DataSource, thresholds: Partial<OverlapThresholds> = {}): OverlapEngine {
  let engine = engines.get(ds);
  if (!engine) engines.set(ds, (engine = new OverlapEngine(ds, thresholds)));
  return engine;
}

export async function stopOverlapEngine(ds: DataSource): Promise<void> {
  await engines.get(ds)?.stop();
  engines.delete(ds);
}
