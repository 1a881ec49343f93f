import fc from "fast-check";
import { MeasureSlots } from "../../server/src/modules/overlaps/algorithms/candidates";
import { findClusters } from "../../server/src/modules/overlaps/algorithms/clusters";
import { OverlapIndex } from "../../server/src/modules/overlaps/algorithms/detector";
import { describeChange, fingerprint, materialChange } from "../../server/src/modules/overlaps/algorithms/fingerprint";
import {
  audienceOf,
  compareAreas,
  compareAudiences,
  comparePeriods,
  compareAges,
  compareStructure,
  formatPeriod,
} from "../../server/src/modules/overlaps/algorithms/score";
import { buildTextModel, contentStems, DEFAULT_SYNONYMS, normalizeText, stemGerman } from "../../server/src/modules/overlaps/algorithms/text";
import { buildTaxonomy, OverlapFinding, OverlapMeasure, resolveThresholds } from "../../server/src/modules/overlaps/algorithms/types";
import { DEFAULT_TARGET_GROUPS } from "../../server/src/modules/taxonomy/taxonomy.defaults";
import { fixtureTaxonomy } from "../fixtures/overlap-pairs";

const taxonomy = fixtureTaxonomy();
const LOERRACH = 2;
const WEIL = 7;
const SCHOPFHEIM = 5;

let nextId = 1;
function measure(overrides: Partial<OverlapMeasure> = {}): OverlapMeasure {
  return {
    id: nextId++,
    providerId: nextId + 1000,
    title: "Sprachcafé für Frauen",
    description: "Frauen treffen sich wöchentlich, um in entspannter Runde Deutsch zu sprechen. Kinderbetreuung vor Ort.",
    fieldKeys: ["LANGUAGE"],
    targetGroupKeys: ["WOMEN"],
    ageMin: null,
    ageMax: null,
    countyWide: false,
    municipalityIds: [LOERRACH],
    startDate: "2026-01-01",
    endDate: "2026-06-30",
    ...overrides,
  };
}

const pairKey = (f: OverlapFinding) => `${f.aId}:${f.bId}:${f.kind}`;

describe("German text normalisation", () => {
  it("folds case, umlauts and ß, gender forms and punctuation", () => {
    expect(normalizeText("Größe, Übung & Straße: Ärztin!")).toBe("groesse uebung strasse aerztin");
    expect(normalizeText("Migrant*innen, MigrantInnen, Schüler:innen und Lehrer/-innen")).toBe("migrantinnen migrantinnen schuelerinnen und lehrerinnen");
    expect(normalizeText("Eltern-Kind-Gruppe – Sprach-Café")).toBe("eltern-kind-gruppe sprach-cafe");
  });

  it("stems umlaut and ASCII spellings, singular and plural, feminine and masculine alike", () => {
    expect(stemGerman("gefluechtete")).toBe(stemGerman("gefluechteten"));
    expect(contentStems("Geflüchtete")).toEqual(contentStems("Gefluechtete"));
    expect(stemGerman("deutschkurs")).toBe(stemGerman("deutschkurse"));
    expect(stemGerman("migrantinnen")).toBe(stemGerman("migranten"));
    expect(stemGerman("beginnen")).not.toBe("beg");
  });

  it("drops stop words and numbers but keeps language levels", () => {
    expect(contentStems("Der Kurs für die Frauen beginnt 2026 um 9 Uhr, Niveau A1")).toEqual(["a1", "beginnt", "frau", "kur", "niveau"].map((w) => stemGerman(w)).sort());
  });
});

