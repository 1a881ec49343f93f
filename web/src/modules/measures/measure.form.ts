import type { CreateMeasureInput, Level, MeasureQuery, MeasureStatus, UpdateMeasureInput } from "../../gql/graphql";

/** The measure form's state: strings as typed, converted to the API's types only when saving. */
export type MeasureValues = {
  title: string;
  description: string;
  providerId: string;
  status: MeasureStatus;
  level: Level;
  published: boolean;
  fieldOfActionIds: string[];
  targetGroupIds: string[];
  countyWide: boolean;
  municipalityIds: string[];
  ageMin: string;
  ageMax: string;
  startDate: string;
  endDate: string;
  schedule: string;
  venue: string;
  capacity: string;
  cost: string;
  registrationUrl: string;
  languages: string;
};

export const emptyMeasure = (providerId = ""): MeasureValues => ({
  title: "",
  description: "",
  providerId,
  status: "PLANNED",
  level: "NON_GOVERNMENTAL",
  published: false,
  fieldOfActionIds: [],
  targetGroupIds: [],
  countyWide: false,
  municipalityIds: [],
  ageMin: "",
  ageMax: "",
  startDate: "",
  endDate: "",
  schedule: "",
  venue: "",
  capacity: "",
  cost: "",
  registrationUrl: "",
  languages: "",
});

export function measureValues(m: MeasureQuery["measure"]): MeasureValues {
  return {
    title: m.title,
    description: m.description,
    providerId: m.provider.id,
    status: m.status,
    level: m.level,
    published: m.published,
    fieldOfActionIds: m.fieldsOfAction.map((f) => f.id),
    targetGroupIds: m.targetGroups.map((g) => g.id),
    countyWide: m.countyWide,
    municipalityIds: m.municipalities.map((x) => x.id),
    ageMin: m.ageMin?.toString() ?? "",
    ageMax: m.ageMax?.toString() ?? "",
    startDate: m.startDate ?? "",
    endDate: m.endDate ?? "",
    schedule: m.schedule ?? "",
    venue: m.venue ?? "",
    capacity: m.capacity?.toString() ?? "",
    cost: m.cost?.toString() ?? "",
    registrationUrl: m.registrationUrl ?? "",
    languages: m.languages.join(", "),
  };
}

const int = (s: string) => (s.trim() === "" ? null : Number.parseInt(s, 10));
const num = (s: string) => (s.trim() === "" ? null : Number(s.replace(",", ".")));
const text = (s: string) => (s.trim() === "" ? null : s.trim());

function common(v: MeasureValues) {
  return {
    title: v.title.trim(),
    description: v.description,
    status: v.status,
    level: v.level,
    published: v.published,
    fieldOfActionIds: v.fieldOfActionIds,
    targetGroupIds: v.targetGroupIds,
    countyWide: v.countyWide,
    municipalityIds: v.countyWide ? [] : v.municipalityIds,
    ageMin: int(v.ageMin),
    ageMax: int(v.ageMax),
    startDate: text(v.startDate),
    endDate: text(v.endDate),
    schedule: text(v.schedule),
    venue: text(v.venue),
    capacity: int(v.capacity),
    cost: num(v.cost),
    registrationUrl: text(v.registrationUrl),
    languages: v.languages
      .split(/[,\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  };
}

export function toCreateInput(v: MeasureValues): CreateMeasureInput {
  return { ...common(v), providerId: v.providerId };
}

export function toUpdateInput(v: MeasureValues, id: string, version: number): UpdateMeasureInput {
  return { ...common(v), id, version };
}
