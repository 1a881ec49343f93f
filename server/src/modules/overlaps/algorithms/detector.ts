/**
 * The overlap index: all measures of a county (or of any partition) with their text model, structural blocks and
 * LSH buckets, answering "which pairs overlap?" for a full run and "which offerings does this one overlap?" after
 * a single measure was created, edited or archived.
 *
 * Candidate pairs come from two sources and are never all pairs:
 *  1. structural blocks (candidates.ts): same field of action and same municipality, or a county-wide measure and
 *     any measure of its field — exhaustive while a block is small, which a county's data always is;
 *  2. text candidates (minhash.ts): MinHash/LSH over word features, for blocks too large to enumerate.
 * Each candidate is pruned on the five structural dimensions with typed arrays, and only then is its text compared.
 *
 * LSH is built lazily, the first time a block turns out too large; in a county's data that never happens.
 *
 * Incremental use: `upsert(measure)` replaces the measure and returns its findings (against the current corpus),
 * `remove(id)` drops it. The findings `upsert` returns for a measure are exactly those a full `findAll()` would
 * report for it at that moment. Other pairs are not re-scored: IDF weights drift slightly as the corpus changes,
 * so a periodic full run (nightly job) keeps stored findings of untouched pairs fresh.
 *
 * The index keeps references to the measures it is given: treat them as immutable and upsert a new object when a
 * measure changes.
 */
import { MeasureSlots, NO_BLOCK, StructuralBlocks } from "./candidates";
import { fingerprint, FINGERPRINT_WORDS, fingerprintWords, formatFingerprint } from "./fingerprint";
import { bandHashes, LshIndex, MAX_LSH_SLOTS, MinHasher } from "./minhash";
import { evaluatePair, PairEvaluation } from "./score";
import { SynonymGroup, TextModel } from "./text";
import { OverlapFinding, OverlapMeasure, OverlapRunStats, OverlapThresholds, resolveThresholds, Taxonomy } from "./types";

/** Run statistics before any pair is compared, for `n` measures. */
export function emptyStats(n: number): OverlapRunStats {
  return {
    measures: n,
    allPairs: (n * (n - 1)) / 2,
    candidatePairs: 0,
    blockPairs: 0,
    lshPairs: 0,
    textComparisons: 0,
    findings: 0,
    oversizedBlocks: 0,
    oversizedBuckets: 0,
    timings: { blocksMs: 0, lshMs: 0, totalMs: 0 },
  };
}

export interface OverlapIndexOptions {
  /** The editable synonym list (defaults to DEFAULT_SYNONYMS). */
  synonyms?: readonly SynonymGroup[];
}

export interface FindAllOptions {
  /**
   * Compare every pair instead of the candidates: O(n²), a reference for tests and for measuring candidate recall
   * in benchmarks, never for production. (The structural pre-check is the same typed check as in a normal run; the
   * unit tests hold it against `compareStructure`.)
   */
  exhaustive?: boolean;
}

export interface BuildStats {
  measures: number;
  ms: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

export class OverlapIndex {
  readonly thresholds: OverlapThresholds;
  /** Counts and timings of the last full run. */
  lastRun: OverlapRunStats | null = null;
  buildStats: BuildStats = { measures: 0, ms: 0 };

  private slots!: MeasureSlots;
  private blocks!: StructuralBlocks;
  private text!: TextModel;
  /** Text candidates, built on first need: only when a block is too large to enumerate. */
  private lsh: LshIndex | null = null;
  private readonly minHasher: MinHasher;
  private frequent: Uint8Array | null = null;
  private slotOfId = new Map<number, number>();
  /** Every slot's fingerprint as numbers (see fingerprint.ts), formatted only for the slots in a finding. */
  private fingerprintWords = new Uint32Array(1024 * FINGERPRINT_WORDS);
  private stamp = new Int32Array(1024);
  private stampRun = 0;
  private deadSlots = 0;
  private readonly featureBuffer: number[] = [];
  private readonly signature: Uint32Array;
  private readonly bands: Uint32Array;

  private constructor(
    readonly taxonomy: Taxonomy,
    thresholds: Partial<OverlapThresholds>,
    private readonly options: OverlapIndexOptions,
  ) {
    this.thresholds = resolveThresholds(thresholds);
    this.minHasher = new MinHasher(this.thresholds.lshBands * this.thresholds.lshRows);
    this.signature = new Uint32Array(this.minHasher.numHashes);
    this.bands = new Uint32Array(this.thresholds.lshBands);
    this.reset();
  }