describe("text similarity", () => {
  it("maps domain synonyms to one canonical token, also inside compounds and across several words", () => {
    const model = buildTextModel([
      { id: 1, title: "Sprachcafé", description: "" },
      { id: 2, title: "Sprachtreff", description: "" },
      { id: 3, title: "Frauen-Sprachcafé", description: "" },
      { id: 4, title: "Treff für Mütter mit Kindern", description: "" },
      { id: 5, title: "Mutter-Kind-Gruppe", description: "" },
      { id: 6, title: "Bewerbungswerkstatt", description: "" },
      { id: 7, title: "Bewerbungstraining", description: "" },
    ]);
    for (const id of [1, 2, 3]) expect(model.termsOf(id)).toContain("~sprachtreff");
    expect(model.termsOf(4)).toContain("~elternkind");
    expect(model.termsOf(5)).toContain("~elternkind");
    expect(model.similarity(6, 7)).toBeGreaterThan(0.5);
    expect(model.similarity(1, 2)).toBeGreaterThan(model.similarity(1, 6));
    expect(DEFAULT_SYNONYMS.length).toBeGreaterThanOrEqual(25);
  });

  it("uses an editable synonym list", () => {
    const docs = [
      { id: 1, title: "Elternabend Schule", description: "" },
      { id: 2, title: "Infoabend für Eltern Schule", description: "" },
    ];
    const plain = buildTextModel(docs);
    const custom = buildTextModel(docs, { synonyms: [...DEFAULT_SYNONYMS, { canonical: "elternabend", terms: ["Elternabend", "Infoabend für Eltern"] }] });
    expect(custom.termsOf(2)).toContain("~elternabend");
    expect(custom.similarity(1, 2)).toBeGreaterThan(plain.similarity(1, 2));
  });

  it("matches compounds that share a head through character n-grams", () => {
    const model = buildTextModel(
      [
        { id: 1, title: "Deutschkurs", description: "" },
        { id: 2, title: "Alphabetisierungskurs", description: "" },
        { id: 3, title: "Schuldnerberatung", description: "" },
        { id: 4, title: "Sprachkurs", description: "" },
      ],
      { synonyms: [] },
    );
    expect(model.similarityParts(1, 2).words).toBe(0);
    expect(model.similarityParts(1, 2).ngrams).toBeGreaterThan(0);
    expect(model.similarity(1, 2)).toBeGreaterThan(model.similarity(1, 3));
    expect(model.similarity(1, 4)).toBeGreaterThan(model.similarity(1, 3));
  });

  it("down-weights boilerplate that every description repeats (IDF)", () => {
    const boilerplate = "Beratung für Migrantinnen und Migranten.";
    const docs = [
      { id: 1, title: "Schuldnerberatung", description: `${boilerplate} Haushaltsplan und Gespräche mit Gläubigern.` },
      { id: 2, title: "Asylverfahrensberatung", description: `${boilerplate} Vorbereitung auf die Anhörung.` },
      { id: 3, title: "Schuldenberatung", description: "Haushaltsplan erstellen, mit Gläubigern verhandeln." },
      ...Array.from({ length: 20 }, (_, i) => ({ id: 10 + i, title: `Angebot ${i}`, description: `${boilerplate} Thema ${i}.` })),
    ];
    const model = buildTextModel(docs);
    expect(model.inverseDocumentFrequency(stemGerman("migranten"))).toBeLessThan(model.inverseDocumentFrequency(stemGerman("glaeubigern")));
    // Sharing only the boilerplate counts for less than sharing the offering itself.
    expect(model.similarity(1, 2)).toBeLessThan(0.15);
    expect(model.similarity(1, 3)).toBeGreaterThan(2 * model.similarity(1, 2));
  });

  it("treats language courses on disjoint levels as different offerings", () => {
    const model = buildTextModel([
      { id: 1, title: "Deutschkurs A1", description: "Vormittags, viermal pro Woche." },
      { id: 2, title: "Deutschkurs B1", description: "Vormittags, viermal pro Woche." },
      { id: 3, title: "Deutschkurs A1–B1", description: "Vormittags, viermal pro Woche." },
      { id: 4, title: "Deutschkurs A2", description: "Vormittags, viermal pro Woche." },
    ]);
    expect(model.similarity(1, 2)).toBeLessThan(model.similarity(3, 4) / 1.5);
  });
});

