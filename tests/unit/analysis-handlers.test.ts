import fc from "fast-check";
import { findHandlerConflicts, findHandlerGaps, whoHandles } from "../../server/src/modules/analysis/handler-findings";
import { AnalysisHandler, AnalysisMeasure, AnalysisMunicipality, TaxonomyTerm } from "../../server/src/modules/analysis/analysis.types";
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS } from "../../server/src/modules/taxonomy/taxonomy.defaults";

const TODAY = "2025-06-01";

const toTerms = (list: typeof DEFAULT_FIELDS_OF_ACTION): TaxonomyTerm[] =>
  list.map((t) => ({ key: t.key, nameDe: t.nameDe, nameEn: t.nameEn, parentKey: t.parent ?? null }));
const referralCtx = { fields: toTerms(DEFAULT_FIELDS_OF_ACTION), targetGroups: toTerms(DEFAULT_TARGET_GROUPS), referenceDate: TODAY };

const LOERRACH = 1;
const WEIL = 2;
const RHEINFELDEN = 3;
const SCHWOERSTADT = 4;
const SCHOPFHEIM = 5;

const municipalities: AnalysisMunicipality[] = [
  { id: LOERRACH, name: "Lörrach", population: 49000 },
  { id: WEIL, name: "Weil am Rhein", population: 30000 },
  { id: RHEINFELDEN, name: "Rheinfelden (Baden)", population: 33000 },
  { id: SCHWOERSTADT, name: "Schwörstadt", population: 2500 },
  { id: SCHOPFHEIM, name: "Schopfheim", population: null },
];
const WEST = [LOERRACH, WEIL];
const EAST = [RHEINFELDEN, SCHWOERSTADT, SCHOPFHEIM];

let nextId = 1;
function handler(over: Partial<AnalysisHandler>): AnalysisHandler {
  const id = over.id ?? nextId++;
  return {
    id,
    actorId: 1000 + id,
    actorName: `Träger ${id}`,
    fieldKey: "SOCIAL_COUNSELLING",
    targetGroupKeys: ["ALL_MIGRANTS"],
    ageMin: null,
    ageMax: null,
    countyWide: false,
    municipalityIds: [],
    priority: 1,
    ...over,
  };
}

function measure(over: Partial<AnalysisMeasure>): AnalysisMeasure {
  return {
    id: nextId++,
    providerId: 1,
    fieldKeys: ["SOCIAL_COUNSELLING"],
    targetGroupKeys: ["ALL_MIGRANTS"],
    ageMin: null,
    ageMax: null,
    countyWide: false,
    municipalityIds: [LOERRACH],
    capacity: null,
    status: "ACTIVE",
    published: true,
    archived: false,
    startDate: null,
    endDate: null,
    level: "NON_GOVERNMENTAL",
    ...over,
  };
}

/** The county rule: JMD 12–27 and MBE 28–99, split by area; Diakonie and DRK both claim Rheinfelden. */
const jmdWest = handler({ id: 1, actorId: 11, actorName: "JMD Lörrach-Weil", ageMin: 12, ageMax: 27, municipalityIds: WEST });
const jmdEast = handler({ id: 2, actorId: 12, actorName: "JMD Rheinfelden-Wiesental", ageMin: 12, ageMax: 27, municipalityIds: EAST });
const mbeCaritas = handler({ id: 3, actorId: 13, actorName: "MBE Caritas", ageMin: 28, ageMax: 99, municipalityIds: WEST });
const mbeDiakonie = handler({ id: 4, actorId: 14, actorName: "MBE Diakonie", ageMin: 28, ageMax: 99, municipalityIds: EAST });
const mbeDrk = handler({ id: 5, actorId: 15, actorName: "MBE DRK", ageMin: 28, ageMax: null, municipalityIds: [RHEINFELDEN] });
const caritasFallback = handler({ id: 6, actorId: 13, actorName: "MBE Caritas", ageMin: 18, ageMax: 99, countyWide: true, priority: 2 });
const countyRule = [jmdWest, jmdEast, mbeCaritas, mbeDiakonie, mbeDrk, caritasFallback];

