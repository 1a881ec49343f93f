/**
 * One part of a partitioned full run (see parallel.ts): indexes its measures, reports its corpus statistics,
 * adopts those of the whole corpus, scans and streams its findings in batches.
 */
import { parentPort } from "node:worker_threads";
import { OverlapIndex } from "./detector";
import { OverlapFinding, OverlapMeasure } from "./types";
import { describePart, PartReply, PartRequest } from "./parallel";

let index: OverlapIndex | null = null;
let measures: OverlapMeasure[] = [];

function reply(message: PartReply): void {
  parentPort!.postMessage(message);
}

function handle(req: PartRequest): void {
  if (req.op === "measures") {
    for (const m of req.measures) measures.push(m);
    return;
  }
  if (req.op === "build") {
    const started = Date.now();
    index = OverlapIndex.build(measures, req.taxonomy, req.thresholds, { synonyms: req.synonyms });
    // The texts are analysed; findings need only the structured fields (and fingerprints, already computed), so
    // this thread's copies of the texts go, which is a good part of its memory.
    for (const m of measures) {
      m.title = "";
      m.description = "";
    }
    measures = [];
    reply({ op: "built", ms: Date.now() - started, ...describePart(index) });
    return;
  }
  if (!index) throw new Error("part not built");
  index.textModel.adoptCorpus(req);
  let batch: OverlapFinding[] = [];
  const stats = index.scan((f) => {
    batch.push(f);
    if (batch.length >= req.batch) {
      reply({ op: "findings", findings: batch });
      batch = [];
    }
  });
  if (batch.length) reply({ op: "findings", findings: batch });
  index = null;
  reply({ op: "scanned", stats });
}

parentPort?.on("message", (req: PartRequest) => {
  try {
    handle(req);
  } catch (e) {
    reply({ op: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