describe("structural dimensions", () => {
  const audience = (keys: string[]) => audienceOf(keys, taxonomy);
  const meets = (a: string[], b: string[]) => compareAudiences(audience(a), audience(b), taxonomy).intersects;

  it("combines status and demographic groups: women and youth differ, refugee women are women", () => {
    expect(meets(["WOMEN"], ["YOUTH"])).toBe(false);
    expect(meets(["WOMEN"], ["RECOGNISED_REFUGEES", "WOMEN"])).toBe(true);
    expect(meets(["ALL_MIGRANTS"], ["ASYLUM_SEEKERS"])).toBe(true);
    expect(meets(["ASYLUM_SEEKERS"], ["EU_CITIZENS"])).toBe(false);
    expect(meets(["RECOGNISED_REFUGEES", "WOMEN"], ["EU_CITIZENS", "WOMEN"])).toBe(false);
    expect(meets(["RECOGNISED_REFUGEES", "WOMEN"], ["ASYLUM_SEEKERS", "RECOGNISED_REFUGEES", "YOUTH"])).toBe(false);
    expect(meets([], ["LATE_REPATRIATES", "SENIORS"])).toBe(true);
    expect(meets(["EMPLOYERS"], ["VOLUNTEERS"])).toBe(false);
    expect(compareAudiences(audience(["WOMEN"]), audience(["RECOGNISED_REFUGEES", "WOMEN"]), taxonomy).shared).toEqual(["RECOGNISED_REFUGEES", "WOMEN"]);
  });

  it("lets a group cover its nested sub-groups when the taxonomy nests them", () => {
    const nested = buildTaxonomy({
      fields: [],
      targetGroups: [...DEFAULT_TARGET_GROUPS, { key: "DUBLIN_CASES", nameDe: "Dublin-Fälle", parent: "ASYLUM_SEEKERS" }],
      municipalities: [],
    });
    const meet = (a: string[], b: string[]) => compareAudiences(audienceOf(a, nested), audienceOf(b, nested), nested).intersects;
    expect(meet(["ASYLUM_SEEKERS"], ["DUBLIN_CASES"])).toBe(true);
    expect(meet(["RECOGNISED_REFUGEES"], ["DUBLIN_CASES"])).toBe(false);
  });

  it("counts a county-wide offering (or one without places) as serving every municipality", () => {
    const county = measure({ countyWide: true, municipalityIds: [] });
    const local = measure({ municipalityIds: [WEIL, LOERRACH] });
    expect(compareAreas(county, local)).toMatchObject({ intersects: true, shared: [LOERRACH, WEIL] });
    expect(compareAreas(measure({ municipalityIds: [] }), local).intersects).toBe(true);
    expect(compareAreas(county, measure({ countyWide: true })).shared).toBe("COUNTY");
    expect(compareAreas(measure({ municipalityIds: [SCHOPFHEIM] }), local).intersects).toBe(false);
  });

  it("treats open-ended periods as ongoing and missing starts as since ever", () => {
    const ongoing = measure({ startDate: "2024-03-01", endDate: null });
    expect(comparePeriods(ongoing, measure({ startDate: "2027-01-01", endDate: "2027-06-30" })).intersects).toBe(true);
    expect(comparePeriods(ongoing, measure({ startDate: "2023-01-01", endDate: "2024-02-29" })).intersects).toBe(false);
    expect(comparePeriods(measure({ startDate: null, endDate: null }), ongoing)).toMatchObject({ intersects: true, shared: { from: "2024-03-01", to: null } });
    expect(comparePeriods(measure({ startDate: null, endDate: null }), measure({ startDate: null, endDate: null })).shared).toBeNull();
    expect(formatPeriod({ from: "2026-01-01", to: "2026-06-30" })).toBe("Jan–Jun 2026");
    expect(formatPeriod({ from: "2025-10-01", to: "2026-03-31" })).toBe("Okt 2025–Mär 2026");
    expect(formatPeriod({ from: "2026-01-01", to: null })).toBe("ab Jan 2026, laufend");
    expect(formatPeriod(null)).toBe("laufend");
  });

  it("separates the youth migration service (up to 27) from adult counselling (from 28)", () => {
    expect(compareAges(measure({ ageMin: 12, ageMax: 27 }), measure({ ageMin: 28, ageMax: null })).intersects).toBe(false);
    expect(compareAges(measure({ ageMin: 12, ageMax: 27 }), measure({ ageMin: 27, ageMax: null }))).toMatchObject({ intersects: true, shared: { min: 27, max: 27 } });
  });
});

