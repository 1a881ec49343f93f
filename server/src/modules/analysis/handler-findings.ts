import { DEFAULT_TARGET_GROUPS } from "../taxonomy/taxonomy.defaults";
import {
  AGE_CEILING,
  AGE_FLOOR,
  ageBand,
  ageFits,
  ALL_MIGRANTS,
  Audience,
  audienceOf,
  dimensionAdmits,
  dimensionCovers,
  dimensionIntersection,
  formatAges,
  isActiveOn,
  TaxonomyTree,
} from "./analysis.rules";
import { AnalysisHandler, AnalysisMeasure, AnalysisMunicipality, IsoDate, TaxonomyTerm } from "./analysis.types";

/**
 * Responsibilities (Zuständigkeiten): conflicts, gaps and the referral question "who handles this person?".
 *
 * The county's rule is the model: for individual counselling (SOCIAL_COUNSELLING) the Jugendmigrationsdienste
 * handle ages 12–27 and the Migrationsberatung für erwachsene Zuwanderer from 28, each for its own area. That
 * leaves children under 12 with nobody (a gap), and two MBE providers claiming the same town at the same priority
 * leave people not knowing where to go (a conflict).
 *
 * Shared reading of a handler: ages null mean 0 and 99 (99 = "and older"); county-wide means every municipality
 * passed in; no target groups means everyone; target groups are an audience of two dimensions, residence status
 * (ALL_MIGRANTS and below) and demography (everything else), see `audienceOf`.
 */

export interface HandlerFindingOptions {
  /** Target-group taxonomy (status groups under ALL_MIGRANTS); defaults to the county's starting taxonomy. */
  targetGroups?: readonly TaxonomyTerm[];
}

export interface HandlerGapOptions extends HandlerFindingOptions {
  /**
   * Whose care to check, as target-group keys. Default [] = the general migrant population: only handlers open to
   * every residence status (no status group, or ALL_MIGRANTS) and to every demographic group (none listed) close a
   * gap. A handler for women or for asylum seekers only does not: the people outside its audience are still
   * without anyone. Pass e.g. ["ASYLUM_SEEKERS"] to see the gaps for asylum seekers, where handlers for
   * ASYLUM_SEEKERS count too. A union of narrower handlers (one per status group) is not recognised as covering a
   * wider audience: each handler has to cover the whole audience on its own.
   */
  audience?: readonly string[];
  /** Further case types to check even when no handler exists for them (then the gap is all ages, all places). */
  fieldKeys?: readonly string[];
}

export interface HandlerConflict {
  kind: "CONFLICT";
  fieldKey: string;
  priority: number;
  /** The two handlers, lower id first. */
  handlerIds: [number, number];
  actorIds: [number, number];
  actorNames: [string, string];
  /** Both handlers belong to one actor: a data-entry duplicate rather than two organisations claiming a case. */
  sameActor: boolean;
  /** The exact overlap. */
  ageMin: number;
  ageMax: number;
  allMunicipalities: boolean;
  /** In the order of the municipalities passed in. */
  municipalityIds: number[];
  municipalityNames: string[];
  /** The audience both claim, as the most general groups; [] = everyone. */
  targetGroupKeys: string[];
  descriptionDe: string;
  descriptionEn: string;
}

export interface HandlerGap {
  kind: "GAP";
  fieldKey: string;
  ageMin: number;
  ageMax: number;
  allMunicipalities: boolean;
  municipalityIds: number[];
  municipalityNames: string[];
  /** Sum of the known populations of the affected municipalities; null when none is known. */
  population: number | null;
  descriptionDe: string;
  descriptionEn: string;
}

export interface ReferralProfile {
  /** null = not given: age does not narrow the answer. */
  age: number | null;
  municipalityId: number;
  /** What the person is: status (e.g. ASYLUM_SEEKERS) and demographic groups (e.g. WOMEN, PARENTS). */
  targetGroupKeys: string[];
  /** The case type / field of action the person needs help with. */
  need: string;
}

export interface ReferralContext {
  fields: readonly TaxonomyTerm[];
  targetGroups: readonly TaxonomyTerm[];
  referenceDate: IsoDate;
}

export interface ReferralAnswer {
  /** Responsible handlers, best first. */
  handlers: AnalysisHandler[];
  /** Active, published measures that fit, best first. */
  measures: AnalysisMeasure[];
  /** Nobody is responsible: count it as gap evidence under `missKey`. */
  miss: boolean;
  missKey: { need: string; municipalityId: number } | null;
  /** Two different actors handle the case type at the top priority: the referral is not clear-cut. */
  ambiguous: boolean;
}

