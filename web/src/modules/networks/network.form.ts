import type {
  AddMembershipInput,
  CreateMeetingInput,
  CreateNetworkInput,
  MembershipRole,
  NetworkKind,
  UpdateMeetingInput,
  UpdateMembershipInput,
  UpdateNetworkInput,
} from "../../gql/graphql";

export const NETWORK_KINDS: NetworkKind[] = ["WORKING_GROUP", "COMMITTEE", "ADVISORY_BOARD", "ALLIANCE", "STATE_CONFERENCE"];
export const MEMBERSHIP_ROLES: MembershipRole[] = ["CHAIR", "MEMBER", "GUEST"];

const text = (s: string) => (s.trim() === "" ? null : s.trim());
const date = (s: string) => (s.trim() === "" ? null : s.trim());

/** The body itself: name, kind, description (Gremium). */
export type NetworkValues = { name: string; shortName: string; kind: NetworkKind | ""; description: string };

export const emptyNetwork = (): NetworkValues => ({ name: "", shortName: "", kind: "", description: "" });

export function networkValues(n: { name: string; shortName?: string | null; kind: NetworkKind; description: string }): NetworkValues {
  return { name: n.name, shortName: n.shortName ?? "", kind: n.kind, description: n.description };
}

export function toCreateNetworkInput(v: NetworkValues): CreateNetworkInput {
  // An empty kind is sent as such: the API names the field, and the form shows it there.
  return { name: v.name.trim(), shortName: text(v.shortName), kind: v.kind as NetworkKind, description: v.description.trim() };
}

export function toUpdateNetworkInput(v: NetworkValues, id: string, version: number): UpdateNetworkInput {
  return { id, version, name: v.name.trim(), shortName: text(v.shortName), kind: (v.kind || null) as NetworkKind | null, description: v.description.trim() };
}

/** A seat: which actor, in which role, for which period (until = the actor left). */
export type MembershipValues = { actorId: string; role: MembershipRole; since: string; until: string };

export const emptyMembership = (): MembershipValues => ({ actorId: "", role: "MEMBER", since: "", until: "" });

export function membershipValues(m: { role: MembershipRole; since?: string | null; until?: string | null; actor?: { id: string } | null }): MembershipValues {
  return { actorId: m.actor?.id ?? "", role: m.role, since: m.since ?? "", until: m.until ?? "" };
}

export function toAddMembershipInput(v: MembershipValues, networkId: string): AddMembershipInput {
  return { networkId, actorId: v.actorId, role: v.role, since: date(v.since), until: date(v.until) };
}

/** Every field is sent: an emptied date clears it (null), which the API distinguishes from "unchanged". */
export function toUpdateMembershipInput(v: MembershipValues, id: string, version: number): UpdateMembershipInput {
  return { id, version, role: v.role, since: date(v.since), until: date(v.until) };
}

/** A meeting; decisions are typed one per line, as they are written in minutes. */
export type MeetingValues = { date: string; title: string; location: string; minutes: string; decisions: string; participantIds: string[] };

export const emptyMeeting = (): MeetingValues => ({ date: "", title: "", location: "", minutes: "", decisions: "", participantIds: [] });

export function meetingValues(m: { date: string; title: string; location?: string | null; minutes: string; decisions: readonly string[]; participants?: readonly { id: string }[] }): MeetingValues {
  return {
    date: m.date,
    title: m.title,
    location: m.location ?? "",
    minutes: m.minutes,
    decisions: m.decisions.join("\n"),
    participantIds: (m.participants ?? []).map((p) => p.id),
  };
}

export function decisionLines(decisions: string): string[] {
  return decisions
    .split(/\r?\n/)
    .map((d) => d.trim())
    .filter(Boolean);
}

export function toCreateMeetingInput(v: MeetingValues, networkId: string): CreateMeetingInput {
  return {
    networkId,
    date: v.date.trim(),
    title: v.title.trim(),
    location: text(v.location),
    minutes: v.minutes,
    decisions: decisionLines(v.decisions),
    participantIds: v.participantIds,
  };
}

/** Participants are changed one by one (add/remove), not with the form. */
export function toUpdateMeetingInput(v: MeetingValues, id: string, version: number): UpdateMeetingInput {
  return { id, version, date: date(v.date), title: v.title.trim(), location: text(v.location), minutes: v.minutes, decisions: decisionLines(v.decisions) };
}