describe("findHandlerConflicts", () => {
  it("flags the two MBE providers claiming 28–99 in Rheinfelden (Baden) at the same priority, and nothing else", () => {
    expect(findHandlerConflicts(countyRule, municipalities)).toEqual([
      {
        kind: "CONFLICT",
        fieldKey: "SOCIAL_COUNSELLING",
        priority: 1,
        handlerIds: [4, 5],
        actorIds: [14, 15],
        actorNames: ["MBE Diakonie", "MBE DRK"],
        sameActor: false,
        ageMin: 28,
        ageMax: 99,
        allMunicipalities: false,
        municipalityIds: [RHEINFELDEN],
        municipalityNames: ["Rheinfelden (Baden)"],
        targetGroupKeys: ["ALL_MIGRANTS"],
        descriptionDe:
          "SOCIAL_COUNSELLING für ALL_MIGRANTS, Alter 28–99, Rheinfelden (Baden): MBE Diakonie und MBE DRK, beide mit Priorität 1",
        descriptionEn: "SOCIAL_COUNSELLING for ALL_MIGRANTS, ages 28–99, Rheinfelden (Baden): MBE Diakonie and MBE DRK, both at priority 1",
      },
    ]);
  });

  it("reports the exact common audience, and ignores disjoint status groups and fall-back priorities", () => {
    const asylum = handler({ id: 21, fieldKey: "HEALTH", targetGroupKeys: ["ASYLUM_SEEKERS"], countyWide: true });
    const refugees = handler({ id: 22, fieldKey: "HEALTH", targetGroupKeys: ["RECOGNISED_REFUGEES"], countyWide: true });
    const women = handler({
      id: 23,
      fieldKey: "HEALTH",
      targetGroupKeys: ["WOMEN"],
      ageMin: 18,
      ageMax: 64,
      municipalityIds: [LOERRACH, SCHOPFHEIM],
    });
    const fallback = handler({ id: 24, fieldKey: "HEALTH", targetGroupKeys: ["ALL_MIGRANTS"], countyWide: true, priority: 2 });
    const found = findHandlerConflicts([fallback, women, refugees, asylum], municipalities);
    expect(found.map((c) => [c.handlerIds, c.ageMin, c.ageMax, c.municipalityNames, c.targetGroupKeys])).toEqual([
      [[21, 23], 18, 64, ["Lörrach", "Schopfheim"], ["ASYLUM_SEEKERS", "WOMEN"]],
      [[22, 23], 18, 64, ["Lörrach", "Schopfheim"], ["RECOGNISED_REFUGEES", "WOMEN"]],
    ]);
    expect(found[0].descriptionEn).toBe(
      "HEALTH for ASYLUM_SEEKERS, WOMEN, ages 18–64, Lörrach, Schopfheim: Träger 21 and Träger 23, both at priority 1",
    );
  });

  it("says 'all municipalities' for two county-wide handlers and marks one actor's duplicate rows", () => {
    const a = handler({
      id: 31,
      actorId: 7,
      actorName: "Rückkehrberatung DRK",
      fieldKey: "RETURN_COUNSELLING",
      targetGroupKeys: [],
      countyWide: true,
    });
    const b = handler({
      id: 32,
      actorId: 7,
      actorName: "Rückkehrberatung DRK",
      fieldKey: "RETURN_COUNSELLING",
      targetGroupKeys: [],
      countyWide: true,
      ageMin: 18,
    });
    const [conflict] = findHandlerConflicts([a, b], municipalities);
    expect(conflict).toMatchObject({ sameActor: true, allMunicipalities: true, ageMin: 18, ageMax: 99, targetGroupKeys: [] });
    expect(conflict.municipalityIds).toEqual([1, 2, 3, 4, 5]);
    expect(conflict.descriptionDe).toBe(
      "RETURN_COUNSELLING, Alter 18–99, alle Gemeinden: Rückkehrberatung DRK und Rückkehrberatung DRK, beide mit Priorität 1",
    );
  });
});

