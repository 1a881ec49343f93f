import fc from "fast-check";
import { buildNetworkGraph, NETWORK_EDGE_KINDS, NetworkGraphInput } from "../../server/src/modules/analysis/network-graph";
import { AnalysisActor, AnalysisCooperation } from "../../server/src/modules/analysis/analysis.types";

const TODAY = "2025-06-01";

const actor = (id: number, name: string, kind = "WELFARE_ASSOCIATION", archived = false): AnalysisActor => ({ id, name, kind, archived });
const active = (id: number, providerId: number) => ({
  id,
  providerId,
  status: "ACTIVE" as const,
  archived: false,
  startDate: null,
  endDate: null,
});

/**
 * A small county network. Landratsamt, Caritas and Diakonie sit together in the Arbeitskreis Migration, Caritas
 * and Diakonie also in the Fachkreis; VHS and JMD run courses together with Caritas; the Moscheeverein has no ties.
 */
const county: NetworkGraphInput = {
  actors: [
    actor(1, "Landratsamt Lörrach", "PUBLIC_AUTHORITY"),
    actor(2, "Caritasverband"),
    actor(3, "Diakonisches Werk"),
    actor(4, "VHS Lörrach", "EDUCATION_PROVIDER"),
    actor(5, "Jugendmigrationsdienst", "MIGRATION_SERVICE"),
    actor(6, "Moscheeverein Weil", "MIGRANT_ORGANISATION"),
    actor(7, "Früherer Verein (archiviert)", "OTHER", true),
    actor(8, "Integrationslotsen Rheinfelden", "VOLUNTEER_INITIATIVE"),
  ],
  cooperations: [
    { actorAId: 1, actorBId: 2, kind: "REFERRAL" },
    { actorAId: 2, actorBId: 1, kind: "REFERRAL" },
    { actorAId: 1, actorBId: 3, kind: "FUNDING", startDate: "2023-01-01" },
    { actorAId: 2, actorBId: 3, kind: "INFORMATION_EXCHANGE", endDate: "2024-01-01" },
    { actorAId: 4, actorBId: 7, kind: "AGREEMENT" },
  ],
  memberships: [
    { actorId: 1, networkId: 100, until: null },
    { actorId: 2, networkId: 100, until: null },
    { actorId: 3, networkId: 100, until: null },
    { actorId: 2, networkId: 101, until: null },
    { actorId: 3, networkId: 101, since: "2020-05-01", until: null },
    { actorId: 4, networkId: 101, until: "2024-12-31" },
  ],
  measures: [active(1, 4), { ...active(2, 4), status: "ENDED" }, active(3, 5), active(4, 2)],
  partners: [
    { measureId: 1, actorId: 5 },
    { measureId: 2, actorId: 8 },
    { measureId: 4, actorId: 4 },
    { measureId: 4, actorId: 5 },
  ],
  overlaps: [{ aActorId: 3, bActorId: 8 }],
};

const code = (kind: (typeof NETWORK_EDGE_KINDS)[number]) => NETWORK_EDGE_KINDS.indexOf(kind);

