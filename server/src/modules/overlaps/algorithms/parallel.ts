/**
 * A full overlap run on several threads, partitioned by place.
 *
 * Every candidate pair of a full run shares a structural block (a field in a municipality), so two measures that
 * are not connected through shared municipalities never meet. The measures are split into the connected groups
 * of that relation (in generated data and in a region of several counties, one group per county), the groups are
 * dealt to `threads` parts of about equal size, and each part is indexed and scanned in its own worker thread.
 *
 * The text similarity of a pair depends on the whole corpus (IDF), and its floating-point sum on the order of the
 * term ids. So the parts meet once between analysis and scan: their document frequencies are added up, and their
 * terms are numbered as one analyser of the whole corpus would have numbered them (by the first measure that used
 * a term, in input order, then by the order within that measure). With those, every part computes exactly the
 * similarities, findings and counts of a single index (`OverlapIndex.findAll`), only faster.
 *
 * The serial run is used instead when partitioning cannot help or cannot be exact: one thread, county-wide
 * measures (they connect every place), a single group, or blocks too large to enumerate (their pairs come from
 * LSH over the whole corpus).
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { emptyStats, OverlapIndex } from "./detector";
import { coversCounty } from "./score";
import { SynonymGroup } from "./text";
import { OverlapFinding, OverlapMeasure, OverlapRunStats, OverlapThresholds, Taxonomy } from "./types";

export interface ParallelRunOptions {
  /** Worker threads (parts); 1 runs serially in the calling thread. */
  threads: number;
  /**
   * Fewer threads for small runs: each thread gets at least this many measures (default 25,000). Starting a thread
   * and loading the text analyser in it takes about a second, which a small corpus does not win back.
   */
  minMeasuresPerThread?: number;
  thresholds?: Partial<OverlapThresholds>;
  synonyms?: readonly SynonymGroup[];
}

export interface ParallelRunResult {
  stats: OverlapRunStats;
  /** Threads actually used (1 when the run fell back to a single index) and why, when it did. */
  threads: number;
  fallback: string | null;
  /** Measures per part. */
  parts: number[];
  /** Wall-clock stages: partitioning, analysis and indexing (slowest part), merging the corpus statistics, scan. */
  timings: { partitionMs: number; buildMs: number; mergeMs: number; scanMs: number; totalMs: number };
}

/** Messages between {@link scanParallel} and parallel.worker.ts. */
export type PartRequest =
  | { op: "measures"; measures: OverlapMeasure[] }
  | { op: "build"; taxonomy: Taxonomy; thresholds: Partial<OverlapThresholds>; synonyms?: readonly SynonymGroup[] }
  | { op: "scan"; terms: string[]; globalIdOf: Int32Array; df: Int32Array; ngramDf: Int32Array; documents: number; batch: number };

export type PartReply =
  | { op: "built"; ms: number; terms: string[]; firstAnalysis: Int32Array; df: Int32Array; ngramDf: Int32Array; documents: number; oversizedBlocks: number }
  | { op: "findings"; findings: OverlapFinding[] }
  | { op: "scanned"; stats: OverlapRunStats }
  | { op: "error"; message: string };

const now = () => Number(process.hrtime.bigint()) / 1e6;
const SEND_SLICE = 20_000;

function workerFile(): string | null {
  const here = path.join(__dirname, "parallel.worker.js");
  return fs.existsSync(here) ? here : null;
}

/**
 * Splits measures into `parts` groups of whole place-connected components (indexes into `measures`, ascending), or
 * explains why it cannot.
 */
export function partitionByPlace(measures: readonly OverlapMeasure[], parts: number): { parts: Int32Array[] } | { reason: string } {
  const n = measures.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const firstAt = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const m = measures[i];
    if (coversCounty(m)) return { reason: "county-wide measures connect every place" };
    for (const place of m.municipalityIds) {
      const first = firstAt.get(place);
      if (first === undefined) firstAt.set(place, i);
      else {
        const a = find(first);
        const b = find(i);
        if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
      }
    }
  }
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  if (sizes.size < 2) return { reason: "all measures are connected through shared places" };
  // Largest components first, each to the lightest part.
  const load = new Array<number>(parts).fill(0);
  const partOf = new Map<number, number>();
  for (const [root, size] of [...sizes].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
    let best = 0;
    for (let p = 1; p < parts; p++) if (load[p] < load[best]) best = p;
    partOf.set(root, best);
    load[best] += size;
  }
  const out = load.map((size) => new Int32Array(size));
  const fill = new Array<number>(parts).fill(0);
  for (let i = 0; i < n; i++) {
    const p = partOf.get(find(i)) as number;
    out[p][fill[p]++] = i;
  }
  return { parts: out.filter((part) => part.length > 0) };
}

