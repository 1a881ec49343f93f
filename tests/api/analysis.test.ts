import { ActorKind } from "../../server/src/common/enums";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { buildActor, buildCooperation, buildHandler, buildMeasure, buildMembership, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, ok, startTestServer, TestServer } from "../helpers/test-server";

/** A hand-made county corner: the JMD/MBE rule with a conflict and a gap, and a few offerings. */
describe.each(databaseKinds())("coverage, responsibilities, referral and network map on %s", (kind) => {
  let s: TestServer;
  let t: Awaited<ReturnType<typeof taxonomy>>;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    s = await startTestServer(kind);
    t = await taxonomy(s.ds);
    const counselling = t.field("SOCIAL_COUNSELLING").rowId;
    const all = [t.group("ALL_MIGRANTS").rowId];
    ids.jmd = (await buildActor(s.ds, { name: "JMD Test", kind: ActorKind.MIGRATION_SERVICE })).rowId;
    ids.mbeA = (await buildActor(s.ds, { name: "MBE Caritas Test", kind: ActorKind.MIGRATION_SERVICE })).rowId;
    ids.mbeB = (await buildActor(s.ds, { name: "MBE Diakonie Test", kind: ActorKind.MIGRATION_SERVICE })).rowId;
    ids.vhs = (await buildActor(s.ds, { name: "VHS Test", kind: ActorKind.EDUCATION_PROVIDER })).rowId;
    ids.lonely = (await buildActor(s.ds, { name: "Verein ohne Kontakte" })).rowId;
    await buildHandler(s.ds, ids.jmd, counselling, { ageMin: 12, ageMax: 27 }, { targetGroups: all });
    await buildHandler(s.ds, ids.mbeA, counselling, { ageMin: 28, ageMax: 99 }, { targetGroups: all });
    await buildHandler(s.ds, ids.mbeB, counselling, { ageMin: 28, ageMax: 99 }, { targetGroups: all, municipalities: [t.place("Rheinfelden (Baden)").rowId] });
    ids.course = (
      await buildMeasure(s.ds, ids.vhs, { title: "Deutschkurs Lörrach", capacity: 15, startDate: "2020-01-01" }, {
        fields: [t.field("INTEGRATION_COURSES").rowId],
        targetGroups: [t.group("WOMEN").rowId],
        municipalities: [t.place("Lörrach").rowId],
      })
    ).rowId;
    await buildMeasure(s.ds, ids.mbeA, { title: "Migrationsberatung Sprechstunde", capacity: null, startDate: "2020-01-01", ageMin: 28 }, {
      fields: [counselling],
      targetGroups: all,
      partners: [ids.jmd],
    });
    await buildCooperation(s.ds, ids.jmd, ids.mbeA);
    const net = await buildNetwork(s.ds, { name: "AK Migration Test" });
    await buildMembership(s.ds, net.rowId, ids.jmd);
    await buildMembership(s.ds, net.rowId, ids.vhs);
  });
  afterAll(async () => s?.stop());

  it("counts active measures and capacity per field × municipality, with sub-fields counting for their parent", async () => {
    const q = `query($f: CoverageFilter) { coverage(rows: FIELD_OF_ACTION, columns: MUNICIPALITY, filter: $f) { measureCount rows { key } columns { key label } cells { row col measureCount capacity capacityUnknown } } }`;
    const c = ok(await s.gql(q, { f: { referenceDate: "2026-06-01" } })).coverage;
    expect(c.measureCount).toBe(2);
    expect(c.columns).toHaveLength(35);
    const cell = (row: string, place: string) => c.cells.find((x: any) => x.row === row && x.col === t.placeId(place));
    expect(cell("LANGUAGE", "Lörrach")).toEqual({ row: "LANGUAGE", col: t.placeId("Lörrach"), measureCount: 1, capacity: 15, capacityUnknown: 0 });
    expect(cell("INTEGRATION_COURSES", "Lörrach").measureCount).toBe(1);
    expect(cell("LANGUAGE", "Steinen").measureCount).toBe(0);
    expect(cell("SOCIAL_COUNSELLING", "Steinen")).toMatchObject({ measureCount: 1, capacity: 0, capacityUnknown: 1 });
    const byLevel = ok(await s.gql(`{ coverage(rows: LEVEL, columns: TARGET_GROUP) { rows { key } cells { row col measureCount } } }`)).coverage;
    expect(byLevel.rows.map((r: any) => r.key)).toEqual(["FEDERAL", "STATE", "COUNTY", "MUNICIPAL", "NON_GOVERNMENTAL"]);
    expect(failure(await s.gql(`{ coverage(rows: LEVEL, columns: LEVEL) { measureCount } }`)).code).toBe("BAD_USER_INPUT");
  });

  it("lists the empty cells as gaps", async () => {
    const g = ok(await s.gql(`{ gaps(rows: FIELD_OF_ACTION, columns: MUNICIPALITY, filter: { fieldOfActionIds: ["${t.fieldId("LANGUAGE")}"] }) { weighted totalCount gaps { row col colLabel } } }`)).gaps;
    expect(g.weighted).toBe(true);
    expect(g.totalCount).toBe(34);
    expect(g.gaps.map((x: any) => x.colLabel)).not.toContain("Lörrach");
  });

  it("finds the responsibility conflict with its exact overlap and the gap for children", async () => {
    const f = ok(
      await s.gql(`{ handlerFindings { conflicts { fieldOfAction { key } priority ageMin ageMax allMunicipalities municipalities { name } actors { name } descriptionEn }
        gaps { fieldOfAction { key } ageMin ageMax allMunicipalities descriptionEn } } }`),
    ).handlerFindings;
    expect(f.conflicts).toHaveLength(1);
    expect(f.conflicts[0]).toMatchObject({ fieldOfAction: { key: "SOCIAL_COUNSELLING" }, priority: 1, ageMin: 28, ageMax: 99, allMunicipalities: false, municipalities: [{ name: "Rheinfelden (Baden)" }] });
    expect(f.conflicts[0].actors.map((a: any) => a.name).sort()).toEqual(["MBE Caritas Test", "MBE Diakonie Test"]);
    expect(f.gaps).toEqual([{ fieldOfAction: { key: "SOCIAL_COUNSELLING" }, ageMin: 0, ageMax: 11, allMunicipalities: true, descriptionEn: "SOCIAL_COUNSELLING, ages 0–11, all municipalities" }]);
  });

  it("answers who handles a 30-year-old in Lörrach, anonymously too, and counts a question nobody can answer", async () => {
    const q = `query($p: ReferralProfileInput!) { whoHandles(profile: $p) { miss ambiguous handlers { ageMin actor { name } } measures { title } } }`;
    const adult = ok(await s.anon.gql(q, { p: { age: 30, municipalityId: t.placeId("Lörrach"), need: t.fieldId("SOCIAL_COUNSELLING"), targetGroupIds: [t.groupId("RECOGNISED_REFUGEES")] } })).whoHandles;
    expect(adult).toEqual({ miss: false, ambiguous: false, handlers: [{ ageMin: 28, actor: { name: "MBE Caritas Test" } }], measures: [{ title: "Migrationsberatung Sprechstunde" }] });
    const rheinfelden = ok(await s.gql(q, { p: { age: 40, municipalityId: t.placeId("Rheinfelden (Baden)"), need: t.fieldId("SOCIAL_COUNSELLING") } })).whoHandles;
    expect(rheinfelden.ambiguous).toBe(true);
    const child = ok(await s.anon.gql(q, { p: { age: 8, municipalityId: t.placeId("Steinen"), need: t.fieldId("SOCIAL_COUNSELLING") } })).whoHandles;
    expect(child.miss).toBe(true);
    expect(child.handlers).toEqual([]);
    ok(await s.anon.gql(q, { p: { age: 9, municipalityId: t.placeId("Steinen"), need: t.fieldId("SOCIAL_COUNSELLING") } }));
    const misses = ok(await s.gql(`{ referralMisses { count fieldOfAction { key } municipality { name } } }`)).referralMisses;
    expect(misses).toEqual([{ count: 2, fieldOfAction: { key: "SOCIAL_COUNSELLING" }, municipality: { name: "Steinen" } }]);
    expect(failure(await s.anon.gql(`{ referralMisses { count } }`)).code).toBe("UNAUTHENTICATED");
    const bad = failure(await s.anon.gql(q, { p: { municipalityId: t.fieldId("LANGUAGE"), need: t.placeId("Lörrach") } }));
    expect(bad.code).toBe("NOT_FOUND");
    expect(bad.fields!.map((x) => x.path).sort()).toEqual(["municipalityId", "need"]);
  });

  it("draws the actor graph with typed edges, metrics, communities and isolated actors", async () => {
    const analyst = await s.as(Role.ANALYST);
    const q = `query($f: NetworkGraphFilter) { networkGraph(filter: $f) { edgeKinds nodes { id name degree betweenness community measureCount } edgeSource edgeTarget edgeKind edgeWeight isolated communityCount } }`;
    const g = ok(await analyst.gql(q)).networkGraph;
    const idx = (name: string) => g.nodes.findIndex((n: any) => n.name === name);
    const edges = g.edgeSource.map((a: number, i: number) => [g.nodes[a].name, g.nodes[g.edgeTarget[i]].name, g.edgeKinds[g.edgeKind[i]]].sort().join(" / "));
    expect(edges.sort()).toEqual(
      [
        ["COOPERATION_REFERRAL", "JMD Test", "MBE Caritas Test"],
        ["CO_PROVIDED_MEASURE", "JMD Test", "MBE Caritas Test"],
        ["JMD Test", "SHARED_MEMBERSHIP", "VHS Test"],
      ].map((e) => e.sort().join(" / ")).sort(),
    );
    expect(g.nodes[idx("JMD Test")]).toMatchObject({ degree: 2, measureCount: 0 });
    expect(g.nodes[idx("JMD Test")].betweenness).toBeGreaterThan(0);
    expect(g.isolated.map((i: number) => g.nodes[i].name).sort()).toEqual(["MBE Diakonie Test", "Verein ohne Kontakte"]);
    const onlyNet = ok(await analyst.gql(q, { f: { edgeKinds: ["SHARED_MEMBERSHIP"], betweenness: false } })).networkGraph;
    expect(onlyNet.edgeSource).toHaveLength(1);
    expect(onlyNet.nodes[0].betweenness).toBeNull();
    expect(failure(await s.anon.gql(q)).code).toBe("UNAUTHENTICATED");
    expect(gid("Actor", ids.jmd)).toBe(g.nodes[idx("JMD Test")].id);
  });
});
