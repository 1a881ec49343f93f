import { GraphQLFormattedError } from "graphql";
import { randomUUID } from "node:crypto";

/** Codes whose messages are written for clients; everything else is masked. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "UNAUTHORIZED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
]);

/**
 * The one place errors leave the server: domain errors pass with their code and details; anything else (a driver
 * error, a bug) becomes INTERNAL_SERVER_ERROR with an id that is logged with the real error — no SQL, no stack.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, exception: _ex, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
  }
  const errorId = randomUUID();
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (process.env.NODE_ENV !== "test" || process.env.DEBUG_ERRORS) {
    console.error(`[error ${errorId}]`, original instanceof Error ? (original.stack ?? original.message) : original);
  }
  return {
    message: `Internal server error (reference ${errorId})`,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  };
}
