import { GraphQLError } from "graphql";

export type LimitName = "depth" | "cost" | "fieldNodes" | "aliases" | "directives" | "selections" | "tokens" | "batch" | "statementTimeoutMs";

const WHAT: Record<LimitName, string> = {
  depth: "The query nests fields this many levels deep",
  cost: "The query could return this many objects (a connection counts its `first`, default 20; an unpaged list 20)",
  fieldNodes: "The query has at least this many fields once its fragments are inlined",
  aliases: "The operation uses this many aliases",
  directives: "The operation uses this many directives",
  selections: "A selection set has this many fields once its fragments are inlined",
  tokens: "The query document has this many tokens",
  batch: "The request batches this many operations",
  statementTimeoutMs: "A database statement ran this many milliseconds",
};

/**
 * A request refused because it is too large, before (or, for the statement timeout, instead of) doing the work.
 * The client gets the limit's name, the measured value and the maximum, so it can fix the query without guessing.
 */
export class LimitError extends GraphQLError {
  constructor(
    readonly limitName: LimitName,
    readonly measured: number,
    readonly limit: number,
    code = "QUERY_TOO_COMPLEX",
  ) {
    const shown = Number.isFinite(measured) ? measured : Number.MAX_SAFE_INTEGER;
    super(`${WHAT[limitName]}: ${shown}; the limit is ${limit}`, {
      extensions: { code, name: limitName, measured: shown, limit, http: { status: 400 } },
    });
  }
}
