import { getIntrospectionQuery } from "graphql";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { buildActor, buildMeasure } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { Client, ok, startTestServer, TestServer } from "../helpers/test-server";
import { expectNoLeak, expectRefused, postJson, times, unchanged } from "./support";

/** `fieldsOfAction { parent { … { key } } }`: a cheap chain of single objects, `depth` fields deep. */
function chain(depth: number): string {
  return `{ fieldsOfAction { ${"parent { ".repeat(depth - 2)}key${" }".repeat(depth - 2)} } }`;
}

/** Each of graphql-cop's probes and each request limit, as an anonymous visitor and as logged-in roles. */
describe.each(databaseKinds())("request limits on %s", (kind) => {
  let s: TestServer;
  let analyst: Client;
  let partner: Client;
  let commissioner: Client;
  beforeAll(async () => {
    s = await startTestServer(kind);
    const actor = await buildActor(s.ds, { name: "Caritasverband Lörrach" });
    await buildMeasure(s.ds, actor.rowId, { title: "Sprachcafé" });
    analyst = await s.as(Role.ANALYST);
    partner = await s.as(Role.PARTNER, actor.rowId);
    commissioner = await s.as(Role.COMMISSIONER);
  });
  afterAll(async () => s?.stop());

  describe("introspection", () => {
    it("refuses the schema to an anonymous visitor with UNAUTHENTICATED (HTTP 401)", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql("{ __schema { types { name } } }"));
      expect(res.status).toBe(401);
      expectRefused(res, "UNAUTHENTICATED");
      expect(res.data).toBeUndefined();
    });

    it("refuses __type to an anonymous visitor, also when hidden in a fragment", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`query { ...F } fragment F on Query { __type(name: "Actor") { fields { name } } }`));
      expectRefused(res, "UNAUTHENTICATED");
    });

    it("refuses the schema to a partner with FORBIDDEN (HTTP 403)", async () => {
      const res = await unchanged(s.ds, () => partner.gql(getIntrospectionQuery()));
      expect(res.status).toBe(403);
      expectRefused(res, "FORBIDDEN");
    });

    it.each(["analyst", "commissioner"])("answers GraphiQL's own introspection query (deeper than 10) for the %s", async (who) => {
      const client = who === "analyst" ? analyst : { gql: s.gql };
      const query = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });
      const data = ok(await unchanged(s.ds, () => client.gql(query)));
      expect(data.__schema.types.map((t: { name: string }) => t.name)).toContain("Actor");
    });

    it("still answers __typename to everyone (clients' caches need it)", async () => {
      expect(ok(await s.anon.gql("{ __typename }"))).toEqual({ __typename: "Query" });
    });

    it("does not spell out field names in suggestions to an anonymous visitor", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql("{ actorz { totalCount } }"));
      expect(res.status).toBe(400);
      const e = expectRefused(res, "GRAPHQL_VALIDATION_FAILED");
      expect(e).toBeDefined();
      expect(res.errors![0].message).toBe('Cannot query field "actorz" on type "Query".');
    });
  });

  describe("depth [10]", () => {
    it("accepts a query 10 fields deep", async () => {
      const res = await s.anon.gql(chain(10));
      ok(res);
      expect(res.extensions?.cost).toEqual({ requested: expect.any(Number), limit: 10_000 });
    });

    it("refuses deep nesting (11 levels) with QUERY_TOO_COMPLEX, the depth and the limit", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(chain(11)));
      expect(res.status).toBe(400);
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toEqual({ code: "QUERY_TOO_COMPLEX", name: "depth", measured: 11, limit: 10 });
    });

    it("counts depth through fragments and inline fragments", async () => {
      const q = `{ fieldsOfAction { ...A } } fragment A on FieldOfAction { parent { ... on FieldOfAction { parent { ...B } } } }
        fragment B on FieldOfAction { parent { parent { parent { parent { parent { parent { parent { key } } } } } } } }`;
      expect(expectRefused(await unchanged(s.ds, () => s.anon.gql(q)), "QUERY_TOO_COMPLEX")).toMatchObject({ name: "depth", measured: 11 });
    });
  });

  describe("aliases [15, __typename counted]", () => {
    it("accepts 15 aliases", async () => {
      ok(await s.anon.gql(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(" ")} }`));
    });

    it("refuses graphql-cop's alias overloading (101 aliases of __typename)", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`query cop { ${Array.from({ length: 101 }, (_, i) => `alias${i}: __typename`).join(" ")} }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX", "aliases")).toEqual({ code: "QUERY_TOO_COMPLEX", name: "aliases", measured: 101, limit: 15 });
      // 101 fields in one selection set are over that limit too: the refusal names both.
      expect(expectRefused(res, "QUERY_TOO_COMPLEX", "selections")).toMatchObject({ measured: 101, limit: 100 });
    });

    it("refuses 16 aliased mutations before any of them runs", async () => {
      const m = Array.from({ length: 16 }, (_, i) => `n${i}: createNetwork(input: { name: "Flut ${i}", kind: WORKING_GROUP }) { network { id } }`).join(" ");
      const res = await unchanged(s.ds, () => s.gql(`mutation { ${m} }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "aliases", measured: 16 });
    });

    it("counts a fragment's aliases at every spread", async () => {
      const q = `{ a: measures { ...F } b: measures { ...F } } fragment F on MeasureConnection { ${Array.from({ length: 7 }, (_, i) => `t${i}: totalCount`).join(" ")} }`;
      expect(expectRefused(await unchanged(s.ds, () => s.anon.gql(q)), "QUERY_TOO_COMPLEX")).toMatchObject({ name: "aliases", measured: 16 });
    });
  });

  describe("field duplication: selections per selection set [100]", () => {
    it("accepts 100 fields in one selection set", async () => {
      ok(await s.anon.gql(`{ ${times(100, "__typename")} }`));
    });

    it("refuses graphql-cop's field duplication (500 × __typename)", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`query cop { ${times(500, "__typename")} }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "selections", measured: 500, limit: 100 });
    });

    it("refuses a fragment bomb (each fragment spreads the next twice) at once", async () => {
      const levels = 30;
      const fragments = Array.from(
        { length: levels },
        (_, i) => `fragment F${i} on Query { ${i === levels - 1 ? "__typename" : `...F${i + 1} ...F${i + 1}`} }`,
      ).join("\n");
      const res = await unchanged(s.ds, () => s.anon.gql(`{ ...F0 }\n${fragments}`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "selections", measured: 2 ** (levels - 1) });
    });
  });

  describe("directives [5]", () => {
    it("accepts 5 directives", async () => {
      ok(await s.anon.gql(`{ ${times(5, "__typename @include(if: true)")} }`));
    });

    it("refuses graphql-cop's directive overloading (@aa × 10) with QUERY_TOO_COMPLEX, not 10 unknown-directive errors", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`query cop { __typename ${times(10, "@aa")} }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "directives", measured: 10, limit: 5 });
    });

    it("refuses 6 known directives", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`{ ${times(6, "__typename @skip(if: false)")} }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "directives", measured: 6 });
    });
  });

  describe("circular fragments", () => {
    it("refuses fragments that spread each other with GRAPHQL_VALIDATION_FAILED", async () => {
      const q = `{ actors { nodes { ...A } } } fragment A on Actor { name ...B } fragment B on Actor { id ...A }`;
      const res = await unchanged(s.ds, () => s.anon.gql(q));
      expect(res.status).toBe(400);
      expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
      expect(res.errors![0].message).toMatch(/Cannot spread fragment "A" within itself/);
      expectNoLeak(res);
    });
  });

  describe("tokens [2,000]", () => {
    it("refuses a document of more than 2,000 tokens with QUERY_TOO_COMPLEX and HTTP 400 (not 500)", async () => {
      const q = `{ actors(filter: { kinds: [${times(2100, "OTHER")}] }) { totalCount } }`;
      const res = await unchanged(s.ds, () => s.anon.gql(q));
      expect(res.status).toBe(400);
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toEqual({ code: "QUERY_TOO_COMPLEX", name: "tokens", measured: 2116, limit: 2000 });
    });
  });

  describe("cost [10,000 objects]", () => {
    it("reports the estimated cost of every answered query in extensions.cost", async () => {
      const res = await s.anon.gql(`{ measures(first: 50) { nodes { title provider { name } targetGroups { key } } } }`);
      ok(res);
      // 50 × (measure 1 + provider 1 + 20 target groups)
      expect(res.extensions?.cost).toEqual({ requested: 50 * 22, limit: 10_000 });
    });

    it("refuses huge `first` (1,000,000) with QUERY_TOO_COMPLEX before touching the database", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`{ measures(first: 1000000) { nodes { id } } }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toEqual({ code: "QUERY_TOO_COMPLEX", name: "cost", measured: 1_000_000, limit: 10_000 });
    });

    it("reads `first` from the variables", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(`query($n: Int) { measures(first: $n) { nodes { id } } }`, { n: 50_000 }));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "cost", measured: 50_000 });
    });

    it("refuses nested lists whose product is too large (100 actors × 20 measures × 20 partners)", async () => {
      const res = await unchanged(s.ds, () => s.gql(`{ actors(first: 100) { nodes { measures { partners { name } } } } }`));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "cost", measured: 100 * (1 + 20 * (1 + 20)) });
    });

    it("does not let a negative `first` offset the cost of other fields", async () => {
      const q = `{ a: actors(first: -1000000) { nodes { id } } b: actors(first: 100) { nodes { measures { partners { id } } } } }`;
      const res = await unchanged(s.ds, () => s.gql(q));
      expect(expectRefused(res, "QUERY_TOO_COMPLEX")).toMatchObject({ name: "cost", measured: 1 + 100 * (1 + 20 * 21) });
    });

    it.each([[101], [0], [-1]])("refuses first: %i with BAD_USER_INPUT naming `first`", async (first) => {
      const res = await unchanged(s.ds, () => s.anon.gql(`{ measures(first: ${first}) { nodes { id } } }`));
      expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "first", message: `must be between 1 and 100, got ${first}` }]);
      expect(res.data).toBeNull();
    });
  });

  describe("batching [5 operations]", () => {
    const op = { query: "{ measures(first: 1) { totalCount } }" };

    it("answers a batch of 5 operations", async () => {
      const res = await postJson(
        s.url,
        Array.from({ length: 5 }, () => op),
      );
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(5);
      expect(res.body[4].data.measures.totalCount).toBe(1);
    });

    it("refuses a batch of 6 with BAD_REQUEST (HTTP 400) before any operation runs", async () => {
      const res = await unchanged(s.ds, () =>
        postJson(
          s.url,
          Array.from({ length: 6 }, () => op),
        ),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ message: expect.any(String), extensions: { code: "BAD_REQUEST", name: "batch", measured: 6, limit: 5 } }]);
    });

    it("refuses a batch of 6 mutations without creating anything", async () => {
      const create = { query: `mutation { createNetwork(input: { name: "Batch", kind: WORKING_GROUP }) { network { id } } }` };
      const res = await unchanged(s.ds, () =>
        postJson(
          s.url,
          Array.from({ length: 6 }, () => create),
          commissioner.cookie,
        ),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    });

    it("applies every limit to each operation of a batch", async () => {
      const res = await unchanged(s.ds, () => postJson(s.url, [op, { query: chain(11) }]));
      expect(res.body[0].data.measures.totalCount).toBe(1);
      expect(res.body[1].errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", name: "depth" });
    });
  });

  describe("legitimate queries still pass", () => {
    it("answers the web client's overview query and the console's example query", async () => {
      const { exampleQuery } = await import("../../web/src/modules/console/console.example-query");
      const res = await analyst.gql(exampleQuery);
      ok(res);
      expect(res.extensions?.cost).toEqual({ requested: expect.any(Number), limit: 10_000 });
      const overview = `query Overview($networksFirst: Int!) { actors(first: 1) { totalCount } measures(first: 1) { totalCount }
        networks(first: $networksFirst, orderBy: { field: NAME, direction: ASC }) { totalCount nodes { id name kind memberCount } } }`;
      ok(await analyst.gql(overview, { networksFirst: 100 }));
    });
  });
});