  static build(
    measures: Iterable<OverlapMeasure>,
    taxonomy: Taxonomy,
    thresholds: Partial<OverlapThresholds> = {},
    options: OverlapIndexOptions = {},
  ): OverlapIndex {
    const index = new OverlapIndex(taxonomy, thresholds, options);
    index.load(measures);
    return index;
  }

  private reset(): void {
    this.slots = new MeasureSlots(this.taxonomy);
    this.blocks = new StructuralBlocks(this.slots, this.thresholds.maxBlockPairs);
    this.text = new TextModel({
      synonyms: this.options.synonyms,
      wordWeight: this.thresholds.wordWeight,
      ignoredWords: this.taxonomy.municipalityNames.values(),
    });
    this.lsh = null;
    this.frequent = null;
    this.slotOfId = new Map();
    this.fingerprintWords = new Uint32Array(1024 * FINGERPRINT_WORDS);
    this.deadSlots = 0;
  }

  /** (Re)loads the index from scratch; LSH waits until a block is too large to enumerate. */
  private load(measures: Iterable<OverlapMeasure>): void {
    const started = now();
    this.reset();
    const expected = Array.isArray(measures) ? measures.length : 0;
    for (const m of measures) {
      if (this.slotOfId.has(m.id)) throw new Error(`duplicate measure id ${m.id}`);
      this.insert(m);
      // Size the pooled vectors once for the whole corpus, from the first documents, instead of growing them step
      // by step (each step copies the pool and briefly holds both copies).
      if (this.slotOfId.size === 1000 && expected > 2000) this.text.reserve(expected);
    }
    this.text.trim();
    this.buildStats = { measures: this.slotOfId.size, ms: now() - started };
  }

  private insert(m: OverlapMeasure): number {
    const analyzed = this.text.analyzer.analyze(m.title, m.description);
    const doc = this.text.addAnalyzed(m.id, analyzed);
    const s = this.slots.add(m, doc);
    if ((s + 1) * FINGERPRINT_WORDS > this.fingerprintWords.length) {
      const grown = new Uint32Array(Math.max((s + 1) * FINGERPRINT_WORDS, this.fingerprintWords.length * 2));
      grown.set(this.fingerprintWords);
      this.fingerprintWords = grown;
    }
    fingerprintWords(m, analyzed.titleStems, analyzed.descriptionStemHashes, this.fingerprintWords, s * FINGERPRINT_WORDS);
    this.blocks.add(s);
    this.slotOfId.set(m.id, s);
    if (this.lsh) this.signSlot(this.lsh, s);
    return s;
  }

  /**
   * Builds the text candidates: fixes the frequent-word cut from the current corpus (boilerplate words make huge
   * buckets and say little), signs every live measure and sorts the buckets.
   */
  private ensureLsh(): LshIndex {
    if (this.lsh) return this.lsh;
    const lsh = new LshIndex(this.thresholds.lshBands, Math.max(1024, this.slots.count));
    this.frequent = this.text.frequentTerms(this.thresholds.frequentFeatureShare, this.thresholds.frequentFeatureMinDf);
    for (let s = 0; s < this.slots.count; s++) if (this.slots.alive[s]) this.signSlot(lsh, s);
    lsh.rebuild(this.slots.count);
    this.lsh = lsh;
    return lsh;
  }

  private signSlot(lsh: LshIndex, s: number): void {
    const features = this.text.featureHashes(this.slots.doc[s], this.frequent, this.featureBuffer);
    if (!this.minHasher.signature(features, this.signature)) return;
    bandHashes(this.signature, this.thresholds.lshBands, this.thresholds.lshRows, this.bands);
    lsh.set(s, this.bands);
  }

  private drop(s: number): void {
    const m = this.slots.measures[s] as OverlapMeasure;
    this.text.remove(m.id);
    this.blocks.remove(s);
    this.lsh?.delete(s);
    this.slots.kill(s);
    this.slotOfId.delete(m.id);
    this.deadSlots++;
  }

  /** Number of measures in the index. */
  get size(): number {
    return this.slotOfId.size;
  }