describe("OverlapIndex", () => {
  it("flags two language cafés for women in Lörrach and explains the overlap in German", () => {
    const a = measure({ providerId: 1, municipalityIds: [LOERRACH, WEIL] });
    const b = measure({
      providerId: 2,
      title: "Sprachtreff für Frauen",
      description: "Wöchentlicher Treff für Frauen, die Deutsch sprechen üben möchten. Kinder werden betreut.",
      municipalityIds: [WEIL, LOERRACH],
      startDate: "2025-09-01",
      endDate: null,
    });
    const [finding] = OverlapIndex.build([a, b], taxonomy).findAll();
    expect(finding).toMatchObject({ aId: a.id, bId: b.id, kind: "CROSS_ACTOR" });
    expect(finding.shared).toMatchObject({ fields: ["LANGUAGE"], targetGroups: ["WOMEN"], municipalityIds: [LOERRACH, WEIL], period: { from: "2026-01-01", to: "2026-06-30" } });
    expect(finding.explanation).toBe(`beide: Sprache; Zielgruppe Frauen; Lörrach, Weil am Rhein; Jan–Jun 2026; Text ${finding.shared.text.toFixed(2).replace(".", ",")}`);
    for (const score of Object.values(finding.dimensions)) expect(score).toBeGreaterThan(0);
    expect(finding.fingerprintA).toBe(fingerprint(a));
  });

  it("reports a near-copy of the same actor as a data-entry duplicate, and a different offering of it not at all", () => {
    const original = measure({ providerId: 9 });
    const copy = measure({ providerId: 9, title: "Sprachcafe für Frauen", description: `${original.description} Neu: auch samstags.` });
    const other = measure({ providerId: 9, title: "Nähtreff für Frauen", description: "Frauen nähen gemeinsam und reparieren Kleidung." });
    const findings = OverlapIndex.build([original, copy, other], taxonomy).findAll();
    expect(findings.map((f) => [f.aId, f.bId, f.kind])).toEqual([[original.id, copy.id, "SAME_ACTOR_DUPLICATE"]]);
    expect(findings[0].explanation).toMatch(/^gleicher Träger/);
  });

  it("takes its thresholds from configuration", () => {
    const a = measure({ providerId: 1 });
    const b = measure({ providerId: 2, title: "Sprachtreff für Frauen" });
    expect(OverlapIndex.build([a, b], taxonomy).findAll()).toHaveLength(1);
    expect(OverlapIndex.build([a, b], taxonomy, { crossActorText: 0.99 }).findAll()).toHaveLength(0);
    expect(() => resolveThresholds({ crossActorText: 1.5 })).toThrow(RangeError);
  });

  it("shows three mutually overlapping offerings as one cluster", () => {
    const cafes = [1, 2, 3].map((providerId) => measure({ providerId, title: ["Sprachcafé für Frauen", "Sprachtreff für Frauen", "Deutsch-Café für Frauen"][providerId - 1] }));
    const index = OverlapIndex.build(cafes, taxonomy);
    const findings = index.findAll();
    expect(findings).toHaveLength(3);
    const clusters = findClusters(findings, { taxonomy });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ memberIds: cafes.map((c) => c.id), findingCount: 3, fields: ["LANGUAGE"] });
    expect(clusters[0].explanation).toBe("3 Angebote überschneiden sich paarweise: Sprache");
  });

  it("does not chain overlaps into a cluster: a county-wide café overlapping two towns that do not overlap", () => {
    const county = measure({ providerId: 1, countyWide: true, municipalityIds: [] });
    const loerrach = measure({ providerId: 2, title: "Sprachtreff für Frauen", municipalityIds: [LOERRACH] });
    const weil = measure({ providerId: 3, title: "Deutsch-Café für Frauen", municipalityIds: [WEIL] });
    const findings = OverlapIndex.build([county, loerrach, weil], taxonomy).findAll();
    expect(findings).toHaveLength(2);
    expect(findClusters(findings)).toEqual([]);
  });

  it("drops a removed measure and re-checks an edited one", () => {
    const a = measure({ providerId: 1 });
    const b = measure({ providerId: 2, title: "Sprachtreff für Frauen" });
    const index = OverlapIndex.build([a, b], taxonomy);
    expect(index.upsert({ ...b, municipalityIds: [SCHOPFHEIM] })).toEqual([]);
    expect(index.upsert(b)).toHaveLength(1);
    expect(index.remove(a.id)).toBe(true);
    expect(index.findAll()).toEqual([]);
    expect(index.findingsFor(b.id)).toEqual([]);
  });
});

