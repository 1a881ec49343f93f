/**
 * When does a review decision re-open? The commissioner's decision on a pair (CONFIRMED, COMPLEMENTARY,
 * DISMISSED) sticks until one of the two measures changes *materially*: its provider, title, fields of action,
 * target groups, age band, municipalities or period change, or its description is substantially rewritten.
 * Punctuation, case, umlaut spelling, a corrected typo or an added sentence are not material.
 *
 * The service stores the fingerprint of both measures with each decision (`OverlapFinding.fingerprintA/B` are the
 * fingerprints at detection time). Later, `materialChange(stored, fingerprint(current))` says whether and why
 * the pair must be re-opened, without needing the old text. `describeChange(old, new)` answers the same question
 * exactly when both versions are at hand (in the update mutation).
 *
 * Format: `f1.<provider>.<fields>.<targetGroups>.<ages>.<area>.<period>.<title>.<descriptionSketch>`, where the
 * first seven parts are 32-bit hashes (8 hex digits) of a canonical form and the sketch is 16 MinHash values
 * (4 hex digits each) of the description's content stems, so the share of changed wording can be estimated.
 */
import { hashString, mix32, MinHasher } from "./minhash";
import { coversCounty, parseIsoDay } from "./score";
import { contentStemHashes, contentStems } from "./text";
import { OverlapMeasure } from "./types";

const VERSION = "f1";
const SKETCH_SIZE = 16;
/** Descriptions whose stem sets keep less than this Jaccard similarity count as rewritten. */
export const DESCRIPTION_CHANGE_JACCARD = 0.7;

const sketcher = new MinHasher(SKETCH_SIZE, 0x51ed270b);

type Part = "provider" | "title" | "description" | "fields" | "targetGroups" | "ages" | "area" | "period";

/** German reasons, in the order they are reported. */
const REASONS: Record<Part, string> = {
  provider: "Träger geändert",
  title: "Titel geändert",
  description: "Beschreibung wesentlich geändert",
  fields: "Handlungsfelder geändert",
  targetGroups: "Zielgruppen geändert",
  ages: "Altersgrenzen geändert",
  area: "Gemeinden geändert",
  period: "Zeitraum geändert",
};
const ORDER: Part[] = ["provider", "title", "description", "fields", "targetGroups", "ages", "area", "period"];

function sortedUnique<T extends string | number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Canonical strings of the structured parts; equal strings mean "not changed". */
function canonicalParts(m: OverlapMeasure, titleStems: readonly string[] = contentStems(m.title)): Record<Exclude<Part, "description">, string> {
  const day = (iso: string | null) => {
    const d = parseIsoDay(iso);
    return d === null ? "" : String(d);
  };
  return {
    provider: String(m.providerId),
    title: titleStems.join(" "),
    fields: sortedUnique(m.fieldKeys).join(","),
    targetGroups: sortedUnique(m.targetGroupKeys).join(","),
    ages: `${m.ageMin ?? ""}-${m.ageMax ?? ""}`,
    area: coversCounty(m) ? "COUNTY" : sortedUnique(m.municipalityIds).join(","),
    period: `${day(m.startDate)}..${day(m.endDate)}`,
  };
}

/**
 * A fingerprint as numbers, so an index can keep one per measure in a typed array and format it only for the
 * measures that end up in a finding: the seven part hashes (provider, fields, target groups, ages, area, period,
 * title), the 16 sketch values two to a word, and 1 when there is a sketch (0: the description has no content stems).
 */
export const FINGERPRINT_WORDS = 16;
const HASHED_PARTS = ["provider", "fields", "targetGroups", "ages", "area", "period", "title"] as const;

const signature = new Uint32Array(SKETCH_SIZE);

/**
 * Writes the fingerprint of `m` as {@link FINGERPRINT_WORDS} numbers to `out[offset..]`, given the content stems
 * of its title (`contentStems(m.title)`) and the stem hashes of its description (`contentStemHashes`; repeats
 * leave the MinHash minima as they are), which the text analyser has at hand anyway.
 */
