import { buildActor, buildCooperation, buildHandler, buildMembership, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, ok, startTestServer, TestServer } from "../helpers/test-server";

describe.each(databaseKinds())("handlers and cooperations on %s", (kind) => {
  let s: TestServer;
  let t: Awaited<ReturnType<typeof taxonomy>>;
  beforeAll(async () => {
    s = await startTestServer(kind);
    t = await taxonomy(s.ds);
  });
  afterAll(async () => s?.stop());

  it("records that the JMD handles counselling for migrants aged 12–27 in two towns", async () => {
    const jmd = await buildActor(s.ds, { name: "Jugendmigrationsdienst Test" });
    const h = ok(
      await s.gql(
        `mutation($i: CreateHandlerInput!) { createHandler(input: $i) { handler { id version ageMin ageMax priority countyWide note
          actor { name } fieldOfAction { key } targetGroups { key } municipalities { name } } } }`,
        {
          i: {
            actorId: gid("Actor", jmd.rowId),
            fieldOfActionId: t.fieldId("SOCIAL_COUNSELLING"),
            targetGroupIds: [t.groupId("ALL_MIGRANTS")],
            ageMin: 12,
            ageMax: 27,
            municipalityIds: [t.placeId("Lörrach"), t.placeId("Weil am Rhein")],
            note: "Erstberatung und Case Management",
          },
        },
      ),
    ).createHandler.handler;
    expect(h).toMatchObject({ version: 1, ageMin: 12, ageMax: 27, priority: 1, countyWide: false, actor: { name: "Jugendmigrationsdienst Test" }, fieldOfAction: { key: "SOCIAL_COUNSELLING" } });
    expect(h.municipalities.map((m: { name: string }) => m.name).sort()).toEqual(["Lörrach", "Weil am Rhein"]);
    const bad = failure(
      await s.gql(`mutation($i: CreateHandlerInput!) { createHandler(input: $i) { handler { id } } }`, {
        i: { actorId: gid("Actor", jmd.rowId), fieldOfActionId: t.fieldId("SOCIAL_COUNSELLING"), ageMin: 28, ageMax: 27, priority: 0 },
      }),
    );
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.fields!.map((f) => f.path).sort()).toEqual(["ageMax", "municipalityIds", "priority"]);
    const upd = ok(
      await s.gql(`mutation($i: UpdateHandlerInput!) { updateHandler(input: $i) { handler { version countyWide municipalities { name } } } }`, {
        i: { id: h.id, version: 1, countyWide: true },
      }),
    ).updateHandler.handler;
    expect(upd).toEqual({ version: 2, countyWide: true, municipalities: [] });
  });

  it("lists handlers responsible for a given age, place, target group and case type", async () => {
    const mbe = await buildActor(s.ds, { name: "MBE Listentest" });
    const jmd = await buildActor(s.ds, { name: "JMD Listentest" });
    const counselling = t.field("SOCIAL_COUNSELLING").rowId;
    await buildHandler(s.ds, jmd.rowId, counselling, { ageMin: 12, ageMax: 27, note: "Listentest" }, { municipalities: [t.place("Schopfheim").rowId], targetGroups: [t.group("ALL_MIGRANTS").rowId] });
    await buildHandler(s.ds, mbe.rowId, counselling, { ageMin: 28, ageMax: null, note: "Listentest" }, {});
    const names = async (f: Record<string, unknown>) =>
      ok(await s.gql(`query($f: HandlerFilter) { handlers(filter: $f, orderBy: { field: AGE_MIN }) { nodes { actor { name } } } }`, { f: { q: "Listentest", ...f } })).handlers.nodes.map(
        (n: { actor: { name: string } }) => n.actor.name,
      );
    expect(await names({})).toEqual(["JMD Listentest", "MBE Listentest"]);
    expect(await names({ age: 20 })).toEqual(["JMD Listentest"]);
    expect(await names({ age: 45, municipalityIds: [t.placeId("Schopfheim")] })).toEqual(["MBE Listentest"]);
    expect(await names({ municipalityIds: [t.placeId("Todtnau")] })).toEqual(["MBE Listentest"]);
    expect(await names({ targetGroupIds: [t.groupId("TOLERATED")] })).toEqual(["JMD Listentest", "MBE Listentest"]);
    expect(await names({ fieldOfActionIds: [t.fieldId("HEALTH")] })).toEqual([]);
    expect(await names({ actorIds: [gid("Actor", mbe.rowId)] })).toEqual(["MBE Listentest"]);
  });

  it("creates, updates and archives a cooperation between two different actors", async () => {
    const a = await buildActor(s.ds, { name: "Jobcenter Koop" });
    const b = await buildActor(s.ds, { name: "VHS Koop" });
    const create = `mutation($i: CreateCooperationInput!) { createCooperation(input: $i) { cooperation { id kind since until note version actorA { name } actorB { name } } } }`;
    const c = ok(
      await s.gql(create, { i: { actorAId: gid("Actor", a.rowId), actorBId: gid("Actor", b.rowId), kind: "REFERRAL", since: "2024-05-01", note: "Zuweisung in Berufssprachkurse" } }),
    ).createCooperation.cooperation;
    expect(c).toMatchObject({ kind: "REFERRAL", since: "2024-05-01", until: null, actorA: { name: "Jobcenter Koop" }, actorB: { name: "VHS Koop" } });
    const self = failure(await s.gql(create, { i: { actorAId: gid("Actor", a.rowId), actorBId: gid("Actor", a.rowId), kind: "FUNDING", since: "2025-01-01", until: "2024-01-01" } }));
    expect(self.fields!.map((f) => f.path).sort()).toEqual(["actorBId", "until"]);
    const upd = ok(
      await s.gql(`mutation($i: UpdateCooperationInput!) { updateCooperation(input: $i) { cooperation { kind until version } } }`, { i: { id: c.id, version: 1, kind: "AGREEMENT", until: "2026-12-31" } }),
    ).updateCooperation.cooperation;
    expect(upd).toEqual({ kind: "AGREEMENT", until: "2026-12-31", version: 2 });
    const actorView = ok(await s.gql(`query($id: ID!) { actor(id: $id) { cooperations { kind } } }`, { id: gid("Actor", b.rowId) })).actor;
    expect(actorView.cooperations).toEqual([{ kind: "AGREEMENT" }]);
    ok(await s.gql(`mutation($i: ArchiveInput!) { archiveCooperation(input: $i) { cooperation { archived } } }`, { i: { id: c.id, version: 2 } }));
    expect(ok(await s.gql(`query($id: ID!) { actor(id: $id) { cooperations { kind } } }`, { id: gid("Actor", b.rowId) })).actor.cooperations).toEqual([]);
  });

  it("filters cooperations by actor, kind, period and shared network", async () => {
    const [a, b, c] = [await buildActor(s.ds), await buildActor(s.ds), await buildActor(s.ds)];
    const net = await buildNetwork(s.ds);
    await buildMembership(s.ds, net.rowId, a.rowId);
    await buildMembership(s.ds, net.rowId, b.rowId);
    await buildCooperation(s.ds, a.rowId, b.rowId, { kind: "JOINT_MEASURE" as never, note: "Kappa gemeinsam" });
    await buildCooperation(s.ds, a.rowId, c.rowId, { kind: "FUNDING" as never, startDate: "2020-01-01", endDate: "2021-12-31", note: "Kappa Förderung" });
    const notes = async (f: Record<string, unknown>) =>
      ok(await s.gql(`query($f: CooperationFilter) { cooperations(filter: $f) { totalCount nodes { note } } }`, { f: { q: "Kappa", ...f } })).cooperations.nodes.map(
        (n: { note: string }) => n.note,
      );
    expect(await notes({})).toEqual(["Kappa gemeinsam", "Kappa Förderung"]);
    expect(await notes({ actorIds: [gid("Actor", c.rowId)] })).toEqual(["Kappa Förderung"]);
    expect(await notes({ kinds: ["JOINT_MEASURE"] })).toEqual(["Kappa gemeinsam"]);
    expect(await notes({ activeBetween: { from: "2026-01-01" } })).toEqual(["Kappa gemeinsam"]);
    expect(await notes({ networkIds: [gid("Network", net.rowId)] })).toEqual(["Kappa gemeinsam"]);
  });

  it("lists the taxonomies: nested fields of action and target groups, and the 35 municipalities", async () => {
    const r = ok(await s.gql(`{ fieldsOfAction { key nameDe nameEn parent { key } } targetGroups { key parent { key } } municipalities { name kind } }`));
    expect(r.municipalities).toHaveLength(35);
    expect(r.municipalities[0].name).toBe("Aitern");
    expect(r.fieldsOfAction.find((f: { key: string }) => f.key === "INTEGRATION_COURSES").parent).toEqual({ key: "LANGUAGE" });
    expect(r.targetGroups.find((g: { key: string }) => g.key === "ASYLUM_SEEKERS").parent).toEqual({ key: "ALL_MIGRANTS" });
    expect(r.fieldsOfAction.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining(["LANGUAGE", "HEALTH", "RETURN_COUNSELLING", "ANTIDISCRIMINATION"]));
  });
});
