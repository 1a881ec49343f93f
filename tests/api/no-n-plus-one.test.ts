import { DataSource } from "typeorm";
import { buildActor, buildMeasure, buildMeeting, buildMembership, buildNetwork, buildCooperation, buildHandler, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { ok, startTestServer, TestServer } from "../helpers/test-server";

/**
 * Relations resolve through per-request DataLoaders, so the number of SQL statements a query causes depends on the
 * query's shape, not on how many rows it returns.
 */
const QUERIES = [
  `{ actors(first: 100) { totalCount nodes { name kind municipality { name } contactPersons { name }
      handlers { fieldOfAction { key } targetGroups { key } municipalities { name } }
      measures { title provider { name } fieldsOfAction { key nameDe } targetGroups { key } municipalities { name } } } } }`,
  `{ networks(first: 100) { nodes { name memberCount members { role actor { name kind } } meetings { title participants { name } } } } }`,
  `{ cooperations(first: 100) { nodes { kind actorA { name } actorB { name } } } }`,
  `{ measures(first: 100) { nodes { title partners { name } fieldsOfAction { key } } } }`,
];

async function buildNetworkOf(ds: DataSource, actors: number): Promise<void> {
  const t = await taxonomy(ds);
  const ids: number[] = [];
  for (let i = 0; i < actors; i++) {
    const a = await buildActor(ds, { name: `Träger ${i}`, municipalityId: t.place("Lörrach").rowId });
    ids.push(a.rowId);
    await buildMeasure(ds, a.rowId, {}, {
      fields: [t.field("LANGUAGE").rowId, t.field("FAMILY").rowId],
      targetGroups: [t.group("WOMEN").rowId],
      municipalities: [t.place("Lörrach").rowId, t.place("Steinen").rowId],
      partners: i > 0 ? [ids[i - 1]] : [],
    });
    await buildMeasure(ds, a.rowId, {}, { fields: [t.field("HEALTH").rowId] });
    if (i > 0) await buildCooperation(ds, a.rowId, ids[i - 1]);
    await buildHandler(ds, a.rowId, t.field("SOCIAL_COUNSELLING").rowId, {}, { municipalities: [t.place("Binzen").rowId] });
  }
  for (let n = 0; n < Math.max(2, actors / 20); n++) {
    const net = await buildNetwork(ds);
    const members = ids.filter((_, i) => i % 3 === n % 3);
    for (const m of members) await buildMembership(ds, net.rowId, m);
    await buildMeeting(ds, net.rowId, members.slice(0, 10));
    await buildMeeting(ds, net.rowId, members.slice(5, 25));
  }
}

describe.each(databaseKinds())("statements per nested query on %s", (kind) => {
  const counts: Record<number, number[]> = {};

  for (const size of [10, 200]) {
    it(`answers the nested network query for ${size} actors`, async () => {
      // The nested query is deliberately large (up to 100 actors with everything); the cost limit is not under test here.
      const s: TestServer = await startTestServer(kind, { limits: { cost: 1_000_000 } });
      try {
        await buildNetworkOf(s.ds, size);
        const results: any[] = [];
        counts[size] = [];
        for (const query of QUERIES) {
          counts[size].push(await s.countStatements(async () => results.push(ok(await s.gql(query)))));
        }
        expect(results[0].actors.totalCount).toBe(size);
        expect(results[0].actors.nodes).toHaveLength(Math.min(size, 100));
        expect(results[0].actors.nodes[0].measures[0].provider.name).toBe(results[0].actors.nodes[0].name);
        expect(results[1].networks.nodes[0].members.length).toBeGreaterThan(size / 4);
        expect(results[2].cooperations.nodes[0].actorB.name).toMatch(/^Träger/);
      } finally {
        await s.stop();
      }
    });
  }

  it("uses the same number of SQL statements for 10 and for 200 actors", () => {
    expect(counts[10].every((n) => n > 0)).toBe(true);
    expect(counts[200]).toEqual(counts[10]);
  });
});
