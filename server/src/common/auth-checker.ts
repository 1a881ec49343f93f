import { GraphQLError } from "graphql";
import { AuthChecker } from "type-graphql";
import { Context } from "../app/context";

/** Role name for operations anonymous visitors may use (when the deployment allows public access). */
export const PUBLIC = "PUBLIC";
/** Role name for operations everyone may always use, even with public access off (login, accepting an invitation). */
export const ANYONE = "ANYONE";

/**
 * `@Authorized()` = any logged-in account; `@Authorized(Role.X, …)` = those roles; `@Authorized(PUBLIC)` = also
 * anonymous visitors if public access is on; `@Authorized(ANYONE)` = always (login). Row rules (own actor, own measures) are checked in the services.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (roles.includes(ANYONE)) return true;
  if (roles.includes(PUBLIC)) {
    if (viewer || context.auth.publicAccess) return true;
    throw new GraphQLError("Please log in: public access is switched off", { extensions: { code: "UNAUTHENTICATED" } });
  }
  if (!viewer) throw new GraphQLError("Please log in", { extensions: { code: "UNAUTHENTICATED" } });
  if (roles.length === 0 || roles.includes(viewer.role)) return true;
  throw new GraphQLError(`Your role (${viewer.role}) may not do this`, { extensions: { code: "FORBIDDEN" } });
};

export function unauthenticated(message = "Please log in"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}
