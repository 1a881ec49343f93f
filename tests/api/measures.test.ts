import { ActorKind, Level, MeasureStatus } from "../../server/src/common/enums";
import { buildActor, buildMeasure, buildMembership, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, ok, startTestServer, TestServer } from "../helpers/test-server";

const CREATE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { measure {
  id title version status published countyWide ageMin ageMax startDate endDate cost capacity lastConfirmedOn level
  funding { source level } provider { name } partners { name } fieldsOfAction { key } targetGroups { key } municipalities { name } } } }`;

describe.each(databaseKinds())("measures on %s", (kind) => {
  let s: TestServer;
  let t: Awaited<ReturnType<typeof taxonomy>>;
  beforeAll(async () => {
    s = await startTestServer(kind);
    t = await taxonomy(s.ds);
  });
  afterAll(async () => s?.stop());

  it("creates a language course for women in Lörrach with partners, funding and all its dimensions", async () => {
    const caritas = await buildActor(s.ds, { name: "Caritas Messtest" });
    const vhs = await buildActor(s.ds, { name: "VHS Messtest" });
    const m = ok(
      await s.gql(CREATE, {
        input: {
          title: "Deutschkurs für Frauen mit Kinderbetreuung",
          description: "Vormittagskurs A1 mit Kinderbetreuung im Familienzentrum.",
          providerId: gid("Actor", caritas.rowId),
          partnerIds: [gid("Actor", vhs.rowId)],
          fieldOfActionIds: [t.fieldId("LANGUAGE")],
          targetGroupIds: [t.groupId("WOMEN"), t.groupId("RECOGNISED_REFUGEES")],
          ageMin: 18,
          ageMax: 65,
          municipalityIds: [t.placeId("Lörrach"), t.placeId("Weil am Rhein")],
          startDate: "2026-01-12",
          endDate: "2026-06-30",
          capacity: 15,
          cost: 0,
          funding: [{ source: "Land Baden-Württemberg – VwV Integration", level: "STATE" }],
          level: "STATE",
          status: "ACTIVE",
          published: true,
        },
      }),
    ).createMeasure.measure;
    expect(m).toMatchObject({
      title: "Deutschkurs für Frauen mit Kinderbetreuung",
      version: 1,
      countyWide: false,
      startDate: "2026-01-12",
      endDate: "2026-06-30",
      cost: 0,
      funding: [{ source: "Land Baden-Württemberg – VwV Integration", level: "STATE" }],
      provider: { name: "Caritas Messtest" },
      partners: [{ name: "VHS Messtest" }],
      fieldsOfAction: [{ key: "LANGUAGE" }],
    });
    expect(m.targetGroups.map((g: { key: string }) => g.key).sort()).toEqual(["RECOGNISED_REFUGEES", "WOMEN"]);
    expect(m.municipalities.map((p: { name: string }) => p.name).sort()).toEqual(["Lörrach", "Weil am Rhein"]);
    expect(m.lastConfirmedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("names every broken rule at once: ages, dates, places, fields, provider as partner, unknown enum-free values", async () => {
    const a = await buildActor(s.ds);
    const res = await s.gql(CREATE, {
      input: {
        title: "",
        providerId: gid("Actor", a.rowId),
        partnerIds: [gid("Actor", a.rowId)],
        fieldOfActionIds: [],
        ageMin: 30,
        ageMax: 20,
        startDate: "2026-05-01",
        endDate: "2026-04-01",
        capacity: -3,
        registrationUrl: "ftp://example.org",
        level: "COUNTY",
      },
    });
    const e = failure(res);
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields!.map((f) => f.path).sort()).toEqual(
      ["ageMax", "capacity", "endDate", "fieldOfActionIds", "municipalityIds", "partnerIds", "registrationUrl", "title"].sort(),
    );
  });

  it("refuses an unknown provider or taxonomy id with NOT_FOUND naming the field, and writes nothing", async () => {
    const before = await s.ds.query("SELECT COUNT(*) AS n FROM measure");
    const e = failure(
      await s.gql(CREATE, {
        input: { title: "X", providerId: gid("Actor", 987654), fieldOfActionIds: [gid("TargetGroup", 1)], countyWide: true, level: "COUNTY" },
      }),
    );
    expect(e.code).toBe("NOT_FOUND");
    expect(e.fields!.map((f) => f.path).sort()).toEqual(["fieldOfActionIds.0", "providerId"]);
    expect(await s.ds.query("SELECT COUNT(*) AS n FROM measure")).toEqual(before);
  });

  it("updates lists and scalars with the version, rejects a stale one, and keeps rules across old and new values", async () => {
    const a = await buildActor(s.ds);
    const m = await buildMeasure(s.ds, a.rowId, { ageMin: 16, ageMax: 27 }, { fields: [t.field("LANGUAGE").rowId], municipalities: [t.place("Steinen").rowId] });
    const id = gid("Measure", m.rowId);
    const upd = `mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { version ageMin ageMax countyWide municipalities { name } fieldsOfAction { key } } } }`;
    const r = ok(await s.gql(upd, { i: { id, version: 1, ageMax: 30, fieldOfActionIds: [t.fieldId("EMPLOYMENT"), t.fieldId("LANGUAGE")] } })).updateMeasure.measure;
    expect(r).toMatchObject({ version: 2, ageMin: 16, ageMax: 30, countyWide: false, municipalities: [{ name: "Steinen" }] });
    expect(r.fieldsOfAction.map((f: { key: string }) => f.key).sort()).toEqual(["EMPLOYMENT", "LANGUAGE"]);
    expect(failure(await s.gql(upd, { i: { id, version: 2, ageMin: 40 } })).fields).toEqual([{ path: "ageMax", message: "must not be below ageMin (40)" }]);
    expect(failure(await s.gql(upd, { i: { id, version: 1, ageMin: 1 } })).code).toBe("CONFLICT");
    const cw = ok(await s.gql(upd, { i: { id, version: 2, countyWide: true } })).updateMeasure.measure;
    expect(cw).toMatchObject({ version: 3, countyWide: true, municipalities: [] });
  });

  it("keeps a description at its full 20,000 characters of emoji, and audits a change of it (MySQL: MEDIUMTEXT)", async () => {
    const a = await buildActor(s.ds);
    const m = await buildMeasure(s.ds, a.rowId, {}, { fields: [t.field("HEALTH").rowId] });
    const id = gid("Measure", m.rowId);
    const [before, after] = ["🙂".repeat(20_000), "🇩🇪".repeat(10_000)];
    const upd = `mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { version description } } }`;
    expect(ok(await s.gql(upd, { i: { id, version: 1, description: before } })).updateMeasure.measure.description).toBe(before);
    expect(ok(await s.gql(upd, { i: { id, version: 2, description: after } })).updateMeasure.measure).toEqual({ version: 3, description: after });
    const history = ok(await s.gql(`query($id: ID!) { measure(id: $id) { history { changes { field before after } } } }`, { id })).measure.history;
    expect(history[0].changes).toContainEqual({ field: "description", before, after });
  });

  it("confirms a measure as still valid, and adds and removes partners", async () => {
    const a = await buildActor(s.ds);
    const b = await buildActor(s.ds, { name: "Partner Messtest" });
    const m = await buildMeasure(s.ds, a.rowId, { lastConfirmedOn: "2024-01-01" }, { fields: [t.field("HEALTH").rowId] });
    const id = gid("Measure", m.rowId);
    const confirmed = ok(await s.gql(`mutation($i: ConfirmMeasureInput!) { confirmMeasure(input: $i) { measure { lastConfirmedOn version } } }`, { i: { id, version: 1 } }));
    expect(confirmed.confirmMeasure.measure.lastConfirmedOn).toBe(new Date().toISOString().slice(0, 10));
    const add = `mutation($i: MeasurePartnerInput!) { addMeasurePartner(input: $i) { measure { partners { name } version } } }`;
    const rem = `mutation($i: MeasurePartnerInput!) { removeMeasurePartner(input: $i) { measure { partners { name } } } }`;
    expect(ok(await s.gql(add, { i: { measureId: id, actorId: gid("Actor", b.rowId) } })).addMeasurePartner.measure.partners).toEqual([{ name: "Partner Messtest" }]);
    expect(failure(await s.gql(add, { i: { measureId: id, actorId: gid("Actor", a.rowId) } })).code).toBe("BAD_USER_INPUT");
    expect(ok(await s.gql(rem, { i: { measureId: id, actorId: gid("Actor", b.rowId) } })).removeMeasurePartner.measure.partners).toEqual([]);
    expect(failure(await s.gql(rem, { i: { measureId: id, actorId: gid("Actor", b.rowId) } })).code).toBe("NOT_FOUND");
  });

  it("filters on every dimension: field (with sub-fields), target group (ALL_MIGRANTS covers status groups), place (county-wide covers all), age, dates, status, level, actor kind, network, text", async () => {
    const jmd = await buildActor(s.ds, { name: "JMD Filter", kind: ActorKind.MIGRATION_SERVICE });
    const vhs = await buildActor(s.ds, { name: "VHS Filter", kind: ActorKind.EDUCATION_PROVIDER });
    const net = await buildNetwork(s.ds);
    await buildMembership(s.ds, net.rowId, jmd.rowId);
    const tag = "Zeta";
    await buildMeasure(
      s.ds,
      vhs.rowId,
      { title: `${tag} Integrationskurs Lörrach`, ageMin: 16, ageMax: null, startDate: "2026-01-01", endDate: "2026-06-30", level: Level.FEDERAL },
      { fields: [t.field("INTEGRATION_COURSES").rowId], targetGroups: [t.group("WOMEN").rowId], municipalities: [t.place("Lörrach").rowId] },
    );
    await buildMeasure(
      s.ds,
      jmd.rowId,
      { title: `${tag} Jugendberatung kreisweit`, ageMin: 12, ageMax: 27, startDate: "2025-01-01", endDate: null, status: MeasureStatus.PAUSED },
      { fields: [t.field("SOCIAL_COUNSELLING").rowId], targetGroups: [t.group("ALL_MIGRANTS").rowId] },
    );
    await buildMeasure(
      s.ds,
      jmd.rowId,
      { title: `${tag} Elterncafé Todtnau`, startDate: "2024-01-01", endDate: "2024-12-31", status: MeasureStatus.ENDED, published: false },
      { fields: [t.field("FAMILY").rowId], targetGroups: [t.group("PARENTS").rowId], municipalities: [t.place("Todtnau").rowId] },
    );
    const titles = async (filter: Record<string, unknown>) =>
      ok(await s.gql(`query($f: MeasureFilter) { measures(filter: $f, first: 100) { totalCount nodes { title } } }`, { f: { q: tag, ...filter } })).measures.nodes.map(
        (n: { title: string }) => n.title.replace(`${tag} `, ""),
      );
    expect(await titles({})).toEqual(["Elterncafé Todtnau", "Integrationskurs Lörrach", "Jugendberatung kreisweit"]);
    expect(await titles({ fieldOfActionIds: [t.fieldId("LANGUAGE")] })).toEqual(["Integrationskurs Lörrach"]);
    expect(await titles({ targetGroupIds: [t.groupId("ASYLUM_SEEKERS")] })).toEqual(["Jugendberatung kreisweit"]);
    expect(await titles({ targetGroupIds: [t.groupId("WOMEN")] })).toEqual(["Integrationskurs Lörrach"]);
    expect(await titles({ municipalityIds: [t.placeId("Todtnau")] })).toEqual(["Elterncafé Todtnau", "Jugendberatung kreisweit"]);
    expect(await titles({ age: 30 })).toEqual(["Elterncafé Todtnau", "Integrationskurs Lörrach"]);
    expect(await titles({ age: 14 })).toEqual(["Elterncafé Todtnau", "Jugendberatung kreisweit"]);
    expect(await titles({ ageRange: { min: 0, max: 11 } })).toEqual(["Elterncafé Todtnau"]);
    expect(await titles({ activeBetween: { from: "2026-07-01", to: "2026-12-31" } })).toEqual(["Jugendberatung kreisweit"]);
    expect(await titles({ activeBetween: { to: "2024-06-01" } })).toEqual(["Elterncafé Todtnau"]);
    expect(await titles({ statuses: ["ACTIVE", "PAUSED"] })).toEqual(["Integrationskurs Lörrach", "Jugendberatung kreisweit"]);
    expect(await titles({ published: false })).toEqual(["Elterncafé Todtnau"]);
    expect(await titles({ levels: ["FEDERAL"] })).toEqual(["Integrationskurs Lörrach"]);
    expect(await titles({ actorKinds: ["MIGRATION_SERVICE"] })).toEqual(["Elterncafé Todtnau", "Jugendberatung kreisweit"]);
    expect(await titles({ actorIds: [gid("Actor", vhs.rowId)] })).toEqual(["Integrationskurs Lörrach"]);
    expect(await titles({ networkIds: [gid("Network", net.rowId)] })).toEqual(["Elterncafé Todtnau", "Jugendberatung kreisweit"]);
    expect(await titles({ countyWide: true })).toEqual(["Jugendberatung kreisweit"]);
    expect(await titles({ confirmedBefore: "2026-07-01" })).toEqual(["Elterncafé Todtnau", "Integrationskurs Lörrach", "Jugendberatung kreisweit"]);
    expect(await titles({ q: `${tag} elterncafé` })).toEqual(["Elterncafé Todtnau"]);
    expect(await titles({ fieldOfActionIds: [] })).toEqual([]);
    expect(await titles({ municipalityIds: [gid("Actor", 1)] })).toEqual(["Jugendberatung kreisweit"]);
  });

  it("sorts by start date with open starts first and pages through them", async () => {
    const a = await buildActor(s.ds);
    const dates = ["2026-03-01", null, "2025-02-01", "2026-03-01"];
    for (const [i, d] of dates.entries()) await buildMeasure(s.ds, a.rowId, { title: `Sortierkurs ${i}`, startDate: d }, { fields: [t.field("LANGUAGE").rowId] });
    const q = `query($after: String) { measures(first: 2, after: $after, filter: { q: "Sortierkurs" }, orderBy: { field: START_DATE }) { pageInfo { hasNextPage endCursor } nodes { title } } }`;
    const p1 = ok(await s.gql(q)).measures;
    const p2 = ok(await s.gql(q, { after: p1.pageInfo.endCursor })).measures;
    expect([...p1.nodes, ...p2.nodes].map((n: { title: string }) => n.title)).toEqual(["Sortierkurs 1", "Sortierkurs 2", "Sortierkurs 0", "Sortierkurs 3"]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
  });

  it("archives a measure and hides it from its provider's list", async () => {
    const a = await buildActor(s.ds);
    const m = await buildMeasure(s.ds, a.rowId, { title: "Archivkurs" }, { fields: [t.field("LANGUAGE").rowId] });
    ok(await s.gql(`mutation($i: ArchiveInput!) { archiveMeasure(input: $i) { measure { archived } } }`, { i: { id: gid("Measure", m.rowId), version: 1 } }));
    const r = ok(await s.gql(`query($id: ID!) { actor(id: $id) { measureCount measures { title } } }`, { id: gid("Actor", a.rowId) }));
    expect(r.actor).toEqual({ measureCount: 0, measures: [] });
  });

  it("finds search text with SQL and LIKE metacharacters literally and safely", async () => {
    const a = await buildActor(s.ds);
    await buildMeasure(s.ds, a.rowId, { title: "Kurs 100% kostenlos_ja" }, { fields: [t.field("LANGUAGE").rowId] });
    const count = async (q: string) => ok(await s.gql(`query($q: String) { measures(filter: { q: $q }) { totalCount } }`, { q })).measures.totalCount;
    expect(await count("100%")).toBe(1);
    expect(await count("kostenlos_ja")).toBe(1);
    expect(await count("%")).toBe(1);
    expect(await count("' OR 1=1 --")).toBe(0);
    expect(await count("\\")).toBe(0);
  });
});
