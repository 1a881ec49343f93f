/**
 * Opaque Relay global IDs: base64url("Type:localId"). Clients must not parse them; the server checks the type
 * so an actor's id passed where a measure is expected is simply "not found".
 */
export type NodeType =
  | "Actor"
  | "ContactPerson"
  | "Measure"
  | "Handler"
  | "Network"
  | "Membership"
  | "Meeting"
  | "Cooperation"
  | "FieldOfAction"
  | "TargetGroup"
  | "Municipality"
  | "Account"
  | "Overlap";

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function fromGlobalId(globalId: unknown): { type: string; id: number } | null {
  if (typeof globalId !== "string" || globalId.length === 0 || globalId.length > 64) return null;
  let decoded: string;
  try {
    decoded = Buffer.from(globalId, "base64url").toString("utf8");
  } catch {
    return null;
  }
  const m = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(decoded);
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id)) return null;
  return { type: m[1], id };
}

/** The local id if `globalId` is a well-formed id of `type`, else null. */
export function localId(globalId: unknown, type: NodeType): number | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}
