import { ageFits, audienceOf, isActiveOn, isStatusGroup, TaxonomyTree } from "./analysis.rules";
import { AnalysisContext, AnalysisInputError, AnalysisMeasure, IsoDate, LEVEL_LABELS, LEVELS, LevelValue } from "./analysis.types";

/**
 * Coverage matrix and empty cells (Versorgungslücken) over any two of field of action, target group,
 * municipality and level.
 *
 * Which measures count: only active ones on the reference date (status ACTIVE, not archived, date window contains
 * the date). Published or not does not matter here: an unpublished offering still covers its people.
 *
 * Which cells a measure counts in, per dimension:
 * - FIELD_OF_ACTION: its fields and all their ancestors (an INTEGRATION_COURSES course is a LANGUAGE offering too).
 *   Credit flows upwards because a field says *what* is offered.
 * - TARGET_GROUP: the groups it is aimed at. A listed group credits itself and its descendants (ALL_MIGRANTS credits
 *   every status group), never its parent: a course for recognised refugees is not a course for all migrants.
 *   A measure that lists no status group is open to every residence status, so it counts in every status column;
 *   demographic columns (WOMEN, EMPLOYERS, …) count only measures that name them, because an offering for everyone
 *   is not an offering *for* women or employers. Status and demographic lists are read independently: a course for
 *   [RECOGNISED_REFUGEES, WOMEN] counts for both RECOGNISED_REFUGEES and WOMEN.
 * - MUNICIPALITY: the municipalities it lists; a county-wide measure counts in every municipality.
 * - LEVEL: its one level.
 * A measure counts at most once per cell. Capacity is the measure's full capacity in every cell it counts in (a
 * county-wide course of 20 places shows 20 in each municipality), so capacities do not add up across cells;
 * measures without a capacity figure are counted in `capacityUnknown`.
 */

export type CoverageDimension = "FIELD_OF_ACTION" | "TARGET_GROUP" | "MUNICIPALITY" | "LEVEL";

export const COVERAGE_DIMENSIONS: readonly CoverageDimension[] = ["FIELD_OF_ACTION", "TARGET_GROUP", "MUNICIPALITY", "LEVEL"];

/** Narrows the measures (by the same per-dimension rules as the cells) and the axes that are filtered. */
export interface CoverageFilter {
  fieldKeys?: string[];
  targetGroupKeys?: string[];
  municipalityIds?: number[];
  levels?: LevelValue[];
  /** Only measures whose age band contains this age. */
  age?: number | null;
  providerIds?: number[];
}

export interface CoverageAxisEntry {
  /** Taxonomy key, level, or the municipality id as a string. */
  key: string;
  label: string;
  labelEn: string;
  /** Only for municipalities: inhabitants, where known. */
  population?: number | null;
}

export interface CoverageCell {
  row: string;
  col: string;
  measureCount: number;
  /** Sum of the known capacities of the measures in this cell. */
  capacity: number;
  /** Measures in this cell without a capacity figure. */
  capacityUnknown: number;
}

export interface CoverageMatrix {
  rowsDimension: CoverageDimension;
  columnsDimension: CoverageDimension;
  rows: CoverageAxisEntry[];
  columns: CoverageAxisEntry[];
  /** Every row × column pair, row-major (rows[0] × columns[0], rows[0] × columns[1], …), empty cells included. */
  cells: CoverageCell[];
  /** Active measures that passed the filter. */
  measureCount: number;
}

export interface CoverageGap {
  row: string;
  col: string;
  rowLabel: string;
  colLabel: string;
  /** Population of the cell's municipality where known; null when no municipality axis or no figure. */
  weight: number | null;
}

export interface CoverageGaps {
  rowsDimension: CoverageDimension;
  columnsDimension: CoverageDimension;
  /** True when one axis is MUNICIPALITY, so gaps carry a population weight where the figure exists. */
  weighted: boolean;
  gaps: CoverageGap[];
}

interface DimensionReader {
  axis: CoverageAxisEntry[];
  /** The axis keys the measure counts in. */
  keysOf(measure: AnalysisMeasure): string[];
}