/* ------------------------------------------------------------------ properties on random small sets */

const TITLES = ["Sprachcafé für Frauen", "Sprachtreff", "Deutsch-Café", "Bewerbungstraining", "Bewerbungswerkstatt", "Hausaufgabenhilfe", "Lernhilfe für Kinder", "Schuldnerberatung"];
const DESCRIPTIONS = [
  "In entspannter Runde wird Deutsch gesprochen.",
  "Lebenslauf und Anschreiben werden gemeinsam erstellt.",
  "Ehrenamtliche helfen bei den Hausaufgaben.",
  "Beratung für Migrantinnen und Migranten, kostenlos.",
  "Kinderbetreuung ist vor Ort, eine Anmeldung ist nicht nötig.",
];
const randomMeasure = (id: number) =>
  fc.record({
    id: fc.constant(id),
    providerId: fc.integer({ min: 1, max: 3 }),
    title: fc.constantFrom(...TITLES),
    description: fc.subarray(DESCRIPTIONS, { minLength: 1, maxLength: 3 }).map((s) => s.join(" ")),
    fieldKeys: fc.constantFrom<string[]>(["LANGUAGE"], ["INTEGRATION_COURSES", "LANGUAGE"], ["EMPLOYMENT"], ["SCHOOL_EDUCATION"], ["LANGUAGE", "EMPLOYMENT"], []),
    targetGroupKeys: fc.constantFrom<string[]>([], ["WOMEN"], ["YOUTH"], ["ALL_MIGRANTS"], ["ASYLUM_SEEKERS", "WOMEN"], ["EU_CITIZENS"], ["CHILDREN", "ALL_MIGRANTS"]),
    ages: fc.constantFrom<[number | null, number | null]>([null, null], [18, null], [12, 27], [28, null], [6, 10]),
    countyWide: fc.constantFrom(false, false, true),
    municipalityIds: fc.subarray([1, 2, 3]),
    period: fc.constantFrom<[string | null, string | null]>([null, null], ["2026-01-01", "2026-06-30"], ["2026-07-01", null], ["2024-01-01", "2025-12-31"], [null, "2026-02-28"]),
  }).map(({ ages, period, ...m }): OverlapMeasure => ({ ...m, ageMin: ages[0], ageMax: ages[1], startDate: period[0], endDate: period[1] }));

const randomSet = fc.integer({ min: 2, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => randomMeasure(i + 1))));

function involving(findings: OverlapFinding[], id: number): string[] {
  return findings.filter((f) => f.aId === id || f.bId === id).map(pairKey).sort();
}