  has(id: number): boolean {
    return this.slotOfId.has(id);
  }

  get(id: number): OverlapMeasure | undefined {
    const s = this.slotOfId.get(id);
    return s === undefined ? undefined : this.slots.measures[s];
  }

  /** Text similarity 0..1 of two measures in the index. */
  textSimilarity(aId: number, bId: number): number {
    return this.text.similarity(aId, bId);
  }

  /** The text model (for inspection: document frequencies, terms of a measure). */
  get textModel(): TextModel {
    return this.text;
  }

  /** Number of structural blocks too large to enumerate (their pairs come from LSH in a full run). */
  oversizedBlockCount(): number {
    return this.blocks.countOversized();
  }

  /** Creates or replaces a measure and returns its findings (the incremental re-check of that one measure). */
  upsert(measure: OverlapMeasure): OverlapFinding[] {
    const old = this.slotOfId.get(measure.id);
    if (old !== undefined) this.drop(old);
    if (this.slots.count + 1 >= MAX_LSH_SLOTS || (this.deadSlots > 10_000 && this.deadSlots > this.slotOfId.size)) {
      this.compact();
    }
    const s = this.insert(measure);
    return this.checkSlot(s);
  }

  /** Removes a measure (archived or deleted); its findings are the caller's to drop. */
  remove(id: number): boolean {
    const s = this.slotOfId.get(id);
    if (s === undefined) return false;
    this.drop(s);
    return true;
  }

  /** Findings of one measure already in the index, without changing anything. */
  findingsFor(id: number): OverlapFinding[] {
    const s = this.slotOfId.get(id);
    if (s === undefined) throw new Error(`measure ${id} is not in the overlap index`);
    return this.checkSlot(s);
  }

  /** The full evaluation of any two measures in the index, flagged or not ("why is this not an overlap?"). */
  evaluate(aId: number, bId: number): PairEvaluation {
    const a = this.get(aId);
    const b = this.get(bId);
    if (!a || !b) throw new Error(`measure ${a ? bId : aId} is not in the overlap index`);
    return evaluatePair(a, b, this.text.similarity(aId, bId), this.taxonomy, this.thresholds, (m) => this.fingerprintOf(m));
  }

  /** Full run: every overlap among all measures. Counts and timings end up in {@link lastRun}. */
  findAll(options: FindAllOptions = {}): OverlapFinding[] {
    const out: OverlapFinding[] = [];
    this.scan((f) => out.push(f), options);
    return out.sort((x, y) => x.aId - y.aId || x.bId - y.bId);
  }

  /** Like {@link findAll}, but streams findings to a callback instead of collecting them (for very large runs). */
  scan(onFinding: (finding: OverlapFinding) => void, options: FindAllOptions = {}): OverlapRunStats {
    const started = now();
    const n = this.slotOfId.size;
    const stats = emptyStats(n);
    const emit = (f: OverlapFinding) => {
      stats.findings++;
      onFinding(f);
    };
    if (options.exhaustive) {
      this.scanExhaustive(stats, emit);
    } else {
      const consider = (a: number, b: number) => {
        stats.candidatePairs++;
        if (!this.slots.compatible(a, b)) return;
        stats.textComparisons++;
        const f = this.score(a, b);
        if (f) emit(f);
      };
      this.scanBlocks(stats, emit);
      const afterBlocks = now();
      stats.timings.blocksMs = afterBlocks - started;
      // Every flagged pair shares a field and a place, i.e. a block. With all blocks enumerated, text candidates
      // cannot add anything; they are needed only for the pairs of oversized blocks.
      if (stats.oversizedBlocks > 0) this.scanLsh(stats, consider);
      stats.timings.lshMs = now() - afterBlocks;
    }
    stats.timings.totalMs = now() - started;
    this.lastRun = stats;
    return stats;
  }