describe("buildNetworkGraph", () => {
  it("builds the county network with one edge per tie kind, brokers, communities and isolated actors", () => {
    const graph = buildNetworkGraph(county, { referenceDate: TODAY });

    expect(graph.edgeKinds).toEqual([...NETWORK_EDGE_KINDS]);
    expect(graph.nodes).toEqual([
      { id: 1, name: "Landratsamt Lörrach", kind: "PUBLIC_AUTHORITY", degree: 2, betweenness: 0, community: 0, measureCount: 0 },
      { id: 2, name: "Caritasverband", kind: "WELFARE_ASSOCIATION", degree: 4, betweenness: 0.4, community: 0, measureCount: 1 },
      { id: 3, name: "Diakonisches Werk", kind: "WELFARE_ASSOCIATION", degree: 3, betweenness: 0.266667, community: 0, measureCount: 0 },
      { id: 4, name: "VHS Lörrach", kind: "EDUCATION_PROVIDER", degree: 2, betweenness: 0, community: 1, measureCount: 1 },
      { id: 5, name: "Jugendmigrationsdienst", kind: "MIGRATION_SERVICE", degree: 2, betweenness: 0, community: 1, measureCount: 1 },
      { id: 6, name: "Moscheeverein Weil", kind: "MIGRANT_ORGANISATION", degree: 0, betweenness: 0, community: null, measureCount: 0 },
      {
        id: 8,
        name: "Integrationslotsen Rheinfelden",
        kind: "VOLUNTEER_INITIATIVE",
        degree: 1,
        betweenness: 0,
        community: 0,
        measureCount: 0,
      },
    ]);
    const edges = graph.edges.source.map((s, i) => [s, graph.edges.target[i], graph.edgeKinds[graph.edges.kind[i]], graph.edges.weight[i]]);
    expect(edges).toEqual([
      [0, 1, "COOPERATION_REFERRAL", 2],
      [0, 1, "SHARED_MEMBERSHIP", 1],
      [0, 2, "COOPERATION_FUNDING", 1],
      [0, 2, "SHARED_MEMBERSHIP", 1],
      [1, 2, "SHARED_MEMBERSHIP", 2],
      [1, 3, "CO_PROVIDED_MEASURE", 1],
      [1, 4, "CO_PROVIDED_MEASURE", 1],
      [2, 6, "OVERLAP", 1],
      [3, 4, "CO_PROVIDED_MEASURE", 2],
    ]);
    expect(graph.isolated).toEqual([5]);
    expect(graph.communityCount).toBe(2);
    // Partition {Landratsamt, Caritas, Diakonie, Lotsen} | {VHS, JMD} on pair weights 3,2,2,1,1,2,1 (total 12).
    expect(graph.modularity).toBeCloseTo(8 / 12 - (18 / 24) ** 2 + 2 / 12 - (6 / 24) ** 2, 10);
  });

  it("restricts the graph to the chosen tie kinds, and metrics follow", () => {
    const graph = buildNetworkGraph(county, {
      referenceDate: TODAY,
      edgeKinds: ["COOPERATION_REFERRAL", "COOPERATION_FUNDING", "OVERLAP"],
    });
    expect([graph.edges.source, graph.edges.target, graph.edges.kind, graph.edges.weight]).toEqual([
      [0, 0, 2],
      [1, 2, 6],
      [code("COOPERATION_REFERRAL"), code("COOPERATION_FUNDING"), code("OVERLAP")],
      [2, 1, 1],
    ]);
    expect(graph.nodes.map((n) => n.degree)).toEqual([2, 1, 2, 0, 0, 0, 1]);
    expect(graph.isolated).toEqual([3, 4, 5]);
    // Path Caritas – Landratsamt – Diakonie – Lotsen among 7 nodes: 1/30 per ordered pair through a node.
    expect(graph.nodes.map((n) => n.betweenness)).toEqual([0.133333, 0, 0.133333, 0, 0, 0, 0]);
    expect(graph.nodes.map((n) => n.community)).toEqual([0, 0, 1, null, null, null, 1]);
  });

  it("keeps only the chosen actors, and archived ones on request", () => {
    const graph = buildNetworkGraph(county, { referenceDate: TODAY, actorIds: [4, 5, 7], includeArchived: true });
    expect(graph.nodes.map((n) => [n.name, n.degree])).toEqual([
      ["VHS Lörrach", 2],
      ["Jugendmigrationsdienst", 1],
      ["Früherer Verein (archiviert)", 1],
    ]);
    expect(graph.edges.kind.map((k) => graph.edgeKinds[k])).toEqual(["CO_PROVIDED_MEASURE", "COOPERATION_AGREEMENT"]);
  });

  it("finds the two brokers of two groups joined by a single tie", () => {
    const names = ["a", "b", "c", "d", "e", "f"];
    const pairs = [
      [1, 2],
      [1, 3],
      [2, 3],
      [3, 4],
      [4, 5],
      [4, 6],
      [5, 6],
    ];
    const graph = buildNetworkGraph(
      {
        actors: names.map((name, i) => actor(i + 1, name)),
        cooperations: pairs.map(([a, b]): AnalysisCooperation => ({ actorAId: a, actorBId: b, kind: "AGREEMENT" })),
      },
      { referenceDate: TODAY },
    );
    expect(graph.nodes.map((n) => [n.name, n.degree, n.betweenness, n.community])).toEqual([
      ["a", 2, 0, 0],
      ["b", 2, 0, 0],
      ["c", 3, 0.6, 0],
      ["d", 3, 0.6, 1],
      ["e", 2, 0, 1],
      ["f", 2, 0, 1],
    ]);
    expect(graph.isolated).toEqual([]);
  });

  it("leaves betweenness out when asked to, for very large views", () => {
    const graph = buildNetworkGraph(county, { referenceDate: TODAY, betweenness: false });
    expect(graph.nodes.map((n) => n.betweenness)).toEqual([null, null, null, null, null, null, null]);
    expect(graph.nodes.map((n) => n.degree)).toEqual([2, 4, 3, 2, 2, 0, 1]);
  });

  it("gives an empty payload for a network without actors", () => {
    expect(buildNetworkGraph({ actors: [] }, { referenceDate: TODAY })).toEqual({
      edgeKinds: [...NETWORK_EDGE_KINDS],
      nodes: [],
      edges: { source: [], target: [], kind: [], weight: [] },
      isolated: [],
      communityCount: 0,
      modularity: 0,
    });
  });

  it("is deterministic and consistent whatever order the rows arrive in", () => {
    const arbInput = fc.record({
      actorCount: fc.integer({ min: 1, max: 25 }),
      ties: fc.array(
        fc.tuple(
          fc.integer({ min: 1, max: 25 }),
          fc.integer({ min: 1, max: 25 }),
          fc.constantFrom<AnalysisCooperation["kind"]>("REFERRAL", "FUNDING"),
        ),
        { maxLength: 60 },
      ),
      members: fc.array(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 4 })), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(arbInput, fc.integer(), ({ actorCount, ties, members }, shuffleSeed) => {
        const input: NetworkGraphInput = {
          actors: Array.from({ length: actorCount }, (_, i) => actor(i + 1, `Akteur ${i + 1}`)),
          cooperations: ties.map(([a, b, kind]) => ({ actorAId: a, actorBId: b, kind })),
          memberships: members.map(([actorId, networkId]) => ({ actorId, networkId, until: null })),
        };
        const shuffled: NetworkGraphInput = {
          actors: shuffle(input.actors, shuffleSeed),
          cooperations: shuffle(input.cooperations!, shuffleSeed + 1),
          memberships: shuffle(input.memberships!, shuffleSeed + 2),
        };
        const graph = buildNetworkGraph(input, { referenceDate: TODAY });
        expect(buildNetworkGraph(shuffled, { referenceDate: TODAY })).toEqual(graph);

        const neighbours = graph.nodes.map(() => new Set<number>());
        graph.edges.source.forEach((s, i) => {
          const t = graph.edges.target[i];
          expect(s).toBeLessThan(t);
          neighbours[s].add(t);
          neighbours[t].add(s);
        });
        expect(graph.nodes.map((n) => n.degree)).toEqual(neighbours.map((set) => set.size));
        expect(graph.isolated).toEqual(graph.nodes.flatMap((n, i) => (n.degree === 0 ? [i] : [])));
        expect(graph.nodes.every((n) => (n.community === null) === (n.degree === 0))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

/** Fisher–Yates with a small LCG, so a failing case can be replayed from its seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