function dimensionReader(dimension: CoverageDimension, ctx: AnalysisContext, filter: CoverageFilter): DimensionReader {
  switch (dimension) {
    case "FIELD_OF_ACTION": {
      const fields = new TaxonomyTree(ctx.fields);
      const wanted = filter.fieldKeys ? new Set(filter.fieldKeys) : null;
      return {
        axis: ctx.fields.filter((t) => !wanted || wanted.has(t.key)).map((t) => ({ key: t.key, label: t.nameDe, labelEn: t.nameEn })),
        keysOf: (m) => [...fields.withAncestors(m.fieldKeys)],
      };
    }
    case "TARGET_GROUP": {
      const groups = new TaxonomyTree(ctx.targetGroups);
      const wanted = filter.targetGroupKeys ? new Set(filter.targetGroupKeys) : null;
      const statusKeys = ctx.targetGroups.filter((t) => isStatusGroup(t.key, groups)).map((t) => t.key);
      return {
        axis: ctx.targetGroups.filter((t) => !wanted || wanted.has(t.key)).map((t) => ({ key: t.key, label: t.nameDe, labelEn: t.nameEn })),
        keysOf: (m) => {
          const keys = new Set<string>();
          for (const listed of m.targetGroupKeys) for (const k of groups.descendantsAndSelf(listed)) keys.add(k);
          if (audienceOf(m.targetGroupKeys, groups).status.length === 0) for (const k of statusKeys) keys.add(k);
          return [...keys];
        },
      };
    }
    case "MUNICIPALITY": {
      const wanted = filter.municipalityIds ? new Set(filter.municipalityIds) : null;
      const all = ctx.municipalities.map((m) => String(m.id));
      return {
        axis: ctx.municipalities
          .filter((m) => !wanted || wanted.has(m.id))
          .map((m) => ({ key: String(m.id), label: m.name, labelEn: m.name, population: m.population })),
        keysOf: (m) => (m.countyWide ? all : m.municipalityIds.map(String)),
      };
    }
    case "LEVEL": {
      const wanted = filter.levels ? new Set<string>(filter.levels) : null;
      return {
        axis: LEVELS.filter((l) => !wanted || wanted.has(l)).map((l) => ({
          key: l,
          label: LEVEL_LABELS[l].de,
          labelEn: LEVEL_LABELS[l].en,
        })),
        keysOf: (m) => [m.level],
      };
    }
    default:
      throw new AnalysisInputError(`Unknown coverage dimension ${String(dimension)}.`, "dimension");
  }
}

/** Whether the measure passes the filter in every filtered dimension (by the same rules that place it in cells). */
function passesFilter(measure: AnalysisMeasure, readers: Map<CoverageDimension, DimensionReader>, filter: CoverageFilter): boolean {
  const checks: [CoverageDimension, (string | number)[] | undefined][] = [
    ["FIELD_OF_ACTION", filter.fieldKeys],
    ["TARGET_GROUP", filter.targetGroupKeys],
    ["MUNICIPALITY", filter.municipalityIds],
    ["LEVEL", filter.levels],
  ];
  for (const [dimension, values] of checks) {
    if (!values) continue;
    const wanted = new Set(values.map(String));
    if (
      !readers
        .get(dimension)!
        .keysOf(measure)
        .some((k) => wanted.has(k))
    )
      return false;
  }
  if (filter.age != null && !ageFits(filter.age, measure.ageMin, measure.ageMax)) return false;
  if (filter.providerIds && !filter.providerIds.includes(measure.providerId)) return false;
  return true;
}

