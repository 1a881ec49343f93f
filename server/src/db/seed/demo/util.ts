import { Level, MeasureStatus } from "../../../common/enums";
import { DemoFunding, DemoMeasure } from "../demo-network.types";

/**
 * Helpers for the demo network of the Landkreis Lörrach. Everything here is deterministic: there is no
 * Math.random and no Date.now(); variation comes from a seeded PRNG (mulberry32) or from a string hash.
 */

/** The 35 municipalities of the county, spelled exactly as in data/municipalities-loerrach.csv. */
export const MUNICIPALITIES: readonly string[] = [
  "Kandern",
  "Lörrach",
  "Rheinfelden (Baden)",
  "Schönau im Schwarzwald",
  "Schopfheim",
  "Todtnau",
  "Weil am Rhein",
  "Zell im Wiesental",
  "Aitern",
  "Bad Bellingen",
  "Binzen",
  "Böllen",
  "Efringen-Kirchen",
  "Eimeldingen",
  "Fischingen",
  "Fröhnd",
  "Grenzach-Wyhlen",
  "Häg-Ehrsberg",
  "Hasel",
  "Hausen im Wiesental",
  "Inzlingen",
  "Kleines Wiesental",
  "Malsburg-Marzell",
  "Maulburg",
  "Rümmingen",
  "Schallbach",
  "Schliengen",
  "Schönenberg",
  "Schwörstadt",
  "Steinen",
  "Tunau",
  "Utzenfeld",
  "Wembach",
  "Wieden",
  "Wittlingen",
];

/** Area of Jugendmigrationsdienst A (Lörrach / Weil am Rhein) and of the MBE of the Caritas. */
export const AREA_WEST: readonly string[] = [
  "Lörrach",
  "Weil am Rhein",
  "Binzen",
  "Efringen-Kirchen",
  "Eimeldingen",
  "Fischingen",
  "Rümmingen",
  "Schallbach",
  "Wittlingen",
  "Inzlingen",
  "Kandern",
  "Bad Bellingen",
  "Schliengen",
  "Malsburg-Marzell",
];

/** Everything else: Rheinfelden, Grenzach-Wyhlen, Schwörstadt and the Wiesental (JMD B). */
export const AREA_EAST: readonly string[] = MUNICIPALITIES.filter((m) => !AREA_WEST.includes(m));

/** Upper Wiesental: deliberately without any HEALTH offering (see measures-health). */
export const UPPER_WIESENTAL: readonly string[] = [
  "Todtnau",
  "Schönau im Schwarzwald",
  "Wieden",
  "Utzenfeld",
  "Aitern",
  "Fröhnd",
  "Böllen",
  "Tunau",
  "Schönenberg",
];

/** mulberry32: a tiny seeded PRNG, good enough for picking phrasings. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, used to derive stable per-measure values independent of list order. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length) % items.length];
}

/** Adds days to an ISO date without touching the local time zone. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Funding sources used throughout the demo data. */
export const F = {
  BAMF: { source: "Bundesamt für Migration und Flüchtlinge (BAMF)", level: Level.FEDERAL },
  BAMF_MBE: { source: "BAMF – Migrationsberatung für erwachsene Zuwanderer", level: Level.FEDERAL },
  KJP: { source: "Bundesjugendministerium – Kinder- und Jugendplan des Bundes (JMD)", level: Level.FEDERAL },
  BA: { source: "Bundesagentur für Arbeit (SGB III)", level: Level.FEDERAL },
  SGB2: { source: "Jobcenter Landkreis Lörrach – Eingliederungsbudget SGB II", level: Level.FEDERAL },
  AMIF: { source: "Asyl-, Migrations- und Integrationsfonds (AMIF)", level: Level.FEDERAL },
  DEMOKRATIE_LEBEN: { source: "Bundesprogramm „Demokratie leben!“ – Partnerschaft für Demokratie", level: Level.FEDERAL },
  IQ: { source: "Förderprogramm „Integration durch Qualifizierung (IQ)“", level: Level.FEDERAL },
  IDS: { source: "Bundesprogramm „Integration durch Sport“", level: Level.FEDERAL },
  ESF: { source: "Europäischer Sozialfonds Plus (ESF Plus) Baden-Württemberg", level: Level.STATE },
  VWV: { source: "Land Baden-Württemberg – VwV Integration", level: Level.STATE },
  IM: { source: "Land Baden-Württemberg – Förderprogramm Integrationsmanagement", level: Level.STATE },
  LAND_RUECKKEHR: { source: "Land Baden-Württemberg – Förderung der Rückkehrberatung", level: Level.STATE },
  LAND_KUEMMERER: { source: "Land Baden-Württemberg – Programm „Kümmerer“", level: Level.STATE },
  LAND_SCHULE: { source: "Land Baden-Württemberg – Kultusverwaltung", level: Level.STATE },
  LAND_SPRACHFOERDERUNG: { source: "Land Baden-Württemberg – Kita-Sprachförderung", level: Level.STATE },
  LK: { source: "Landkreis Lörrach", level: Level.COUNTY },
  LK_FONDS: { source: "Integrationsfonds des Landkreises Lörrach", level: Level.COUNTY },
  EIGEN: { source: "Eigenmittel", level: Level.NON_GOVERNMENTAL },
  SPENDEN: { source: "Spenden", level: Level.NON_GOVERNMENTAL },
  BEITRAEGE: { source: "Mitgliedsbeiträge", level: Level.NON_GOVERNMENTAL },
  KIRCHE_EV: { source: "Evangelische Landeskirche in Baden", level: Level.NON_GOVERNMENTAL },
  KIRCHE_KATH: { source: "Erzdiözese Freiburg", level: Level.NON_GOVERNMENTAL },
  AKTION_MENSCH: { source: "Aktion Mensch e.V.", level: Level.NON_GOVERNMENTAL },
  KAMMER: { source: "Kammerumlage", level: Level.NON_GOVERNMENTAL },
  GKV: { source: "Gesetzliche Krankenkassen – Präventionsmittel", level: Level.NON_GOVERNMENTAL },
} satisfies Record<string, DemoFunding>;

