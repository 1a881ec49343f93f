import { AnalysisMeasure, IsoDate, TaxonomyTerm } from "./analysis.types";

/**
 * Domain rules shared by coverage, responsibilities and the network map: what "active" means, how age bands and
 * nested taxonomies are read, and how a target-group list describes an audience.
 */

/** Ages are whole years; an open bound means 0 or 99, and gap analysis looks at exactly 0..99. */
export const AGE_FLOOR = 0;
export const AGE_CEILING = 99;

/** The status root: every residence-status group (asylum seekers, refugees, …) is ALL_MIGRANTS or below it. */
export const ALL_MIGRANTS = "ALL_MIGRANTS";

/** An inclusive age band, clamped to 0..99; null when the band is empty (e.g. ageMin 30, ageMax 20). */
export function ageBand(ageMin: number | null, ageMax: number | null): [number, number] | null {
  const lo = Math.max(AGE_FLOOR, ageMin ?? AGE_FLOOR);
  const hi = Math.min(AGE_CEILING, ageMax ?? AGE_CEILING);
  return lo <= hi ? [lo, hi] : null;
}

/** Whether a person of this age falls into the band; ages above 99 count as 99 (an upper bound of 99 means "and older"). */
export function ageFits(age: number, ageMin: number | null, ageMax: number | null): boolean {
  return (ageMin == null || age >= ageMin) && (ageMax == null || Math.min(age, AGE_CEILING) <= ageMax);
}

export function localDate(value: IsoDate | Date): IsoDate {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/** Whether a period with optional bounds contains the date (open bounds count as containing it). */
export function periodContains(start: IsoDate | Date | null | undefined, end: IsoDate | Date | null | undefined, date: IsoDate): boolean {
  const day = localDate(date);
  return (start == null || localDate(start) <= day) && (end == null || localDate(end) >= day);
}

/**
 * "Active" on a reference date: status ACTIVE, not archived, and the date window contains the date
 * (a measure without start or end date is open on that side).
 */
export function isActiveOn(measure: Pick<AnalysisMeasure, "status" | "archived" | "startDate" | "endDate">, date: IsoDate): boolean {
  return measure.status === "ACTIVE" && !measure.archived && periodContains(measure.startDate, measure.endDate, date);
}

/**
 * A nested taxonomy (fields of action, target groups). Keys the taxonomy does not know are treated as top-level
 * terms without children, so stale keys never crash an analysis.
 */
export class TaxonomyTree {
  private readonly parent = new Map<string, string | null>();
  private readonly children = new Map<string, string[]>();
  private readonly ancestorCache = new Map<string, string[]>();

  constructor(terms: readonly TaxonomyTerm[]) {
    for (const term of terms) {
      this.parent.set(term.key, term.parentKey);
      if (term.parentKey == null) continue;
      const list = this.children.get(term.parentKey) ?? [];
      list.push(term.key);
      this.children.set(term.parentKey, list);
    }
  }

  /** The key and all its ancestors, nearest first. Guards against cycles in edited data. */
  ancestorsAndSelf(key: string): string[] {
    const cached = this.ancestorCache.get(key);
    if (cached) return cached;
    const out: string[] = [];
    let current: string | null | undefined = key;
    while (current != null && !out.includes(current)) {
      out.push(current);
      current = this.parent.get(current);
    }
    this.ancestorCache.set(key, out);
    return out;
  }

  isAncestorOrSelf(ancestor: string, key: string): boolean {
    return this.ancestorsAndSelf(key).includes(ancestor);
  }

  descendantsAndSelf(key: string): string[] {
    const out = [key];
    for (let i = 0; i < out.length; i++) {
      for (const child of this.children.get(out[i]) ?? []) if (!out.includes(child)) out.push(child);
    }
    return out;
  }

  /** The keys plus all their ancestors (the "counts for the parent field too" rule), without duplicates. */
  withAncestors(keys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) for (const k of this.ancestorsAndSelf(key)) out.add(k);
    return out;
  }

  depth(key: string): number {
    return this.ancestorsAndSelf(key).length - 1;
  }
}

/**
 * A target-group list read as an audience with two independent dimensions: residence status (ALL_MIGRANTS and
 * its subtree) and demography (women, youth, parents, employers, …, every other group). Within a dimension the
 * listed groups are alternatives; across dimensions they combine: [RECOGNISED_REFUGEES, WOMEN] = refugee women.
 * An empty dimension is unrestricted, so an empty list is everyone.
 */
export interface Audience {
  status: string[];
  demographic: string[];
}

export function isStatusGroup(key: string, groups: TaxonomyTree): boolean {
  return groups.isAncestorOrSelf(ALL_MIGRANTS, key);
}

export function audienceOf(targetGroupKeys: readonly string[], groups: TaxonomyTree): Audience {
  const unique = [...new Set(targetGroupKeys)];
  return {
    status: unique.filter((k) => isStatusGroup(k, groups)),
    demographic: unique.filter((k) => !isStatusGroup(k, groups)),
  };
}

/** Whether someone in any of `person` groups is admitted by a dimension that offers `offered` (empty = open). */
export function dimensionAdmits(offered: readonly string[], person: readonly string[], groups: TaxonomyTree): boolean {
  if (offered.length === 0) return true;
  return person.some((p) => offered.some((o) => groups.isAncestorOrSelf(o, p)));
}

/**
 * Whether a dimension offering `offered` serves the whole of `wanted`: open, or every wanted group lies under an
 * offered one. An empty `wanted` means the whole dimension, which only an open dimension (or one offering the
 * dimension's root, `root`) serves.
 */
export function dimensionCovers(offered: readonly string[], wanted: readonly string[], groups: TaxonomyTree, root: string | null): boolean {
  if (offered.length === 0) return true;
  const need = wanted.length > 0 ? wanted : root != null ? [root] : [];
  if (need.length === 0) return false;
  return need.every((w) => offered.some((o) => groups.isAncestorOrSelf(o, w)));
}

/**
 * The people two dimensions have in common, as the most general groups that describe it: [] = unrestricted,
 * null = nobody. [ALL_MIGRANTS] ∩ [RECOGNISED_REFUGEES, WOMEN]'s status part = [RECOGNISED_REFUGEES].
 */
export function dimensionIntersection(a: readonly string[], b: readonly string[], groups: TaxonomyTree): string[] | null {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const common = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      if (groups.isAncestorOrSelf(x, y)) common.add(y);
      else if (groups.isAncestorOrSelf(y, x)) common.add(x);
    }
  }
  const list = [...common];
  const reduced = list.filter((k) => !list.some((other) => other !== k && groups.isAncestorOrSelf(other, k)));
  return reduced.length > 0 ? reduced : null;
}

/** Renders an inclusive age band the way the commissioner writes it: "0–11", or "5" for a single year. */
export function formatAges(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
