import { computeCoverage, computeGaps, CoverageMatrix } from "../../server/src/modules/analysis/coverage";
import { AnalysisContext, AnalysisInputError, AnalysisMeasure, TaxonomyTerm } from "../../server/src/modules/analysis/analysis.types";
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS, TaxonomyDefault } from "../../server/src/modules/taxonomy/taxonomy.defaults";

const TODAY = "2025-06-01";

function terms(defaults: TaxonomyDefault[], keys: string[]): TaxonomyTerm[] {
  return keys.map((key) => {
    const t = defaults.find((d) => d.key === key)!;
    return { key: t.key, nameDe: t.nameDe, nameEn: t.nameEn, parentKey: t.parent ?? null };
  });
}

const LOERRACH = 1;
const WEIL = 2;
const RHEINFELDEN = 3;
const SCHWOERSTADT = 4;
const AITERN = 5;

const ctx: AnalysisContext = {
  fields: terms(DEFAULT_FIELDS_OF_ACTION, ["LANGUAGE", "INTEGRATION_COURSES", "SOCIAL_COUNSELLING", "HEALTH"]),
  targetGroups: terms(DEFAULT_TARGET_GROUPS, ["ALL_MIGRANTS", "ASYLUM_SEEKERS", "RECOGNISED_REFUGEES", "WOMEN", "PARENTS", "EMPLOYERS"]),
  municipalities: [
    { id: LOERRACH, name: "Lörrach", population: 49000 },
    { id: WEIL, name: "Weil am Rhein", population: 30000 },
    { id: RHEINFELDEN, name: "Rheinfelden (Baden)", population: 33000 },
    { id: SCHWOERSTADT, name: "Schwörstadt", population: 2500 },
    { id: AITERN, name: "Aitern", population: null },
  ],
};