/** Municipal funding under the municipality's own name ("Stadt Lörrach", "Gemeinde Steinen"). */
export function municipal(name: string): DemoFunding {
  const towns = ["Kandern", "Lörrach", "Rheinfelden (Baden)", "Schönau im Schwarzwald", "Schopfheim", "Todtnau", "Weil am Rhein", "Zell im Wiesental"];
  return { source: `${towns.includes(name) ? "Stadt" : "Gemeinde"} ${name}`, level: Level.MUNICIPAL };
}

/**
 * What a measure looks like in the source files: the required descriptive part plus optional overrides. The
 * builder fills the rest with defaults. `level` left empty means "the provider's level" (resolved in build).
 */
export type MeasureInput = Pick<DemoMeasure, "title" | "description" | "provider" | "fields" | "targetGroups"> &
  Partial<Omit<DemoMeasure, "title" | "description" | "provider" | "fields" | "targetGroups">>;

/** A measure whose `level` may still be open (it is resolved against the provider in buildDemoNetwork). */
export type DraftMeasure = Omit<DemoMeasure, "level"> & { level?: Level };

/** Dates on which partners last confirmed their offerings; the reference day of the demo is 2026-11-23. */
const FRESH_CONFIRMATIONS = [
  "2026-01-19", "2026-02-09", "2026-03-02", "2026-03-23", "2026-04-14", "2026-05-06", "2026-05-27",
  "2026-06-18", "2026-07-08", "2026-07-29", "2026-09-15", "2026-09-30", "2026-10-12", "2026-10-26",
  "2026-11-05", "2026-11-16",
];
/** Older than twelve months relative to 2026-11-23: these offerings are listed as stale. */
const STALE_CONFIRMATIONS = ["2024-11-04", "2025-02-17", "2025-04-28", "2025-06-30", "2025-09-08", "2025-10-20"];

export function measure(input: MeasureInput): DraftMeasure {
  const h = hashString(input.title + "|" + input.provider);
  const status = input.status ?? MeasureStatus.ACTIVE;
  let lastConfirmedOn: string | null;
  if (input.lastConfirmedOn !== undefined) {
    lastConfirmedOn = input.lastConfirmedOn;
  } else if (status === MeasureStatus.PLANNED) {
    lastConfirmedOn = h % 3 === 0 ? null : FRESH_CONFIRMATIONS[h % FRESH_CONFIRMATIONS.length];
  } else if (h % 7 === 0) {
    lastConfirmedOn = STALE_CONFIRMATIONS[(h >>> 3) % STALE_CONFIRMATIONS.length];
  } else {
    lastConfirmedOn = FRESH_CONFIRMATIONS[(h >>> 5) % FRESH_CONFIRMATIONS.length];
  }
  // Nobody confirms an offering before it has started: move such confirmations to the first fresh date after the
  // start (or to the start itself when that lies after the last fresh date).
  if (input.lastConfirmedOn === undefined && lastConfirmedOn && input.startDate && lastConfirmedOn < input.startDate && status !== MeasureStatus.PLANNED) {
    lastConfirmedOn = FRESH_CONFIRMATIONS.find((d) => d >= input.startDate!) ?? input.startDate;
  }
  // A measure that ended is confirmed at the latest on its end date.
  if (status === MeasureStatus.ENDED && lastConfirmedOn && input.endDate && lastConfirmedOn > input.endDate) {
    lastConfirmedOn = input.endDate;
  }
  return {
    title: input.title,
    description: input.description,
    provider: input.provider,
    partners: input.partners ?? [],
    fields: input.fields,
    targetGroups: input.targetGroups,
    ageMin: input.ageMin ?? null,
    ageMax: input.ageMax ?? null,
    languages: input.languages ?? ["de"],
    countyWide: input.countyWide ?? false,
    municipalities: input.municipalities ?? [],
    venue: input.venue,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    schedule: input.schedule,
    capacity: input.capacity ?? null,
    cost: input.cost ?? 0,
    costNote: input.costNote,
    funding: input.funding ?? [F.EIGEN],
    level: input.level,
    status,
    published: input.published ?? (status === MeasureStatus.PLANNED ? h % 2 === 0 : h % 16 !== 3),
    registrationUrl: input.registrationUrl,
    lastConfirmedOn,
  };
}
