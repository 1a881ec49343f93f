import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { createServer } from "../../server/src/app/create-server";
import { AuthConfig, LimitsConfig, limitsConfig } from "../../server/src/config";

import { openDatabase } from "../../server/src/db/data-source";
import { ensureReferenceData } from "../../server/src/db/seed/reference-data";
import { sqlCounter } from "../../server/src/db/sql-counter";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { createAccount } from "../../server/src/modules/auth/auth.service";
import { DbKind, freshDatabase } from "./databases";

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
  extensions?: Record<string, unknown>;
}

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResponse<T>>;

export interface Client {
  gql: Gql;
  cookie: string | null;
  accountId: number | null;
}

export interface TestServer {
  kind: DbKind;
  ds: DataSource;
  url: string;
  /** As the commissioner (most suites test the data, not the roles). */
  gql: Gql;
  /** As an anonymous visitor. */
  anon: Client;
  /** Logs in a new account of `role` (bound to `actorId` for partners) and returns its client. */
  as(role: Role, actorId?: number | null): Promise<Client>;
  /** Runs `fn` and returns how many SQL statements it caused. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The real server (same factory as `npm start`) on a fresh database, listening on a random local port. `auth`
 * replaces the environment's auth settings (e.g. small throttling limits for the account tests).
 */
export async function startTestServer(kind: DbKind, options: { auth?: AuthConfig; limits?: Partial<LimitsConfig> } = {}): Promise<TestServer> {
  const { config, drop } = await freshDatabase(kind);
  const ds = await openDatabase(config);
  await ensureReferenceData(ds);
  const server = await createServer({ ds, auth: options.auth, limits: { ...limitsConfig(), ...options.limits } });
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const client = (cookie: string | null, accountId: number | null = null): Client => ({
    cookie,
    accountId,
    gql: async (query, variables, headers = {}) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { ...body, status: res.status };
    },
  });
  let accounts = 0;
  const as = async (role: Role, actorId: number | null = null): Promise<Client> => {
    const email = `${role.toLowerCase()}${++accounts}-${Date.now()}@test.example`;
    const account = await createAccount(ds, { email, password: "test-password-123", role, actorId, demo: true });
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation($i: LoginInput!) { login(input: $i) { account { id } } }", variables: { i: { email, password: "test-password-123" } } }),
    });
    const setCookie = res.headers.get("set-cookie");
    if (!setCookie) throw new Error(`login as ${role} failed: ${await res.text()}`);
    return client(setCookie.split(";")[0], account.rowId);
  };
  const commissioner = await as(Role.COMMISSIONER);
  return {
    kind,
    ds,
    url,
    gql: commissioner.gql,
    anon: client(null),
    as,
    async countStatements(fn) {
      const before = sqlCounter.statements;
      await fn();
      return sqlCounter.statements - before;
    },
    async stop() {
      await server.stop();
      await ds.destroy();
      await drop();
    },
  };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T = any>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
  return res.data;
}

/** The single error of a response that must have failed. */
export function failure(res: GqlResponse): { message: string; code: string; fields?: { path: string; message: string }[]; ext: Record<string, any> } {
  if (!res.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
  const e = res.errors[0];
  return { message: e.message, code: e.extensions?.code, fields: e.extensions?.fields, ext: e.extensions ?? {} };
}
