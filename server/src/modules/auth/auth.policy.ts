import { ForbiddenError } from "../../common/errors";
import { Role } from "./auth.enums";
import { Viewer } from "./viewer";

/**
 * Row rules as pure functions (DESIGN.md users table). Services call them before writing and add the same owner
 * condition to the UPDATE statement itself, so a rule can never be bypassed by a race.
 */
export const can = {
  /** Directory beyond published measures: actors, networks, handlers, cooperations. */
  readDirectory: (v: Viewer | null): boolean => v !== null,

  /** Unpublished measures: the commissioner and analysts see all; a partner its own. */
  readMeasure: (v: Viewer | null, m: { providerId: number; published: boolean; archived: boolean }): boolean =>
    v === null ? m.published && !m.archived : v.role !== Role.PARTNER || m.published || m.providerId === v.actorId,

  /** Contact persons' e-mail and phone are personal data: the commissioner, and a partner for its own actor. */
  readContactDetails: (v: Viewer | null, actorId: number): boolean =>
    v !== null && (v.role === Role.COMMISSIONER || (v.role === Role.PARTNER && v.actorId === actorId)),

  createActor: (v: Viewer | null): boolean => v?.role === Role.COMMISSIONER,
  editActor: (v: Viewer | null, actorId: number): boolean =>
    v?.role === Role.COMMISSIONER || (v?.role === Role.PARTNER && v.actorId === actorId),
  archiveActor: (v: Viewer | null): boolean => v?.role === Role.COMMISSIONER,

  /** A partner creates measures only for its own actor, and can never move one to another provider. */
  createMeasure: (v: Viewer | null, providerId: number): boolean =>
    v?.role === Role.COMMISSIONER || (v?.role === Role.PARTNER && v.actorId === providerId),
  editMeasure: (v: Viewer | null, m: { providerId: number }): boolean =>
    v?.role === Role.COMMISSIONER || (v?.role === Role.PARTNER && v.actorId === m.providerId),

  /** Networks, meetings, responsibilities and cooperations are kept by the commissioner. */
  manageNetworkData: (v: Viewer | null): boolean => v?.role === Role.COMMISSIONER,

  manageAccounts: (v: Viewer | null): boolean => v?.role === Role.COMMISSIONER,

  /** Change history: the commissioner for everything, a partner for its own actor and measures. */
  readHistory: (v: Viewer | null, ownerActorId: number): boolean =>
    v?.role === Role.COMMISSIONER || (v?.role === Role.PARTNER && v.actorId === ownerActorId),

  /** The whole audit log: the commissioner only. */
  readAuditLog: (v: Viewer | null): boolean => v?.role === Role.COMMISSIONER,

  /** GDPR export of an account: the commissioner, or the account itself. */
  exportAccount: (v: Viewer | null, accountId: number): boolean => v?.role === Role.COMMISSIONER || v?.accountId === accountId,

  /** Erasing a contact person: the commissioner, or the partner of that actor. */
  eraseContact: (v: Viewer | null, actorId: number): boolean =>
    v?.role === Role.COMMISSIONER || (v?.role === Role.PARTNER && v.actorId === actorId),
};

/** The SQL owner condition that goes with `editMeasure` for partners (null = no extra condition). */
export function measureOwnerCondition(v: Viewer | null): { sql: string; params: Record<string, unknown> } | null {
  return v?.role === Role.PARTNER ? { sql: "providerId = :ownerActorId", params: { ownerActorId: v.actorId } } : null;
}

/** The SQL owner condition that goes with `editActor` for partners. */
export function actorOwnerCondition(v: Viewer | null): { sql: string; params: Record<string, unknown> } | null {
  return v?.role === Role.PARTNER ? { sql: "id = :ownerActorId", params: { ownerActorId: v.actorId } } : null;
}

/** Throws FORBIDDEN unless the viewer is the commissioner (networks, meetings, responsibilities, cooperations). */
export function requireCommissioner(ctx: { viewer: Viewer | null }): void {
  if (!can.manageNetworkData(ctx.viewer)) throw new ForbiddenError("Only the commissioner keeps networks, responsibilities and cooperations");
}
