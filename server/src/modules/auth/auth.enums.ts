import { registerEnumType } from "type-graphql";

/** Who a logged-in account is (DESIGN.md, users table). Anonymous visitors have no role. */
export enum Role {
  COMMISSIONER = "COMMISSIONER",
  PARTNER = "PARTNER",
  ANALYST = "ANALYST",
}

export enum TokenKind {
  INVITATION = "INVITATION",
  PASSWORD_RESET = "PASSWORD_RESET",
}

registerEnumType(Role, { name: "Role", description: "COMMISSIONER sees and changes everything; PARTNER keeps one actor current; ANALYST reads." });
