import { GraphQLError } from "graphql";
import { DataSource } from "typeorm";
import { limitsPlugin } from "../../server/src/app/limits/limits.plugin";
import { isStatementTimeout } from "../../server/src/app/limits/statement-timeout";
import { LimitsConfig, limitsConfig, loadConfig, parseDatabaseUrl } from "../../server/src/config";
import { openDatabase, statementTimeoutOf } from "../../server/src/db/data-source";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { databaseKinds } from "../helpers/databases";
import { ok, startTestServer, TestServer } from "../helpers/test-server";
import { expectRefused, postJson, serverWithLimits, times, unchanged } from "./support";

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`;
const nested = (depth: number) => `{ fieldsOfAction { ${"parent { ".repeat(depth - 2)}key${" }".repeat(depth - 2)} } }`;

/** Every limit at a value of its own: exactly the limit passes, one more is refused naming that value. */
const BOUNDARIES: [keyof LimitsConfig, number, (n: number) => string][] = [
  ["depth", 4, nested],
  ["aliases", 3, aliases],
  ["directives", 2, (n) => `{ ${times(n, "__typename @include(if: true)")} }`],
  ["selections", 7, (n) => `{ ${times(n, "__typename")} }`],
  ["cost", 30, (n) => `{ measures(first: ${n}) { nodes { id } } }`],
  // `{ __typename … }`: two braces and n − 2 fields.
  ["tokens", 12, (n) => `{ ${times(n - 2, "__typename")} }`],
];

describe.each(databaseKinds())("configured limits on %s", (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.stop());

  it.each(BOUNDARIES)("enforces %s = %i exactly as configured", async (name, limit, query) => {
    const server = await serverWithLimits(s, { [name]: limit });
    try {
      const pass = await postJson(server.url, { query: query(limit) });
      expect(pass.body.errors).toBeUndefined();
      const res = await unchanged(s.ds, () => postJson(server.url, { query: query(limit + 1) }));
      expect(res.status).toBe(400);
      expect(expectRefused(res.body, "QUERY_TOO_COMPLEX", name)).toEqual({ code: "QUERY_TOO_COMPLEX", name, measured: limit + 1, limit });
    } finally {
      await server.stop();
    }
  });

  it("enforces batch = 2 exactly as configured", async () => {
    const server = await serverWithLimits(s, { batch: 2 });
    try {
      expect((await postJson(server.url, [{ query: "{ __typename }" }, { query: "{ __typename }" }])).status).toBe(200);
      const res = await unchanged(s.ds, () => postJson(server.url, [{ query: "{ __typename }" }, { query: "{ __typename }" }, { query: "{ __typename }" }]));
      expect(res.body.errors[0].extensions).toEqual({ code: "BAD_REQUEST", name: "batch", measured: 3, limit: 2 });
    } finally {
      await server.stop();
    }
  });

  it("enforces bodyKb = 1 exactly as configured (HTTP 413 with the sizes)", async () => {
    const server = await serverWithLimits(s, { bodyKb: 1 });
    try {
      const res = await unchanged(s.ds, () => postJson(server.url, { query: `{ __typename } # ${"x".repeat(1100)}` }));
      expect(res.status).toBe(413);
      expect(res.body.errors[0].extensions).toEqual({ code: "PAYLOAD_TOO_LARGE", name: "bodyBytes", measured: expect.any(Number), limit: 1024 });
      expect(res.body.errors[0].extensions.measured).toBeGreaterThan(1024);
    } finally {
      await server.stop();
    }
  });

  it("gives the schema to anonymous visitors with INTROSPECTION=all", async () => {
    const server = await serverWithLimits(s, { introspection: "all" });
    try {
      const res = await postJson(server.url, { query: "{ __schema { queryType { name } } }" });
      expect(res.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await server.stop();
    }
  });

  it("refuses the schema even to the commissioner with INTROSPECTION=off (FORBIDDEN)", async () => {
    const server = await serverWithLimits(s, { introspection: "off" });
    try {
      const commissioner = await s.as(Role.COMMISSIONER);
      const res = await unchanged(s.ds, () => postJson(server.url, { query: "{ __schema { queryType { name } } }" }, commissioner.cookie));
      expect(res.status).toBe(403);
      expect(expectRefused(res.body, "FORBIDDEN")).toEqual({ code: "FORBIDDEN" });
    } finally {
      await server.stop();
    }
  });

  it("bounds every statement's time on MySQL/MariaDB, on every pooled connection", async () => {
    if (kind === "sqlite") {
      // better-sqlite3 cannot interrupt a statement; the embedded mode relies on the input limits (README, "Limits").
      expect(statementTimeoutOf(s.ds)).toBe(0);
      return;
    }
    expect(statementTimeoutOf(s.ds)).toBe(5000);
    const [{ v }] = await s.ds.query("SELECT VERSION() AS v");
    const [setting] = await s.ds.query(/mariadb/i.test(v) ? "SELECT @@SESSION.max_statement_time AS t" : "SELECT @@SESSION.max_execution_time / 1000 AS t");
    expect(Number(setting.t)).toBe(5);
    const config = { ...parseDatabaseUrl(String((s.ds.options as { url: string }).url)), statementTimeoutMs: 300 };
    const ds: DataSource = await openDatabase(config);
    try {
      const heavy = "SELECT COUNT(*) AS n FROM information_schema.columns a CROSS JOIN information_schema.columns b CROSS JOIN information_schema.columns c";
      const started = Date.now();
      const results = await Promise.allSettled([ds.query(heavy), ds.query(heavy), ds.query(heavy)]);
      expect(Date.now() - started).toBeLessThan(5000);
      for (const r of results) {
        expect(r.status).toBe("rejected");
        expect(isStatementTimeout((r as PromiseRejectedResult).reason)).toBe(true);
      }
      // What the client then gets instead of an anonymous internal error:
      const hooks = await limitsPlugin(limitsConfig({})).requestDidStart!({} as never);
      const errors = [new GraphQLError("x", { path: ["actors"], originalError: (results[0] as PromiseRejectedResult).reason })];
      await hooks!.didEncounterErrors!({ errors, source: "{ actors { totalCount } }", contextValue: { ds, viewer: null } } as never);
      expect(errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", name: "statementTimeoutMs", measured: expect.any(Number), limit: 300 });
      expect(errors[0].message).not.toMatch(/max_statement_time|max_execution_time|interrupted/);
    } finally {
      await ds.destroy();
    }
  });

  it("answers a full catalogue page (100 measures with their relations) within the default limits", async () => {
    const res = await s.gql(
      `{ measures(first: 100, filter: { q: "Sprach" }) { totalCount nodes { title provider { name } fieldsOfAction { nameDe } targetGroups { nameDe } municipalities { name } } } }`,
    );
    ok(res);
    expect(res.extensions?.cost).toEqual({ requested: 100 * (1 + 1 + 20 + 20 + 20), limit: 10_000 });
  });
});

