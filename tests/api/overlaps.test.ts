import { Role } from "../../server/src/modules/auth/auth.enums";
import { buildActor, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { Client, failure, ok, startTestServer, TestServer } from "../helpers/test-server";

const CREATE = `mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { measure { id version } } }`;
const LIST = `query($f: OverlapFilter) { overlaps(filter: $f, first: 50) { totalCount nodes { id version kind status score explanation statusReason clusterKey reviewNote reviewedBy
  dimensions { field targetGroup age area time text } shared { fieldsOfAction { key } targetGroups { key } municipalities { name } countyWide periodFrom periodTo text }
  measureA { title } measureB { title } } } }`;

describe.each(databaseKinds())("overlap detection and review on %s", (kind) => {
  let s: TestServer;
  let t: Awaited<ReturnType<typeof taxonomy>>;
  let caritas: number;
  let verein: number;
  let kirche: number;
  let partner: Client;
  const measure = (over: Record<string, unknown>) => ({
    fieldOfActionIds: [t.fieldId("LANGUAGE")],
    targetGroupIds: [t.groupId("WOMEN"), t.groupId("RECOGNISED_REFUGEES")],
    municipalityIds: [t.placeId("Lörrach")],
    ageMin: 18,
    startDate: "2026-01-01",
    endDate: "2026-06-30",
    level: "NON_GOVERNMENTAL",
    status: "ACTIVE",
    published: true,
    ...over,
  });
  beforeAll(async () => {
    s = await startTestServer(kind);
    t = await taxonomy(s.ds);
    caritas = (await buildActor(s.ds, { name: "Caritas Überschneidung" })).rowId;
    verein = (await buildActor(s.ds, { name: "Frauen für Frauen" })).rowId;
    kirche = (await buildActor(s.ds, { name: "Ev. Kirchengemeinde" })).rowId;
    partner = await s.as(Role.PARTNER, verein);
  });
  afterAll(async () => s?.stop());

  let a: { id: string; version: number };
  let b: { id: string; version: number };

  it("flags two language cafés for refugee women in Lörrach by different actors as soon as the second is entered", async () => {
    a = ok(await s.gql(CREATE, { i: measure({ title: "Sprachcafé für geflüchtete Frauen", description: "Offenes Sprachcafé mit Kinderbetreuung: Deutsch üben bei Kaffee und Kuchen.", providerId: gid("Actor", caritas) }) })).createMeasure.measure;
    expect(ok(await s.gql(LIST)).overlaps.totalCount).toBe(0);
    b = ok(
      await partner.gql(CREATE, { i: measure({ title: "Sprachtreff für Frauen mit Fluchterfahrung", description: "Wir üben gemeinsam Deutsch im Sprachtreff, Kinder werden betreut. Mit Kaffee.", providerId: gid("Actor", verein) }) }),
    ).createMeasure.measure;
    const list = ok(await s.gql(LIST)).overlaps;
    expect(list.totalCount).toBe(1);
    const o = list.nodes[0];
    expect(o).toMatchObject({ kind: "CROSS_ACTOR", status: "OPEN", measureA: { title: "Sprachcafé für geflüchtete Frauen" }, measureB: { title: "Sprachtreff für Frauen mit Fluchterfahrung" } });
    expect(o.shared.fieldsOfAction.map((f: any) => f.key)).toContain("LANGUAGE");
    expect(o.shared.municipalities).toEqual([{ name: "Lörrach" }]);
    expect(o.shared.periodFrom).toBe("2026-01-01");
    expect(o.explanation).toMatch(/Sprache/);
    expect(o.explanation).toMatch(/Lörrach/);
    for (const d of ["field", "targetGroup", "age", "area", "time", "text"]) expect(o.dimensions[d]).toBeGreaterThan(0);
  });

  it("does not flag the same café in another town, for other ages, or in another half-year", async () => {
    const base = { description: "Offenes Sprachcafé mit Kinderbetreuung: Deutsch üben bei Kaffee und Kuchen.", providerId: gid("Actor", kirche) };
    ok(await s.gql(CREATE, { i: measure({ ...base, title: "Sprachcafé für geflüchtete Frauen Steinen", municipalityIds: [t.placeId("Steinen")] }) }));
    ok(await s.gql(CREATE, { i: measure({ ...base, title: "Sprachcafé für geflüchtete Mädchen", ageMin: 10, ageMax: 16 }) }));
    ok(await s.gql(CREATE, { i: measure({ ...base, title: "Sprachcafé für geflüchtete Frauen 2027", startDate: "2027-01-01", endDate: "2027-06-30" }) }));
    expect(ok(await s.gql(LIST)).overlaps.totalCount).toBe(1);
  });

  it("lets the commissioner review with a note; partners see the overlap but not the note; analysts cannot review", async () => {
    const [o] = ok(await s.gql(LIST)).overlaps.nodes;
    const analyst = await s.as(Role.ANALYST);
    const review = `mutation($i: ReviewOverlapInput!) { reviewOverlap(input: $i) { overlap { status version reviewNote reviewedBy } } }`;
    expect(failure(await analyst.gql(review, { i: { id: o.id, status: "CONFIRMED", version: o.version } })).code).toBe("FORBIDDEN");
    expect(failure(await partner.gql(review, { i: { id: o.id, status: "DISMISSED", version: o.version } })).code).toBe("FORBIDDEN");
    expect(failure(await s.gql(review, { i: { id: o.id, status: "RESOLVED", version: o.version } })).fields?.[0].path).toBe("status");
    const done = ok(await s.gql(review, { i: { id: o.id, status: "CONFIRMED", note: "Absprache im AK Migration", version: o.version } })).reviewOverlap.overlap;
    expect(done).toMatchObject({ status: "CONFIRMED", reviewNote: "Absprache im AK Migration" });
    expect(done.reviewedBy).toMatch(/@test\.example$/);
    expect(failure(await s.gql(review, { i: { id: o.id, status: "DISMISSED", version: o.version } })).code).toBe("CONFLICT");
    const seen = ok(await partner.gql(LIST)).overlaps.nodes;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: "CONFIRMED", reviewNote: null, reviewedBy: null });
    const other = await s.as(Role.PARTNER, kirche);
    expect(ok(await other.gql(LIST)).overlaps.totalCount).toBe(0);
  });

  it("keeps the decision through an immaterial edit and re-opens it with the reason after a material one", async () => {
    const upd = `mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { version } } }`;
    b.version = ok(await partner.gql(upd, { i: { id: b.id, version: b.version, capacity: 25, schedule: "dienstags 15–17 Uhr" } })).updateMeasure.measure.version;
    expect(ok(await s.gql(LIST)).overlaps.nodes[0].status).toBe("CONFIRMED");
    b.version = ok(await partner.gql(upd, { i: { id: b.id, version: b.version, startDate: "2026-03-01", endDate: "2026-09-30" } })).updateMeasure.measure.version;
    const o = ok(await s.gql(LIST)).overlaps.nodes[0];
    expect(o.status).toBe("OPEN");
    expect(o.statusReason).toMatch(/Zeitraum/);
  });

  it("groups three mutually overlapping offerings into one cluster and links the actors on the network map", async () => {
    ok(
      await s.gql(CREATE, {
        i: measure({ title: "Deutsch-Café für Frauen mit Fluchtgeschichte", description: "Im Deutsch-Café üben Frauen Deutsch, mit Kinderbetreuung und Kaffee.", providerId: gid("Actor", kirche), startDate: "2026-02-01", endDate: "2026-12-31" }),
      }),
    );
    const clusters = ok(await s.gql(`{ overlapClusters { key measures { title } overlaps { id } } }`)).overlapClusters;
    expect(clusters).toHaveLength(1);
    expect(clusters[0].measures).toHaveLength(3);
    expect(clusters[0].overlaps).toHaveLength(3);
    const counts = ok(await s.gql(`query($id: ID!) { actor(id: $id) { overlapCount measures { title overlaps { kind } } } }`, { id: gid("Actor", caritas) })).actor;
    expect(counts.overlapCount).toBe(2);
    const g = ok(await s.gql(`{ networkGraph(filter: { edgeKinds: [OVERLAP], betweenness: false }) { edgeSource } }`)).networkGraph;
    expect(g.edgeSource).toHaveLength(3);
  });

  it("resolves a confirmed duplicate when one offering is archived, and a full recompute changes nothing afterwards", async () => {
    let o = ok(await s.gql(LIST, { f: { measureIds: [b.id] } })).overlaps.nodes.find((x: any) => x.measureA?.title === "Sprachcafé für geflüchtete Frauen");
    o = ok(await s.gql(`mutation($i: ReviewOverlapInput!) { reviewOverlap(input: $i) { overlap { id version status } } }`, { i: { id: o.id, status: "CONFIRMED", version: o.version } })).reviewOverlap.overlap;
    ok(await partner.gql(`mutation($i: ArchiveInput!) { archiveMeasure(input: $i) { measure { archived } } }`, { i: { id: b.id, version: b.version } }));
    const after = ok(await s.gql(LIST, { f: { measureIds: [b.id], detected: null } })).overlaps.nodes;
    expect(after.find((x: any) => x.id === o.id)).toMatchObject({ status: "RESOLVED" });
    expect(after.find((x: any) => x.id === o.id).statusReason).toMatch(/nicht mehr/);
    const r1 = ok(await s.gql(`mutation { recomputeOverlaps { measures findings clusters opened reopened resolved candidatePairs allPairs } }`)).recomputeOverlaps;
    expect(r1).toMatchObject({ findings: 1, clusters: 0, opened: 0, reopened: 0 });
    expect(r1.candidatePairs).toBeLessThanOrEqual(r1.allPairs);
    expect(failure(await partner.gql(`mutation { recomputeOverlaps { findings } }`)).code).toBe("FORBIDDEN");
  });

  it("flags a near-identical second entry by the same actor as a data-entry duplicate", async () => {
    const text = { description: "Kurs zur Vorbereitung auf die eigene Wohnung: Mietvertrag, Nebenkosten, Mülltrennung.", providerId: gid("Actor", caritas), fieldOfActionIds: [t.fieldId("HOUSING")] };
    ok(await s.gql(CREATE, { i: measure({ ...text, title: "Mietführerschein für Geflüchtete" }) }));
    ok(await s.gql(CREATE, { i: measure({ ...text, title: "Mietführerschein für Geflüchtete – Lörrach" }) }));
    const dup = ok(await s.gql(LIST, { f: { kinds: ["SAME_ACTOR_DUPLICATE"] } })).overlaps.nodes;
    expect(dup).toHaveLength(1);
    expect(dup[0].score).toBeGreaterThan(0.8);
  });
});
