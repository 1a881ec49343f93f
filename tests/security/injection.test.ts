import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { buildActor, buildCooperation, buildHandler, buildMeasure, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { ok, startTestServer, TestServer } from "../helpers/test-server";
import { expectNoLeak, expectRefused, unchanged } from "./support";

/** Twelve classic payloads: SQL (MySQL and SQLite dialects), LIKE wildcards and our escape character, NUL, NoSQL, markup. */
const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE actor; --",
  '" OR ""="',
  "1) UNION SELECT email, passwordHash FROM account --",
  "%",
  "_",
  "!%",
  "\\'; SELECT SLEEP(5); --",
  "'||(SELECT randomblob(1000000000))||'",
  "a\u0000b",
  '{"$gt": ""}',
  "<script>alert(1)</script>",
];

/** The one row of each list whose text holds a literal "%" and "_": a wildcard must match it and nothing else. */
const LITERAL = "Rabatt 100% für Mitglieder_innen";
const LISTS = ["actors", "measures", "handlers", "networks", "cooperations"] as const;

/** The contract as committed (the drift test keeps it equal to the code). */
const SCHEMA = buildSchema(readFileSync(join(__dirname, "..", "..", "schema.graphql"), "utf8"));

describe.each(databaseKinds())("injection strings on %s", (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    const t = await taxonomy(s.ds);
    const literal = await buildActor(s.ds, { name: LITERAL });
    const plain = await buildActor(s.ds, { name: "Sprachcafé Verein" });
    await buildMeasure(s.ds, plain.rowId, { title: LITERAL });
    await buildMeasure(s.ds, plain.rowId, { title: "Sprachcafé" });
    await buildHandler(s.ds, plain.rowId, t.field("LANGUAGE").rowId, { note: LITERAL });
    await buildHandler(s.ds, plain.rowId, t.field("LANGUAGE").rowId, { note: null });
    await buildNetwork(s.ds, { name: LITERAL });
    await buildNetwork(s.ds, { name: "Arbeitskreis Sprache" });
    await buildCooperation(s.ds, literal.rowId, plain.rowId, { note: LITERAL });
    await buildCooperation(s.ds, plain.rowId, literal.rowId, { note: "Verweisberatung" });
  });
  afterAll(async () => s?.stop());

  describe.each(LISTS)("`q` of %s", (list) => {
    it.each(PAYLOADS)("matches %j literally, without an error or a change", async (payload) => {
      const res = await unchanged(s.ds, () => s.gql(`query($q: String) { ${list}(filter: { q: $q }) { totalCount } }`, { q: payload }));
      expectNoLeak(res);
      // Only the row that holds "%" or "_" literally matches those; every other payload matches nothing.
      expect(ok(res)[list].totalCount).toBe(payload === "%" || payload === "_" ? 1 : 0);
    });

    it("refuses a 201-character q with BAD_USER_INPUT naming q", async () => {
      const res = await unchanged(s.ds, () => s.gql(`query($q: String) { ${list}(filter: { q: $q }) { totalCount } }`, { q: "%".repeat(201) }));
      expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "q", message: "must be at most 200 characters" }]);
    });
  });

  it("refuses the 100,000-character q that once crashed SQLite's LIKE with BAD_USER_INPUT, before any SQL", async () => {
    const res = await unchanged(s.ds, () => s.gql(`query($q: String) { measures(filter: { q: $q }) { totalCount } }`, { q: "%".repeat(100_000) }));
    expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "q", message: "must be at most 200 characters" }]);
  });

  it("refuses a 150,000-character q as too large a request (413), never reaching GraphQL", async () => {
    const res = await unchanged(s.ds, () =>
      fetch(s.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "query($q: String) { measures(filter: { q: $q }) { totalCount } }", variables: { q: "%".repeat(150_000) } }),
      }),
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: "PAYLOAD_TOO_LARGE", limit: 102_400 });
    expectNoLeak(body);
  });

  it.each(PAYLOADS)("refuses the cursor `after: %j` with BAD_USER_INPUT", async (payload) => {
    const res = await unchanged(s.ds, () => s.gql(`query($a: String) { measures(after: $a) { totalCount } }`, { a: payload }));
    expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "after", message: "is not a cursor returned by this list" }]);
  });

  it.each(PAYLOADS)("finds no audit entries for entityType %j (or refuses it when over 40 characters)", async (payload) => {
    const res = await unchanged(s.ds, () => s.gql(`query($t: String) { auditLog(filter: { entityType: $t }) { totalCount } }`, { t: payload }));
    if (payload.length > 40) expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "entityType", message: "must be at most 40 characters" }]);
    else expect(ok(res).auditLog.totalCount).toBe(0);
    expectNoLeak(res);
  });

  it.each(PAYLOADS)("answers actor(id: %j) with NOT_FOUND", async (payload) => {
    const res = await unchanged(s.ds, () => s.gql(`query($id: ID!) { actor(id: $id) { name } }`, { id: payload }));
    expectRefused(res, "NOT_FOUND", undefined, [payload]);
  });

  it.each(PAYLOADS)("answers node(id: %j) and nodes(ids: [%j]) with null", async (payload) => {
    const res = await unchanged(s.ds, () => s.gql(`query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`, { id: payload }));
    expectNoLeak(res);
    expect(ok(res)).toEqual({ node: null, nodes: [null] });
  });

  it.each(PAYLOADS)("matches nothing for an id list holding %j", async (payload) => {
    const q = `query($ids: [ID!]) { measures(filter: { actorIds: $ids, fieldOfActionIds: $ids }) { totalCount } actors(filter: { networkIds: $ids }) { totalCount } }`;
    const res = await unchanged(s.ds, () => s.gql(q, { ids: [payload] }));
    expectNoLeak(res);
    expect(ok(res)).toEqual({ measures: { totalCount: 0 }, actors: { totalCount: 0 } });
  });

  it("matches every one of 100 ids given, and refuses the 101st", async () => {
    const actor = (await s.ds.query("SELECT id FROM actor ORDER BY id"))[0].id as number;
    const ids = [gid("Actor", actor), ...PAYLOADS.slice(0, 12), ...Array.from({ length: 87 }, (_, i) => gid("Actor", 10_000 + i))];
    const res = await unchanged(s.ds, () => s.gql(`query($ids: [ID!]) { measures(filter: { actorIds: $ids }) { totalCount } }`, { ids }));
    expect(ok(res).measures.totalCount).toBe(0);
    const over = await unchanged(s.ds, () => s.gql(`query($ids: [ID!]) { measures(filter: { actorIds: $ids }) { totalCount } }`, { ids: [...ids, ids[0]] }));
    expect(expectRefused(over, "BAD_USER_INPUT").fields).toEqual([{ path: "actorIds", message: "may name at most 100 ids" }]);
  });

  describe("every string or ID argument of every query in schema.graphql", () => {
    it.each(stringArgumentPaths())("answers %s with data or a 4xx code for each payload, never an internal error", async (_label, fieldName, argPath) => {
      const field = SCHEMA.getQueryType()!.getFields()[fieldName];
      for (const payload of PAYLOADS) {
        const { query, variables } = probe(field, argPath, payload);
        const res = await unchanged(s.ds, () => s.gql(query, variables));
        expectNoLeak(res, [payload]);
        for (const e of res.errors ?? []) expect(["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"]).toContain(e.extensions?.code);
      }
    });
  });
});