describe("overlap index properties", () => {
  it("applies the same structural rules in its typed arrays as compareStructure", () => {
    fc.assert(
      fc.property(randomSet, (measures) => {
        const slots = new MeasureSlots(taxonomy);
        const ids = measures.map((m) => slots.add(m, 0));
        for (let i = 0; i < measures.length; i++) {
          for (let j = i + 1; j < measures.length; j++) {
            expect(slots.compatible(ids[i], ids[j])).toBe(compareStructure(measures[i], measures[j], taxonomy).intersects);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("finds every overlap an all-pairs comparison finds", () => {
    fc.assert(
      fc.property(randomSet, (measures) => {
        const index = OverlapIndex.build(measures, taxonomy);
        expect(index.findAll().map(pairKey)).toEqual(index.findAll({ exhaustive: true }).map(pairKey));
      }),
      { numRuns: 40 },
    );
  });

  it("gives the same result incrementally (upserts, edits, removals) as a full recompute", () => {
    const scenario = fc.tuple(randomSet, fc.integer({ min: 0, max: 13 }), fc.array(fc.tuple(fc.nat(), randomMeasure(0)), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 2 }));
    for (const thresholds of [{}, { maxBlockPairs: 0 }]) {
      fc.assert(
        fc.property(scenario, ([measures, split, edits, removals]) => {
          const cut = Math.min(split, measures.length);
          const index = OverlapIndex.build(measures.slice(0, cut), taxonomy, thresholds);
          const current = new Map(measures.slice(0, cut).map((m) => [m.id, m]));
          const check = (m: OverlapMeasure) => {
            const returned = index.upsert(m);
            current.set(m.id, m);
            // The incremental re-check returns exactly what a full run reports for that measure right now.
            expect(returned.map(pairKey).sort()).toEqual(involving(index.findAll(), m.id));
          };
          for (const m of measures.slice(cut)) check(m);
          for (const [pick, edit] of edits) check({ ...edit, id: measures[pick % measures.length].id });
          for (const pick of removals) {
            const id = measures[pick % measures.length].id;
            index.remove(id);
            current.delete(id);
          }
          const fresh = OverlapIndex.build([...current.values()], taxonomy, thresholds).findAll();
          const incremental = index.findAll();
          expect(incremental.map(pairKey)).toEqual(fresh.map(pairKey));
          incremental.forEach((f, i) => expect(f.score).toBeCloseTo(fresh[i].score, 3));
        }),
        { numRuns: 25 },
      );
    }
  });
});

describe("material changes re-open decisions", () => {
  const base = measure({
    providerId: 4,
    title: "Mietführerschein für Geflüchtete",
    description:
      "In vier Modulen lernen Teilnehmende alles rund um das Thema Wohnen: Wohnungssuche, Mietvertrag, Nebenkosten, Heizen und Lüften, Mülltrennung und gute Nachbarschaft. Am Ende gibt es ein Zertifikat für Vermieter.",
  });

  it("ignores spelling, case, punctuation and a small addition", () => {
    const edited = { ...base, title: "MIETFÜHRERSCHEIN für Geflüchtete!", description: `${base.description} Bitte vorher anmelden.` };
    expect(describeChange(base, edited)).toBeNull();
    expect(materialChange(fingerprint(base), fingerprint(edited))).toBeNull();
    expect(materialChange(fingerprint(base), fingerprint({ ...base, description: base.description.replace("Mülltrennung", "Müll-Trennung") }))).toBeNull();
  });

  it("names what changed materially, in German", () => {
    const moved = { ...base, startDate: "2026-03-01" };
    expect(describeChange(base, moved)).toBe("Zeitraum geändert");
    expect(materialChange(fingerprint(base), fingerprint(moved))).toBe("Zeitraum geändert");
    const regrouped = { ...base, targetGroupKeys: ["YOUTH"], municipalityIds: [SCHOPFHEIM] };
    expect(materialChange(fingerprint(base), fingerprint(regrouped))).toBe("Zielgruppen geändert; Gemeinden geändert");
    const rewritten = { ...base, description: "Sprechstunde zu Schulden, Haushaltsplan und Gesprächen mit Gläubigern, jeden Dienstag im Rathaus." };
    expect(describeChange(base, rewritten)).toBe("Beschreibung wesentlich geändert");
    expect(materialChange(fingerprint(base), fingerprint(rewritten))).toBe("Beschreibung wesentlich geändert");
    expect(describeChange(base, { ...base, title: "Wohnführerschein", ageMin: 18 })).toBe("Titel geändert; Altersgrenzen geändert");
    expect(materialChange("kaputt", fingerprint(base))).toBe("Inhalt geändert");
  });
});
