/**
 * The overlap engine's thread: it owns the OverlapIndex, so building it, full recomputes and incremental
 * re-checks never run on the server's event loop. Messages are { seq, req } → { seq, result } | { seq, error }.
 */
import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { findClusters } from "./algorithms/clusters";
import { OverlapIndex } from "./algorithms/detector";
import { SynonymGroup } from "./algorithms/text";
import { OverlapMeasure, OverlapThresholds, Taxonomy } from "./algorithms/types";

export type EngineRequest =
  | { op: "load"; measures: OverlapMeasure[]; taxonomy: SerialTaxonomy; thresholds: Partial<OverlapThresholds>; synonyms?: SynonymGroup[] }
  | { op: "findAll" }
  | { op: "upsert"; measure: OverlapMeasure }
  | { op: "remove"; id: number }
  | { op: "clusters"; findings: import("./algorithms/types").OverlapFinding[] };

/** Taxonomy with its maps and sets as arrays, so it survives structured cloning. */
export interface SerialTaxonomy {
  statusGroupKeys: string[];
  allMigrantsKey: string;
  fieldNames: [string, string][];
  targetGroupNames: [string, string][];
  municipalityNames: [number, string][];
  targetGroupParents: [string, string][];
}

export function reviveTaxonomy(t: SerialTaxonomy): Taxonomy {
  return {
    statusGroupKeys: new Set(t.statusGroupKeys),
    allMigrantsKey: t.allMigrantsKey,
    fieldNames: new Map(t.fieldNames),
    targetGroupNames: new Map(t.targetGroupNames),
    municipalityNames: new Map(t.municipalityNames),
    targetGroupParents: new Map(t.targetGroupParents),
  };
}

let index: OverlapIndex | null = null;

function handle(req: EngineRequest): unknown {
  switch (req.op) {
    case "load":
      index = OverlapIndex.build(req.measures, reviveTaxonomy(req.taxonomy), req.thresholds, { synonyms: req.synonyms });
      return { measures: index.size, ms: index.buildStats.ms };
    case "findAll": {
      if (!index) throw new Error("overlap index not loaded");
      const findings = index.findAll();
      const clusters = findClusters(findings, { taxonomy: index.taxonomy });
      return { findings, clusters, stats: index.lastRun };
    }
    case "upsert":
      if (!index) throw new Error("overlap index not loaded");
      return index.upsert(req.measure);
    case "remove":
      if (!index) throw new Error("overlap index not loaded");
      return index.remove(req.id);
    case "clusters":
      return findClusters(req.findings, { taxonomy: index?.taxonomy });
  }
}

/**
 * The engine works in the background: a full recompute takes seconds of CPU, and on a machine with few cores it
 * would take them from the event loop that answers API requests. So this thread runs at a lower scheduling
 * priority (Linux: `setpriority` on the thread's own id, found through /proc/thread-self), and the API wins the
 * cores while both want them. Elsewhere the call fails and the thread keeps the normal priority.
 */
const ENGINE_NICENESS = 10;

function lowerOwnPriority(): void {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, ENGINE_NICENESS);
  } catch {
    /* not Linux, or not permitted: normal priority */
  }
}

if (parentPort) lowerOwnPriority();

parentPort?.on("message", (msg: { seq: number; req: EngineRequest }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, result: handle(msg.req) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, error: e instanceof Error ? e.message : String(e) });
  }
});
