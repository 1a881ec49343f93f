/**
 * When two offerings overlap, dimension by dimension, and how the finding explains itself.
 *
 * Two measures overlap when they serve the same need (a shared field of action), for the same people (their
 * audiences intersect: status, demographic group and age band), in the same place (a shared municipality; a
 * county-wide offering covers every municipality), at the same time (their periods intersect; an open end counts
 * as ongoing) and their texts describe the same kind of offering (text similarity at or above the threshold).
 * Measures of the same actor that meet all of this with a higher text similarity are data-entry duplicates.
 *
 * These functions work on {@link OverlapMeasure} objects and are the reference semantics; the index in
 * detector.ts uses typed-array copies of the same rules to prune candidate pairs quickly and then calls these
 * functions for every pair it reports.
 */
import {
  OverlapDimensions,
  OverlapFinding,
  OverlapKind,
  OverlapMeasure,
  OverlapShared,
  OverlapThresholds,
  Taxonomy,
} from "./types";

/* ------------------------------------------------------------------ target groups */

/**
 * The people an offering addresses, split into two independent dimensions.
 *
 * A target-group list mixes *status groups* (ALL_MIGRANTS and its descendants: asylum seekers, recognised
 * refugees, ...) and *demographic groups* (women, youth, parents, employers, ...). Within a dimension the keys are
 * alternatives (an offering for [ASYLUM_SEEKERS, RECOGNISED_REFUGEES] serves both), across the dimensions they
 * combine (an offering for [RECOGNISED_REFUGEES, WOMEN] serves refugee women). A dimension without keys means
 * "everyone" on that dimension, and ALL_MIGRANTS stands for every status group; so [WOMEN] serves women of any
 * status, and [] serves everybody.
 *
 * Two audiences intersect when their status dimensions intersect AND their demographic dimensions intersect:
 * WOMEN and YOUTH do not overlap, WOMEN and [RECOGNISED_REFUGEES, WOMEN] do (refugee women are women), ASYLUM_SEEKERS
 * and EU_CITIZENS do not. Demographic groups are treated as the audience an offering is designed for, not as sets
 * of persons: a 17-year-old girl is both woman and youth, yet a women's café and a youth club are different offers.
 * The age band is a separate dimension (see {@link compareAges}).
 *
 * With `taxonomy.targetGroupParents`, a key also covers its nested sub-groups; the sets below hold the keys with
 * their descendants.
 */
export interface Audience {
  statusAll: boolean;
  /** Status keys with descendants (empty when statusAll). */
  status: Set<string>;
  demographicAll: boolean;
  demographic: Set<string>;
  /** Whether ALL_MIGRANTS was named explicitly (for the explanation). */
  namesAllMigrants: boolean;
}

const childrenCache = new WeakMap<Taxonomy, Map<string, string[]>>();

function childrenOf(taxonomy: Taxonomy): Map<string, string[]> {
  let children = childrenCache.get(taxonomy);
  if (!children) {
    children = new Map();
    for (const [child, parent] of taxonomy.targetGroupParents ?? []) {
      const list = children.get(parent) ?? [];
      list.push(child);
      children.set(parent, list);
    }
    childrenCache.set(taxonomy, children);
  }
  return children;
}

function addWithDescendants(key: string, children: Map<string, string[]>, into: Set<string>): void {
  if (into.has(key)) return;
  into.add(key);
  for (const child of children.get(key) ?? []) addWithDescendants(child, children, into);
}

const audienceCache = new WeakMap<Taxonomy, Map<string, Audience>>();

/** The audience of a target-group list (memoised per taxonomy and key combination; treat the result as read-only). */
export function audienceOf(keys: readonly string[], taxonomy: Taxonomy): Audience {
  let byKeys = audienceCache.get(taxonomy);
  if (!byKeys) audienceCache.set(taxonomy, (byKeys = new Map()));
  const cacheKey = keys.join("|");
  let audience = byKeys.get(cacheKey);
  if (!audience) {
    audience = computeAudience(keys, taxonomy);
    if (byKeys.size < 10_000) byKeys.set(cacheKey, audience);
  }
  return audience;
}