export function fingerprintWords(m: OverlapMeasure, titleStems: readonly string[], descriptionStemHashes: ArrayLike<number>, out: Uint32Array, offset: number): void {
  const c = canonicalParts(m, titleStems);
  for (let i = 0; i < HASHED_PARTS.length; i++) out[offset + i] = hashString(c[HASHED_PARTS[i]]);
  const sketched = sketcher.signature(descriptionStemHashes, signature);
  for (let i = 0; i < SKETCH_SIZE; i += 2) {
    out[offset + 7 + i / 2] = sketched ? ((mix32(signature[i]) & 0xffff) << 16) | (mix32(signature[i + 1]) & 0xffff) : 0;
  }
  out[offset + 15] = sketched ? 1 : 0;
}

/** Two hex digits of each byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (x: number) => HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];

/** The fingerprint string of numbers written by {@link fingerprintWords}. */
export function formatFingerprint(words: Uint32Array, offset: number): string {
  let out = VERSION;
  for (let i = 0; i < HASHED_PARTS.length; i++) out += `.${hex8(words[offset + i])}`;
  out += ".";
  if (!words[offset + 15]) return `${out}0`;
  for (let i = 7; i < 15; i++) out += hex8(words[offset + i]);
  return out;
}

const stemHashes: number[] = [];
const scratch = new Uint32Array(FINGERPRINT_WORDS);

/** Fingerprint of a measure's material content (see the module comment for the format). */
export function fingerprint(m: OverlapMeasure): string {
  fingerprintWords(m, contentStems(m.title), contentStemHashes(m.description, stemHashes), scratch, 0);
  return formatFingerprint(scratch, 0);
}

const FP_PARTS: Part[] = ["provider", "fields", "targetGroups", "ages", "area", "period", "title", "description"];

function jaccardOfSketches(a: string, b: string): number {
  if (a === b) return 1;
  if (a === "0" || b === "0" || a.length !== b.length) return 0;
  let equal = 0;
  for (let i = 0; i < SKETCH_SIZE; i++) if (a.substr(i * 4, 4) === b.substr(i * 4, 4)) equal++;
  return equal / SKETCH_SIZE;
}

function joinReasons(changed: Set<Part>): string | null {
  const reasons = ORDER.filter((p) => changed.has(p)).map((p) => REASONS[p]);
  return reasons.length ? reasons.join("; ") : null;
}

/**
 * German reason why a stored decision must re-open ("Zeitraum geändert", "Titel geändert; Zielgruppen geändert"),
 * or null when the change is not material. The description part is a MinHash estimate (16 values), so a
 * borderline rewrite may be judged differently from {@link describeChange}.
 */
export function materialChange(oldFingerprint: string, newFingerprint: string): string | null {
  if (oldFingerprint === newFingerprint) return null;
  const before = oldFingerprint.split(".");
  const after = newFingerprint.split(".");
  if (before[0] !== VERSION || after[0] !== VERSION || before.length !== FP_PARTS.length + 1 || after.length !== before.length) {
    return "Inhalt geändert";
  }
  const changed = new Set<Part>();
  FP_PARTS.forEach((part, i) => {
    const x = before[i + 1];
    const y = after[i + 1];
    if (part === "description") {
      if (jaccardOfSketches(x, y) < DESCRIPTION_CHANGE_JACCARD) changed.add(part);
    } else if (x !== y) changed.add(part);
  });
  return joinReasons(changed);
}

/** Jaccard similarity of two sets of strings. */
function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const setB = new Set(b);
  const common = a.filter((x) => setB.has(x)).length;
  return common / (a.length + b.length - common);
}

/** Exact version of {@link materialChange} for when both versions of the measure are at hand. */
export function describeChange(before: OverlapMeasure, after: OverlapMeasure): string | null {
  const x = canonicalParts(before);
  const y = canonicalParts(after);
  const changed = new Set<Part>();
  for (const part of ORDER) {
    if (part === "description") {
      if (jaccard(contentStems(before.description), contentStems(after.description)) < DESCRIPTION_CHANGE_JACCARD) changed.add(part);
    } else if (x[part] !== y[part]) changed.add(part);
  }
  return joinReasons(changed);
}
