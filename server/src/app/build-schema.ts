import { GraphQLSchema, lexicographicSortSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "../common/auth-checker";
import { RESOLVERS } from "./resolvers";

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the schema from the TypeGraphQL classes once per process. Validation runs in the services. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return (cached ??= buildSchema({ resolvers: RESOLVERS, validate: false, authChecker, authMode: "error" }));
}

export async function printableSchema(): Promise<GraphQLSchema> {
  return lexicographicSortSchema(await buildAppSchema());
}