function computeAudience(keys: readonly string[], taxonomy: Taxonomy): Audience {
  const children = childrenOf(taxonomy);
  const status = new Set<string>();
  const demographic = new Set<string>();
  let namesAllMigrants = false;
  for (const key of keys) {
    if (key === taxonomy.allMigrantsKey) namesAllMigrants = true;
    else if (taxonomy.statusGroupKeys.has(key)) addWithDescendants(key, children, status);
    else addWithDescendants(key, children, demographic);
  }
  const statusAll = namesAllMigrants || status.size === 0;
  return { statusAll, status: statusAll ? new Set() : status, demographicAll: demographic.size === 0, demographic, namesAllMigrants };
}

/** Keys of `set` whose parent is not itself in `set` (the most general keys of a downward-closed set). */
function topKeys(set: Set<string>, taxonomy: Taxonomy): string[] {
  const parents = taxonomy.targetGroupParents;
  return [...set].filter((key) => !(parents && parents.has(key) && set.has(parents.get(key) as string)));
}

function compareSide(
  allA: boolean,
  setA: Set<string>,
  allB: boolean,
  setB: Set<string>,
  taxonomy: Taxonomy,
): { intersects: boolean; score: number; shared: string[] } {
  if (allA && allB) return { intersects: true, score: 1, shared: [] };
  if (allA) return { intersects: true, score: 1, shared: topKeys(setB, taxonomy) };
  if (allB) return { intersects: true, score: 1, shared: topKeys(setA, taxonomy) };
  const common = new Set([...setA].filter((k) => setB.has(k)));
  if (common.size === 0) return { intersects: false, score: 0, shared: [] };
  return { intersects: true, score: common.size / Math.min(setA.size, setB.size), shared: topKeys(common, taxonomy) };
}

export function compareAudiences(
  a: Audience,
  b: Audience,
  taxonomy: Taxonomy,
): { intersects: boolean; score: number; shared: string[] } {
  const status = compareSide(a.statusAll, a.status, b.statusAll, b.status, taxonomy);
  const demographic = compareSide(a.demographicAll, a.demographic, b.demographicAll, b.demographic, taxonomy);
  const intersects = status.intersects && demographic.intersects;
  const statusShared =
    status.shared.length === 0 && a.statusAll && b.statusAll && (a.namesAllMigrants || b.namesAllMigrants)
      ? [taxonomy.allMigrantsKey]
      : status.shared;
  return {
    intersects,
    score: intersects ? status.score * demographic.score : 0,
    shared: intersects ? orderByNames([...statusShared, ...demographic.shared], taxonomy.targetGroupNames) : [],
  };
}

/* ------------------------------------------------------------------ fields, ages, area, time */

/** Orders keys as the taxonomy lists them (parents before children in the defaults), unknown keys last. */
const rankCache = new WeakMap<ReadonlyMap<string, string>, Map<string, number>>();

function orderByNames(keys: string[], names: ReadonlyMap<string, string>): string[] {
  if (keys.length < 2) return keys;
  let rank = rankCache.get(names);
  if (!rank) {
    rank = new Map();
    for (const key of names.keys()) rank.set(key, rank.size);
    rankCache.set(names, rank);
  }
  const r = rank;
  return [...new Set(keys)].sort((x, y) => (r.get(x) ?? 1e9) - (r.get(y) ?? 1e9) || (x < y ? -1 : x > y ? 1 : 0));
}

export function compareFields(a: OverlapMeasure, b: OverlapMeasure, taxonomy: Taxonomy): { score: number; shared: string[] } {
  const setA = new Set(a.fieldKeys);
  const setB = new Set(b.fieldKeys);
  const shared = [...setA].filter((k) => setB.has(k));
  if (shared.length === 0) return { score: 0, shared: [] };
  return { score: shared.length / Math.min(setA.size, setB.size), shared: orderByNames(shared, taxonomy.fieldNames) };
}