const DEFAULT_TARGET_GROUP_TERMS: TaxonomyTerm[] = DEFAULT_TARGET_GROUPS.map((t) => ({
  key: t.key,
  nameDe: t.nameDe,
  nameEn: t.nameEn,
  parentKey: t.parent ?? null,
}));

interface PreparedHandler {
  handler: AnalysisHandler;
  band: [number, number] | null;
  /** Indexes into the municipality list, ascending. */
  places: number[];
  audience: Audience;
}

function prepare(
  handlers: readonly AnalysisHandler[],
  municipalities: readonly AnalysisMunicipality[],
  groups: TaxonomyTree,
): PreparedHandler[] {
  const indexById = new Map(municipalities.map((m, i) => [m.id, i]));
  const everywhere = municipalities.map((_, i) => i);
  return handlers.map((handler) => {
    const places = handler.countyWide
      ? everywhere
      : [...new Set(handler.municipalityIds.map((id) => indexById.get(id)).filter((i): i is number => i !== undefined))].sort(
          (a, b) => a - b,
        );
    return { handler, band: ageBand(handler.ageMin, handler.ageMax), places, audience: audienceOf(handler.targetGroupKeys, groups) };
  });
}

interface PlacePhrase {
  de: string;
  en: string;
}

/** "alle Gemeinden" / "all municipalities", "all municipalities except A, B" when most are affected, else the list. */
function placePhrase(indexes: readonly number[], municipalities: readonly AnalysisMunicipality[]): PlacePhrase {
  const total = municipalities.length;
  if (indexes.length === total) return { de: "alle Gemeinden", en: "all municipalities" };
  if (indexes.length > total / 2) {
    const inside = new Set(indexes);
    const others = municipalities
      .filter((_, i) => !inside.has(i))
      .map((m) => m.name)
      .join(", ");
    return { de: `alle Gemeinden außer ${others}`, en: `all municipalities except ${others}` };
  }
  const names = indexes.map((i) => municipalities[i].name).join(", ");
  return { de: names, en: names };
}

function agePhrase(lo: number, hi: number): PlacePhrase {
  return { de: `Alter ${formatAges(lo, hi)}`, en: `${lo === hi ? "age" : "ages"} ${formatAges(lo, hi)}` };
}

function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const inB = new Set(b);
  return a.filter((x) => inB.has(x));
}

/**
 * Two handlers conflict when nobody can tell which one a case goes to: same case type (field key, compared
 * exactly), same priority, and their audiences, age bands and municipalities all intersect. Different priorities
 * are a deliberate fall-back order (1 = first contact, 2 = when 1 cannot), so they never conflict. Each
 * conflicting pair is reported once, with the exact overlap: age band, municipalities and the common audience.
 * Order: by field key, then by the pair's handler ids.
 */
export function findHandlerConflicts(
  handlers: readonly AnalysisHandler[],
  municipalities: readonly AnalysisMunicipality[],
  options: HandlerFindingOptions = {},
): HandlerConflict[] {
  const groups = new TaxonomyTree(options.targetGroups ?? DEFAULT_TARGET_GROUP_TERMS);
  const prepared = prepare(handlers, municipalities, groups).sort(
    (a, b) => compareKeys(a.handler.fieldKey, b.handler.fieldKey) || a.handler.id - b.handler.id,
  );
  const conflicts: HandlerConflict[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i];
    for (let j = i + 1; j < prepared.length && prepared[j].handler.fieldKey === a.handler.fieldKey; j++) {
      const b = prepared[j];
      if (a.handler.priority !== b.handler.priority || !a.band || !b.band) continue;
      const lo = Math.max(a.band[0], b.band[0]);
      const hi = Math.min(a.band[1], b.band[1]);
      if (lo > hi) continue;
      const places = intersectSorted(a.places, b.places);
      if (places.length === 0) continue;
      const status = dimensionIntersection(a.audience.status, b.audience.status, groups);
      const demographic = dimensionIntersection(a.audience.demographic, b.audience.demographic, groups);
      if (!status || !demographic) continue;
      conflicts.push(describeConflict(a.handler, b.handler, lo, hi, places, [...status, ...demographic], municipalities));
    }
  }
  return conflicts;
}

