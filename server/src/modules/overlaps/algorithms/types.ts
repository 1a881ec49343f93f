/**
 * Types of overlap detection (Doppelgleisigkeiten). Everything under `algorithms/` is plain TypeScript without
 * TypeORM, GraphQL or database imports, so it can be unit-tested and benchmarked on generated data alone; the
 * overlaps service maps entities to these shapes and stores the findings.
 */

/**
 * One offering as the overlap algorithms see it. The service builds it from a `Measure` row and its join rows.
 *
 * - `fieldKeys`: keys of the measure's fields of action *including their ancestors* (a measure filed under
 *   INTEGRATION_COURSES also carries LANGUAGE), so two offerings meet on the parent even when they were filed at
 *   different depths. An empty list means "not classified" and never establishes a shared need.
 * - `targetGroupKeys`: a mix of status groups and demographic groups, see {@link Taxonomy} and `audienceOf` in
 *   score.ts for how the two combine.
 * - `ageMin`/`ageMax`: inclusive bounds in years, `null` = no bound.
 * - `countyWide`: serves every municipality of the county. A measure that is neither county-wide nor names a
 *   municipality is treated as county-wide too: a missing place cannot rule an overlap out.
 * - `startDate`/`endDate`: ISO dates (`YYYY-MM-DD`), inclusive; `null` start = since ever, `null` end = open-ended
 *   (ongoing).
 */
export interface OverlapMeasure {
  id: number;
  providerId: number;
  title: string;
  description: string;
  fieldKeys: string[];
  targetGroupKeys: string[];
  ageMin: number | null;
  ageMax: number | null;
  countyWide: boolean;
  municipalityIds: number[];
  startDate: string | null;
  endDate: string | null;
}

/**
 * The parts of the (editable) taxonomies the algorithms need.
 *
 * Target groups come in two kinds. *Status groups* describe residence status: ALL_MIGRANTS and its descendants
 * (ASYLUM_SEEKERS, RECOGNISED_REFUGEES, TOLERATED, LATE_REPATRIATES, EU_CITIZENS, THIRD_COUNTRY_NATIONALS).
 * Every other key (WOMEN, YOUTH, PARENTS, EMPLOYERS, ...) is a *demographic group*. `statusGroupKeys` holds
 * ALL_MIGRANTS and all its descendants; `allMigrantsKey` names the root, which stands for every status group.
 *
 * The name maps feed the German explanations; a missing name falls back to the key.
 */
export interface Taxonomy {
  statusGroupKeys: ReadonlySet<string>;
  allMigrantsKey: string;
  fieldNames: ReadonlyMap<string, string>;
  targetGroupNames: ReadonlyMap<string, string>;
  municipalityNames: ReadonlyMap<number, string>;
  /**
   * Parent of each nested target group. Optional: with it, a group also covers its sub-groups (an offering for
   * ASYLUM_SEEKERS reaches a county-defined sub-group of asylum seekers); without it, only ALL_MIGRANTS covers others.
   */
  targetGroupParents?: ReadonlyMap<string, string>;
}

/** A taxonomy row as the taxonomy module stores it (the shape of `taxonomy.defaults.ts`). */
export interface TaxonomyEntry {
  key: string;
  nameDe: string;
  parent?: string | null;
}

export const ALL_MIGRANTS_KEY = "ALL_MIGRANTS";

/** Builds the {@link Taxonomy} context from taxonomy rows; status groups are ALL_MIGRANTS and its descendants. */
export function buildTaxonomy(input: {
  fields: readonly TaxonomyEntry[];
  targetGroups: readonly TaxonomyEntry[];
  municipalities: readonly { id: number; name: string }[];
  allMigrantsKey?: string;
}): Taxonomy {
  const allMigrantsKey = input.allMigrantsKey ?? ALL_MIGRANTS_KEY;
  const statusGroupKeys = new Set<string>([allMigrantsKey]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const group of input.targetGroups) {
      if (group.parent && statusGroupKeys.has(group.parent) && !statusGroupKeys.has(group.key)) {
        statusGroupKeys.add(group.key);
        grown = true;
      }
    }
  }
  return {
    statusGroupKeys,
    allMigrantsKey,
    fieldNames: new Map(input.fields.map((f) => [f.key, f.nameDe])),
    targetGroupNames: new Map(input.targetGroups.map((g) => [g.key, g.nameDe])),
    municipalityNames: new Map(input.municipalities.map((m) => [m.id, m.name])),
    targetGroupParents: new Map(
      input.targetGroups.filter((g) => g.parent).map((g) => [g.key, g.parent as string] as [string, string]),
    ),
  };
}