/** Every (query field, path to a String or ID argument) of the schema, as table rows for `it.each`. */
function stringArgumentPaths(): [string, string, string[]][] {
  const rows: [string, string, string[]][] = [];
  for (const field of Object.values(SCHEMA.getQueryType()!.getFields())) {
    for (const arg of field.args) {
      for (const path of stringPaths(arg.type, [arg.name], 0)) rows.push([`${field.name}(${path.join(".")})`, field.name, path]);
    }
  }
  return rows;
}

function stringPaths(type: GraphQLInputType, path: string[], depth: number): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named) && (named.name === "String" || named.name === "ID")) return [path];
  if (!isInputObjectType(named) || depth > 2) return [];
  return Object.values(named.getFields()).flatMap((f) => stringPaths(f.type, [...path, f.name], depth + 1));
}

/** A query for `field` with `payload` at `argPath` and harmless values in every other required place. */
function probe(field: GraphQLField<unknown, unknown>, argPath: string[], payload: string): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args = field.args
    .filter((a) => a.name === argPath[0] || isNonNullType(a.type))
    .map((a: GraphQLArgument) => {
      variables[a.name] = valueFor(a.type, a.name === argPath[0] ? argPath.slice(1) : null, payload);
      defs.push(`$${a.name}: ${a.type.toString()}`);
      return `${a.name}: $${a.name}`;
    });
  const selection = isCompositeType(getNamedType(field.type)) ? "{ __typename }" : "";
  return { query: `query${defs.length ? `(${defs.join(", ")})` : ""} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${selection} }`, variables };
}

/** `rest` is the path below this value to put the payload at (empty: here), or null for a filler value. */
function valueFor(type: GraphQLInputType, rest: string[] | null, payload: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valueFor(inner.ofType, rest, payload)];
  const named = getNamedType(inner);
  if (rest && rest.length === 0) return payload;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (rest && f.name === rest[0]) out[f.name] = valueFor(f.type, rest.slice(1), payload);
      else if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueFor(f.type, null, payload);
    }
    return out;
  }
  if (isEnumType(named)) return named.getValues()[0].value;
  if (named.name === "Int" || named.name === "Float") return 1;
  if (named.name === "Boolean") return false;
  if (named.name === "LocalDate") return "2026-01-01";
  return "x";
}