/** One part in its worker thread, as a request/response channel. */
class Part {
  private readonly worker: Worker;
  private waiting: { resolve: (r: PartReply) => void; reject: (e: Error) => void } | null = null;
  onFindings: (findings: OverlapFinding[]) => void = () => undefined;

  constructor(file: string) {
    // A roomier young generation: the findings of a scan die young there instead of being promoted and piling up
    // in the old generation until a full collection.
    this.worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    this.worker.on("message", (reply: PartReply) => {
      if (reply.op === "findings") return this.onFindings(reply.findings);
      const w = this.waiting;
      this.waiting = null;
      if (reply.op === "error") w?.reject(new Error(`overlap part: ${reply.message}`));
      else w?.resolve(reply);
    });
    const fail = (e: Error) => {
      this.waiting?.reject(e);
      this.waiting = null;
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`overlap part thread exited (${code})`)));
  }

  /** A message without an answer. */
  tell(request: PartRequest): void {
    this.worker.postMessage(request);
  }

  ask<R extends PartReply>(request: PartRequest, transfer: ArrayBuffer[] = []): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting = { resolve: resolve as (r: PartReply) => void, reject };
      this.worker.postMessage(request, transfer);
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

export type PartCorpus = Omit<Extract<PartReply, { op: "built" }>, "op" | "ms">;

/** What a part reports after indexing its measures: its vocabulary with the first use of each term, and frequencies. */
export function describePart(index: OverlapIndex): PartCorpus {
  const text = index.textModel;
  const { documents, df, ngramDf } = text.corpusStatistics();
  const terms = text.analyzer.terms.slice();
  return { terms, firstAnalysis: text.analyzer.termFirstAnalysis.slice(0, terms.length), df, ngramDf, documents, oversizedBlocks: index.oversizedBlockCount() };
}

/**
 * The statistics of the whole corpus from those of its parts (`positions[p]`: the input positions of part p's
 * measures, ascending). Terms are numbered as one analyser of the whole corpus numbers them: by the first measure
 * that used the term (its position in the input), then by the order in which that measure's analysis added it.
 */
export function mergeCorpus(built: readonly PartCorpus[], positions: readonly Int32Array[]) {
  const first = new Map<string, { position: number; order: number }>();
  built.forEach((b, p) => {
    for (let t = 0; t < b.terms.length; t++) {
      const position = positions[p][b.firstAnalysis[t] - 1];
      const seen = first.get(b.terms[t]);
      if (!seen || position < seen.position) first.set(b.terms[t], { position, order: t });
    }
  });
  const terms = [...first.keys()].sort((x, y) => {
    const a = first.get(x)!;
    const b = first.get(y)!;
    return a.position - b.position || a.order - b.order;
  });
  const idOf = new Map(terms.map((term, id) => [term, id]));
  const df = new Int32Array(terms.length);
  const ngramDf = new Int32Array(built[0].ngramDf.length);
  let documents = 0;
  const globalIdOf = built.map((b) => {
    const map = new Int32Array(b.terms.length);
    for (let t = 0; t < b.terms.length; t++) {
      map[t] = idOf.get(b.terms[t]) as number;
      df[map[t]] += b.df[t];
    }
    for (let g = 0; g < ngramDf.length; g++) ngramDf[g] += b.ngramDf[g];
    documents += b.documents;
    return map;
  });
  return { terms, df, ngramDf, documents, globalIdOf };
}

/**
 * A full run (like `OverlapIndex.build(...).scan(onFinding)`) on `options.threads` worker threads. Findings arrive
 * in batches, in no particular order; the counts equal those of a single index.
 */