describe("findHandlerGaps", () => {
  it("finds that nobody handles children under 12 anywhere under the JMD/MBE split", () => {
    expect(findHandlerGaps(countyRule, municipalities)).toEqual([
      {
        kind: "GAP",
        fieldKey: "SOCIAL_COUNSELLING",
        ageMin: 0,
        ageMax: 11,
        allMunicipalities: true,
        municipalityIds: [1, 2, 3, 4, 5],
        municipalityNames: ["Lörrach", "Weil am Rhein", "Rheinfelden (Baden)", "Schwörstadt", "Schopfheim"],
        population: 114500,
        descriptionDe: "SOCIAL_COUNSELLING, Alter 0–11, alle Gemeinden",
        descriptionEn: "SOCIAL_COUNSELLING, ages 0–11, all municipalities",
      },
    ]);
  });

  it("does not let audience-restricted handlers close a gap for the general population, unless asked about that audience", () => {
    const housing = [
      handler({ fieldKey: "HOUSING", targetGroupKeys: ["ASYLUM_SEEKERS"], countyWide: true }),
      handler({ fieldKey: "HOUSING", targetGroupKeys: ["ALL_MIGRANTS", "WOMEN"], countyWide: true }),
      handler({ fieldKey: "HOUSING", targetGroupKeys: [], ageMin: 18, municipalityIds: WEST }),
      handler({ fieldKey: "FAMILY", targetGroupKeys: [], ageMax: 98, countyWide: true }),
    ];
    const general = findHandlerGaps(housing, municipalities, { fieldKeys: ["RETURN_COUNSELLING"] });
    expect(general.map((g) => [g.descriptionEn, g.population])).toEqual([
      ["FAMILY, age 99, all municipalities", 114500],
      ["HOUSING, ages 0–17, Lörrach, Weil am Rhein", 79000],
      ["HOUSING, ages 0–99, all municipalities except Lörrach, Weil am Rhein", 35500],
      ["RETURN_COUNSELLING, ages 0–99, all municipalities", 114500],
    ]);
    expect(general[2].descriptionDe).toBe("HOUSING, Alter 0–99, alle Gemeinden außer Lörrach, Weil am Rhein");

    expect(findHandlerGaps(housing, municipalities, { audience: ["ASYLUM_SEEKERS"] }).map((g) => g.fieldKey)).toEqual(["FAMILY"]);
    expect(findHandlerGaps(housing, municipalities, { audience: ["WOMEN"] }).map((g) => g.fieldKey)).toEqual(["FAMILY"]);
  });

  it("lists the affected municipalities when a minority is uncovered, with the known population only", () => {
    const gaps = findHandlerGaps(
      [
        handler({ fieldKey: "EMPLOYMENT", countyWide: true, ageMin: 16, ageMax: 67 }),
        handler({ fieldKey: "EMPLOYMENT", municipalityIds: [WEIL, RHEINFELDEN, SCHWOERSTADT], ageMin: 0, ageMax: 99 }),
      ],
      municipalities,
    );
    expect(gaps.map((g) => [g.descriptionEn, g.population])).toEqual([
      ["EMPLOYMENT, ages 0–15, Lörrach, Schopfheim", 49000],
      ["EMPLOYMENT, ages 68–99, Lörrach, Schopfheim", 49000],
    ]);
  });

  it("merged gap findings are disjoint and are exactly the (age, municipality) pairs where a referral finds nobody", () => {
    const audiences = fc.constantFrom<string[]>([], ["ALL_MIGRANTS"], ["WOMEN"], ["ASYLUM_SEEKERS"], ["ALL_MIGRANTS", "YOUTH"]);
    const arbHandler = fc.record({
      ageMin: fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }),
      ageMax: fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }),
      countyWide: fc.boolean(),
      municipalityIds: fc.subarray([1, 2, 3, 4, 5]),
      targetGroupKeys: audiences,
      priority: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(arbHandler, { minLength: 1, maxLength: 6 }), (specs) => {
        const hs = specs.map((s, i) => handler({ id: i + 1, ...s }));
        const gaps = findHandlerGaps(hs, municipalities);
        const inGap = new Map<string, number>();
        for (const g of gaps) {
          for (const id of g.municipalityIds) {
            for (let age = g.ageMin; age <= g.ageMax; age++) inGap.set(`${age}/${id}`, (inGap.get(`${age}/${id}`) ?? 0) + 1);
          }
        }
        for (const m of municipalities) {
          for (let age = 0; age <= 99; age++) {
            const answer = whoHandles({ age, municipalityId: m.id, targetGroupKeys: [], need: "SOCIAL_COUNSELLING" }, hs, [], referralCtx);
            const count = inGap.get(`${age}/${m.id}`) ?? 0;
            if (count > 1 || (count === 1) !== answer.miss) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});

describe("whoHandles", () => {
  const measures = [
    measure({ title: "Offene Sprechstunde MBE Lörrach", ageMin: 28 }),
    measure({ title: "Beratungstelefon des Landkreises", countyWide: true, targetGroupKeys: [] }),
    measure({ title: "Sprechstunde (unveröffentlicht)", published: false }),
    measure({ title: "Frauentreff", targetGroupKeys: ["WOMEN"] }),
    measure({ title: "JMD-Sprechstunde", ageMin: 12, ageMax: 27 }),
    measure({ title: "Sprechstunde Weil", municipalityIds: [WEIL] }),
    measure({ title: "Sprachcafé", fieldKeys: ["LANGUAGE"] }),
    measure({ title: "Sprechstunde (beendet)", status: "ENDED" }),
  ];
  const titles = (ms: AnalysisMeasure[]) => ms.map((m) => m.title);

  it("sends a 30-year-old refugee in Lörrach to the MBE, then the fall-back, with the fitting offerings", () => {
    const answer = whoHandles(
      { age: 30, municipalityId: LOERRACH, targetGroupKeys: ["RECOGNISED_REFUGEES"], need: "SOCIAL_COUNSELLING" },
      countyRule,
      measures,
      referralCtx,
    );
    expect(answer.handlers.map((h) => h.id)).toEqual([mbeCaritas.id, caritasFallback.id]);
    expect(titles(answer.measures)).toEqual(["Offene Sprechstunde MBE Lörrach", "Beratungstelefon des Landkreises"]);
    expect(answer).toMatchObject({ miss: false, missKey: null, ambiguous: false });
  });

  it("finds nobody for an 8-year-old, records the miss, and still lists open offerings", () => {
    const answer = whoHandles(
      { age: 8, municipalityId: LOERRACH, targetGroupKeys: [], need: "SOCIAL_COUNSELLING" },
      countyRule,
      measures,
      referralCtx,
    );
    expect(answer.handlers).toEqual([]);
    expect(answer.miss).toBe(true);
    expect(answer.missKey).toEqual({ need: "SOCIAL_COUNSELLING", municipalityId: LOERRACH });
    expect(titles(answer.measures)).toEqual(["Beratungstelefon des Landkreises"]);
  });

  it("ranks the narrower of two conflicting handlers first and marks the answer ambiguous", () => {
    const answer = whoHandles(
      { age: 40, municipalityId: RHEINFELDEN, targetGroupKeys: ["WOMEN"], need: "SOCIAL_COUNSELLING" },
      countyRule,
      [],
      referralCtx,
    );
    expect(answer.handlers.map((h) => h.actorName)).toEqual(["MBE DRK", "MBE Diakonie", "MBE Caritas"]);
    expect(answer.ambiguous).toBe(true);
  });

  it("prefers the exact case type over a broader field, and finds offerings in sub-fields of the need", () => {
    const languageCounselling = handler({
      id: 41,
      actorName: "Sprachkursberatung Landratsamt",
      fieldKey: "LANGUAGE",
      targetGroupKeys: [],
      municipalityIds: [LOERRACH],
    });
    const courseCounselling = handler({
      id: 42,
      actorName: "Integrationskursberatung VHS",
      fieldKey: "INTEGRATION_COURSES",
      targetGroupKeys: [],
      countyWide: true,
    });
    const courses = [
      measure({ title: "Integrationskurs VHS", fieldKeys: ["INTEGRATION_COURSES"] }),
      measure({ title: "Sprachcafé", fieldKeys: ["LANGUAGE"] }),
    ];
    const forCourse = whoHandles(
      { age: 35, municipalityId: LOERRACH, targetGroupKeys: [], need: "INTEGRATION_COURSES" },
      [languageCounselling, courseCounselling],
      courses,
      referralCtx,
    );
    expect(forCourse.handlers.map((h) => h.id)).toEqual([42, 41]);
    expect(titles(forCourse.measures)).toEqual(["Integrationskurs VHS"]);
    expect(forCourse.ambiguous).toBe(false);

    const forLanguage = whoHandles(
      { age: 35, municipalityId: LOERRACH, targetGroupKeys: [], need: "LANGUAGE" },
      [languageCounselling, courseCounselling],
      courses,
      referralCtx,
    );
    expect(forLanguage.handlers.map((h) => h.id)).toEqual([41]);
    expect(titles(forLanguage.measures)).toEqual(["Sprachcafé", "Integrationskurs VHS"]);
  });

  it("admits a person to a status-specific handler only when the person states that status", () => {
    const asylumHealth = handler({ id: 51, fieldKey: "HEALTH", targetGroupKeys: ["ASYLUM_SEEKERS"], countyWide: true });
    const ask = (targetGroupKeys: string[]) =>
      whoHandles({ age: null, municipalityId: SCHOPFHEIM, targetGroupKeys, need: "HEALTH" }, [asylumHealth], [], referralCtx).handlers
        .length;
    expect(ask(["ASYLUM_SEEKERS", "WOMEN"])).toBe(1);
    expect(ask([])).toBe(0);
    expect(ask(["EU_CITIZENS"])).toBe(0);
  });
});