describe("limit settings from the environment", () => {
  it("uses the published defaults", () => {
    expect(limitsConfig({})).toEqual({
      depth: 10,
      cost: 10_000,
      aliases: 15,
      directives: 5,
      selections: 100,
      batch: 5,
      tokens: 2000,
      bodyKb: 100,
      introspection: "roles",
    });
    expect(loadConfig({}).database.statementTimeoutMs).toBe(5000);
  });

  it("reads every LIMIT_* variable, STATEMENT_TIMEOUT_MS and INTROSPECTION", () => {
    const env = {
      LIMIT_DEPTH: "12",
      LIMIT_COST: "500",
      LIMIT_ALIASES: "0",
      LIMIT_DIRECTIVES: "1",
      LIMIT_SELECTIONS: "50",
      LIMIT_BATCH: "1",
      LIMIT_TOKENS: "900",
      LIMIT_BODY_KB: "20",
      INTROSPECTION: "off",
    };
    expect(limitsConfig(env)).toEqual({
      depth: 12,
      cost: 500,
      aliases: 0,
      directives: 1,
      selections: 50,
      batch: 1,
      tokens: 900,
      bodyKb: 20,
      introspection: "off",
    });
    expect(loadConfig({ STATEMENT_TIMEOUT_MS: "0" }).database.statementTimeoutMs).toBe(0);
  });

  it.each([
    ["LIMIT_DEPTH", "0"],
    ["LIMIT_COST", "lots"],
    ["LIMIT_TOKENS", "-5"],
    ["INTROSPECTION", "maybe"],
  ])("refuses %s=%s at start", (name, value) => {
    expect(() => limitsConfig({ [name]: value })).toThrow(name);
  });
});