function describeConflict(
  a: AnalysisHandler,
  b: AnalysisHandler,
  lo: number,
  hi: number,
  places: number[],
  targetGroupKeys: string[],
  municipalities: readonly AnalysisMunicipality[],
): HandlerConflict {
  const where = placePhrase(places, municipalities);
  const ages = agePhrase(lo, hi);
  const forWhom = targetGroupKeys.length > 0 ? targetGroupKeys.join(", ") : null;
  const subjectDe = forWhom ? `${a.fieldKey} für ${forWhom}` : a.fieldKey;
  const subjectEn = forWhom ? `${a.fieldKey} for ${forWhom}` : a.fieldKey;
  return {
    kind: "CONFLICT",
    fieldKey: a.fieldKey,
    priority: a.priority,
    handlerIds: [a.id, b.id],
    actorIds: [a.actorId, b.actorId],
    actorNames: [a.actorName, b.actorName],
    sameActor: a.actorId === b.actorId,
    ageMin: lo,
    ageMax: hi,
    allMunicipalities: places.length === municipalities.length,
    municipalityIds: places.map((i) => municipalities[i].id),
    municipalityNames: places.map((i) => municipalities[i].name),
    targetGroupKeys,
    descriptionDe: `${subjectDe}, ${ages.de}, ${where.de}: ${a.actorName} und ${b.actorName}, beide mit Priorität ${a.priority}`,
    descriptionEn: `${subjectEn}, ${ages.en}, ${where.en}: ${a.actorName} and ${b.actorName}, both at priority ${a.priority}`,
  };
}

/**
 * Ages and places nobody handles, per case type. For every case type that some handler has (plus
 * `options.fieldKeys`), every (age 0..99, municipality) pair that no handler covering the audience handles is a
 * gap; priorities do not matter here (a fall-back handler still handles). The pairs are merged into readable
 * findings: in each municipality the uncovered ages form maximal contiguous bands, and municipalities with the same
 * band are grouped into one finding ("SOCIAL_COUNSELLING, ages 0–11, all municipalities"). The findings are
 * disjoint and together are exactly the uncovered pairs. Order: field key, then band, then first municipality.
 */
export function findHandlerGaps(
  handlers: readonly AnalysisHandler[],
  municipalities: readonly AnalysisMunicipality[],
  options: HandlerGapOptions = {},
): HandlerGap[] {
  const groups = new TaxonomyTree(options.targetGroups ?? DEFAULT_TARGET_GROUP_TERMS);
  const wanted = audienceOf(options.audience ?? [], groups);
  const prepared = prepare(handlers, municipalities, groups).filter(
    (p) =>
      p.band !== null &&
      dimensionCovers(p.audience.status, wanted.status, groups, ALL_MIGRANTS) &&
      dimensionCovers(p.audience.demographic, wanted.demographic, groups, null),
  );
  const fieldKeys = [...new Set([...handlers.map((h) => h.fieldKey), ...(options.fieldKeys ?? [])])].sort(compareKeys);
  const ages = AGE_CEILING - AGE_FLOOR + 1;
  const gaps: HandlerGap[] = [];

  for (const fieldKey of fieldKeys) {
    const handled = new Uint8Array(municipalities.length * ages);
    for (const p of prepared) {
      if (p.handler.fieldKey !== fieldKey || !p.band) continue;
      for (const place of p.places) handled.fill(1, place * ages + p.band[0] - AGE_FLOOR, place * ages + p.band[1] - AGE_FLOOR + 1);
    }
    const byBand = new Map<string, { lo: number; hi: number; places: number[] }>();
    for (let place = 0; place < municipalities.length; place++) {
      let age = AGE_FLOOR;
      while (age <= AGE_CEILING) {
        if (handled[place * ages + age - AGE_FLOOR]) {
          age++;
          continue;
        }
        const lo = age;
        while (age <= AGE_CEILING && !handled[place * ages + age - AGE_FLOOR]) age++;
        const key = `${lo}-${age - 1}`;
        const entry = byBand.get(key) ?? { lo, hi: age - 1, places: [] };
        entry.places.push(place);
        byBand.set(key, entry);
      }
    }
    const bands = [...byBand.values()].sort((a, b) => a.lo - b.lo || a.hi - b.hi || a.places[0] - b.places[0]);
    for (const band of bands) gaps.push(describeGap(fieldKey, band.lo, band.hi, band.places, municipalities));
  }
  return gaps;
}

function describeGap(
  fieldKey: string,
  lo: number,
  hi: number,
  places: number[],
  municipalities: readonly AnalysisMunicipality[],
): HandlerGap {
  const where = placePhrase(places, municipalities);
  const ages = agePhrase(lo, hi);
  const known = places.map((i) => municipalities[i].population).filter((p): p is number => p != null);
  return {
    kind: "GAP",
    fieldKey,
    ageMin: lo,
    ageMax: hi,
    allMunicipalities: places.length === municipalities.length,
    municipalityIds: places.map((i) => municipalities[i].id),
    municipalityNames: places.map((i) => municipalities[i].name),
    population: known.length > 0 ? known.reduce((s, p) => s + p, 0) : null,
    descriptionDe: `${fieldKey}, ${ages.de}, ${where.de}`,
    descriptionEn: `${fieldKey}, ${ages.en}, ${where.en}`,
  };
}