  /**
   * The pairs of all blocks within the cap, row by row: for each measure `a`, the partners it shares a block with
   * (`forEachPartner`, as in the incremental re-check), each pair once in the row of its lower slot, repeats within
   * a row skipped with a stamp array. The row's text is loaded once and compared with each partner that passes the
   * structural checks (see `TextModel.beginRow`).
   */
  private scanBlocks(stats: OverlapRunStats, emit: (f: OverlapFinding) => void): void {
    const { slots, text } = this;
    const count = slots.count;
    this.ensureStamp(count);
    const stamp = this.stamp;
    stats.oversizedBlocks += this.blocks.countOversized();
    let a = 0;
    let run = 0;
    let loaded = false;
    const visit = (b: number) => {
      if (b <= a || stamp[b] === run) return;
      stamp[b] = run;
      stats.candidatePairs++;
      stats.blockPairs++;
      if (!slots.compatibleInBlock(a, b)) return;
      stats.textComparisons++;
      if (!loaded) {
        text.beginRow(slots.doc[a]);
        loaded = true;
      }
      const f = this.flag(a, b, text.similarityToRow(slots.doc[b]));
      if (f) emit(f);
    };
    try {
      for (a = 0; a < count; a++) {
        if (!slots.alive[a]) continue;
        run = ++this.stampRun;
        loaded = false;
        this.blocks.forEachPartner(a, visit, a);
        if (loaded) text.endRow();
      }
    } finally {
      text.endRow();
    }
  }

  private ensureStamp(count: number): void {
    if (this.stamp.length >= count) return;
    const grown = new Int32Array(Math.max(count, this.stamp.length * 2));
    grown.set(this.stamp);
    this.stamp = grown;
  }

  private scanLsh(stats: OverlapRunStats, consider: (a: number, b: number) => void): void {
    const { lshBands, maxBucketSize } = this.thresholds;
    const lsh = this.ensureLsh();
    if (!lsh.settled) lsh.rebuild(this.slots.count);
    // A pair colliding in several bands is taken in the first band where its bucket was not oversized.
    const oversized = new Set<number>();
    for (let band = 0; band < lshBands; band++) {
      const skipped = lsh.forEachBucket(band, maxBucketSize, (members, size) => {
        for (let i = 0; i < size; i++) {
          for (let j = i + 1; j < size; j++) {
            const a = Math.min(members[i], members[j]);
            const b = Math.max(members[i], members[j]);
            if (this.blocks.owner(a, b) !== NO_BLOCK) continue;
            if (this.collidedEarlier(lsh, a, b, band, oversized)) continue;
            stats.lshPairs++;
            consider(a, b);
          }
        }
      });
      stats.oversizedBuckets += skipped;
      if (skipped > 0) this.collectOversized(lsh, band, oversized);
    }
  }

