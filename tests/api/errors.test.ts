import { buildActor, buildMeeting, buildNetwork, gid } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, ok, startTestServer, TestServer } from "../helpers/test-server";

describe.each(databaseKinds())("errors and bad input on %s", (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.stop());

  it("rolls back a multi-row update when a later part fails: nothing is half-written", async () => {
    const a = await buildActor(s.ds, { name: "Rollback-Verein" });
    const other = ok(
      await s.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { actor { contactPersons { id } } } }`, {
        i: { name: "Fremder Verein", kind: "OTHER", level: "MUNICIPAL", contactPersons: [{ name: "Fremde Person" }] },
      }),
    ).createActor.actor;
    const e = failure(
      await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { name } } }`, {
        i: { id: gid("Actor", a.rowId), version: 1, name: "Neuer Name", contactPersons: [{ id: other.contactPersons[0].id, name: "Gekapert" }] },
      }),
    );
    expect(e.code).toBe("NOT_FOUND");
    expect(e.fields).toEqual([{ path: "contactPersons.0.id", message: "is not a contact person of this actor" }]);
    const after = ok(await s.gql(`query($id: ID!) { actor(id: $id) { name version contactPersons { name } } }`, { id: gid("Actor", a.rowId) })).actor;
    expect(after).toEqual({ name: "Rollback-Verein", version: 1, contactPersons: [] });
  });

  it("answers malformed JSON, unparsable queries and oversized bodies with a clear 4xx and no internals", async () => {
    const post = (body: string, type = "application/json") => fetch(s.url, { method: "POST", headers: { "content-type": type }, body });
    const bad = await post("{ not json");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).not.toMatch(/at .*\.js|SyntaxError|node_modules/);
    const parse = failure(await s.gql("{ actors { "));
    expect(parse.code).toBe("GRAPHQL_PARSE_FAILED");
    const big = await post(JSON.stringify({ query: `{ actors(filter: { q: "${"a".repeat(150_000)}" }) { totalCount } }` }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a form-encoded or GET mutation (CSRF prevention)", async () => {
    const form = await fetch(s.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=mutation{__typename}" });
    expect(form.status).toBeGreaterThanOrEqual(400);
    const get = await fetch(`${s.url}?query=${encodeURIComponent('mutation { archiveActor(input: { id: "x", version: 1 }) { actor { id } } }')}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
  });

  it("masks a database failure as INTERNAL_SERVER_ERROR with a reference, never SQL or a stack", async () => {
    const net = await buildNetwork(s.ds);
    await buildMeeting(s.ds, net.rowId);
    await s.ds.query("DROP TABLE meeting_participant");
    const res = await s.gql(`query($id: ID!) { network(id: $id) { meetings { participants { name } } } }`, { id: gid("Network", net.rowId) });
    const e = failure(res);
    expect(e.code).toBe("INTERNAL_SERVER_ERROR");
    expect(e.message).toMatch(/^Internal server error \(reference [0-9a-f-]{36}\)$/);
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/SELECT|FROM |meeting_participant|SQLITE_|ER_NO_SUCH|stack|\.ts:\d|\bat \w+ \(/);
  });
});
