import type { CooperationKind, CooperationQuery, CreateCooperationInput, UpdateCooperationInput } from "../../gql/graphql";

export const COOPERATION_KINDS: CooperationKind[] = ["REFERRAL", "JOINT_MEASURE", "FUNDING", "AGREEMENT", "INFORMATION_EXCHANGE"];

/** A typed link between two actors (referral, joint offering, funding, agreement, information exchange). */
export type CooperationValues = { actorAId: string; actorBId: string; kind: CooperationKind | ""; since: string; until: string; note: string };

export const emptyCooperation = (actorAId = ""): CooperationValues => ({ actorAId, actorBId: "", kind: "", since: "", until: "", note: "" });

export function cooperationValues(c: CooperationQuery["cooperation"]): CooperationValues {
  return { actorAId: c.actorA.id, actorBId: c.actorB.id, kind: c.kind, since: c.since ?? "", until: c.until ?? "", note: c.note ?? "" };
}

const text = (s: string) => (s.trim() === "" ? null : s.trim());

export function toCreateCooperationInput(v: CooperationValues): CreateCooperationInput {
  return { actorAId: v.actorAId, actorBId: v.actorBId, kind: v.kind as CooperationKind, since: text(v.since), until: text(v.until), note: text(v.note) };
}

/** The two actors stay as they are (a different pair is a different cooperation); an emptied date clears it. */
export function toUpdateCooperationInput(v: CooperationValues, id: string, version: number): UpdateCooperationInput {
  return { id, version, kind: (v.kind || null) as CooperationKind | null, since: text(v.since), until: text(v.until), note: text(v.note) };
}