/** Age bands are inclusive; a missing bound is open. JMD (up to 27) and MBE (from 28) do not overlap. */
export function compareAges(a: OverlapMeasure, b: OverlapMeasure): { intersects: boolean; score: number; shared: OverlapShared["ages"] } {
  const lo = Math.max(a.ageMin ?? -Infinity, b.ageMin ?? -Infinity);
  const hi = Math.min(a.ageMax ?? Infinity, b.ageMax ?? Infinity);
  const restricted = a.ageMin !== null || a.ageMax !== null || b.ageMin !== null || b.ageMax !== null;
  const shared = restricted ? { min: Number.isFinite(lo) ? lo : null, max: Number.isFinite(hi) ? hi : null } : null;
  if (lo > hi) return { intersects: false, score: 0, shared: null };
  // Scores measure the common band against the narrower band, counting ages 0..99.
  const span = (min: number | null, max: number | null) => Math.max(1, Math.min(max ?? 99, 99) - Math.max(min ?? 0, 0) + 1);
  const common = Math.max(0, Math.min(hi, 99) - Math.max(lo, 0) + 1);
  const score = Math.min(1, common / Math.min(span(a.ageMin, a.ageMax), span(b.ageMin, b.ageMax)));
  return { intersects: true, score: Math.max(score, 0.01), shared };
}

/** A measure that is county-wide, or names no municipality at all, covers the whole county. */
export function coversCounty(m: OverlapMeasure): boolean {
  return m.countyWide || m.municipalityIds.length === 0;
}

export function compareAreas(a: OverlapMeasure, b: OverlapMeasure): { intersects: boolean; score: number; shared: number[] | "COUNTY" } {
  const countyA = coversCounty(a);
  const countyB = coversCounty(b);
  if (countyA && countyB) return { intersects: true, score: 1, shared: "COUNTY" };
  if (countyA) return { intersects: true, score: 1, shared: distinctAscending(b.municipalityIds) };
  if (countyB) return { intersects: true, score: 1, shared: distinctAscending(a.municipalityIds) };
  const placesA = distinctAscending(a.municipalityIds);
  const placesB = distinctAscending(b.municipalityIds);
  const shared: number[] = [];
  for (let i = 0, j = 0; i < placesA.length && j < placesB.length; ) {
    if (placesA[i] < placesB[j]) i++;
    else if (placesA[i] > placesB[j]) j++;
    else {
      shared.push(placesA[i]);
      i++;
      j++;
    }
  }
  return { intersects: shared.length > 0, score: shared.length / Math.min(placesA.length, placesB.length), shared };
}

/** The distinct ids in ascending order, as a new array (lists usually come sorted: then without a Set). */
function distinctAscending(ids: readonly number[]): number[] {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) return [...new Set(ids)].sort((x, y) => x - y);
  return ids.slice();
}

