import { Role } from "./auth.enums";

/** Who is asking: a logged-in account (with its role and, for partners, its actor) or nobody. */
export interface Viewer {
  accountId: number;
  email: string;
  role: Role;
  /** Set for PARTNER accounts: the one actor they may edit. */
  actorId: number | null;
  sessionHash: string;
}