export function computeCoverage(
  measures: readonly AnalysisMeasure[],
  rowsDimension: CoverageDimension,
  columnsDimension: CoverageDimension,
  ctx: AnalysisContext,
  referenceDate: IsoDate,
  filter: CoverageFilter = {},
): CoverageMatrix {
  if (rowsDimension === columnsDimension) {
    throw new AnalysisInputError("Rows and columns must be two different dimensions.", "columns");
  }
  const readers = new Map<CoverageDimension, DimensionReader>();
  for (const dimension of COVERAGE_DIMENSIONS) readers.set(dimension, dimensionReader(dimension, ctx, filter));
  const rowReader = readers.get(rowsDimension);
  const colReader = readers.get(columnsDimension);
  if (!rowReader || !colReader) {
    throw new AnalysisInputError("Unknown coverage dimension.", rowReader ? "columns" : "rows");
  }

  const rowIndex = new Map(rowReader.axis.map((e, i) => [e.key, i]));
  const colIndex = new Map(colReader.axis.map((e, i) => [e.key, i]));
  const width = colReader.axis.length;
  const size = rowReader.axis.length * width;
  const counts = new Uint32Array(size);
  const capacity = new Float64Array(size);
  const unknown = new Uint32Array(size);

  let measureCount = 0;
  for (const measure of measures) {
    if (!isActiveOn(measure, referenceDate) || !passesFilter(measure, readers, filter)) continue;
    measureCount++;
    const rows = distinctIndexes(rowReader.keysOf(measure), rowIndex);
    const cols = distinctIndexes(colReader.keysOf(measure), colIndex);
    for (const r of rows) {
      for (const c of cols) {
        const cell = r * width + c;
        counts[cell]++;
        if (measure.capacity == null) unknown[cell]++;
        else capacity[cell] += measure.capacity;
      }
    }
  }

  const cells: CoverageCell[] = [];
  rowReader.axis.forEach((row, r) => {
    colReader.axis.forEach((col, c) => {
      const cell = r * width + c;
      cells.push({ row: row.key, col: col.key, measureCount: counts[cell], capacity: capacity[cell], capacityUnknown: unknown[cell] });
    });
  });
  return { rowsDimension, columnsDimension, rows: rowReader.axis, columns: colReader.axis, cells, measureCount };
}

function distinctIndexes(keys: readonly string[], index: Map<string, number>): number[] {
  const out = new Set<number>();
  for (const key of keys) {
    const i = index.get(key);
    if (i !== undefined) out.add(i);
  }
  return [...out];
}

/**
 * The empty cells of a coverage matrix. Weighting: when one axis is MUNICIPALITY, a gap weighs the municipality's
 * population (a rough stand-in for how many people the missing offering leaves out; there are no per-group
 * figures); gaps are sorted by weight, heaviest first, gaps without a figure after all weighted ones, and ties
 * keep matrix order. Without a municipality axis every weight is null and the order is the matrix order.
 */
export function gapsOfCoverage(matrix: CoverageMatrix): CoverageGaps {
  const rows = new Map(matrix.rows.map((e) => [e.key, e]));
  const cols = new Map(matrix.columns.map((e) => [e.key, e]));
  const weighted = matrix.rowsDimension === "MUNICIPALITY" || matrix.columnsDimension === "MUNICIPALITY";
  const gaps = matrix.cells
    .filter((cell) => cell.measureCount === 0)
    .map((cell): CoverageGap => {
      const row = rows.get(cell.row)!;
      const col = cols.get(cell.col)!;
      const place = matrix.rowsDimension === "MUNICIPALITY" ? row : matrix.columnsDimension === "MUNICIPALITY" ? col : null;
      return { row: row.key, col: col.key, rowLabel: row.label, colLabel: col.label, weight: place?.population ?? null };
    });
  const order = gaps.map((gap, i) => ({ gap, i }));
  order.sort((a, b) => {
    const wa = a.gap.weight;
    const wb = b.gap.weight;
    if (wa !== wb) {
      if (wa == null) return 1;
      if (wb == null) return -1;
      return wb - wa;
    }
    return a.i - b.i;
  });
  return {
    rowsDimension: matrix.rowsDimension,
    columnsDimension: matrix.columnsDimension,
    weighted,
    gaps: order.map((o) => o.gap),
  };
}

/** `computeCoverage` followed by `gapsOfCoverage`: the cells no active measure covers. */
export function computeGaps(
  measures: readonly AnalysisMeasure[],
  rowsDimension: CoverageDimension,
  columnsDimension: CoverageDimension,
  ctx: AnalysisContext,
  referenceDate: IsoDate,
  filter: CoverageFilter = {},
): CoverageGaps {
  return gapsOfCoverage(computeCoverage(measures, rowsDimension, columnsDimension, ctx, referenceDate, filter));
}