export async function scanParallel(
  measures: readonly OverlapMeasure[],
  taxonomy: Taxonomy,
  onFinding: (finding: OverlapFinding) => void,
  options: ParallelRunOptions,
): Promise<ParallelRunResult> {
  const started = now();
  const thresholds = options.thresholds ?? {};
  const serial = (fallback: string): ParallelRunResult => {
    const t = now();
    const index = OverlapIndex.build(measures, taxonomy, thresholds, { synonyms: options.synonyms });
    const built = now();
    const stats = index.scan(onFinding);
    const done = now();
    return { stats, threads: 1, fallback, parts: [measures.length], timings: { partitionMs: t - started, buildMs: built - t, mergeMs: 0, scanMs: done - built, totalMs: done - started } };
  };
  const file = workerFile();
  const threads = Math.min(options.threads, Math.floor(measures.length / (options.minMeasuresPerThread ?? 25_000)));
  if (options.threads < 2) return serial("one thread");
  if (threads < 2) return serial(`fewer than ${options.minMeasuresPerThread ?? 25_000} measures per thread`);
  if (!file) return serial("no compiled worker (running from sources)");
  const partition = partitionByPlace(measures, threads);
  if ("reason" in partition) return serial(partition.reason);
  const positions = partition.parts;
  const partitioned = now();

  const parts = positions.map(() => new Part(file));
  try {
    // Measures go over in slices, so that the serialised copy in transit stays small.
    parts.forEach((part, p) => {
      for (let from = 0; from < positions[p].length; from += SEND_SLICE) {
        part.tell({ op: "measures", measures: Array.from(positions[p].subarray(from, from + SEND_SLICE), (i) => measures[i]) });
      }
    });
    const built = await Promise.all(
      parts.map((part) => part.ask<Extract<PartReply, { op: "built" }>>({ op: "build", taxonomy, thresholds, synonyms: options.synonyms })),
    );
    const builtAt = now();
    if (built.some((b) => b.oversizedBlocks > 0)) {
      await Promise.all(parts.map((part) => part.stop()));
      return serial("blocks too large to enumerate (their pairs need LSH over the whole corpus)");
    }
    const corpus = mergeCorpus(built, positions);
    const merged = now();
    const stats = emptyStats(measures.length);
    const scanned = await Promise.all(
      parts.map((part, p) => {
        part.onFindings = (batch) => {
          for (const f of batch) onFinding(f);
        };
        return part.ask<Extract<PartReply, { op: "scanned" }>>({
          op: "scan",
          terms: corpus.terms,
          globalIdOf: corpus.globalIdOf[p],
          df: corpus.df,
          ngramDf: corpus.ngramDf,
          documents: corpus.documents,
          batch: 500,
        });
      }),
    );
    const done = now();
    for (const { stats: s } of scanned) {
      stats.candidatePairs += s.candidatePairs;
      stats.blockPairs += s.blockPairs;
      stats.lshPairs += s.lshPairs;
      stats.textComparisons += s.textComparisons;
      stats.findings += s.findings;
      stats.oversizedBlocks += s.oversizedBlocks;
      stats.oversizedBuckets += s.oversizedBuckets;
      stats.timings.blocksMs = Math.max(stats.timings.blocksMs, s.timings.blocksMs);
      stats.timings.lshMs = Math.max(stats.timings.lshMs, s.timings.lshMs);
    }
    stats.timings.totalMs = done - started;
    return {
      stats,
      threads: parts.length,
      fallback: null,
      parts: positions.map((p) => p.length),
      timings: { partitionMs: partitioned - started, buildMs: builtAt - partitioned, mergeMs: merged - builtAt, scanMs: done - merged, totalMs: done - started },
    };
  } finally {
    await Promise.all(parts.map((part) => part.stop()));
  }
}

/** {@link scanParallel} collecting the findings, sorted like `OverlapIndex.findAll`. */
export async function findAllParallel(
  measures: readonly OverlapMeasure[],
  taxonomy: Taxonomy,
  options: ParallelRunOptions,
): Promise<{ findings: OverlapFinding[]; run: ParallelRunResult }> {
  const findings: OverlapFinding[] = [];
  const run = await scanParallel(measures, taxonomy, (f) => findings.push(f), options);
  findings.sort((x, y) => x.aId - y.aId || x.bId - y.bId);
  return { findings, run };
}