let nextId = 1;
function measure(over: Partial<AnalysisMeasure>): AnalysisMeasure {
  return {
    id: nextId++,
    providerId: 100,
    fieldKeys: [],
    targetGroupKeys: ["ALL_MIGRANTS"],
    ageMin: null,
    ageMax: null,
    countyWide: false,
    municipalityIds: [],
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

/** A small county: three offerings count on the reference date, four do not. */
const measures: AnalysisMeasure[] = [
  measure({
    title: "Integrationskurs VHS Lörrach",
    fieldKeys: ["INTEGRATION_COURSES"],
    municipalityIds: [LOERRACH],
    capacity: 20,
    level: "FEDERAL",
    ageMin: 16,
  }),
  measure({ title: "Sprachcafé des Landkreises", fieldKeys: ["LANGUAGE"], countyWide: true, level: "COUNTY" }),
  measure({ title: "Beratung (beendet)", fieldKeys: ["SOCIAL_COUNSELLING"], municipalityIds: [WEIL], status: "ENDED" }),
  measure({ title: "Beratung (abgelaufen)", fieldKeys: ["SOCIAL_COUNSELLING"], municipalityIds: [RHEINFELDEN], endDate: "2024-12-31" }),
  measure({ title: "Beratung (archiviert)", fieldKeys: ["SOCIAL_COUNSELLING"], municipalityIds: [RHEINFELDEN], archived: true }),
  measure({ title: "Gesundheitslotsen (ab Herbst)", fieldKeys: ["HEALTH"], municipalityIds: [WEIL], startDate: "2025-09-01" }),
  measure({
    title: "Gesundheitsprojekt (intern)",
    fieldKeys: ["HEALTH"],
    municipalityIds: [WEIL, LOERRACH],
    capacity: 15,
    published: false,
    level: "MUNICIPAL",
    startDate: "2025-01-01",
  }),
];

/** The matrix as rows of [measureCount, capacity, capacityUnknown] per column, for exact comparison. */
function grid(matrix: CoverageMatrix): Record<string, Record<string, [number, number, number]>> {
  const out: Record<string, Record<string, [number, number, number]>> = {};
  for (const cell of matrix.cells) {
    out[cell.row] ??= {};
    out[cell.row][cell.col] = [cell.measureCount, cell.capacity, cell.capacityUnknown];
  }
  return out;
}

describe("computeCoverage", () => {
  it("counts active measures and capacity per field × municipality, crediting parent fields and county-wide offerings everywhere", () => {
    const matrix = computeCoverage(measures, "FIELD_OF_ACTION", "MUNICIPALITY", ctx, TODAY);

    expect(matrix.rows.map((r) => r.key)).toEqual(["LANGUAGE", "INTEGRATION_COURSES", "SOCIAL_COUNSELLING", "HEALTH"]);
    expect(matrix.rows[0]).toEqual({ key: "LANGUAGE", label: "Sprache", labelEn: "Language" });
    expect(matrix.columns.map((c) => [c.key, c.label, c.population])).toEqual([
      ["1", "Lörrach", 49000],
      ["2", "Weil am Rhein", 30000],
      ["3", "Rheinfelden (Baden)", 33000],
      ["4", "Schwörstadt", 2500],
      ["5", "Aitern", null],
    ]);
    expect(matrix.measureCount).toBe(3);
    expect(matrix.cells).toHaveLength(20);
    expect(grid(matrix)).toEqual({
      LANGUAGE: { "1": [2, 20, 1], "2": [1, 0, 1], "3": [1, 0, 1], "4": [1, 0, 1], "5": [1, 0, 1] },
      INTEGRATION_COURSES: { "1": [1, 20, 0], "2": [0, 0, 0], "3": [0, 0, 0], "4": [0, 0, 0], "5": [0, 0, 0] },
      SOCIAL_COUNSELLING: { "1": [0, 0, 0], "2": [0, 0, 0], "3": [0, 0, 0], "4": [0, 0, 0], "5": [0, 0, 0] },
      HEALTH: { "1": [1, 15, 0], "2": [1, 15, 0], "3": [0, 0, 0], "4": [0, 0, 0], "5": [0, 0, 0] },
    });
  });

  it("reads target groups as status and demographic audiences: ALL_MIGRANTS credits every status group, demographic columns need naming", () => {
    const byGroup = [
      measure({ fieldKeys: ["LANGUAGE"], targetGroupKeys: ["ALL_MIGRANTS"], countyWide: true, level: "FEDERAL" }),
      measure({ fieldKeys: ["LANGUAGE"], targetGroupKeys: ["RECOGNISED_REFUGEES", "WOMEN"], countyWide: true, level: "COUNTY" }),
      measure({ fieldKeys: ["LANGUAGE"], targetGroupKeys: [], countyWide: true, level: "MUNICIPAL" }),
      measure({ fieldKeys: ["LANGUAGE"], targetGroupKeys: ["PARENTS"], countyWide: true, level: "NON_GOVERNMENTAL" }),
    ];
    const matrix = computeCoverage(byGroup, "TARGET_GROUP", "LEVEL", ctx, TODAY);
    const counts = Object.fromEntries(
      Object.entries(grid(matrix)).map(([row, cols]) => [row, Object.values(cols).map(([count]) => count)]),
    );
    expect(matrix.columns.map((c) => c.key)).toEqual(["FEDERAL", "STATE", "COUNTY", "MUNICIPAL", "NON_GOVERNMENTAL"]);
    expect(counts).toEqual({
      ALL_MIGRANTS: [1, 0, 0, 1, 1],
      ASYLUM_SEEKERS: [1, 0, 0, 1, 1],
      RECOGNISED_REFUGEES: [1, 0, 1, 1, 1],
      WOMEN: [0, 0, 1, 0, 0],
      PARENTS: [0, 0, 0, 0, 1],
      EMPLOYERS: [0, 0, 0, 0, 0],
    });
  });

  it("applies a filter to the measures and to the filtered axis", () => {
    const inLoerrach = computeCoverage(measures, "FIELD_OF_ACTION", "LEVEL", ctx, TODAY, { municipalityIds: [LOERRACH] });
    expect(inLoerrach.measureCount).toBe(3);
    expect(inLoerrach.cells.filter((c) => c.measureCount > 0).map((c) => [c.row, c.col, c.measureCount])).toEqual([
      ["LANGUAGE", "FEDERAL", 1],
      ["LANGUAGE", "COUNTY", 1],
      ["INTEGRATION_COURSES", "FEDERAL", 1],
      ["HEALTH", "MUNICIPAL", 1],
    ]);

    const forChildren = computeCoverage(measures, "FIELD_OF_ACTION", "MUNICIPALITY", ctx, TODAY, {
      age: 10,
      municipalityIds: [LOERRACH, AITERN],
    });
    expect(forChildren.columns.map((c) => c.label)).toEqual(["Lörrach", "Aitern"]);
    expect(forChildren.measureCount).toBe(2);
    expect(grid(forChildren).LANGUAGE).toEqual({ "1": [1, 0, 1], "5": [1, 0, 1] });

    const languageOnly = computeCoverage(measures, "MUNICIPALITY", "LEVEL", ctx, TODAY, { fieldKeys: ["LANGUAGE"] });
    expect(languageOnly.measureCount).toBe(2);
  });

  it("refuses the same dimension for rows and columns", () => {
    expect(() => computeCoverage(measures, "LEVEL", "LEVEL", ctx, TODAY)).toThrow(AnalysisInputError);
  });
});

describe("computeGaps", () => {
  it("lists the empty field × municipality cells, heaviest population first and unknown populations last", () => {
    const result = computeGaps(measures, "FIELD_OF_ACTION", "MUNICIPALITY", ctx, TODAY);
    expect(result.weighted).toBe(true);
    expect(result.gaps.map((g) => [g.row, g.colLabel, g.weight])).toEqual([
      ["SOCIAL_COUNSELLING", "Lörrach", 49000],
      ["INTEGRATION_COURSES", "Rheinfelden (Baden)", 33000],
      ["SOCIAL_COUNSELLING", "Rheinfelden (Baden)", 33000],
      ["HEALTH", "Rheinfelden (Baden)", 33000],
      ["INTEGRATION_COURSES", "Weil am Rhein", 30000],
      ["SOCIAL_COUNSELLING", "Weil am Rhein", 30000],
      ["INTEGRATION_COURSES", "Schwörstadt", 2500],
      ["SOCIAL_COUNSELLING", "Schwörstadt", 2500],
      ["HEALTH", "Schwörstadt", 2500],
      ["INTEGRATION_COURSES", "Aitern", null],
      ["SOCIAL_COUNSELLING", "Aitern", null],
      ["HEALTH", "Aitern", null],
    ]);
    expect(result.gaps[0]).toEqual({
      row: "SOCIAL_COUNSELLING",
      col: "1",
      rowLabel: "Soziale Beratung",
      colLabel: "Lörrach",
      weight: 49000,
    });
  });

  it("leaves gaps unweighted, in matrix order, when no axis is the municipality", () => {
    const result = computeGaps(measures, "LEVEL", "FIELD_OF_ACTION", ctx, TODAY, { levels: ["FEDERAL", "COUNTY"] });
    expect(result.weighted).toBe(false);
    expect(result.gaps.map((g) => [g.row, g.col, g.weight])).toEqual([
      ["FEDERAL", "SOCIAL_COUNSELLING", null],
      ["FEDERAL", "HEALTH", null],
      ["COUNTY", "INTEGRATION_COURSES", null],
      ["COUNTY", "SOCIAL_COUNSELLING", null],
      ["COUNTY", "HEALTH", null],
    ]);
  });
});