/** Days since 1970-01-01 of an ISO date (time of day ignored); null for null or unparseable input. */
export function parseIsoDay(iso: string | null): number | null {
  if (!iso || iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return daysFromCivil(y, m, d);
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Three years: how an open-ended overlap is weighed against a finite one. */
const OPEN_HORIZON_DAYS = 3 * 365;

/** Periods are inclusive; a missing start means "since ever", a missing end "ongoing". */
export function comparePeriods(a: OverlapMeasure, b: OverlapMeasure): { intersects: boolean; score: number; shared: OverlapShared["period"] } {
  const startA = parseIsoDay(a.startDate) ?? -Infinity;
  const endA = parseIsoDay(a.endDate) ?? Infinity;
  const startB = parseIsoDay(b.startDate) ?? -Infinity;
  const endB = parseIsoDay(b.endDate) ?? Infinity;
  const from = Math.max(startA, startB);
  const to = Math.min(endA, endB);
  if (from > to) return { intersects: false, score: 0, shared: null };
  const dated = [a.startDate, a.endDate, b.startDate, b.endDate].some((d) => parseIsoDay(d) !== null);
  const shared = dated
    ? { from: Number.isFinite(from) ? (from === startA ? a.startDate : b.startDate) : null, to: Number.isFinite(to) ? (to === endA ? a.endDate : b.endDate) : null }
    : null;
  if (shared?.from) shared.from = shared.from.slice(0, 10);
  if (shared?.to) shared.to = shared.to.slice(0, 10);
  const common = to - from + 1;
  const shorter = Math.min(endA - startA + 1, endB - startB + 1);
  const score = Number.isFinite(shorter) ? common / shorter : Number.isFinite(common) ? Math.min(1, common / OPEN_HORIZON_DAYS) : 1;
  return { intersects: true, score: Math.min(1, Math.max(score, 0.01)), shared };
}

/* ------------------------------------------------------------------ the pair */

export interface StructuralComparison {
  /** All five structural dimensions intersect. */
  intersects: boolean;
  dimensions: Omit<OverlapDimensions, "text">;
  shared: Omit<OverlapShared, "text">;
}

export function compareStructure(a: OverlapMeasure, b: OverlapMeasure, taxonomy: Taxonomy): StructuralComparison {
  const field = compareFields(a, b, taxonomy);
  const audience = compareAudiences(audienceOf(a.targetGroupKeys, taxonomy), audienceOf(b.targetGroupKeys, taxonomy), taxonomy);
  const age = compareAges(a, b);
  const area = compareAreas(a, b);
  const time = comparePeriods(a, b);
  return {
    intersects: field.shared.length > 0 && audience.intersects && age.intersects && area.intersects && time.intersects,
    dimensions: { field: field.score, targetGroup: audience.score, age: age.score, area: area.score, time: time.score },
    shared: { fields: field.shared, targetGroups: audience.shared, ages: age.shared, municipalityIds: area.shared, period: time.shared },
  };
}

/** The decision: all structural dimensions intersect and the text is similar enough for the kind of pair. */
export function decide(
  a: OverlapMeasure,
  b: OverlapMeasure,
  structuralMatch: boolean,
  text: number,
  thresholds: OverlapThresholds,
): OverlapKind | null {
  if (!structuralMatch || a.id === b.id) return null;
  if (a.providerId === b.providerId) return text >= thresholds.sameActorText ? "SAME_ACTOR_DUPLICATE" : null;
  return text >= thresholds.crossActorText ? "CROSS_ACTOR" : null;
}

/** Ranking score: 0.6 × text + 0.4 × mean of the five structural scores. */
export function overallScore(dimensions: OverlapDimensions): number {
  const structural = (dimensions.field + dimensions.targetGroup + dimensions.age + dimensions.area + dimensions.time) / 5;
  return round(0.6 * dimensions.text + 0.4 * structural, 4);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Everything about a pair, flagged or not (the finding plus `kind: null` and the structural verdict). */
export interface PairEvaluation extends Omit<OverlapFinding, "kind"> {
  kind: OverlapKind | null;
  structuralMatch: boolean;
}

/** Evaluates a pair given its text similarity; orders the pair so that aId < bId. */
export function evaluatePair(
  first: OverlapMeasure,
  second: OverlapMeasure,
  text: number,
  taxonomy: Taxonomy,
  thresholds: OverlapThresholds,
  fingerprints: { a: string; b: string } | ((m: OverlapMeasure) => string),
  structure?: StructuralComparison,
): PairEvaluation {
  const swap = first.id > second.id;
  const a = swap ? second : first;
  const b = swap ? first : second;
  const s = structure ?? compareStructure(a, b, taxonomy);
  const kind = decide(a, b, s.intersects, text, thresholds);
  const dimensions: OverlapDimensions = { ...roundAll(s.dimensions), text: round(text, 4) };
  const shared: OverlapShared = { ...s.shared, text: round(text, 2) };
  const fp = typeof fingerprints === "function" ? { a: fingerprints(a), b: fingerprints(b) } : swap ? { a: fingerprints.b, b: fingerprints.a } : fingerprints;
  return {
    aId: a.id,
    bId: b.id,
    kind,
    structuralMatch: s.intersects,
    score: overallScore(dimensions),
    dimensions,
    shared,
    explanation: explainOverlap(kind, shared, taxonomy),
    fingerprintA: fp.a,
    fingerprintB: fp.b,
  };
}

function roundAll(d: Omit<OverlapDimensions, "text">): Omit<OverlapDimensions, "text"> {
  return { field: round(d.field, 4), targetGroup: round(d.targetGroup, 4), age: round(d.age, 4), area: round(d.area, 4), time: round(d.time, 4) };
}

/* ------------------------------------------------------------------ German explanation */

const MONTHS = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

function monthYear(iso: string): { month: string; year: string } {
  return { month: MONTHS[Number(iso.slice(5, 7)) - 1] ?? "?", year: iso.slice(0, 4) };
}

/** "Jan–Jun 2026", "Okt 2025–Mär 2026", "Mär 2026", "ab Jan 2026, laufend", "bis Jun 2026", "laufend". */
export function formatPeriod(period: { from: string | null; to: string | null } | null): string {
  if (!period || (!period.from && !period.to)) return "laufend";
  if (period.from && period.to) {
    const f = monthYear(period.from);
    const t = monthYear(period.to);
    if (f.year === t.year) return f.month === t.month ? `${f.month} ${f.year}` : `${f.month}–${t.month} ${t.year}`;
    return `${f.month} ${f.year}–${t.month} ${t.year}`;
  }
  if (period.from) {
    const f = monthYear(period.from);
    return `ab ${f.month} ${f.year}, laufend`;
  }
  const t = monthYear(period.to as string);
  return `bis ${t.month} ${t.year}`;
}

/** "Alter 18–27", "ab 18 Jahren", "bis 27 Jahre". */
export function formatAges(ages: { min: number | null; max: number | null }): string {
  if (ages.min !== null && ages.max !== null) return ages.min === ages.max ? `Alter ${ages.min}` : `Alter ${ages.min}–${ages.max}`;
  if (ages.min !== null) return `ab ${ages.min} Jahren`;
  if (ages.max !== null) return `bis ${ages.max} Jahre`;
  return "alle Altersgruppen";
}

/** German decimal: 0.81 → "0,81". */
export function formatDecimal(x: number): string {
  return x.toFixed(2).replace(".", ",");
}

const MAX_LISTED_MUNICIPALITIES = 4;

function formatArea(shared: number[] | "COUNTY", taxonomy: Taxonomy): string {
  if (shared === "COUNTY") return "kreisweit";
  const names = shared.map((id) => taxonomy.municipalityNames.get(id) ?? `Gemeinde ${id}`);
  if (names.length <= MAX_LISTED_MUNICIPALITIES) return names.join(", ");
  return `${names.slice(0, MAX_LISTED_MUNICIPALITIES - 1).join(", ")} und ${names.length - MAX_LISTED_MUNICIPALITIES + 1} weitere`;
}

/** "beide: Sprache; Zielgruppe Frauen; Lörrach, Weil am Rhein; Jan–Jun 2026; Text 0,81". */
export function explainOverlap(kind: OverlapKind | null, shared: OverlapShared, taxonomy: Taxonomy): string {
  const parts: string[] = [];
  if (kind === "SAME_ACTOR_DUPLICATE") parts.push("gleicher Träger, vermutlich doppelt erfasst");
  const fields = shared.fields.map((k) => taxonomy.fieldNames.get(k) ?? k);
  parts.push(fields.length ? `beide: ${fields.join(", ")}` : "kein gemeinsames Handlungsfeld");
  const groups = shared.targetGroups.map((k) => taxonomy.targetGroupNames.get(k) ?? k);
  parts.push(groups.length ? `Zielgruppe ${groups.join(", ")}` : "alle Zielgruppen");
  if (shared.ages) parts.push(formatAges(shared.ages));
  parts.push(formatArea(shared.municipalityIds, taxonomy));
  parts.push(formatPeriod(shared.period));
  parts.push(`Text ${formatDecimal(shared.text)}`);
  return parts.join("; ");
}
