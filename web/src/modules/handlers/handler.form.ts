import type { CreateHandlerInput, HandlerQuery, UpdateHandlerInput } from "../../gql/graphql";

/**
 * A responsibility (Zuständigkeit): which actor handles which kind of individual case (a field of
 * action), for whom (target groups, age band), where (municipalities or the whole county), in which
 * languages, and in which order (priority 1 = first point of contact). The referral guide is computed
 * from these rows. Form state keeps strings as typed; they become numbers only when saved.
 */
export type HandlerValues = {
  actorId: string;
  fieldOfActionId: string;
  targetGroupIds: string[];
  ageMin: string;
  ageMax: string;
  countyWide: boolean;
  municipalityIds: string[];
  languages: string;
  priority: string;
  note: string;
};

export const emptyHandler = (actorId = ""): HandlerValues => ({
  actorId,
  fieldOfActionId: "",
  targetGroupIds: [],
  ageMin: "",
  ageMax: "",
  countyWide: false,
  municipalityIds: [],
  languages: "",
  priority: "1",
  note: "",
});

export function handlerValues(h: HandlerQuery["handler"]): HandlerValues {
  return {
    actorId: h.actor.id,
    fieldOfActionId: h.fieldOfAction.id,
    targetGroupIds: h.targetGroups.map((g) => g.id),
    ageMin: h.ageMin?.toString() ?? "",
    ageMax: h.ageMax?.toString() ?? "",
    countyWide: h.countyWide,
    municipalityIds: h.municipalities.map((m) => m.id),
    languages: h.languages.join(", "),
    priority: String(h.priority),
    note: h.note ?? "",
  };
}

const int = (s: string) => (s.trim() === "" ? null : Number.parseInt(s, 10));
const text = (s: string) => (s.trim() === "" ? null : s.trim());

function common(v: HandlerValues) {
  return {
    actorId: v.actorId,
    fieldOfActionId: v.fieldOfActionId,
    targetGroupIds: v.targetGroupIds,
    ageMin: int(v.ageMin),
    ageMax: int(v.ageMax),
    countyWide: v.countyWide,
    municipalityIds: v.countyWide ? [] : v.municipalityIds,
    languages: v.languages
      .split(/[,\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
    // An empty priority means "first point of contact", the API's default.
    priority: int(v.priority) ?? 1,
    note: text(v.note),
  };
}

export function toCreateHandlerInput(v: HandlerValues): CreateHandlerInput {
  return common(v);
}

/** Every field is sent (lists replace), so what the form shows is what is stored. */
export function toUpdateHandlerInput(v: HandlerValues, id: string, version: number): UpdateHandlerInput {
  return { ...common(v), id, version };
}
