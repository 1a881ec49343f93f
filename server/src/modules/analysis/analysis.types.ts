/**
 * Plain input and output types of the analysis layer (coverage, gaps, responsibilities, network map).
 *
 * The analysis functions never touch TypeORM or GraphQL: the services load rows, map them onto these shapes and
 * hand them over, so the rules can be tested and benchmarked alone. Enums are string-literal unions with the same
 * values as `common/enums.ts` (whose members are assignable to them), because that file registers GraphQL enums.
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD` (longer ISO strings are cut to their date part). */
export type IsoDate = string;

export type MeasureStatusValue = "PLANNED" | "ACTIVE" | "PAUSED" | "ENDED";

export type LevelValue = "FEDERAL" | "STATE" | "COUNTY" | "MUNICIPAL" | "NON_GOVERNMENTAL";

export type CooperationKindValue = "REFERRAL" | "JOINT_MEASURE" | "FUNDING" | "AGREEMENT" | "INFORMATION_EXCHANGE";

/** The levels in their display order (Bund, Land, Landkreis, Kommune, freie Träger). */
export const LEVELS: readonly LevelValue[] = ["FEDERAL", "STATE", "COUNTY", "MUNICIPAL", "NON_GOVERNMENTAL"];

export const LEVEL_LABELS: Readonly<Record<LevelValue, { de: string; en: string }>> = {
  FEDERAL: { de: "Bund", en: "Federal" },
  STATE: { de: "Land", en: "State" },
  COUNTY: { de: "Landkreis", en: "County" },
  MUNICIPAL: { de: "Kommune", en: "Municipal" },
  NON_GOVERNMENTAL: { de: "Freie Träger", en: "Non-governmental" },
};

/** One entry of a (possibly nested) taxonomy: fields of action or target groups. Array order = display order. */
export interface TaxonomyTerm {
  key: string;
  nameDe: string;
  nameEn: string;
  /** Key of the parent term; null for a top-level term. */
  parentKey: string | null;
}

export interface AnalysisMunicipality {
  id: number;
  name: string;
  /** Inhabitants where a figure is known; weights gaps. */
  population: number | null;
}

/**
 * A measure (Maßnahme) as the analysis sees it.
 *
 * `fieldKeys` are the fields the measure is filed under, as stored. The analysis adds their ancestors itself from
 * `AnalysisContext.fields` (an INTEGRATION_COURSES measure counts for LANGUAGE too); passing keys that already include
 * the ancestors is harmless.
 */
export interface AnalysisMeasure {
  id: number;
  title?: string;
  providerId: number;
  fieldKeys: string[];
  /** Empty = open to everyone. */
  targetGroupKeys: string[];
  /** null = no lower bound (0). */
  ageMin: number | null;
  /** null = no upper bound (99). */
  ageMax: number | null;
  /** Serves every municipality of the county; `municipalityIds` is then ignored. */
  countyWide: boolean;
  municipalityIds: number[];
  capacity: number | null;
  status: MeasureStatusValue;
  published: boolean;
  archived: boolean;
  /** null = since ever. */
  startDate: IsoDate | null;
  /** null = open-ended. */
  endDate: IsoDate | null;
  level: LevelValue;
}

/** A handler (Zuständigkeit): which actor handles individual cases of one kind, for whom and where. */
export interface AnalysisHandler {
  id: number;
  actorId: number;
  actorName: string;
  /** The case type: one field of action. */
  fieldKey: string;
  /** Empty = handles everyone. */
  targetGroupKeys: string[];
  ageMin: number | null;
  ageMax: number | null;
  countyWide: boolean;
  /** Ignored when countyWide; a handler that is neither county-wide nor lists a municipality handles nothing. */
  municipalityIds: number[];
  /** 1 = first point of contact; higher numbers are fall-backs. */
  priority: number;
}

/** The taxonomies and the county's municipalities. */
export interface AnalysisContext {
  fields: TaxonomyTerm[];
  targetGroups: TaxonomyTerm[];
  /** Every municipality of the county, in display order; "county-wide" means all of these. */
  municipalities: AnalysisMunicipality[];
}

export interface AnalysisActor {
  id: number;
  name: string;
  kind: string;
  archived: boolean;
}

export interface AnalysisCooperation {
  actorAId: number;
  actorBId: number;
  kind: CooperationKindValue;
  /** Optional period; a cooperation outside it on the reference date is left out. */
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
}

export interface AnalysisMembership {
  actorId: number;
  networkId: number;
  since?: IsoDate | null;
  /** null = still a member. */
  until: IsoDate | null;
}

/** A partner actor of a measure (besides its provider). */
export interface AnalysisMeasurePartner {
  measureId: number;
  actorId: number;
}

/** An overlap between offerings of two actors (the caller decides which review states count). */
export interface AnalysisOverlapLink {
  aActorId: number;
  bActorId: number;
}

/** Thrown for arguments no caller should send (e.g. the same dimension for rows and columns). */
export class AnalysisInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "AnalysisInputError";
  }
}
