import { ActorKind, Level } from "../../server/src/common/enums";
import { buildActor, buildMeasure, buildMembership, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, ok, startTestServer, TestServer } from "../helpers/test-server";

const ACTOR_FIELDS = `id name shortName kind level description website email phone address languages tags version archived createdAt updatedAt
  municipality { name } contactPersons { id name role email phone }`;

describe.each(databaseKinds())("actors on %s", (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.stop());

  it("creates an actor with contact persons and reads it back by id and through node()", async () => {
    const t = await taxonomy(s.ds);
    const res = await s.gql(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { ${ACTOR_FIELDS} } } }`,
      {
        input: {
          name: "  Caritasverband Testkreis e.V. ",
          shortName: "Caritas",
          kind: "WELFARE_ASSOCIATION",
          level: "NON_GOVERNMENTAL",
          description: "Migrationsberatung und Sprachcafés.",
          website: "https://www.caritas-test.example",
          email: "info@caritas-test.example",
          phone: "07621 555-100",
          municipalityId: t.placeId("Lörrach"),
          languages: ["de", "tr", "de"],
          tags: ["Beratung"],
          contactPersons: [{ name: "Erika Beispiel", role: "Leitung", email: "e.beispiel@caritas-test.example" }],
        },
      },
    );
    const actor = ok(res).createActor.actor;
    expect(actor).toMatchObject({
      name: "Caritasverband Testkreis e.V.",
      kind: "WELFARE_ASSOCIATION",
      version: 1,
      archived: false,
      languages: ["de", "tr"],
      municipality: { name: "Lörrach" },
      contactPersons: [{ name: "Erika Beispiel", role: "Leitung" }],
    });
    const byId = ok(await s.gql(`query($id: ID!) { actor(id: $id) { name } node(id: $id) { __typename id ... on Actor { shortName } } }`, { id: actor.id }));
    expect(byId.actor.name).toBe("Caritasverband Testkreis e.V.");
    expect(byId.node).toEqual({ __typename: "Actor", id: actor.id, shortName: "Caritas" });
  });

  it("names every invalid field in one BAD_USER_INPUT error and writes nothing", async () => {
    const before = ok(await s.gql(`{ actors(filter: { archived: null }) { totalCount } }`)).actors.totalCount;
    const res = await s.gql(`mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`, {
      input: {
        name: "   ",
        kind: "CHURCH",
        level: "COUNTY",
        email: "not-an-email",
        website: "javascript:alert(1)",
        languages: ["Deutsch"],
        contactPersons: [{ name: "X", email: "nope" }],
      },
    });
    const e = failure(res);
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields!.map((f) => f.path).sort()).toEqual(["contactPersons.0.email", "email", "languages", "name", "website"]);
    expect(ok(await s.gql(`{ actors(filter: { archived: null }) { totalCount } }`)).actors.totalCount).toBe(before);
  });

  it("reports an enum value the schema does not know as BAD_USER_INPUT naming the field", async () => {
    const e = failure(await s.gql(`mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`, {
      input: { name: "A", kind: "SPACESHIP", level: "COUNTY" },
    }));
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields?.[0].path).toBe("kind");
  });

  it("updates with the current version, and refuses a stale version with CONFLICT without changing anything", async () => {
    const a = await buildActor(s.ds, { name: "Diakonie Test" });
    const id = gid("Actor", a.rowId);
    const first = ok(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { name version } } }`, { i: { id, version: 1, name: "Diakonisches Werk Test" } }));
    expect(first.updateActor.actor).toEqual({ name: "Diakonisches Werk Test", version: 2 });
    const stale = failure(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { name } } }`, { i: { id, version: 1, name: "Überschrieben" } }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.ext.currentVersion).toBe(2);
    expect(ok(await s.gql(`query($id: ID!) { actor(id: $id) { name version } }`, { id })).actor).toEqual({ name: "Diakonisches Werk Test", version: 2 });
  });

  it("gives NOT_FOUND for unknown ids and for ids of another type", async () => {
    const a = await buildActor(s.ds);
    const measureId = gid("Measure", (await buildMeasure(s.ds, a.rowId)).rowId);
    for (const id of [gid("Actor", 999999), measureId, "garbage", ""]) {
      const e = failure(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id, version: 1, name: "x" } }));
      expect(e.code).toBe("NOT_FOUND");
      expect(failure(await s.gql(`query($id: ID!) { actor(id: $id) { id } }`, { id })).code).toBe("NOT_FOUND");
    }
    expect(ok(await s.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("Actor", 999999) })).node).toBeNull();
  });

  it("replaces contact persons: keeps those named by id, adds new ones, removes the rest", async () => {
    const created = ok(await s.gql(`mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id version contactPersons { id name } } } }`, {
      input: { name: "AWO Test", kind: "WELFARE_ASSOCIATION", level: "NON_GOVERNMENTAL", contactPersons: [{ name: "A Eins" }, { name: "B Zwei" }] },
    })).createActor.actor;
    const [first] = created.contactPersons;
    const updated = ok(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { contactPersons { id name } } } }`, {
      i: { id: created.id, version: created.version, contactPersons: [{ id: first.id, name: "A Eins-Neu" }, { name: "C Drei" }] },
    })).updateActor.actor.contactPersons;
    expect(updated.map((c: { name: string }) => c.name)).toEqual(["A Eins-Neu", "C Drei"]);
    expect(updated[0].id).toBe(first.id);
  });

  it("archives and restores, and hides archived actors from lists by default", async () => {
    const a = await buildActor(s.ds, { name: "Zu archivierender Verein" });
    const id = gid("Actor", a.rowId);
    ok(await s.gql(`mutation($i: ArchiveInput!) { archiveActor(input: $i) { actor { archived } } }`, { i: { id, version: 1 } }));
    const q = `query($q: String, $archived: Boolean) { actors(filter: { q: $q, archived: $archived }) { nodes { name archived } } }`;
    expect(ok(await s.gql(q, { q: "archivierender" })).actors.nodes).toEqual([]);
    expect(ok(await s.gql(q, { q: "archivierender", archived: true })).actors.nodes).toEqual([{ name: "Zu archivierender Verein", archived: true }]);
    ok(await s.gql(`mutation($i: ArchiveInput!) { archiveActor(input: $i) { actor { archived } } }`, { i: { id, version: 2, archived: false } }));
    expect(ok(await s.gql(q, { q: "archivierender" })).actors.nodes).toHaveLength(1);
  });

  it("filters by kind, level, municipality, field of action, target group, network and free text", async () => {
    const t = await taxonomy(s.ds);
    const jmd = await buildActor(s.ds, { name: "JMD Filtertest", kind: ActorKind.MIGRATION_SERVICE, level: Level.FEDERAL, municipalityId: t.place("Schopfheim").rowId });
    const vhs = await buildActor(s.ds, { name: "VHS Filtertest", kind: ActorKind.EDUCATION_PROVIDER, level: Level.MUNICIPAL, municipalityId: t.place("Lörrach").rowId });
    await buildMeasure(s.ds, vhs.rowId, {}, { fields: [t.field("INTEGRATION_COURSES").rowId], targetGroups: [t.group("WOMEN").rowId] });
    await buildMeasure(s.ds, jmd.rowId, {}, { fields: [t.field("SOCIAL_COUNSELLING").rowId], targetGroups: [t.group("ALL_MIGRANTS").rowId] });
    const net = await buildNetwork(s.ds, { name: "AK Filtertest" });
    await buildMembership(s.ds, net.rowId, jmd.rowId);
    const names = async (filter: Record<string, unknown>) =>
      ok(await s.gql(`query($f: ActorFilter) { actors(filter: $f, first: 100) { nodes { name } } }`, { f: { q: "Filtertest", ...filter } })).actors.nodes.map(
        (n: { name: string }) => n.name,
      );
    expect(await names({})).toEqual(["JMD Filtertest", "VHS Filtertest"]);
    expect(await names({ kinds: ["MIGRATION_SERVICE"] })).toEqual(["JMD Filtertest"]);
    expect(await names({ levels: ["MUNICIPAL"] })).toEqual(["VHS Filtertest"]);
    expect(await names({ municipalityIds: [t.placeId("Schopfheim")] })).toEqual(["JMD Filtertest"]);
    expect(await names({ fieldOfActionIds: [t.fieldId("LANGUAGE")] })).toEqual(["VHS Filtertest"]);
    expect(await names({ targetGroupIds: [t.groupId("ASYLUM_SEEKERS")] })).toEqual(["JMD Filtertest"]);
    expect(await names({ networkIds: [gid("Network", net.rowId)] })).toEqual(["JMD Filtertest"]);
    expect(await names({ q: "filtertest vhs" })).toEqual(["VHS Filtertest"]);
    expect(await names({ q: "100%_Filtertest" })).toEqual([]);
  });

  it("pages with first/after and counts the total across pages", async () => {
    for (let i = 0; i < 7; i++) await buildActor(s.ds, { name: `Seitenträger ${String.fromCharCode(65 + i)}` });
    const q = `query($after: String) { actors(first: 3, after: $after, filter: { q: "Seitenträger" }, orderBy: { field: NAME, direction: DESC }) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r: any = ok(await s.gql(q, { after })).actors;
      expect(r.totalCount).toBe(7);
      seen.push(...r.edges.map((e: any) => e.node.name));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(seen).toEqual(["G", "F", "E", "D", "C", "B", "A"].map((c) => `Seitenträger ${c}`));
  });

  it("refuses a page size outside 1–100 and a forged cursor", async () => {
    for (const first of [0, 101, -1]) {
      const e = failure(await s.gql(`query($first: Int) { actors(first: $first) { totalCount } }`, { first }));
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.fields?.[0].path).toBe("first");
    }
    expect(failure(await s.gql(`{ actors(after: "bm90LWEtY3Vyc29y") { totalCount } }`)).code).toBe("BAD_USER_INPUT");
  });

  it("refuses an overlong search text instead of sending it to the database", async () => {
    const e = failure(await s.gql(`query($q: String) { actors(filter: { q: $q }) { totalCount } }`, { q: "x".repeat(100_000) }));
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields?.[0].path).toBe("q");
  });
});
