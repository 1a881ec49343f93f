/** Driver error numbers of a statement stopped by the server's time limit. */
const TIMEOUT_ERRNOS = new Set([
  1969, // MariaDB ER_STATEMENT_TIMEOUT (max_statement_time)
  3024, // MySQL ER_QUERY_TIMEOUT (max_execution_time)
]);

/** Whether an error (a TypeORM QueryFailedError, possibly wrapped in a GraphQLError) is a statement timeout. */
export function isStatementTimeout(error: unknown): boolean {
  let e = error as { originalError?: unknown; driverError?: { errno?: number }; errno?: number } | undefined;
  for (let i = 0; e && i < 4; i += 1) {
    if (TIMEOUT_ERRNOS.has(Number(e.errno)) || TIMEOUT_ERRNOS.has(Number(e.driverError?.errno))) return true;
    e = e.originalError as typeof e;
  }
  return false;
}