  /** Remembers (band, hash) of the oversized buckets of a band, for the "first band" rule. */
  private collectOversized(lsh: LshIndex, band: number, into: Set<number>): void {
    const bands = this.thresholds.lshBands;
    const counts = new Map<number, number>();
    for (let s = 0; s < this.slots.count; s++) {
      if (!lsh.has(s)) continue;
      const h = lsh.hashOf(s, band);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    for (const [h, c] of counts) if (c > this.thresholds.maxBucketSize) into.add(h * bands + band);
  }

  private collidedEarlier(lsh: LshIndex, a: number, b: number, band: number, oversized: Set<number>): boolean {
    const bands = this.thresholds.lshBands;
    for (let e = 0; e < band; e++) {
      const h = lsh.hashOf(a, e);
      if (h === lsh.hashOf(b, e) && !oversized.has(h * bands + e)) return true;
    }
    return false;
  }

  /**
   * The exhaustive comparison of the given measures with every other measure, pair by pair as in
   * `findAll({ exhaustive: true })` (structural check first, text only for pairs that pass it), or with
   * `textOfEveryPair` the text of every pair compared: for benchmarks that time a sample of an all-pairs run and
   * extrapolate.
   */
  compareWithAll(ids: readonly number[], options: { textOfEveryPair?: boolean } = {}): { pairs: number; findings: number } {
    let pairs = 0;
    let findings = 0;
    const { slots, text } = this;
    for (const id of ids) {
      const a = this.slotOfId.get(id);
      if (a === undefined) continue;
      if (options.textOfEveryPair) {
        // Text similarity of every pair first (the row-wise comparison), the structural check after.
        text.beginRow(slots.doc[a]);
        for (let b = 0; b < slots.count; b++) {
          if (b === a || !slots.alive[b]) continue;
          pairs++;
          const similarity = text.similarityToRow(slots.doc[b]);
          if (slots.compatible(a, b) && this.flag(a, b, similarity)) findings++;
        }
        text.endRow();
        continue;
      }
      for (let b = 0; b < slots.count; b++) {
        if (b === a || !slots.alive[b]) continue;
        pairs++;
        if (!slots.compatible(a, b)) continue;
        if (this.score(a, b)) findings++;
      }
    }
    return { pairs, findings };
  }

  private scanExhaustive(stats: OverlapRunStats, emit: (f: OverlapFinding) => void): void {
    const alive: number[] = [];
    for (let s = 0; s < this.slots.count; s++) if (this.slots.alive[s]) alive.push(s);
    for (let i = 0; i < alive.length; i++) {
      for (let j = i + 1; j < alive.length; j++) {
        stats.candidatePairs++;
        if (!this.slots.compatible(alive[i], alive[j])) continue;
        stats.textComparisons++;
        const f = this.score(alive[i], alive[j]);
        if (f) emit(f);
      }
    }
  }

  /** Text-compares a structurally compatible pair of slots; the finding when it is flagged. */
  private score(sa: number, sb: number): OverlapFinding | null {
    return this.flag(sa, sb, this.text.similarityOfDocs(this.slots.doc[sa], this.slots.doc[sb]));
  }

  /** The finding of a structurally compatible pair of slots with text similarity `text`, when it is flagged. */
  private flag(sa: number, sb: number, text: number): OverlapFinding | null {
    const slots = this.slots;
    const limit = slots.providerId[sa] === slots.providerId[sb] ? this.thresholds.sameActorText : this.thresholds.crossActorText;
    if (text < limit) return null;
    const a = slots.measures[sa] as OverlapMeasure;
    const b = slots.measures[sb] as OverlapMeasure;
    const e = evaluatePair(a, b, text, this.taxonomy, this.thresholds, { a: this.fingerprintOfSlot(sa), b: this.fingerprintOfSlot(sb) });
    return this.asFinding(e);
  }

  /** Formatted anew each time: cheap, and a million cached strings would cost more memory than time saved. */
  private fingerprintOfSlot(s: number): string {
    return formatFingerprint(this.fingerprintWords, s * FINGERPRINT_WORDS);
  }

  /** The finding of an evaluated pair, when it is flagged. */
  private asFinding(e: PairEvaluation): OverlapFinding | null {
    if (!e.kind) return null;
    return {
      aId: e.aId,
      bId: e.bId,
      kind: e.kind,
      score: e.score,
      dimensions: e.dimensions,
      shared: e.shared,
      explanation: e.explanation,
      fingerprintA: e.fingerprintA,
      fingerprintB: e.fingerprintB,
    };
  }

  private fingerprintOf(m: OverlapMeasure): string {
    const s = this.slotOfId.get(m.id);
    if (s === undefined || this.slots.measures[s] !== m) return fingerprint(m);
    return this.fingerprintOfSlot(s);
  }

  /** Findings of slot `s` against its candidates (the same candidate rule as a full run). */
  private checkSlot(s: number): OverlapFinding[] {
    this.ensureStamp(this.slots.count);
    const run = ++this.stampRun;
    this.stamp[s] = run;
    const out: OverlapFinding[] = [];
    const consider = (b: number) => {
      if (this.stamp[b] === run) return;
      this.stamp[b] = run;
      if (!this.slots.compatible(s, b)) return;
      const f = this.score(s, b);
      if (f) out.push(f);
    };
    this.blocks.forEachPartner(s, consider);
    if (this.blocks.inOversizedBlock(s)) {
      const lsh = this.ensureLsh();
      const members: number[] = [];
      for (let band = 0; band < this.thresholds.lshBands && lsh.has(s); band++) {
        if (lsh.bucketOf(s, band, this.thresholds.maxBucketSize, members) > this.thresholds.maxBucketSize) continue;
        for (const b of members) consider(b);
      }
    }
    return out.sort((x, y) => x.aId - y.aId || x.bId - y.bId);
  }

  /** Rebuilds all internal structures from the live measures (drops dead slots; recomputes the frequent-word cut). */
  private compact(): void {
    const live: OverlapMeasure[] = [];
    for (let s = 0; s < this.slots.count; s++) if (this.slots.alive[s]) live.push(this.slots.measures[s] as OverlapMeasure);
    this.load(live);
  }
}