/**
 * The referral guide: who is responsible for this person, and which offerings fit.
 *
 * A handler is responsible when its case type is the need or a broader field above it (a LANGUAGE handler handles
 * an INTEGRATION_COURSES question), the age is in its band, it serves the municipality (or the county), and its
 * audience admits the person: for each dimension the handler is open, or one of the person's groups lies under
 * one of the handler's. A person who states no status group is taken as "a migrant of unknown status" and is
 * admitted only where every status is (open or ALL_MIGRANTS); one who states no demographic group only where the
 * handler names none. Order: priority (1 first), then specificity: exact case type before a broader field, narrower
 * age band, fewer municipalities, fewer open audience dimensions; then actor name and id.
 *
 * A measure fits when it is active on the reference date and published, its fields (with their ancestors) include
 * the need (so measures in sub-fields of the need fit), and age, place and audience fit by the same rules. Order:
 * filed under the need itself before sub-fields, local before county-wide, narrower age band, then title and id.
 *
 * When no handler is responsible the answer is a miss (offerings may still be listed): the caller counts it per
 * need × municipality as evidence of a gap.
 */
export function whoHandles(
  profile: ReferralProfile,
  handlers: readonly AnalysisHandler[],
  measures: readonly AnalysisMeasure[],
  ctx: ReferralContext,
): ReferralAnswer {
  const fields = new TaxonomyTree(ctx.fields);
  const groups = new TaxonomyTree(ctx.targetGroups);
  const person = audienceOf(profile.targetGroupKeys, groups);
  const personStatus = person.status.length > 0 ? person.status : [ALL_MIGRANTS];
  const admits = (keys: readonly string[]): boolean => {
    const offered = audienceOf(keys, groups);
    return dimensionAdmits(offered.status, personStatus, groups) && dimensionAdmits(offered.demographic, person.demographic, groups);
  };
  const ageOk = (min: number | null, max: number | null): boolean => profile.age == null || ageFits(profile.age, min, max);
  const placeOk = (countyWide: boolean, ids: readonly number[]): boolean => countyWide || ids.includes(profile.municipalityId);
  const bandWidth = (min: number | null, max: number | null): number => {
    const band = ageBand(min, max);
    return band ? band[1] - band[0] : -1;
  };
  const openDimensions = (keys: readonly string[]): number => {
    const a = audienceOf(keys, groups);
    const statusOpen = a.status.length === 0 || a.status.includes(ALL_MIGRANTS);
    return (statusOpen ? 1 : 0) + (a.demographic.length === 0 ? 1 : 0);
  };
  const needDepth = fields.depth(profile.need);

  const responsible = handlers
    .filter(
      (h) =>
        fields.isAncestorOrSelf(h.fieldKey, profile.need) &&
        ageOk(h.ageMin, h.ageMax) &&
        placeOk(h.countyWide, h.municipalityIds) &&
        admits(h.targetGroupKeys),
    )
    .map((h) => ({
      h,
      rank: [
        h.priority,
        needDepth - fields.depth(h.fieldKey),
        bandWidth(h.ageMin, h.ageMax),
        h.countyWide ? Number.MAX_SAFE_INTEGER : new Set(h.municipalityIds).size,
        openDimensions(h.targetGroupKeys),
      ],
    }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || compareText(a.h.actorName, b.h.actorName) || a.h.id - b.h.id)
    .map((x) => x.h);

  const fitting = measures
    .filter(
      (m) =>
        isActiveOn(m, ctx.referenceDate) &&
        m.published &&
        fields.withAncestors(m.fieldKeys).has(profile.need) &&
        ageOk(m.ageMin, m.ageMax) &&
        placeOk(m.countyWide, m.municipalityIds) &&
        admits(m.targetGroupKeys),
    )
    .map((m) => ({
      m,
      rank: [m.fieldKeys.includes(profile.need) ? 0 : 1, m.countyWide ? 1 : 0, bandWidth(m.ageMin, m.ageMax)],
    }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || compareText(a.m.title ?? "", b.m.title ?? "") || a.m.id - b.m.id)
    .map((x) => x.m);

  const top = responsible.filter((h) => h.priority === responsible[0]?.priority);
  const ambiguous = top.some((a) => top.some((b) => a.fieldKey === b.fieldKey && a.actorId !== b.actorId));
  const miss = responsible.length === 0;
  return {
    handlers: responsible,
    measures: fitting,
    miss,
    missKey: miss ? { need: profile.need, municipalityId: profile.municipalityId } : null,
    ambiguous,
  };
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const collator = new Intl.Collator("de");

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