/** Adds the ancestors of every key (INTEGRATION_COURSES → also LANGUAGE); keeps the input order, then ancestors. */
export function withAncestorKeys(keys: readonly string[], entries: readonly TaxonomyEntry[]): string[] {
  const parentOf = new Map(entries.map((e) => [e.key, e.parent ?? null]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    let current: string | null = key;
    while (current && !seen.has(current)) {
      seen.add(current);
      out.push(current);
      current = parentOf.get(current) ?? null;
    }
  }
  return out;
}

/**
 * Tunable thresholds. The text thresholds were chosen on the labelled pairs in tests/fixtures/overlap-pairs.ts, with
 * the demo county's deliberate overlaps and near misses as a second check: texts of two actors describing the same
 * kind of offering typically score 0.2–0.7 (IDF-weighted cosine of whole descriptions), unrelated offerings of the
 * same field below 0.15, near-copies of one actor above 0.65.
 */
export interface OverlapThresholds {
  /** Minimum text similarity for two offerings of different actors to count as an overlap. */
  crossActorText: number;
  /** Minimum text similarity for two offerings of the same actor to count as a data-entry duplicate. */
  sameActorText: number;
  /** Weight of the word/synonym cosine in the text similarity; the rest goes to the character n-gram cosine. */
  wordWeight: number;
  /**
   * Structural blocks (a field of action in one municipality, or a field's county-wide offerings against all of
   * that field) are compared exhaustively while they produce at most this many pairs; larger blocks are left to
   * the text candidates (LSH), which find near-duplicates but miss loosely worded overlaps. A county's data stays
   * far below it.
   */
  maxBlockPairs: number;
  /** LSH banding: `lshBands` bands of `lshRows` MinHash values each (used only for oversized blocks). */
  lshBands: number;
  lshRows: number;
  /** LSH buckets with more members than this are skipped: they hold boilerplate, not near-duplicates. */
  maxBucketSize: number;
  /**
   * Words found in more than this share of all measures (and in at least `frequentFeatureMinDf` measures) are left
   * out of the MinHash features; the cut is fixed when the LSH index is first built.
   */
  frequentFeatureShare: number;
  frequentFeatureMinDf: number;
}

export const DEFAULT_THRESHOLDS: Readonly<OverlapThresholds> = Object.freeze({
  crossActorText: 0.2,
  sameActorText: 0.5,
  wordWeight: 0.6,
  maxBlockPairs: 1_000_000,
  lshBands: 20,
  lshRows: 1,
  maxBucketSize: 400,
  frequentFeatureShare: 0.02,
  frequentFeatureMinDf: 200,
});

/** Fills in the defaults and rejects values outside their range. */
export function resolveThresholds(partial: Partial<OverlapThresholds> = {}): OverlapThresholds {
  const t: OverlapThresholds = { ...DEFAULT_THRESHOLDS, ...partial };
  const unit = ["crossActorText", "sameActorText", "wordWeight", "frequentFeatureShare"] as const;
  for (const key of unit) {
    if (!(t[key] >= 0 && t[key] <= 1)) throw new RangeError(`threshold ${key} must lie in 0..1, got ${t[key]}`);
  }
  const counts = ["maxBlockPairs", "lshBands", "lshRows", "maxBucketSize", "frequentFeatureMinDf"] as const;
  for (const key of counts) {
    if (!(Number.isInteger(t[key]) && t[key] >= 0)) throw new RangeError(`threshold ${key} must be a non-negative integer`);
  }
  if (t.lshRows < 1 || t.lshBands * t.lshRows > 256) throw new RangeError("lshRows must be ≥ 1 and lshBands × lshRows ≤ 256");
  return t;
}

/** CROSS_ACTOR: a Doppelgleisigkeit between two actors. SAME_ACTOR_DUPLICATE: one actor entered an offering twice. */
export type OverlapKind = "CROSS_ACTOR" | "SAME_ACTOR_DUPLICATE";

/** Per-dimension scores, each 0..1 (0 = the dimension does not intersect). */
export interface OverlapDimensions {
  field: number;
  targetGroup: number;
  age: number;
  area: number;
  time: number;
  text: number;
}

/** What the two offerings have in common, for the explanation and the review screen. */
export interface OverlapShared {
  /** Field keys both carry (ancestors included). */
  fields: string[];
  /** Target-group keys of the common audience; empty when both address everyone. */
  targetGroups: string[];
  /** The common age band; null when neither offering restricts ages. */
  ages: { min: number | null; max: number | null } | null;
  /** Common municipalities, or "COUNTY" when both serve the whole county. */
  municipalityIds: number[] | "COUNTY";
  /** The common period (ISO dates, null = open); null when neither offering has dates. */
  period: { from: string | null; to: string | null } | null;
  /** Text similarity, rounded to two decimals. */
  text: number;
}

export interface OverlapFinding {
  /** Always aId < bId. */
  aId: number;
  bId: number;
  kind: OverlapKind;
  /** Ranking score 0..1: 0.6 × text + 0.4 × mean of the five structural scores. */
  score: number;
  dimensions: OverlapDimensions;
  shared: OverlapShared;
  /** German one-liner, e.g. "beide: Sprache; Zielgruppe Frauen; Lörrach, Weil am Rhein; Jan–Jun 2026; Text 0,81". */
  explanation: string;
  /** Fingerprints of the material content of A and B when the finding was computed (see fingerprint.ts). */
  fingerprintA: string;
  fingerprintB: string;
}

/** Counts and timings of one full run of {@link OverlapIndex.findAll}. */
export interface OverlapRunStats {
  measures: number;
  /** n·(n−1)/2: what an all-pairs comparison would have to look at. */
  allPairs: number;
  /** Distinct pairs produced by candidate generation (structural blocks + LSH). */
  candidatePairs: number;
  blockPairs: number;
  lshPairs: number;
  /** Candidate pairs whose five structural dimensions all intersect (their text was compared). */
  textComparisons: number;
  findings: number;
  /** Structural blocks / LSH buckets skipped for size (left to the other candidate source). */
  oversizedBlocks: number;
  oversizedBuckets: number;
  timings: { blocksMs: number; lshMs: number; totalMs: number };
}
