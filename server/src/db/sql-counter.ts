import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from "typeorm";

/**
 * Counts every SQL statement TypeORM sends. Tests and the benchmark read it to prove that the number of
 * statements per request depends on the query's shape, not on the number of rows (no N+1).
 */
export const sqlCounter = { statements: 0 };

export class CountingLogger extends AbstractLogger {
  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    sqlCounter.statements++;
  }
  protected writeLog(_level: LogLevel, _message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    // Errors surface as exceptions and are logged (masked) by the GraphQL error formatter.
  }
}
