import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { LimitsConfig } from "../../config";
import { statementTimeoutOf } from "../../db/data-source";
import { Context } from "../context";
import { measureCost } from "./cost";
import { measureOperations } from "./document-limits";
import { introspectionRefusal, mayIntrospect, usesIntrospection } from "./introspection";
import { LimitError } from "./limit-error";
import { isStatementTimeout } from "./statement-timeout";
import { countTokens, isTokenLimitError } from "./tokens";

/** Fields the cost estimate may visit once fragments are inlined; beyond this a document is refused unread. */
export const EXPANDED_FIELDS_LIMIT = 10_000;

const SUGGESTION = / Did you mean .*\?$/;

/**
 * The request-time half of the limits (the other half are validation rules): introspection by role, the cost
 * estimate with the request's variables (reported in `extensions.cost`), the token limit's refusal, statement
 * timeouts. Whenever a limit refused a request, only that refusal is sent, not graphql-js's further complaints
 * about the same oversized document.
 */
export function limitsPlugin(limits: LimitsConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = Date.now();
      let cost: number | null = null;
      return {
        async didResolveOperation(rc) {
          const operation = rc.operation;
          if (!operation) return;
          if (usesIntrospection(rc.document, operation) && !mayIntrospect(limits.introspection, rc.contextValue.viewer)) {
            throw introspectionRefusal(limits.introspection, rc.contextValue.viewer);
          }
          const measured = measureCost(rc.schema, rc.document, operation.name?.value, rc.request.variables, EXPANDED_FIELDS_LIMIT);
          if ("tooManyFields" in measured) {
            const fields = measureOperations(rc.document.definitions).get(operation)?.fields ?? EXPANDED_FIELDS_LIMIT + 1;
            throw new LimitError("fieldNodes", fields, EXPANDED_FIELDS_LIMIT);
          }
          if ("cost" in measured) {
            if (measured.cost > limits.cost) throw new LimitError("cost", measured.cost, limits.cost);
            cost = measured.cost;
          }
        },

        async didEncounterErrors(rc) {
          const errors = rc.errors as GraphQLError[];
          for (let i = 0; i < errors.length; i += 1) {
            const e = errors[i];
            if (isTokenLimitError(e)) errors[i] = new LimitError("tokens", countTokens(rc.source ?? ""), limits.tokens);
            else if (isStatementTimeout(e)) errors[i] = timeoutError(e, Date.now() - started, statementTimeoutOf(rc.contextValue.ds));
          }
          const refusals = errors.flatMap((e) => (e instanceof LimitError ? [e] : e.originalError instanceof LimitError ? [e.originalError] : []));
          if (refusals.length > 0) errors.splice(0, errors.length, ...refusals);
          // "Did you mean …?" would spell out the schema to those who may not introspect it.
          if (!mayIntrospect(limits.introspection, rc.contextValue.viewer)) {
            for (let i = 0; i < errors.length; i += 1) {
              const e = errors[i];
              if (SUGGESTION.test(e.message))
                errors[i] = new GraphQLError(e.message.replace(SUGGESTION, ""), { nodes: e.nodes, extensions: e.extensions, originalError: e.originalError });
            }
          }
        },

        async willSendResponse(rc) {
          if (cost === null || rc.response.body.kind !== "single") return;
          const result = rc.response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested: cost, limit: limits.cost } };
        },
      };
    },
  };
}

/** A statement the database stopped: the client learns the limit instead of an anonymous internal error. */
function timeoutError(e: GraphQLError, elapsedMs: number, limitMs: number): GraphQLError {
  const refusal = new LimitError("statementTimeoutMs", Math.max(elapsedMs, limitMs), limitMs);
  const { http: _http, ...extensions } = refusal.extensions;
  return new GraphQLError(refusal.message, { path: e.path, nodes: e.nodes, extensions });
}
